/**
 * The layout → DOCX contract: what the layout decided that the DOCX repeats so that it
 * reads as the PDF does (docs/design.md, "The layout → DOCX contract"). One value per
 * layout, returned beside the page tree; the DOCX writer reads only this and the model.
 *
 * - where each piece and part landed and how many front/body pages there are (the
 *   contents' page numbers, cached in the DOCX's PAGEREF fields);
 * - the printed page of every heading inside the pieces (contents entries);
 * - each table's column widths (ECMA-376 Part 1 §17.4.14 w:gridCol, §17.4.71 w:tcW);
 * - the lines of every centred title the layout balanced over several lines (written as
 *   w:br, §17.3.3.1).
 */
import type { HeadingPage, PiecePages, TableColumns, TitleBreaks } from './pagetree.js';

export interface LayoutFacts {
  readonly piecePages: readonly PiecePages[];
  /** Printed page of each part's title (parts in order). */
  readonly partPages: readonly number[];
  /** Unnumbered front-matter pages (contents). */
  readonly frontPages: number;
  /** Numbered pages after the front matter. */
  readonly bodyPages: number;
  /** Printed page of every heading of the pieces laid out. */
  readonly headingPages: readonly HeadingPage[];
  /** Column widths of every table of the pieces laid out. */
  readonly tableColumns: readonly TableColumns[];
  /** Lines of every centred title balanced over two or more lines. */
  readonly titleBreaks: readonly TitleBreaks[];
}

/** No facts at all: a writer on its own defaults (pages unknown, columns equal, titles on one line). */
export const NO_FACTS: LayoutFacts = {
  piecePages: [],
  partPages: [],
  frontPages: 0,
  bodyPages: 0,
  headingPages: [],
  tableColumns: [],
  titleBreaks: [],
};

const pieceKey = (piece: number, index: number): string => `${piece}\u0000${index}`;

/** The facts indexed for lookup while a writer walks the model. */
export class FactIndex {
  private readonly tables = new Map<string, readonly number[]>();
  private readonly titles = new Map<string, readonly string[]>();

  constructor(readonly facts: LayoutFacts = NO_FACTS) {
    // Later entries win: a layout that set a piece twice reports the last setting.
    for (const t of facts.tableColumns) this.tables.set(pieceKey(t.piece, t.index), t.widthsPt);
    for (const b of facts.titleBreaks) this.titles.set(b.key, b.lines);
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
