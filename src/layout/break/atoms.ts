/**
 * Measuring atoms: the unbreakable pieces a paragraph is set from (clreq §3.1,
 * §3.2 “Mixed text composition”; TYPOGRAPHY.md “Widths and compression”).
 *
 * One Han character, one full-width punctuation mark (a one-em box whose glyph sits
 * in one half, the other half adjustable), one two-em unit (——, ……, ⋯⋯, ⸺), or a
 * Latin word / digit run measured as a shaped run through `FontFace.measureEm`.
 * Between two atoms stands a joint: its natural space (word space, the 1/4 em
 * Han–Latin gap, or nothing) and how far it may shrink and stretch.
 */
import type { FontBook, FontFace } from '../../fonts/types.js';
import type { Kinsoku } from '../../template/types.js';
import type { StyledSpan } from '../paragraph-types.js';
import { classify, isWide, type CharClass } from './classes.js';
import { compressAdjacentMarks, jointBetween } from './spacing.js';

export type AtomKind = 'cjk' | 'punct' | 'dash' | 'latin';

/** Shrink priorities, in TYPOGRAPHY.md order (the line-end mark, priority 0, is always removed). */
export const SHRINK_WORD_SPACE = 1;
export const SHRINK_INTERPUNCT = 2;
export const SHRINK_BRACKET = 3;
export const SHRINK_PAUSE = 4;
export const SHRINK_HAN_LATIN = 5;
export const SHRINK_FULL_STOP = 6;
export const SHRINK_PRIORITIES = [1, 2, 3, 4, 5, 6] as const;

export interface Atom {
  readonly kind: AtomKind;
  readonly text: string;
  /** Number of code points in `text`. */
  readonly nChars: number;
  /** Class of the first and the last character (prohibitions look at these). */
  readonly cls: CharClass;
  readonly endCls: CharClass;
  readonly span: StyledSpan;
  readonly face: FontFace;
  /** The em box of this atom as set: the grid pitch, or the size plus letter spacing. */
  readonly boxPt: number;
  /** Natural drawn width of `text` in the face at the span's size (kerned for Latin), no spacing. */
  readonly glyphPt: number;
  /** Spacing after each character inside a multi-character atom (Latin: letter spacing). */
  readonly innerCsPt: number;
  /** Width that never changes. */
  readonly corePt: number;
  /** Adjustable space before/after the core, after compression of adjacent marks. */
  leftPt: number;
  rightPt: number;
  /** Left adjustable space of the full one-em box (before any compression): fixes the glyph origin. */
  readonly leftFullPt: number;
  /** Glyph origin relative to the start of the full (uncompressed) box. */
  readonly glyphOffsetPt: number;
  readonly leftPrio: number;
  readonly rightPrio: number;
  /** Counts as a Han character for the runt rule. */
  readonly han: boolean;
}

export type JointKind = 'glued' | 'word' | 'hanLatin' | 'plain';

export interface Joint {
  readonly kind: JointKind;
  readonly natPt: number;
  /** Least it may shrink to. */
  readonly minPt: number;
  /** Most it may stretch to in its own tier (word spaces, Han–Latin gaps). */
  readonly maxPt: number;
  /** The em that “all other gaps” stretch is judged by. */
  readonly emPt: number;
  /** A line may break here (kinsoku applied). */
  readonly breakable: boolean;
  /** Not breakable only because it lies inside a word kept whole (keep.ts), not because of kinsoku. */
  readonly kept?: boolean;
}

export interface AtomizeOptions {
  readonly fonts: FontBook;
  readonly kinsoku: Kinsoku;
  readonly charPitchPt: number | null;
}

export interface Atomized {
  readonly atoms: Atom[];
  /** joints[i] stands between atoms[i] and atoms[i + 1]. */
  readonly joints: Joint[];
}

function faceOf(fonts: FontBook, span: StyledSpan, cp: number): FontFace {
  return fonts.faceFor(span.role, span.bold, cp) ?? fonts.chain(span.role, span.bold)[0]!;
}

/** The em box for one-em characters: grid pitch for unraised text when a grid is set. */
function boxOf(span: StyledSpan, pitch: number | null): number {
  return pitch !== null && span.risePt === 0 ? pitch : span.sizePt + span.letterSpacingPt;
}

interface Pending {
  text: string;
  /** Code points in `text`, and the last of them. */
  n: number;
  lastCp: number;
  span: StyledSpan;
  face: FontFace;
  cls: CharClass;
  /** Continues the previous Latin atom's word (face or span changed mid-word). */
  glued: boolean;
}

const PAUSE_MARKS = new Set(['，', '、', '；']);

function punctAtom(ch: string, cls: CharClass, span: StyledSpan, face: FontFace, pitch: number | null): Atom {
  const box = boxOf(span, pitch);
  const glyph = face.advanceEm(ch.codePointAt(0)!) * span.sizePt;
  let left = 0;
  let right = 0;
  let offset = 0;
  let leftPrio = SHRINK_BRACKET;
  let rightPrio = SHRINK_BRACKET;
  if (cls === 'opening') {
    left = box / 2;
    offset = box - glyph;
  } else if (cls === 'interpunct') {
    left = right = box / 4;
    offset = (box - glyph) / 2;
    leftPrio = rightPrio = SHRINK_INTERPUNCT;
  } else {
    right = box / 2;
    if (cls === 'stop') rightPrio = PAUSE_MARKS.has(ch) ? SHRINK_PAUSE : SHRINK_FULL_STOP;
  }
  return {
    kind: 'punct', text: ch, nChars: 1, cls, endCls: cls, span, face, boxPt: box, glyphPt: glyph,
    innerCsPt: 0, corePt: box - left - right, leftPt: left, rightPt: right, leftFullPt: left,
    glyphOffsetPt: offset, leftPrio, rightPrio, han: false,
  };
}

function cjkAtom(ch: string, cls: CharClass, span: StyledSpan, face: FontFace, pitch: number | null): Atom {
  const glyph = face.advanceEm(ch.codePointAt(0)!) * span.sizePt;
  const box = pitch !== null && span.risePt === 0 ? pitch : glyph + span.letterSpacingPt;
  return {
    kind: 'cjk', text: ch, nChars: 1, cls, endCls: cls, span, face, boxPt: box, glyphPt: glyph,
    innerCsPt: 0, corePt: box, leftPt: 0, rightPt: 0, leftFullPt: 0, glyphOffsetPt: 0,
    leftPrio: 0, rightPrio: 0, han: cls === 'han',
  };
}

function dashAtom(text: string, span: StyledSpan, face: FontFace, pitch: number | null): Atom {
  const box = boxOf(span, pitch);
  const chars = [...text];
  const adv = face.advanceEm(chars[0]!.codePointAt(0)!) * span.sizePt;
  const glyph = adv * chars.length;
  const core = box * chars.length;
  // Full-width glyphs (……) keep one em each; narrower ones (Noto's — is 0.89 em) stay joined, centred.
  const cs = adv >= box ? box - adv : 0;
  const offset = (core - glyph - cs * chars.length) / 2;
  return {
    kind: 'dash', text, nChars: chars.length, cls: 'twoEm', endCls: 'twoEm', span, face, boxPt: box,
    glyphPt: glyph, innerCsPt: cs, corePt: core, leftPt: 0, rightPt: 0, leftFullPt: 0,
    glyphOffsetPt: offset, leftPrio: 0, rightPrio: 0, han: false,
  };
}

function latinAtom(p: Pending): Atom {
  const n = p.n;
  const glyph = p.face.measureEm(p.text) * p.span.sizePt;
  const ls = p.span.letterSpacingPt;
  return {
    kind: 'latin', text: p.text, nChars: n, cls: p.cls, endCls: classify(p.lastCp), span: p.span,
    face: p.face, boxPt: p.span.sizePt, glyphPt: glyph, innerCsPt: ls, corePt: glyph + n * ls, leftPt: 0,
    rightPt: 0, leftFullPt: 0, glyphOffsetPt: 0, leftPrio: 0, rightPrio: 0, han: false,
  };
}

/** Split one line's worth of spans (no hard breaks) into atoms and the joints between them. */
export function atomize(spans: readonly StyledSpan[], opts: AtomizeOptions): Atomized {
  const atoms: Atom[] = [];
  /** For each atom after the first: was there white space before it; does it continue a Latin word. */
  const spaceBefore: boolean[] = [];
  const gluedBefore: boolean[] = [];
  let pending: Pending | null = null;
  let sawSpace = false;
  const pitch = opts.charPitchPt;

  const push = (atom: Atom, glued: boolean): void => {
    if (atoms.length > 0) {
      spaceBefore.push(sawSpace);
      gluedBefore.push(glued && !sawSpace);
    }
    atoms.push(atom);
    sawSpace = false;
  };
  const flush = (): void => {
    if (pending !== null) {
      const p = pending;
      pending = null;
      push(latinAtom(p), p.glued);
    }
  };

  for (const span of spans) {
    // Han atoms have no adjustable space, so one object per character serves the whole span.
    const hanAtoms = new Map<number, Atom>();
    const src = span.text;
    // Code point by code point, without an array of one-character strings per span.
    for (let i = 0; i < src.length; ) {
      const cp = src.codePointAt(i)!;
      const units = cp > 0xffff ? 2 : 1;
      const ch = units === 1 ? src[i]! : src.slice(i, i + 2);
      i += units;
      const cls = classify(cp);
      if (cls === 'space') {
        flush();
        if (atoms.length > 0) sawSpace = true;
        continue;
      }
      const cached = hanAtoms.get(cp);
      if (cached !== undefined) {
        flush();
        push(cached, false);
        continue;
      }
      const face = faceOf(opts.fonts, span, cp);
      if (cls === 'twoEm') {
        flush();
        let text = ch;
        while (src.startsWith(ch, i)) {
          text += ch;
          i += ch.length;
        }
        push(dashAtom(text, span, face, pitch), false);
      } else if (cls === 'stop' || cls === 'closing' || cls === 'opening' || cls === 'interpunct') {
        flush();
        push(punctAtom(ch, cls, span, face, pitch), false);
      } else if (isWide(cp)) {
        flush();
        let atom = hanAtoms.get(cp);
        if (atom === undefined) {
          atom = cjkAtom(ch, cls, span, face, pitch);
          hanAtoms.set(cp, atom);
        }
        push(atom, false);
      } else if (pending !== null && pending.span === span && pending.face === face) {
        pending.text += ch;
        pending.n++;
        pending.lastCp = cp;
      } else {
        const continues: boolean = pending !== null && !sawSpace;
        flush();
        // A word that changes face or span mid-way stays one word: glue the pieces.
        pending = { text: ch, n: 1, lastCp: cp, span, face, cls, glued: continues };
      }
    }
  }
  flush();
  compressAdjacentMarks(atoms, spaceBefore);
  const joints: Joint[] = [];
  for (let i = 0; i + 1 < atoms.length; i++) {
    joints.push(jointBetween(atoms[i]!, atoms[i + 1]!, spaceBefore[i]!, gluedBefore[i]!, opts.kinsoku, opts.fonts));
  }
  return { atoms, joints };
}
