/**
 * A two-em unit in the text object: dashes become one filled rectangle over all the
 * unit's cells at the dash's ink height, the dash glyphs invisible and scaled to their
 * cells; ellipsis glyphs are scaled and moved so the six dots fall on one pitch; the
 * unit is one /ActualText span; text after it continues at its own origin.
 */
import { describe, expect, it } from 'vitest';
import { fitTwoEm, type UnitGlyph } from '../../src/fonts/index.js';
import type { EncodedGlyph } from '../../src/render/pdf/encode.js';
import { textObject, textStringHex, type TextRun } from '../../src/render/pdf/text-object.js';

const PAGE_H = 800;

/** Noto Serif SC's U+2014 (advance 890, ink 43–846 × 242–293) and U+2026 (advance 1000, dots 111–889 × 324–436). */
const DASH_INK: UnitGlyph = { kind: 'rule', inkLeftK: 43, inkRightK: 846, inkBottomK: 242, inkTopK: 293 };
const DOTS_INK: UnitGlyph = { kind: 'dots', inkLeftK: 111, inkRightK: 889, inkBottomK: 324, inkTopK: 436 };

function g(code: string, text: string, widthK: number, unit?: UnitGlyph): EncodedGlyph {
  return { code, widthK, advanceK: widthK, nChars: 1, text, offsetK: 0, ...(unit ? { unit } : {}) };
}

function run(xPt: number, glyphs: EncodedGlyph[], extra: Partial<TextRun> = {}): TextRun {
  return { fontId: 'F1', sizePt: 16, xPt, yPt: 100, charSpacingPt: 0, glyphs, strokePt: 0, skew: 0, ...extra };
}

/** Each glyph drawn: the Tm before it (scale, x) and the render mode in force. */
function drawn(ops: string): { code: string; scale: number; x: number; mode: number }[] {
  const out: { code: string; scale: number; x: number; mode: number }[] = [];
  let scale = 1;
  let x = 0;
  let mode = 0;
  for (const line of ops.split('\n')) {
    const tm = /^(\S+) 0 \S+ 1 (\S+) \S+ Tm$/.exec(line);
    if (tm) [scale, x] = [Number(tm[1]), Number(tm[2])];
    const tr = /(\d) Tr$/.exec(line);
    if (tr) mode = Number(tr[1]);
    const tj = /^\[<([0-9a-f]+)>\] TJ$/.exec(line);
    if (tj) for (let k = 0; k < tj[1]!.length; k += 4) out.push({ code: tj[1]!.slice(k, k + 4), scale, x, mode });
  }
  return out;
}

describe('a —— unit', () => {
  // 16 pt on a 15.75 pt grid: each 0.89 em dash advances 14.24 pt plus 1.51 pt spacing.
  const cs = 15.75 - 0.89 * 16;
  const unit = run(100, [g('0001', '—', 890, DASH_INK), g('0001', '—', 890, DASH_INK)], {
    charSpacingPt: cs,
    twoEm: true,
  });
  const after = run(131.5, [g('0002', '乙', 1000)]);
  const ops = textObject([unit, after], PAGE_H);

  it('is one rectangle over both cells at the dash’s stroke, after the text object', () => {
    const rects = ops.split('\n').filter((l) => / re /.test(l));
    expect(rects).toEqual([`100 ${PAGE_H - 100 + 3.872} 31.5 0.816 re f`]);
    expect(ops.indexOf(rects[0]!)).toBeGreaterThan(ops.indexOf('ET'));
  });

  it('keeps the dashes as invisible text, each scaled to its cell, in one /ActualText span', () => {
    const d = drawn(ops);
    expect(d.slice(0, 2).map((x) => [x.mode, x.x])).toEqual([
      [3, 100],
      [3, 115.75],
    ]);
    for (const x of d.slice(0, 2)) expect(x.scale * 0.89 * 16).toBeCloseTo(15.75, 4);
    expect(ops).toContain(`/Span <</ActualText ${textStringHex('——')}>> BDC`);
    // The text after it is drawn filled, unscaled, at its own origin.
    expect(d[2]).toEqual({ code: '0002', scale: 1, x: 131.5, mode: 0 });
  });

  it('strokes the rectangle as it strokes faux bold glyphs', () => {
    const bold = textObject([{ ...unit, strokePt: 0.48 }], PAGE_H);
    expect(bold).toMatch(/0\.48 w 100 \S+ 31\.5 0\.816 re B$/);
  });
});

describe('a …… unit', () => {
  it('puts its six dots on one pitch over its cells, on and off a grid', () => {
    for (const cell of [16, 15.75, 18]) {
      const glyphs = [g('0003', '…', 1000, DOTS_INK), g('0003', '…', 1000, DOTS_INK)];
      const xs = [200, 200 + cell, 200 + 2 * cell];
      const fits = fitTwoEm(glyphs, 16, xs);
      const k = 16 / 1000;
      const centres = fits.flatMap((f) => [0, 1, 2].map((i) => f.originPt + f.scaleX * (111 + 56 + i * 333) * k));
      const pitch = (2 * cell) / 6;
      centres.forEach((c, i) => expect(c).toBeCloseTo(200 + pitch / 2 + i * pitch, 6));
      expect(fits.every((f) => !f.rule)).toBe(true);
    }
  });

  it('draws its glyphs filled with their own matrices, and no rectangle', () => {
    const ops = textObject(
      [run(200, [g('0003', '…', 1000, DOTS_INK), g('0003', '…', 1000, DOTS_INK)], { twoEm: true })],
      PAGE_H,
    );
    expect(ops).not.toMatch(/ re /);
    expect(drawn(ops).map((d) => d.mode)).toEqual([0, 0]);
    expect(ops).toContain(`/Span <</ActualText ${textStringHex('……')}>> BDC`);
  });
});
