/**
 * What the PDF layout decided that the DOCX repeats (docs/design.md “The layout facts (layout → DOCX)”: the DOCX reads as the PDF):
 * each GFM table's column widths (ECMA-376 Part 1 §17.4.14 w:gridCol, §17.4.71 w:tcW) and
 * the lines of centred titles the layout balanced (clreq: a wrapped title set as a
 * trapezoid; written as w:br, §17.3.3.1). Built once per render from the page tree's
 * optional fields; an absent field leaves the DOCX on its own defaults. (The headings'
 * printed pages reach the contents directly: contents.ts.)
 */
import type { TableColumns, TitleBreaks } from '../../layout/index.js';

export interface LayoutFacts {
  readonly tableColumns?: readonly TableColumns[];
  readonly titleBreaks?: readonly TitleBreaks[];
}

const pieceKey = (piece: number, index: number): string => `${piece}\u0000${index}`;

export class LayoutHints {
  private readonly tables = new Map<string, readonly number[]>();
  private readonly titles = new Map<string, readonly string[]>();

  constructor(facts: LayoutFacts = {}) {
    // Later entries win: a layout that set a piece twice reports the last setting.
    for (const t of facts.tableColumns ?? []) this.tables.set(pieceKey(t.piece, t.index), t.widthsPt);
    for (const b of facts.titleBreaks ?? []) this.titles.set(b.key, b.lines);
  }

  /** The PDF's column widths (pt) of a piece's `index`-th table, or null when unknown or of another column count. */
  tableWidthsPt(piece: number, index: number, cols: number): readonly number[] | null {
    const w = this.tables.get(pieceKey(piece, index));
    return w && w.length === cols && w.every((x) => x > 0) ? w : null;
  }

  /**
   * The lines a centred title was balanced into, when they spell `text` (whitespace aside);
   * null when the layout kept it on one line or set other text.
   */
  titleLines(key: string, text: string): readonly string[] | null {
    const lines = this.titles.get(key);
    if (!lines || lines.length < 2) return null;
    const squash = (s: string) => s.replace(/\s+/g, '');
    return squash(lines.join('')) === squash(text) ? lines : null;
  }
}
