import { describe, expect, it } from 'vitest';
import { atomize } from '../../../src/layout/break/atoms.js';
import { fitLine, naturalLine } from '../../../src/layout/break/justify.js';
import { fakeBook } from '../../helpers/fake-fonts.js';
import { glyphsOf, rightEdgeOf, set, span, textOf } from './common.js';

const fonts = fakeBook();
const fitOf = (text: string, delta: number) => {
  const { atoms, joints } = atomize([span(text)], { fonts, kinsoku: 'gb', charPitchPt: null });
  const nat = naturalLine(atoms, joints, 0, atoms.length - 1, 'gb');
  return { atoms, joints, fit: fitLine(atoms, joints, 0, atoms.length - 1, nat.widthPt + delta, true, 'gb'), nat };
};

describe('shrink order', () => {
  it('shrinks word spaces first, down to a quarter em', () => {
    // ab cd，中。中 : word space 3.3 pt (min 2.5), ， right half 5, 。 right half 5
    const { fit, nat } = fitOf('ab cd，中。中', -0.5);
    expect(fit.widthPt).toBeCloseTo(nat.widthPt - 0.5);
    expect(fit.gaps[0]).toBeCloseTo(2.8);
    expect(fit.right[2]).toBeCloseTo(5);
    expect(fit.right[4]).toBeCloseTo(5);
  });

  it('then pause marks, and full stops last', () => {
    const { fit } = fitOf('ab cd，中。中', -2);
    expect(fit.gaps[0]).toBeCloseTo(2.5);
    expect(fit.right[2]).toBeCloseTo(5 - 1.2);
    expect(fit.right[4]).toBeCloseTo(5);
    const deep = fitOf('ab cd，中。中', -6).fit;
    expect(deep.right[2]).toBeCloseTo(0);
    expect(deep.right[4]).toBeCloseTo(5 - (6 - 0.8 - 5));
  });

  it('shrinks the Han–Latin gap after brackets and pause marks, to an eighth em', () => {
    const { fit } = fitOf('中A（中）', -4);
    // gaps: 中|A (Han–Latin 2.5, min 1.25), A|（ plain; （ left half 5 (bracket, shrinks first), ） right half cut at line end
    expect(fit.left[2]).toBeCloseTo(1);
    expect(fit.gaps[0]).toBeCloseTo(2.5);
    const more = fitOf('中A（中）', -6).fit;
    expect(more.left[2]).toBeCloseTo(0);
    expect(more.gaps[0]).toBeCloseTo(1.5);
  });
});

describe('justification', () => {
  it('stretches word spaces first, to at most half an em', () => {
    const { fit } = fitOf('ab cd ef中文', 2);
    expect(fit.gaps[0]).toBeCloseTo(4.3);
    expect(fit.gaps[1]).toBeCloseTo(4.3);
    expect(fit.gaps[2]).toBeCloseTo(2.5);
    expect(fit.gaps[3]).toBeCloseTo(0);
  });

  it('then Han–Latin gaps to a third of an em, then every other gap equally', () => {
    const small = fitOf('中文AB中文', 1).fit;
    expect(small.gaps[1]).toBeCloseTo(3);
    expect(small.gaps[0]).toBeCloseTo(0);
    const big = fitOf('中文AB中文', 10).fit;
    const third = 10 / 3;
    expect(big.gaps[1]).toBeCloseTo(third, 5);
    expect(big.gaps[2]).toBeCloseTo(third, 5);
    expect(big.gaps[0]).toBeCloseTo((10 - 2 * (third - 2.5)) / 2, 5);
    expect(big.gaps[3]).toBeCloseTo(big.gaps[0]!, 5);
  });

  it('sets both edges flush, adds nothing after the last character, leaves the last line alone', () => {
    const lines = set('一二三四五六七八九十一二三四五六七八', { widthPt: 95 });
    expect(lines).toHaveLength(2);
    const g = glyphsOf(lines[0]!.runs);
    expect(g).toHaveLength(9);
    expect(g[8]!.x + 10).toBeCloseTo(95);
    expect(rightEdgeOf(lines[0]!)).toBeCloseTo(95);
    expect(lines[1]!.widthPt).toBeCloseTo(90);
    expect(lines[1]!.runs[0]!.charSpacingPt).toBeCloseTo(0);
  });

  it('never spaces out inside a Latin word, a number or a two-em unit', () => {
    const lines = set('一二ABCD三四——五六1029七八九十一二', { widthPt: 150 });
    const runs = lines[0]!.runs;
    for (const r of runs.filter((r) => /[A-Z0-9—]/.test(r.text))) expect(r.charSpacingPt).toBeCloseTo(0);
    expect(rightEdgeOf(lines[0]!)).toBeCloseTo(150);
  });

  it('sets other alignments at natural width', () => {
    const left = set('一二三四五六七', { widthPt: 40, align: 'left' });
    expect(left[0]!.widthPt).toBeCloseTo(40);
    expect(left[1]!.widthPt).toBeCloseTo(30);
    const center = set('一二三', { widthPt: 40, align: 'center' });
    expect(center[0]!.runs[0]!.xPt).toBeCloseTo(5);
    const right = set('一二三', { widthPt: 40, align: 'right' });
    expect(right[0]!.runs[0]!.xPt).toBeCloseTo(10);
    expect(right[0]!.runs[0]!.charSpacingPt).toBeCloseTo(0);
  });

  it('gives every Han character exactly the grid pitch: 28 characters of 16 pt fill 441 pt', () => {
    const text = '以数字化变革塑造高质量发展新动能全力添措施促创新转动能前三季度增长'.repeat(2);
    const lines = set([span(text, { sizePt: 16, letterSpacingPt: -0.25 })], { widthPt: 441, charPitchPt: 15.75 });
    expect(glyphsOf(lines[0]!.runs)).toHaveLength(28);
    expect(lines[0]!.runs).toHaveLength(1);
    expect(lines[0]!.runs[0]!.charSpacingPt).toBeCloseTo(-0.25);
    expect(lines[0]!.widthPt).toBeCloseTo(441);
  });

  it('adds a span’s letter spacing to every character advance', () => {
    const lines = set([span('一二三', { letterSpacingPt: 1 })], { align: 'left' });
    expect(lines[0]!.runs[0]!.charSpacingPt).toBeCloseTo(1);
    expect(lines[0]!.widthPt).toBeCloseTo(33);
    expect(textOf(lines[0]!)).toBe('一二三');
  });
});
