import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZIHAO_PT, floorToStepPt, floorToTwipPt, mmToPt, parseLength, ptToMm } from '../../src/template/units.js';

const ok = (pt: number) => ({ ok: true, pt });

describe('parseLength', () => {
  it('converts absolute units to pt', () => {
    expect(parseLength('12pt')).toEqual(ok(12));
    expect(parseLength('1in')).toEqual(ok(72));
    expect((parseLength('25.4mm') as { pt: number }).pt).toBeCloseTo(72, 10);
    expect((parseLength('2.54cm') as { pt: number }).pt).toBeCloseTo(72, 10);
    expect((parseLength('37mm') as { pt: number }).pt).toBeCloseTo(104.8819, 4);
    expect(parseLength('-0.25pt')).toEqual(ok(-0.25));
    expect(parseLength(' .5 pt ')).toEqual(ok(0.5));
    expect(parseLength('3PT')).toEqual(ok(3));
    expect(parseLength(0)).toEqual(ok(0));
  });

  it('takes em relative to the given size and grid lines relative to the pitch', () => {
    expect(parseLength('2em', { emPt: 16 })).toEqual(ok(32));
    expect(parseLength('1.5em', { emPt: 12 })).toEqual(ok(18));
    expect(parseLength('2grid', { gridPt: 28.95 })).toEqual(ok(57.9));
  });

  it('reads every 字号 name of docs/typography.md, only where asked', () => {
    const expected: Record<string, number> = {
      初号: 42,
      小初: 36,
      一号: 26,
      小一: 24,
      二号: 22,
      小二: 18,
      三号: 16,
      小三: 15,
      四号: 14,
      小四: 12,
      五号: 10.5,
      小五: 9,
    };
    expect(ZIHAO_PT).toEqual(expected);
    for (const [name, pt] of Object.entries(expected)) expect(parseLength(name, { zihao: true })).toEqual(ok(pt));
    expect(parseLength('三号')).toEqual({
      ok: false,
      message: '"三号" is not a length (use a number with mm, cm, pt or in)',
    });
  });

  it('rejects missing or unknown units, saying which units would do', () => {
    expect(parseLength('12')).toEqual({
      ok: false,
      message: '"12" is not a length (use a number with mm, cm, pt or in)',
    });
    expect(parseLength(12)).toEqual({ ok: false, message: '12 is not a length (use a number with mm, cm, pt or in)' });
    expect(parseLength('12px', { emPt: 12 })).toEqual({
      ok: false,
      message: '"12px" is not a length (use a number with mm, cm, pt, in or em)',
    });
    expect(parseLength('2em')).toEqual({
      ok: false,
      message: '"2em" is not a length (use a number with mm, cm, pt or in)',
    });
    expect(parseLength('1grid')).toEqual({ ok: false, message: '"1grid" needs a grid, and this template has none' });
    expect(parseLength('x', { zihao: true })).toEqual({
      ok: false,
      message: '"x" is not a length (use a number with mm, cm, pt or in, or a 字号 name such as 三号)',
    });
  });
});

describe('rounding', () => {
  it('floors to whole twips: 225 mm / 22 lines is 28.95 pt (579 twip)', () => {
    expect(floorToTwipPt(mmToPt(225) / 22)).toBe(28.95);
    expect(floorToTwipPt(28.95)).toBe(28.95);
    expect(floorToTwipPt(29.04999)).toBe(29);
  });

  it('floors to 0.05 pt: 156 mm / 28 characters is 15.75 pt', () => {
    expect(floorToStepPt(mmToPt(156) / 28, 0.05)).toBe(15.75);
    expect(floorToStepPt(15.8, 0.05)).toBe(15.8);
  });

  it('never rounds up and never loses a whole twip (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2000, noNaN: true }), (pt) => {
        const r = floorToTwipPt(pt);
        expect(r).toBeLessThanOrEqual(pt + 1e-9);
        expect(pt - r).toBeLessThan(0.05 + 1e-9);
        expect(Math.abs(r * 20 - Math.round(r * 20))).toBeLessThan(1e-6);
      }),
    );
  });

  it('mm ↔ pt round-trips', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (mm) => {
        expect(ptToMm(mmToPt(mm))).toBeCloseTo(mm, 9);
      }),
    );
  });
});
