/**
 * One line of glyph runs → one PDF text object (ISO 32000-1 §9.4: BT … ET) whose
 * `TJ` arrays position every glyph explicitly (§9.4.3): after each glyph the pen
 * moves by the glyph's declared width (/W), and a number in the array moves it
 * back by thousandths of the text size, so each glyph lands exactly on the origin
 * layout computed — condensed grid pitch, justification and squeezed punctuation
 * (clreq §3.1.6, docs/typography.md “Widths and compression”) alike — with character
 * spacing (Tc) left at 0. Adjustments are rounded to 1/1000 of a thousandth of an
 * em and the pen is tracked through the rounded values, so errors never add up.
 *
 * A squeezed mark's glyph box (its origin plus its declared width) overlaps its
 * neighbour's by half an em or more, and text extraction (poppler's pdftotext,
 * for one) then splits the line there. Glyphs chained by such overlaps are wrapped
 * in a marked-content span with /ActualText (§14.9.4), so extractors read the
 * cluster as its characters in order, over the cluster's extent: the line stays one
 * continuous line, and each glyph is still drawn exactly where layout put it.
 *
 * A two-em unit (a run marked `twoEm`: ——, ……, ⋯⋯, ⸺) fills its cells exactly
 * (docs/typography.md “Two-em dashes and ellipses”: one unbroken rule two ems long; six dots evenly spaced over two ems).
 * Dashes: one filled rectangle across all the cells at the height and thickness of
 * the font's dash (its glyph's ink box), drawn after the text object, whatever the
 * font's side bearings or dash width; the dash glyphs stay in the text, invisible
 * (render mode 3, §9.3.6), each scaled to its cell, so extraction, search and glyph
 * boxes are as for any text. Ellipses: each glyph scaled horizontally by its own text
 * matrix (§9.4.2 Tm) so its three dots fall on the pitch of the unit's dots, their
 * height the font's. Every unit is one /ActualText span of its characters, so it
 * extracts and copies as `——`/`……`. The fitting itself (`fitTwoEm`, `unitRule`) is
 * src/fonts/two-em.ts, shared with the OFD writer.
 *
 * Faux bold is text render mode 2, fill then stroke (§9.3.6), with a line width;
 * faux italic a skewed text matrix. Pure: no pdfkit in here.
 */
import { fitTwoEm, unitRule as ruleOfUnit, type UnitRule } from '../../fonts/index.js';
import type { EncodedGlyph } from './encode.js';

export interface TextRun {
  /** Font resource name (F1, F2, …). */
  readonly fontId: string;
  readonly sizePt: number;
  /** Origin of the first glyph, pt from the page's left edge. */
  readonly xPt: number;
  /** Baseline, pt from the page's top edge. */
  readonly yPt: number;
  /** Added after each character (ligatures: after each of their characters). */
  readonly charSpacingPt: number;
  readonly glyphs: readonly EncodedGlyph[];
  /** Faux bold outline width, pt; 0 to fill only. */
  readonly strokePt: number;
  /** Faux italic: tangent of the slant, 0 upright. */
  readonly skew: number;
  /** The run is one two-em unit: its glyphs carry their ink (`EncodedGlyph.unit`) and fill the run's cells. */
  readonly twoEm?: boolean;
}

/** A glyph box reaching this far (em of its size) past the next glyph's origin starts or extends an /ActualText span. */
export const TIGHT_OVERLAP_EM = 0.1;

/** Glyph origins of a run as layout placed them, pt, plus the end of the last glyph's advance. */
export function glyphOriginsPt(run: TextRun): number[] {
  const xs = [run.xPt];
  let x = run.xPt;
  for (const g of run.glyphs) {
    x += (g.advanceK * run.sizePt) / 1000 + g.nChars * run.charSpacingPt;
    xs.push(x);
  }
  return xs;
}

/** Drawn width of a run: from its first origin to the end of its last advance, pt. */
export function runWidthPt(run: TextRun): number {
  const xs = glyphOriginsPt(run);
  return xs[xs.length - 1]! - xs[0]!;
}

/** A PDF number with at most `decimals` decimals, no trailing zeros, no “-0”. */
export function num(n: number, decimals = 4): string {
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return r === 0 ? '0' : String(r);
}

/** A PDF text string (§7.9.2.2) as a hex string: UTF-16BE with its byte-order mark. */
export function textStringHex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** Where a glyph is drawn relative to its place in the run: a centred ligature sits mid-way in its characters' space. */
function drawnOffsetPt(run: TextRun, glyph: EncodedGlyph): number {
  if (glyph.offsetK === 0) return 0;
  return (glyph.offsetK * run.sizePt) / 1000 + ((glyph.nChars - 1) * run.charSpacingPt) / 2;
}

interface Placed {
  readonly run: number;
  readonly glyph: EncodedGlyph;
  /** Where the glyph is drawn, and its horizontal scale (1 but in two-em units). */
  readonly originPt: number;
  readonly scaleX: number;
  /** Drawn invisible (a dash under its unit's rule). */
  readonly invisible: boolean;
  /** The box overlaps are judged by: the glyph's advance, or its cell in a unit. */
  readonly boxStartPt: number;
  readonly boxEndPt: number;
  readonly sizePt: number;
  readonly yPt: number;
}

/** The rule a unit of dashes is drawn as, in the line's coordinates (top-down), or null when it has no dash ink. */
export function unitRule(run: TextRun): UnitRule | null {
  return run.twoEm ? ruleOfUnit(run.glyphs, run.sizePt, glyphOriginsPt(run), run.yPt) : null;
}

function place(runs: readonly TextRun[]): Placed[] {
  const out: Placed[] = [];
  runs.forEach((run, r) => {
    const xs = glyphOriginsPt(run);
    const fits = run.twoEm ? fitTwoEm(run.glyphs, run.sizePt, xs) : null;
    run.glyphs.forEach((glyph, i) => {
      const fit = fits?.[i];
      const origin = fit ? fit.originPt : xs[i]! + drawnOffsetPt(run, glyph);
      out.push({
        run: r,
        glyph,
        originPt: origin,
        scaleX: fit ? fit.scaleX : 1,
        invisible: fit ? fit.rule : false,
        boxStartPt: fit ? xs[i]! : origin,
        boxEndPt: fit ? xs[i + 1]! : origin + (glyph.widthK * run.sizePt) / 1000,
        sizePt: run.sizePt,
        yPt: run.yPt,
      });
    });
  });
  return out;
}

/** Index ranges [first, last] that overlap or touch merged into one. */
function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The /ActualText spans of a line: clusters of tight overlaps, and every two-em unit whole. */
function spanRanges(runs: readonly TextRun[], glyphs: readonly Placed[]): [number, number][] {
  const units: [number, number][] = [];
  let at = 0;
  for (const run of runs) {
    if (run.twoEm && run.glyphs.length > 0) units.push([at, at + run.glyphs.length - 1]);
    at += run.glyphs.length;
  }
  const boxes = glyphs.map((g) => ({ originPt: g.boxStartPt, boxEndPt: g.boxEndPt, sizePt: g.sizePt, yPt: g.yPt }));
  return mergeRanges([...tightClusters(boxes), ...units]);
}

/**
 * Clusters of glyphs whose boxes overlap the next glyph's origin by more than
 * `TIGHT_OVERLAP_EM`: [first, last] indices into the line's glyphs, two glyphs or more.
 */
export function tightClusters(
  glyphs: readonly { originPt: number; boxEndPt: number; sizePt: number; yPt: number }[],
): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i + 1 < glyphs.length; i++) {
    const a = glyphs[i]!;
    const b = glyphs[i + 1]!;
    const tight = a.yPt === b.yPt && b.originPt < a.boxEndPt - TIGHT_OVERLAP_EM * a.sizePt;
    if (tight && start < 0) start = i;
    if (!tight && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  if (start >= 0) out.push([start, glyphs.length - 1]);
  return out;
}

/**
 * The text object of one line. `pageHeightPt` turns top-down layout coordinates
 * into PDF user space; the caller draws it in the page's unflipped default space.
 */
export function textObject(runs: readonly TextRun[], pageHeightPt: number): string {
  const glyphs = place(runs);
  const spanStart = new Map<number, number>();
  for (const [a, b] of spanRanges(runs, glyphs)) spanStart.set(a, b);
  const ops: string[] = ['BT'];
  let font = '';
  let size = NaN;
  let stroke = 0;
  let skew = 0;
  let baseline = NaN;
  /** The pen, pt; NaN after a glyph drawn with a matrix of its own (the next glyph sets Tm again). */
  let pen = 0;
  let parts: string[] = [];
  let hex = '';
  let spanEnd = -1;
  const flush = (): void => {
    if (hex) parts.push(`<${hex}>`);
    if (parts.length > 0) ops.push(`[${parts.join(' ')}] TJ`);
    parts = [];
    hex = '';
  };
  const matrix = (scaleX: number, xPt: number, yPt: number): string =>
    `${num(scaleX, 6)} 0 ${num(skew, 6)} 1 ${num(xPt)} ${num(pageHeightPt - yPt)} Tm`;
  let current = -1;
  glyphs.forEach((p, i) => {
    const run = runs[p.run]!;
    if (p.run !== current) {
      current = p.run;
      const state: string[] = [];
      if (run.fontId !== font || run.sizePt !== size) {
        state.push(`/${run.fontId} ${num(run.sizePt)} Tf`);
        font = run.fontId;
        size = run.sizePt;
      }
      if (run.strokePt !== stroke) {
        state.push(run.strokePt > 0 ? `${num(run.strokePt)} w 2 Tr` : '0 Tr');
        stroke = run.strokePt;
      }
      if (run.yPt !== baseline || run.skew !== skew || Number.isNaN(pen)) {
        baseline = run.yPt;
        skew = run.skew;
        // A unit's glyphs each set their own matrix.
        if (!run.twoEm) {
          state.push(matrix(1, run.xPt, run.yPt));
          pen = Number(num(run.xPt));
        }
      }
      if (state.length > 0) {
        flush();
        ops.push(...state);
      }
    }
    const end = spanStart.get(i);
    if (end !== undefined) {
      flush();
      ops.push(
        `/Span <</ActualText ${textStringHex(
          glyphs
            .slice(i, end + 1)
            .map((g) => g.glyph.text)
            .join(''),
        )}>> BDC`,
      );
      spanEnd = end;
    }
    if (run.twoEm) {
      flush();
      if (p.invisible) {
        ops.push('3 Tr');
        stroke = NaN;
      }
      ops.push(matrix(p.scaleX, p.originPt, run.yPt), `[<${p.glyph.code}>] TJ`);
      pen = NaN;
    } else {
      const adjust = Number(num(((pen - p.originPt) * 1000) / run.sizePt, 3));
      if (adjust !== 0) {
        if (hex) parts.push(`<${hex}>`);
        hex = '';
        parts.push(num(adjust, 3));
        pen -= (adjust * run.sizePt) / 1000;
      }
      hex += p.glyph.code;
      pen += (p.glyph.widthK * run.sizePt) / 1000;
    }
    if (i === spanEnd) {
      flush();
      ops.push('EMC');
      spanEnd = -1;
    }
  });
  flush();
  ops.push('ET');
  for (const run of runs) {
    const rule = unitRule(run);
    if (!rule) continue;
    const box = `${num(rule.xPt)} ${num(pageHeightPt - rule.topPt - rule.heightPt)} ${num(rule.widthPt)} ${num(rule.heightPt)} re`;
    // Faux bold strokes the rule's outline as it strokes the glyphs'.
    ops.push(run.strokePt > 0 ? `${num(run.strokePt)} w ${box} B` : `${box} f`);
  }
  return ops.join('\n');
}
