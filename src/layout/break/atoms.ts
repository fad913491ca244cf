/**
 * Measuring atoms: the unbreakable pieces a paragraph is set from (clreq §3.1,
 * §3.2 “Mixed text composition”; docs/typography.md “Widths and compression”).
 *
 * One Han character, one full-width punctuation mark (a one-em box whose glyph sits
 * in one half, the other half adjustable), one two-em unit (——, ……, ⋯⋯, ⸺), or a
 * piece of a Latin word / digit run measured as a shaped run through
 * `FontFace.measureEm`: a word is cut where it may break (latin.ts), the pieces
 * joined by `inword` joints. A single — is the connector of a range (1—9月), not
 * half a two-em dash: it may not start a line. A half-width interpunct between
 * letters or digits (7·20) is part of the word, with no space of its own.
 * Between two atoms stands a joint: its natural space (word space, the 1/4 em
 * Han–Latin gap, or nothing) and how far it may shrink and stretch.
 */
import type { FontBook, FontFace } from '../../fonts/index.js';
import type { Kinsoku } from '../../template/index.js';
import type { StyledSpan } from '../paragraph-types.js';
import { classify, isLetterOrDigit, type CharClass } from './classes.js';
import { isWide } from '../../model/cjk.js';
import { wordBreaks } from './latin.js';
import { compressMarkPair, jointBetween, type Link } from './spacing.js';

export type AtomKind = 'cjk' | 'punct' | 'dash' | 'latin';

/** Shrink priorities, in the order of docs/typography.md “Justification” (the line-end mark, priority 0, is always removed). */
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

/**
 * `glued`: inside a word, no break (a word changing face or span); `inword`: inside
 * a word where it may break (UAX #14, URL rules), never spaced out; `forced`: the
 * last-resort break between two characters of a word (lastresort.ts).
 */
export type JointKind = 'glued' | 'inword' | 'forced' | 'word' | 'hanLatin' | 'plain';

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

/** A piece of the Latin word being read: characters of one span and face. */
interface Pending {
  text: string;
  /** The last code point of `text`. */
  lastCp: number;
  span: StyledSpan;
  face: FontFace;
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
    kind: 'punct',
    text: ch,
    nChars: 1,
    cls,
    endCls: cls,
    span,
    face,
    boxPt: box,
    glyphPt: glyph,
    innerCsPt: 0,
    corePt: box - left - right,
    leftPt: left,
    rightPt: right,
    leftFullPt: left,
    glyphOffsetPt: offset,
    leftPrio,
    rightPrio,
    han: false,
  };
}

function cjkAtom(ch: string, cls: CharClass, span: StyledSpan, face: FontFace, pitch: number | null): Atom {
  const glyph = face.advanceEm(ch.codePointAt(0)!) * span.sizePt;
  const box = pitch !== null && span.risePt === 0 ? pitch : glyph + span.letterSpacingPt;
  return {
    kind: 'cjk',
    text: ch,
    nChars: 1,
    cls,
    endCls: cls,
    span,
    face,
    boxPt: box,
    glyphPt: glyph,
    innerCsPt: 0,
    corePt: box,
    leftPt: 0,
    rightPt: 0,
    leftFullPt: 0,
    glyphOffsetPt: 0,
    leftPrio: 0,
    rightPrio: 0,
    han: cls === 'han',
  };
}

/** Cells of one em a character of a dash atom fills: ⸺ is itself two ems long. */
const cellsOf = (ch: string): number => (ch === '⸺' ? 2 : 1);

/**
 * A two-em unit (——, ……, ⋯⋯, ⸺, or longer runs of them): it fills its cells exactly,
 * each character's glyph drawn from the start of its cell, and is set as a run of its
 * own that the renderer draws as one continuous rule or one row of evenly spaced dots
 * (docs/typography.md). A lone — or … is not one: it is drawn as its glyph.
 */
export function isTwoEmUnit(a: Atom): boolean {
  return a.kind === 'dash' && (a.nChars > 1 || cellsOf(a.text) > 1);
}

function dashAtom(text: string, span: StyledSpan, face: FontFace, pitch: number | null): Atom {
  const box = boxOf(span, pitch);
  const chars = [...text];
  const cell = box * cellsOf(chars[0]!);
  const adv = face.advanceEm(chars[0]!.codePointAt(0)!) * span.sizePt;
  const glyph = adv * chars.length;
  const core = cell * chars.length;
  const unit = chars.length > 1 || cell > box;
  // A unit's characters each take their cell; a lone full-width glyph keeps its em, a
  // narrower one (Noto's — is 0.89 em) sits centred in it.
  const cs = unit || adv >= cell ? cell - adv : 0;
  const offset = (core - glyph - cs * chars.length) / 2;
  // A lone — is a connector (1—9月, 2021—2035年): it may not start a line.
  const cls: CharClass = text === '—' ? 'connector' : 'twoEm';
  return {
    kind: 'dash',
    text,
    nChars: chars.length,
    cls,
    endCls: cls,
    span,
    face,
    boxPt: box,
    glyphPt: glyph,
    innerCsPt: cs,
    corePt: core,
    leftPt: 0,
    rightPt: 0,
    leftFullPt: 0,
    glyphOffsetPt: offset,
    leftPrio: 0,
    rightPrio: 0,
    han: false,
  };
}

/** An atom for a piece of a Latin word: `text` in one face and span. */
export function latinAtom(text: string, span: StyledSpan, face: FontFace): Atom {
  const cps = [...text];
  const n = cps.length;
  const glyph = face.measureEm(text) * span.sizePt;
  const ls = span.letterSpacingPt;
  return {
    kind: 'latin',
    text,
    nChars: n,
    cls: classify(cps[0]!.codePointAt(0)!),
    endCls: classify(cps[n - 1]!.codePointAt(0)!),
    span,
    face,
    boxPt: span.sizePt,
    glyphPt: glyph,
    innerCsPt: ls,
    corePt: glyph + n * ls,
    leftPt: 0,
    rightPt: 0,
    leftFullPt: 0,
    glyphOffsetPt: 0,
    leftPrio: 0,
    rightPrio: 0,
    han: false,
  };
}

/** The atoms of one Latin word, read as pieces of one face and span each, and the links between them. */
function wordAtoms(pieces: readonly Pending[]): { atom: Atom; link: Link }[] {
  const word = pieces.map((p) => p.text).join('');
  const cuts = wordBreaks(word);
  const out: { atom: Atom; link: Link }[] = [];
  let at = 0; // offset of the piece in the word
  let c = 0; // next cut to use
  for (const p of pieces) {
    const end = at + p.text.length;
    let from = at;
    const atCut = cuts[c] === at;
    while (c < cuts.length && cuts[c]! <= at) c++;
    let link: Link = out.length === 0 ? null : atCut ? 'inword' : 'glued';
    for (; c < cuts.length && cuts[c]! < end; c++) {
      out.push({ atom: latinAtom(p.text.slice(from - at, cuts[c]! - at), p.span, p.face), link });
      from = cuts[c]!;
      link = 'inword';
    }
    out.push({ atom: latinAtom(p.text.slice(from - at), p.span, p.face), link });
    at = end;
  }
  return out;
}

/** Split one line's worth of spans (no hard breaks) into atoms and the joints between them. */
export function atomize(spans: readonly StyledSpan[], opts: AtomizeOptions): Atomized {
  const atoms: Atom[] = [];
  /** For each atom after the first: was there white space before it; how it continues a Latin word. */
  const spaceBefore: boolean[] = [];
  const linkBefore: Link[] = [];
  /** The Latin word being read: finished pieces, and the piece being extended. */
  let word: Pending[] = [];
  let pending: Pending | null = null;
  let sawSpace = false;
  const pitch = opts.charPitchPt;

  const push = (atom: Atom, link: Link): void => {
    if (atoms.length > 0) {
      spaceBefore.push(sawSpace);
      linkBefore.push(sawSpace ? null : link);
      // Punctuation compression pair by pair as the atoms are read (no second pass).
      const prev = atoms[atoms.length - 1]!;
      if (!sawSpace && atom.kind === 'punct' && prev.kind === 'punct') compressMarkPair(prev, atom);
    }
    atoms.push(atom);
    sawSpace = false;
  };
  /** End the Latin word being read: its pieces become atoms. */
  const flush = (): void => {
    if (pending !== null) word.push(pending);
    pending = null;
    if (word.length === 0) return;
    for (const { atom, link } of wordAtoms(word)) push(atom, link);
    word = [];
  };

  for (const span of spans) {
    // Han atoms have no adjustable space, so one object per character serves the whole span.
    const hanAtoms = new Map<number, Atom>();
    const src = span.text;
    // Code point by code point, without an array of one-character strings per span.
    for (let i = 0; i < src.length;) {
      const cp = src.codePointAt(i)!;
      const units = cp > 0xffff ? 2 : 1;
      const ch = units === 1 ? src[i]! : src.slice(i, i + 2);
      i += units;
      let cls = classify(cp);
      if (cls === 'space') {
        flush();
        if (atoms.length > 0) sawSpace = true;
        continue;
      }
      const cached = hanAtoms.get(cp);
      if (cached !== undefined) {
        flush();
        push(cached, null);
        continue;
      }
      // A half-width interpunct between letters or digits (7·20) belongs to the word.
      const last = pending ?? word[word.length - 1];
      if (cls === 'interpunct' && !isWide(cp) && last !== undefined && isLetterOrDigit(last.lastCp)) {
        const next = src.codePointAt(i);
        if (next !== undefined && !isWide(next) && isLetterOrDigit(next)) cls = 'latin';
      }
      const face = faceOf(opts.fonts, span, cp);
      if (cls === 'twoEm') {
        flush();
        let text = ch;
        while (src.startsWith(ch, i)) {
          text += ch;
          i += ch.length;
        }
        push(dashAtom(text, span, face, pitch), null);
      } else if (cls === 'stop' || cls === 'closing' || cls === 'opening' || cls === 'interpunct') {
        flush();
        push(punctAtom(ch, cls, span, face, pitch), null);
      } else if (isWide(cp)) {
        flush();
        let atom = hanAtoms.get(cp);
        if (atom === undefined) {
          atom = cjkAtom(ch, cls, span, face, pitch);
          hanAtoms.set(cp, atom);
        }
        push(atom, null);
      } else if (pending !== null && pending.span === span && pending.face === face) {
        pending.text += ch;
        pending.lastCp = cp;
      } else {
        // A word that changes face or span mid-way stays one word: its pieces are read together.
        if (pending !== null) word.push(pending);
        pending = { text: ch, lastCp: cp, span, face };
      }
    }
  }
  flush();
  const joints: Joint[] = [];
  for (let i = 0; i + 1 < atoms.length; i++) {
    joints.push(jointBetween(atoms[i]!, atoms[i + 1]!, spaceBefore[i]!, linkBefore[i]!, opts.kinsoku, opts.fonts));
  }
  return { atoms, joints };
}
