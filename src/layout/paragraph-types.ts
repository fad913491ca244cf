/**
 * The contract between the paragraph setter (src/layout/break/) and the block
 * layout and paginator (src/layout/blocks.ts, flow.ts, paginate.ts): styled text
 * in, set lines out.
 *
 * The setter owns everything docs/typography.md says about a single paragraph:
 * character classes, punctuation widths and compression, Han–Latin spacing,
 * line-start/line-end prohibitions, squeeze-in before push-out, justification,
 * runts and indents. The paginator owns vertical placement and pages.
 */
import type { FontBook } from '../fonts/index.js';
import type { Align, FontRole, Kinsoku } from '../template/index.js';
import type { Pos } from '../model/types.js';

/** A stretch of text in one style. Consecutive spans of a paragraph are set as one text. */
export interface StyledSpan {
  readonly text: string;
  readonly role: FontRole;
  readonly sizePt: number;
  readonly bold: boolean;
  readonly italic: boolean;
  /** Added to every character advance (the grid's −0.25 pt condensing). */
  readonly letterSpacingPt: number;
  /** Baseline shift upwards (footnote references), pt. */
  readonly risePt: number;
  readonly strike: boolean;
  /** Hyperlink target for the span's glyphs, or null. */
  readonly url: string | null;
  /** Source position of the span's first character (for warnings such as an overfull line). */
  readonly pos: Pos;
  /** The span is one word of a title: no line break between its characters (break/keep.ts). */
  readonly keep?: boolean;
}

/** A hard line break inside a paragraph. */
export interface SpanBreak {
  readonly kind: 'break';
}

export type ParagraphContent = StyledSpan | SpanBreak;

/** A right-aligned page number with dot leaders on the paragraph's last line (contents entries). */
export interface LeaderTrailer {
  /** The number as printed (half-width digits). */
  readonly text: string;
  /** Leader character repeated to fill (“…” or “·” or “.”). */
  readonly leader: string;
  /** Clear space required before the number, at least 1 em. */
  readonly minGapPt: number;
  readonly span: Omit<StyledSpan, 'text'>;
}

export interface ParagraphOptions {
  /** Width of the measure, pt. */
  readonly widthPt: number;
  /** First line's indent (2 em for body text); negative gives a hanging first line. */
  readonly firstIndentPt: number;
  /** Indent of every line after the first, relative to the measure's left edge (hanging entries). */
  readonly restIndentPt: number;
  readonly align: Align;
  readonly kinsoku: Kinsoku;
  readonly fonts: FontBook;
  /** Leaders and number on the last line (contents), or null. */
  readonly trailer: LeaderTrailer | null;
  /** When set, every Han character takes exactly this pitch (grid templates), pt. */
  readonly charPitchPt: number | null;
  /** Most a gap may stretch past its natural width when a line is justified, em of the gap (the template's `maxGapStretch`). */
  readonly maxGapStretchEm: number;
  /** Measuring only: never break a word at a character as the last resort (a table's minimum column width is its widest word). */
  readonly noCharBreaks?: boolean;
}

/** A run of glyphs on one set line; x relative to the measure's left edge. */
export interface LineRun {
  readonly text: string;
  /** FontFace.key of the face that draws every character of `text`. */
  readonly fontKey: string;
  readonly sizePt: number;
  readonly xPt: number;
  /** Baseline shift upwards, pt. */
  readonly risePt: number;
  /** Extra advance after every character of the run (justification, condensing), pt. */
  readonly charSpacingPt: number;
  readonly fakeBold: boolean;
  readonly fakeItalic: boolean;
  readonly strike: boolean;
  readonly url: string | null;
  /** Drawn width of the run, pt (for link areas and strike rules). */
  readonly widthPt: number;
  /** The run is one two-em unit (——, ……, ⋯⋯, ⸺) filling its cells (see `GlyphRun.twoEm`). */
  readonly twoEm?: boolean;
}

export interface SetLine {
  readonly runs: readonly LineRun[];
  /** Leader dots and the page number, when the trailer landed here (already in `runs` too: this marks the number run's extent). */
  readonly hasTrailer: boolean;
  /** Largest ascent and descent of the line's faces × sizes, pt. */
  readonly ascentPt: number;
  readonly descentPt: number;
  /** Sum of widths as set (≤ widthPt unless a single unbreakable atom overflows). */
  readonly widthPt: number;
  /** The line is wider than the measure (an unbreakable atom longer than a line). */
  readonly overfull: boolean;
  /** The line ends in a last-resort break at a character (no allowed break fitted): the word cut, and where its text is. */
  readonly forcedBreak?: { readonly word: string; readonly pos: Pos };
  /** Some gap stretched past the cap (no break kept within it): the largest stretch, em; absent within the cap. */
  readonly overStretchEm?: number;
}

/** The text a set line shows, run after run. */
export const lineText = (l: SetLine): string => l.runs.map((r) => r.text).join('');

export type SetParagraph = (content: readonly ParagraphContent[], options: ParagraphOptions) => readonly SetLine[];
