/**
 * One line of glyph runs → one PDF text object (ISO 32000-1 §9.4: BT … ET) whose
 * `TJ` arrays position every glyph explicitly (§9.4.3): after each glyph the pen
 * moves by the glyph's declared width (/W), and a number in the array moves it
 * back by thousandths of the text size, so each glyph lands exactly on the origin
 * layout computed — condensed grid pitch, justification and squeezed punctuation
 * (clreq §3.1.6, TYPOGRAPHY.md “Widths and compression”) alike — with character
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
 * Faux bold is text render mode 2, fill then stroke (§9.3.6), with a line width;
 * faux italic a skewed text matrix. Pure: no pdfkit in here.
 */
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
  readonly originPt: number;
  readonly boxEndPt: number;
  readonly sizePt: number;
  readonly yPt: number;
}

function place(runs: readonly TextRun[]): Placed[] {
  const out: Placed[] = [];
  runs.forEach((run, r) => {
    const xs = glyphOriginsPt(run);
    run.glyphs.forEach((glyph, i) => {
      const origin = xs[i]! + drawnOffsetPt(run, glyph);
      out.push({
        run: r,
        glyph,
        originPt: origin,
        boxEndPt: origin + (glyph.widthK * run.sizePt) / 1000,
        sizePt: run.sizePt,
        yPt: run.yPt,
      });
    });
  });
  return out;
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
  for (const [a, b] of tightClusters(glyphs)) spanStart.set(a, b);
  const ops: string[] = ['BT'];
  let font = '';
  let size = NaN;
  let stroke = 0;
  let skew = 0;
  let baseline = NaN;
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
      if (run.yPt !== baseline || run.skew !== skew) {
        state.push(`1 0 ${num(run.skew, 6)} 1 ${num(run.xPt)} ${num(pageHeightPt - run.yPt)} Tm`);
        baseline = run.yPt;
        skew = run.skew;
        pen = Number(num(run.xPt));
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
    const adjust = Number(num(((pen - p.originPt) * 1000) / run.sizePt, 3));
    if (adjust !== 0) {
      if (hex) parts.push(`<${hex}>`);
      hex = '';
      parts.push(num(adjust, 3));
      pen -= (adjust * run.sizePt) / 1000;
    }
    hex += p.glyph.code;
    pen += (p.glyph.widthK * run.sizePt) / 1000;
    if (i === spanEnd) {
      flush();
      ops.push('EMC');
      spanEnd = -1;
    }
  });
  flush();
  ops.push('ET');
  return ops.join('\n');
}
