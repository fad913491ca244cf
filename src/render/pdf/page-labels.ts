/**
 * Page labels (ISO 32000-1 §12.4.2, /PageLabels number tree in the catalog) so a
 * viewer shows the printed numbers: front matter (contents) in lower-case roman,
 * the body from 1 — the same numbers as in the footers and the contents.
 */
import type { PageTree } from '../../layout/index.js';
import { internals } from './doc.js';

/** The /Nums array: [pageIndex, labelDict, …]. Names are written by pdfkit from plain JS strings. */
export function pageLabelNums(tree: PageTree): (number | Record<string, unknown>)[] {
  const nums: (number | Record<string, unknown>)[] = [];
  if (tree.frontPages > 0) nums.push(0, { S: 'r' });
  if (tree.pages.length > tree.frontPages) nums.push(tree.frontPages, { S: 'D', St: 1 });
  return nums;
}

export function writePageLabels(doc: PDFKit.PDFDocument, tree: PageTree): void {
  const nums = pageLabelNums(tree);
  if (nums.length === 0) return;
  const pdf = internals(doc);
  const labels = pdf.ref({ Nums: nums });
  labels.end();
  pdf._root.data.PageLabels = labels;
}
