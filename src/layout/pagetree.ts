/**
 * The page tree: the layout's result and the PDF renderer's only input.
 *
 * Pages of absolutely positioned items (pdfmake's "layout never draws" habit):
 * glyph runs, rules, images, link areas and named destinations. Coordinates are
 * in pt from the page's top-left corner, y growing downwards; a glyph run's `yPt`
 * is its baseline. No pdfkit in here.
 */
import type { NodeId } from '../model/types.js';

/**
 * A run of characters drawn from one face at one size. Each character's advance is
 * the face's own advance plus `charSpacingPt` (so a justified or condensed run of
 * Han characters stays one run); the layout splits runs wherever that does not hold.
 */
export interface GlyphRun {
  readonly kind: 'glyphs';
  readonly text: string;
  /** FontFace.key */
  readonly fontKey: string;
  readonly sizePt: number;
  readonly xPt: number;
  /** Baseline. */
  readonly yPt: number;
  readonly charSpacingPt: number;
  /** Draw with a stroked outline (faux bold for single-weight faces). */
  readonly fakeBold: boolean;
  /** Slant (faux italic) — false in every shipped template. */
  readonly fakeItalic: boolean;
  readonly strike: boolean;
  /**
   * The run is one two-em unit — ——, ……, ⋯⋯ or ⸺ — each character's advance plus
   * `charSpacingPt` being its cell: drawn as one continuous rule, or one row of dots
   * evenly spaced, across all its cells (clreq; docs/typography.md).
   */
  readonly twoEm?: boolean;
}

export interface RuleItem {
  readonly kind: 'rule';
  readonly x1Pt: number;
  readonly y1Pt: number;
  readonly x2Pt: number;
  readonly y2Pt: number;
  readonly widthPt: number;
}

export interface ImageItem {
  readonly kind: 'image';
  /** Absolute path of the PNG/JPEG file. */
  readonly file: string;
  readonly xPt: number;
  /** Top edge. */
  readonly yPt: number;
  readonly widthPt: number;
  readonly heightPt: number;
}

/** A clickable area: to a named destination in this document, or to a URL. */
export interface LinkItem {
  readonly kind: 'link';
  readonly xPt: number;
  readonly yPt: number;
  readonly widthPt: number;
  readonly heightPt: number;
  readonly dest: string | null;
  readonly url: string | null;
}

/** A named destination (piece-3, part-1, …) at a point of the page. */
export interface DestItem {
  readonly kind: 'dest';
  readonly name: string;
  readonly yPt: number;
}

export type PageItem = GlyphRun | RuleItem | ImageItem | LinkItem | DestItem;

export interface Page {
  /** Physical page index, 0-based. */
  readonly index: number;
  /** Printed page number (body pages 1, 2, …) or null for unnumbered front matter. */
  readonly number: number | null;
  readonly widthPt: number;
  readonly heightPt: number;
  readonly items: readonly PageItem[];
}

/** PDF outline (bookmarks): parts with their pieces nested, or pieces alone. */
export interface OutlineEntry {
  readonly title: string;
  readonly dest: string;
  readonly pageIndex: number;
  readonly children: readonly OutlineEntry[];
}

/** Where each piece landed, in printed page numbers (the same in PDF and DOCX). */
export interface PiecePages {
  readonly n: number;
  readonly startPage: number;
  readonly endPage: number;
}

/** Where a heading inside a piece landed (`index`: 0-based, document order, every level — see layout/headings.ts). */
export interface HeadingPage {
  readonly piece: number;
  readonly id: NodeId;
  readonly index: number;
  readonly level: 1 | 2 | 3 | 4;
  /** Printed page number. */
  readonly page: number;
}

/**
 * Column widths the layout chose for a table of a piece's body (by the table's node id), so
 * the DOCX can use the same widths (ECMA-376 §17.4.14 w:gridCol) instead of equal columns.
 */
export interface TableColumns {
  readonly piece: number;
  readonly id: NodeId;
  readonly widthsPt: readonly number[];
}

/**
 * The lines the layout balanced a wrapped centred title into (layout/titles.ts), so the
 * DOCX can break it at the same points (ECMA-376 §17.3.3.1 w:br). `key` names the title:
 * `compilation-title`, `contents-title`, `banner-headline`, `banner-name`, `banner-source`,
 * `part-<k>-title` (k 1-based), `piece-<n>-title`, `piece-<n>-subtitle`, `piece-<n>-byline`.
 */
export interface TitleBreaks {
  readonly key: string;
  readonly lines: readonly string[];
}

export interface PageTree {
  readonly pages: readonly Page[];
  readonly outline: readonly OutlineEntry[];
  readonly piecePages: readonly PiecePages[];
  /** Printed page of each part's title (parts in order). */
  readonly partPages: readonly number[];
  /** Number of unnumbered front-matter pages (contents). */
  readonly frontPages: number;
  /** Layout passes taken to settle the contents' page numbers (≤ 5). */
  readonly passes: number;
}
