/**
 * The flow: what the block layout hands the paginator (docs/design.md “The layout phase”:
 * collect → measure → break → **paginate** → finalize).
 *
 * A flat list of set lines, unbreakable boxes (images, table rows), rules and
 * forced page breaks; lines and rows carry the footnotes they reference.
 * Every item carries the one bit the paginator needs from typography:
 * `breakBefore` — may a page end just before this item? Keep-with-next
 * (titles, bylines, headings; docs/typography.md “Paragraphs, lists and pasted text”), widows and
 * orphans and “an entry never split across pages” (contents) are all encoded
 * here by the block layout, so the paginator stays a small greedy loop.
 * Lengths in pt; x relative to the type area's left edge.
 */
import type { SetLine } from './paragraph-types.js';

/** Something pinned to a line or box: a named destination or a clickable area over it. */
export type Anchor =
  { readonly kind: 'dest'; readonly name: string } | { readonly kind: 'link'; readonly dest: string };

interface FlowCommon {
  /** Vertical space above the item; dropped at the top of a page after a natural break. */
  readonly spaceBeforePt: number;
  /** A page may end just before this item. */
  readonly breakBefore: boolean;
  /** Piece number (Piece.n) the item belongs to, or null (contents, banner). */
  readonly piece: number | null;
  /** Front matter (contents): its pages are unnumbered. */
  readonly front: boolean;
  readonly anchors: readonly Anchor[];
  /** Footnotes referenced on this item: they stand at the foot of the page it lands on. */
  readonly notes?: readonly FlowNote[];
}

/**
 * A footnote as the paginator sees it: its set lines (footnote style, full measure),
 * the first carrying the note's destination. Placed at the foot of the page of its
 * first reference; a note too long for any page continues at the next page's foot.
 */
export interface FlowNote {
  /** Unique in the document: the note's destination name (`fn-<piece>-<n>`). */
  readonly key: string;
  readonly lines: readonly FlowLine[];
}

/** Link target a footnote reference's span carries until finalize turns it into an internal link. */
const NOTE_URL_PREFIX = 'huibian-note:';
export const noteUrl = (n: number): string => `${NOTE_URL_PREFIX}${n}`;
/** The footnote number a run's url refers to (`noteUrl`), or null for any other url. */
export const noteNumberOf = (url: string | null): number | null =>
  url?.startsWith(NOTE_URL_PREFIX) ? Number(url.slice(NOTE_URL_PREFIX.length)) : null;
export const noteDest = (piece: number | null, n: number): string => `fn-${piece ?? 0}-${n}`;

export interface FlowLine extends FlowCommon {
  readonly kind: 'line';
  readonly line: SetLine;
  /** Left edge of the line's measure, from the type area's left edge. */
  readonly xPt: number;
  /** Line box height (baseline-to-baseline pitch). */
  readonly pitchPt: number;
}

export interface FlowImage extends FlowCommon {
  readonly kind: 'image';
  readonly file: string;
  readonly xPt: number;
  readonly widthPt: number;
  readonly heightPt: number;
  /** Height the box takes in the flow (the image height, rounded up to whole grid lines on a grid). */
  readonly boxPt: number;
}

/** A horizontal rule (footnote separator) standing in a box of its own. */
export interface FlowRule extends FlowCommon {
  readonly kind: 'rule';
  readonly xPt: number;
  readonly widthPt: number;
  readonly boxPt: number;
  readonly thicknessPt: number;
}

/** A set line inside a box, relative to the box's top edge; x from the type area's left edge. */
export interface BoxLine {
  readonly line: SetLine;
  readonly xPt: number;
  readonly topPt: number;
  readonly pitchPt: number;
}

/** A rule inside a box: x from the type area's left edge, y from the box's top edge. */
export interface BoxRule {
  readonly x1Pt: number;
  readonly y1Pt: number;
  readonly x2Pt: number;
  readonly y2Pt: number;
  readonly widthPt: number;
}

/**
 * An unbreakable box of pre-positioned lines and rules: a table row (or a slice of
 * a row taller than a page). `repeat` is set on a table's body rows: the header row
 * to set again at the top of any page such a row begins.
 */
export interface FlowBox extends FlowCommon {
  readonly kind: 'box';
  readonly heightPt: number;
  readonly lines: readonly BoxLine[];
  readonly rules: readonly BoxRule[];
  /** Rules drawn only when the box ends its page (the bottom rule of a row a page break cuts). */
  readonly rulesWhenLast: readonly BoxRule[];
  readonly repeat: FlowBox | null;
}

export interface FlowPageBreak {
  readonly kind: 'pageBreak';
}

export type FlowItem = FlowLine | FlowImage | FlowRule | FlowBox | FlowPageBreak;

/** Height an item takes, without its space before. */
export function itemHeightPt(item: FlowLine | FlowImage | FlowRule | FlowBox): number {
  return item.kind === 'line' ? item.pitchPt : item.kind === 'box' ? item.heightPt : item.boxPt;
}
