/**
 * What the PDF layout decided that the DOCX repeats (SPEC §3: the DOCX reads as the PDF):
 * each GFM table's column widths (ECMA-376 Part 1 §17.4.14 w:gridCol, §17.4.71 w:tcW),
 * the printed page of every heading (for the contents' cached PAGEREFs, §17.16.5.45) and
 * the lines of centred titles the layout balanced (clreq: a wrapped title set as a
 * trapezoid; written as w:br, §17.3.3.1). Built once per render from the page tree's
 * optional fields; an absent field leaves the DOCX on its own defaults.
 */
import type { HeadingPage, TableColumns, TitleBreaks } from '../../layout/pagetree.js';

export interface LayoutFacts {
  readonly headingPages?: readonly HeadingPage[];
  readonly tableColumns?: readonly TableColumns[];
  readonly titleBreaks?: readonly TitleBreaks[];
}

const pieceKey = (piece: number, index: number): string => `${piece}\u0000${index}`;

export class LayoutHints {
  private readonly tables = new Map<string, readonly number[]>();
  private readonly headings = new Map<string, number>();
  private readonly titles = new Map<string, readonly string[]>();

  constructor(facts: LayoutFacts = {}) {
    // Later entries win: a layout that set a piece twice reports the last setting.
    for (const t of facts.tableColumns ?? []) this.tables.set(pieceKey(t.piece, t.index), t.widthsPt);
    for (const h of facts.headingPages ?? []) this.headings.set(pieceKey(h.piece, h.index), h.page);
    for (const b of facts.titleBreaks ?? []) this.titles.set(b.key, b.lines);
  }

  /** The PDF's column widths (pt) of a piece's `index`-th table, or null when unknown or of another column count. */
  tableWidthsPt(piece: number, index: number, cols: number): readonly number[] | null {
    const w = this.tables.get(pieceKey(piece, index));
    return w && w.length === cols && w.every((x) => x > 0) ? w : null;
  }

  /** Printed page of a piece's `index`-th heading (layout/headings.ts order), or null. */
  headingPage(piece: number, index: number): number | null {
    return this.headings.get(pieceKey(piece, index)) ?? null;
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
