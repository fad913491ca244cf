/**
 * Bookmarks (ISO 32000-1 §12.3.3 document outline): parts with their pieces
 * nested, or the pieces alone; each item goes to its named destination.
 */
import type { OutlineEntry } from '../../layout/index.js';
import { internals, type PdfOutlineItem } from './doc.js';

function add(parent: PdfOutlineItem, e: OutlineEntry): void {
  const item = parent.addItem(e.title, { pageNumber: e.pageIndex, expanded: e.children.length > 0 });
  item.outlineData.Dest = new String(e.dest);
  for (const child of e.children) add(item, child);
}

export function writeOutline(doc: PDFKit.PDFDocument, outline: readonly OutlineEntry[]): void {
  const root = internals(doc).outline;
  for (const e of outline) add(root, e);
}
