/**
 * The flow: what the block layout hands the paginator (DESIGN.md, phases
 * collect → measure → break → **paginate** → finalize).
 *
 * A flat list of set lines, unbreakable boxes (images) and forced page breaks.
 * Every item carries the one bit the paginator needs from typography:
 * `breakBefore` — may a page end just before this item? Keep-with-next
 * (titles, bylines, headings; TYPOGRAPHY.md “Paragraphs and pages”), widows and
 * orphans and “an entry never split across pages” (contents) are all encoded
 * here by the block layout, so the paginator stays a small greedy loop.
 * Lengths in pt; x relative to the type area's left edge.
 */
import type { SetLine } from './paragraph-types.js';

/** Something pinned to a line or box: a named destination or a clickable area over it. */
export type Anchor =
  | { readonly kind: 'dest'; readonly name: string }
  | { readonly kind: 'link'; readonly dest: string };

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
}

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

export interface FlowPageBreak {
  readonly kind: 'pageBreak';
}

export type FlowItem = FlowLine | FlowImage | FlowRule | FlowPageBreak;

/** Height an item takes, without its space before. */
export function itemHeightPt(item: FlowLine | FlowImage | FlowRule): number {
  return item.kind === 'line' ? item.pitchPt : item.boxPt;
}
