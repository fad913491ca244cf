/**
 * Reading the XML parts of a Word package with a real XML parser (@xmldom/xmldom,
 * the parser mammoth itself uses): namespace-aware lookups of WordprocessingML
 * elements and attributes, in the transitional and the strict namespace alike.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

export const W_NS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
] as const;
export const A_NS = [
  'http://schemas.openxmlformats.org/drawingml/2006/main',
  'http://purl.oclc.org/ooxml/drawingml/main',
] as const;
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export type XmlDoc = Document;
export type XmlEl = Element;

/** Parse `text`; malformed XML throws with the parser's message. */
export function parseXml(text: string, part: string): XmlDoc {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') errors.push(message);
    },
  } as never).parseFromString(text, 'application/xml');
  if (errors.length > 0 || !doc.documentElement)
    throw new Error(`${part}: not well-formed XML (${errors[0] ?? 'no root element'})`);
  return doc;
}

export function serializeXml(doc: XmlDoc): string {
  return new XMLSerializer().serializeToString(doc);
}

function inNs(el: Node, ns: readonly string[] | string, local: string): boolean {
  if (el.nodeType !== 1) return false;
  const e = el as Element;
  return e.localName === local && (typeof ns === 'string' ? e.namespaceURI === ns : ns.includes(e.namespaceURI ?? ''));
}

/** Is `node` the WordprocessingML element `w:<local>`? */
export function isW(node: Node | null, local: string): node is Element {
  return node !== null && inNs(node, W_NS, local);
}

/** Element children of `el`. */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** First child `w:<local>` of `el`, or null. */
export function wChild(el: Element | null, local: string): Element | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) if (isW(n, local)) return n;
  return null;
}

/** All children `w:<local>` of `el`. */
export function wChildren(el: Element | null, local: string): Element[] {
  return el ? childElements(el).filter((c) => isW(c, local)) : [];
}

/** Descendants `w:<local>` of `root` in document order. */
export function wDescendants(root: Element | Document, local: string): Element[] {
  const out: Element[] = [];
  for (const ns of W_NS) {
    const list = root.getElementsByTagNameNS(ns, local);
    for (let i = 0; i < list.length; i++) out.push(list[i]);
  }
  return out;
}

/** Descendants named `<ns>:<local>` of `root`, in any of the namespaces given. */
export function descendantsNs(root: Element | Document, ns: readonly string[], local: string): Element[] {
  const out: Element[] = [];
  for (const u of ns) {
    const list = root.getElementsByTagNameNS(u, local);
    for (let i = 0; i < list.length; i++) out.push(list[i]);
  }
  return out;
}

/** The attribute `w:<local>` of `el` (either namespace), or null. */
export function wAttr(el: Element | null, local: string): string | null {
  if (!el) return null;
  for (const ns of W_NS) {
    if (el.hasAttributeNS(ns, local)) return el.getAttributeNS(ns, local);
  }
  return null;
}

/** `w:val` of the child `w:<local>`, or null when the child is absent. */
export function wVal(el: Element | null, local: string): string | null {
  return wAttr(wChild(el, local), 'val');
}

/**
 * A WordprocessingML on/off property (`<w:b/>`, `<w:b w:val="0"/>`): true, false, or
 * null when the element is absent (ECMA-376 §17.17.4 ST_OnOff).
 */
export function wOnOff(el: Element | null, local: string): boolean | null {
  const c = wChild(el, local);
  if (!c) return null;
  const v = wAttr(c, 'val');
  return v === null || !['0', 'false', 'off'].includes(v);
}

/** Nearest ancestor `w:<local>` of `node` (not `node` itself), or null. */
export function wAncestor(node: Node, local: string): Element | null {
  for (let n = node.parentNode; n; n = n.parentNode) if (isW(n, local)) return n;
  return null;
}

/** Is `node` inside an `mc:Choice` (the alternative mammoth does not read; it reads `mc:Fallback`)? */
export function inMcChoice(node: Node): boolean {
  for (let n = node.parentNode; n; n = n.parentNode) if (inNs(n, MC_NS, 'Choice')) return true;
  return false;
}
