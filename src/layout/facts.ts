/**
 * The layout → DOCX contract: what the layout decided that the DOCX repeats so that it
 * reads as the PDF does (docs/design.md “The layout facts (layout → DOCX)”). One value per
 * layout, returned beside the page tree; the DOCX writer reads only this and the model.
 *
 * - where each piece and part landed and how many front/body pages there are (the
 *   contents' page numbers, cached in the DOCX's PAGEREF fields);
 * - the printed page of every heading inside the pieces (contents entries), by its node id;
 * - each table's column widths (ECMA-376 Part 1 §17.4.14 w:gridCol, §17.4.71 w:tcW), by its
 *   node id (model/types.ts NodeId: the sources reader assigns them, so the writer finds a
 *   node's facts without counting nodes in document order);
 * - the lines of every centred title the layout balanced over several lines (written as
 *   w:br, §17.3.3.1).
 */
import type { NodeId } from '../model/types.js';
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

/** The facts indexed by node id and title key, for lookup while a writer walks the model. */
export class FactIndex {
  private readonly tables = new Map<NodeId, readonly number[]>();
  private readonly headings = new Map<NodeId, HeadingPage>();
  private readonly titles = new Map<string, readonly string[]>();

  constructor(readonly facts: LayoutFacts = NO_FACTS) {
    // Later entries win: a layout that set a table twice reports the last setting.
    for (const t of facts.tableColumns) this.tables.set(t.id, t.widthsPt);
    for (const h of facts.headingPages) this.headings.set(h.id, h);
    for (const b of facts.titleBreaks) this.titles.set(b.key, b.lines);
  }

  /** The printed page the layout gave the heading `id`, or null when it did not lay it out. */
  headingPage(id: NodeId): number | null {
    return this.headings.get(id)?.page ?? null;
  }

  /** The PDF's column widths (pt) of table `id`, or null when unknown or of another column count. */
  tableWidthsPt(id: NodeId, cols: number): readonly number[] | null {
    const w = this.tables.get(id);
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
