/**
 * From placed atoms to `LineRun`s: glyph origins inside each atom's box (a stop or
 * closing mark's glyph against the left edge, an opening mark's against the right,
 * an interpunct centred — clreq §3.1.6), then merging consecutive characters of one
 * face, size, rise and flags whose advances are uniform into one run, so the PDF
 * draws one text call per run with one character spacing. A two-em unit is always a
 * run of its own, marked `twoEm`.
 */
import type { FontFace } from '../../fonts/index.js';
import type { LineRun } from '../paragraph-types.js';
import { isTwoEmUnit, type Atom } from './atoms.js';
import type { LineFit } from './justify.js';

const EPS = 1e-6;

/** One atom's glyphs as placed on the line. */
export interface Cell {
  readonly atom: Atom;
  /** Glyph origin of the first character, pt from the measure's left edge. */
  readonly originPt: number;
  /** Right edge of the atom's box as set. */
  readonly slotEndPt: number;
  /** The glyph is not drawn from the left edge of its box (a narrow or cut mark): its own run. */
  readonly offset: boolean;
}

/** Place the atoms of a fitted line starting at `xPt`. */
export function placeCells(atoms: readonly Atom[], start: number, fit: LineFit, xPt: number): Cell[] {
  const cells: Cell[] = [];
  let x = xPt;
  for (let k = 0; k < fit.left.length; k++) {
    const a = atoms[start + k]!;
    const left = fit.left[k]!;
    const slotStart = x;
    const origin = x - (a.leftFullPt - left) + a.glyphOffsetPt;
    x += left + a.corePt + fit.right[k]!;
    cells.push({ atom: a, originPt: origin, slotEndPt: x, offset: Math.abs(origin - slotStart) > EPS });
    if (k < fit.gaps.length) x += fit.gaps[k]!;
  }
  return cells;
}

interface OpenRun {
  readonly first: Cell;
  text: string;
  n: number;
  glyphPt: number;
  csPt: number | null;
  last: Cell;
}

function fakeBold(a: Atom): boolean {
  return a.span.bold && a.face.weight < 600;
}

function sameStyle(a: Atom, b: Atom): boolean {
  return (
    a.face.key === b.face.key &&
    a.span.sizePt === b.span.sizePt &&
    a.span.risePt === b.span.risePt &&
    a.span.strike === b.span.strike &&
    a.span.url === b.span.url &&
    fakeBold(a) === fakeBold(b) &&
    (a.span.italic && !a.face.italic) === (b.span.italic && !b.face.italic)
  );
}

/** The cell's atom keeps its own spacing between its characters (a Latin word, a two-em unit). */
const multi = (c: Cell): boolean => c.atom.nChars > 1 || isTwoEmUnit(c.atom);

function tryJoin(run: OpenRun, c: Cell): boolean {
  if (!sameStyle(run.first.atom, c.atom) || run.last.offset || c.offset) return false;
  // A two-em unit is a run of its own: the renderer draws the whole run as the unit.
  if (isTwoEmUnit(run.first.atom) || isTwoEmUnit(c.atom)) return false;
  const implied = run.csPt ?? (c.originPt - run.first.originPt - run.glyphPt) / run.n;
  if (run.csPt !== null) {
    const predicted = run.first.originPt + run.glyphPt + run.n * run.csPt;
    if (Math.abs(predicted - c.originPt) > EPS) return false;
  }
  if (multi(c) && Math.abs(c.atom.innerCsPt - implied) > EPS) return false;
  run.csPt = implied;
  run.text += c.atom.text;
  run.n += c.atom.nChars;
  run.glyphPt += c.atom.glyphPt;
  run.last = c;
  return true;
}

function close(run: OpenRun): LineRun {
  const a = run.first.atom;
  const cs = run.csPt ?? run.last.slotEndPt - run.first.originPt - run.glyphPt;
  return {
    text: run.text,
    fontKey: a.face.key,
    sizePt: a.span.sizePt,
    xPt: run.first.originPt,
    risePt: a.span.risePt,
    charSpacingPt: cs,
    fakeBold: fakeBold(a),
    fakeItalic: a.span.italic && !a.face.italic,
    strike: a.span.strike,
    url: a.span.url,
    widthPt: run.last.slotEndPt - run.first.originPt,
    ...(isTwoEmUnit(a) ? { twoEm: true } : {}),
  };
}

/** Merge placed cells into as few runs as uniform spacing allows. */
export function mergeRuns(cells: readonly Cell[]): LineRun[] {
  const runs: LineRun[] = [];
  let open: OpenRun | null = null;
  for (const c of cells) {
    if (open !== null && tryJoin(open, c)) continue;
    if (open !== null) runs.push(close(open));
    open = {
      first: c,
      text: c.atom.text,
      n: c.atom.nChars,
      glyphPt: c.atom.glyphPt,
      csPt: multi(c) ? c.atom.innerCsPt : null,
      last: c,
    };
  }
  if (open !== null) runs.push(close(open));
  return runs;
}

/** Largest ascent and descent over the faces × sizes used (risen runs reach higher), fed one glyph box at a time. */
export class LineExtent {
  ascentPt = 0;
  descentPt = 0;
  private face: FontFace | null = null;
  private sizePt = 0;
  private risePt = 0;

  add(face: FontFace, sizePt: number, risePt: number): void {
    // Runs of one face, size and rise count once.
    if (this.face === face && this.sizePt === sizePt && this.risePt === risePt) return;
    this.face = face;
    this.sizePt = sizePt;
    this.risePt = risePt;
    this.ascentPt = Math.max(this.ascentPt, face.ascentEm * sizePt + risePt);
    this.descentPt = Math.max(this.descentPt, face.descentEm * sizePt - risePt);
  }
}

/** Largest ascent and descent over the faces × sizes used (risen runs reach higher). */
export function lineExtent(items: readonly { face: FontFace; sizePt: number; risePt: number }[]): {
  ascentPt: number;
  descentPt: number;
} {
  const e = new LineExtent();
  for (const it of items) e.add(it.face, it.sizePt, it.risePt);
  return { ascentPt: e.ascentPt, descentPt: e.descentPt };
}
