/**
 * A tiny, escaping XML element writer for the parts a writer builds whole (in DOCX:
 * the font table, its relationships, settings, core properties, and the fragments
 * handed to docx as ImportedXmlComponent).
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
