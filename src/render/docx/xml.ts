/**
 * A tiny, escaping XML element writer for the few package parts huibian writes whole
 * (font table, its relationships, settings) and for ImportedXmlComponent fragments.
 *
 * This generates XML from data; it never edits serialized XML. Attribute order is the
 * order given, so the output is deterministic.
 */

export type XmlAttrs = Readonly<Record<string, string | number>>;

/** One element: name, attributes (in order), children (elements or already-built text). */
export interface XmlNode {
  readonly name: string;
  readonly attrs?: XmlAttrs;
  readonly children?: readonly (XmlNode | XmlText)[];
}

/** Character data inside an element. */
export interface XmlText {
  readonly text: string;
}

export function el(name: string, attrs: XmlAttrs = {}, children: readonly (XmlNode | XmlText)[] = []): XmlNode {
  return { name, attrs, children };
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export function serialize(node: XmlNode | XmlText): string {
  if ('text' in node) return escapeXml(node.text);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const kids = node.children ?? [];
  if (kids.length === 0) return `<${node.name}${attrs}/>`;
  return `<${node.name}${attrs}>${kids.map(serialize).join('')}</${node.name}>`;
}

/** A whole part: XML declaration plus the root element. */
export function serializeDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${serialize(root)}`;
}

export const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
