/**
 * Fitting one line to its measure (docs/typography.md “Justification”; clreq §3.8
 * “Line adjustment”): reduce before you expand.
 *
 * Shrink order: line-end mark (always removed: a mark at line end takes ½ em, GB/T
 * 15834 §5.1.10) → word spaces (min ¼ em) → interpunct → brackets' outer half →
 * ，、； → Han–Latin gap (min ⅛ em) → 。？！. Expand order: word spaces (max ½ em) →
 * Han–Latin gaps (max ⅓ em) → every other inter-character gap equally; never inside
 * an atom or a word (Latin word, URL, number, two-em unit) and never after the
 * line's last atom. The fit reports the largest stretch of any one gap, which the
 * template caps (`maxGapStretch`).
 */
import type { Kinsoku } from '../../template/index.js';
import { SHRINK_HAN_LATIN, SHRINK_PRIORITIES, SHRINK_WORD_SPACE, type Atom, type Joint } from './atoms.js';
import { classify, type CharClass } from './classes.js';

/** Whether a line starting with a mark of this class loses the mark's blank left half. */
const cutsAtStart = (cls: CharClass, kinsoku: Kinsoku): boolean => kinsoku !== 'none' && cls === 'opening';

/** An opening mark at line start loses its left half (unless prohibitions are off). */
export function startCutPt(atom: Atom, kinsoku: Kinsoku): number {
  return atom.kind === 'punct' && cutsAtStart(atom.cls, kinsoku) ? atom.leftPt : 0;
}

/**
 * What startCutPt takes off a line beginning with `text` set at `sizePt` off the character
 * grid (an opening mark's box is one em, its blank left half ½ em): for writers whose
 * consumer sets the mark whole (the DOCX) and must start the line that much further left.
 */
export function textStartCutPt(text: string, sizePt: number, kinsoku: Kinsoku): number {
  const first = text.codePointAt(0);
  return first !== undefined && cutsAtStart(classify(first), kinsoku) ? sizePt / 2 : 0;
}

export interface LineFit {
  /** Pads as used, per atom of the line (index 0 = atom `s`). */
  readonly left: number[];
  readonly right: number[];
  /** Joint widths as used, gaps[k] after the line's atom k. */
  readonly gaps: number[];
  readonly widthPt: number;
  /** The most any one gap was stretched past its natural width, em of that gap. */
  readonly maxStretchEm: number;
}

/** Joints inside a word: never spaced out. */
export const inWord = (kind: Joint['kind']): boolean => kind === 'glued' || kind === 'inword' || kind === 'forced';

interface Item {
  readonly arr: number[];
  readonly idx: number;
  readonly avail: number;
}

/** Natural pads and gaps of the line atoms[s..e] with its edges trimmed. */
export function naturalLine(
  atoms: readonly Atom[],
  joints: readonly Joint[],
  s: number,
  e: number,
  kinsoku: Kinsoku,
): LineFit {
  const left: number[] = [];
  const right: number[] = [];
  const gaps: number[] = [];
  let w = 0;
  for (let i = s; i <= e; i++) {
    const a = atoms[i]!;
    const l = i === s ? a.leftPt - startCutPt(a, kinsoku) : a.leftPt;
    const r = i === e ? 0 : a.rightPt;
    left.push(l);
    right.push(r);
    w += l + a.corePt + r;
    if (i < e) {
      gaps.push(joints[i]!.natPt);
      w += joints[i]!.natPt;
    }
  }
  return { left, right, gaps, widthPt: w, maxStretchEm: 0 };
}

function shrinkItems(atoms: readonly Atom[], joints: readonly Joint[], s: number, fit: LineFit, prio: number): Item[] {
  const items: Item[] = [];
  for (let k = 0; k < fit.left.length; k++) {
    const a = atoms[s + k]!;
    if (a.leftPrio === prio && fit.left[k]! > 0) items.push({ arr: fit.left, idx: k, avail: fit.left[k]! });
    if (a.rightPrio === prio && fit.right[k]! > 0) items.push({ arr: fit.right, idx: k, avail: fit.right[k]! });
  }
  for (let k = 0; k < fit.gaps.length; k++) {
    const j = joints[s + k]!;
    const p = j.kind === 'word' ? SHRINK_WORD_SPACE : j.kind === 'hanLatin' ? SHRINK_HAN_LATIN : -1;
    if (p === prio && j.natPt > j.minPt) items.push({ arr: fit.gaps, idx: k, avail: j.natPt - j.minPt });
  }
  return items;
}

/** Take `need` pt from items in proportion to what each can give; returns what was taken. */
function take(items: readonly Item[], need: number): number {
  const avail = items.reduce((t, it) => t + it.avail, 0);
  if (avail <= 0 || need <= 0) return 0;
  const got = Math.min(need, avail);
  for (const it of items) it.arr[it.idx]! -= (it.avail * got) / avail;
  return got;
}

/** Give `extra` pt to items up to each one's cap, in proportion; returns what was given. */
function give(items: readonly Item[], extra: number): number {
  const cap = items.reduce((t, it) => t + it.avail, 0);
  if (cap <= 0 || extra <= 0) return 0;
  const got = Math.min(extra, cap);
  for (const it of items) it.arr[it.idx]! += (it.avail * got) / cap;
  return got;
}

/**
 * Fit atoms[s..e] to `targetPt`: shrink when too wide; when `stretch`, expand when too
 * narrow. A line that cannot shrink enough stays overfull.
 */
export function fitLine(
  atoms: readonly Atom[],
  joints: readonly Joint[],
  s: number,
  e: number,
  targetPt: number,
  stretch: boolean,
  kinsoku: Kinsoku,
): LineFit {
  const fit = naturalLine(atoms, joints, s, e, kinsoku);
  let width = fit.widthPt;
  if (width > targetPt) {
    for (const prio of SHRINK_PRIORITIES) {
      if (width - targetPt <= 1e-9) break;
      width -= take(shrinkItems(atoms, joints, s, fit, prio), width - targetPt);
    }
  } else if (stretch && width < targetPt && fit.gaps.length > 0) {
    const tier = (kind: Joint['kind']): Item[] => {
      const items: Item[] = [];
      for (let k = 0; k < fit.gaps.length; k++) {
        const j = joints[s + k]!;
        if (j.kind === kind && j.maxPt > fit.gaps[k]!)
          items.push({ arr: fit.gaps, idx: k, avail: j.maxPt - fit.gaps[k]! });
      }
      return items;
    };
    width += give(tier('word'), targetPt - width);
    width += give(tier('hanLatin'), targetPt - width);
    const rest = targetPt - width;
    if (rest > 1e-9) {
      let open = 0;
      for (let k = 0; k < fit.gaps.length; k++) if (joints[s + k]!.kind === 'plain') open++;
      const any = open === 0;
      if (any) for (let k = 0; k < fit.gaps.length; k++) if (!inWord(joints[s + k]!.kind)) open++;
      if (open > 0) {
        const each = rest / open;
        for (let k = 0; k < fit.gaps.length; k++) {
          const kind = joints[s + k]!.kind;
          if (kind === 'plain' || (any && !inWord(kind))) fit.gaps[k]! += each;
        }
        width = targetPt;
      }
    }
  }
  let maxStretchEm = 0;
  for (let k = 0; k < fit.gaps.length; k++) {
    const j = joints[s + k]!;
    maxStretchEm = Math.max(maxStretchEm, (fit.gaps[k]! - j.natPt) / j.emPt);
  }
  return { ...fit, widthPt: width, maxStretchEm };
}
