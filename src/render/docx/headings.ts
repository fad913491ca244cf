/**
 * A piece's headings in the order the PDF layout numbers them (model/headings.ts: top-level
 * blocks, then inside block quotes and list items, footnotes aside; every level counted), so
 * the DOCX's contents entries (TOC \o "1-N", ECMA-376 Part 1 §17.16.5.68) point at the same
 * headings through bookmarks (§17.13.6.2) and show the pages the layout gave them.
 */

/** Bookmark of a piece's `index`-th heading (≤ 40 characters, §17.13.6.2). */
export function headingBookmark(piece: number, index: number): string {
  return `_TocHead${String(piece).padStart(3, '0')}_${String(index).padStart(3, '0')}`;
}
