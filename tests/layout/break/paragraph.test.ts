import { describe, expect, it } from 'vitest';
import type { LeaderTrailer } from '../../../src/layout/paragraph-types.js';
import { fakeBook, fakeFace } from '../../helpers/fake-fonts.js';
import { glyphsOf, rightEdgeOf, set, span, textOf } from './common.js';

const hanCount = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;

describe('whole-paragraph breaking', () => {
  it('spreads looseness over lines instead of filling greedily', () => {
    // Greedy: 10 | 8 (2 em loose) | the word. Whole-paragraph: 9 | 9, each 1 em loose.
    const lines = set('一二三四五六七八九十一二三四五六七八ABCDEFGHIJKLMNOP', { widthPt: 100 });
    expect(lines.map((l) => glyphsOf(l.runs).length)).toEqual([9, 9, 16]);
    expect(lines[0]!.widthPt).toBeCloseTo(100);
    expect(lines[1]!.widthPt).toBeCloseTo(100);
  });

  it('breaks a word wider than the measure at a character as the last resort, and says which word', () => {
    const word = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const lines = set(`一二${word}三四`, { widthPt: 100 });
    expect(lines.map(textOf).join('')).toBe(`一二${word}三四`);
    expect(lines.every((l) => !l.overfull && l.widthPt <= 100.01)).toBe(true);
    const forced = lines.filter((l) => l.forcedBreak);
    // 13 em of letters on 10 em lines: one cut.
    expect(forced).toHaveLength(1);
    expect(forced[0]!.forcedBreak!.word).toBe(word);
    // 一二 (2 em), the gap (¼ em, shrinks to ⅛) and 15 letters (7.5 em) fill the first line.
    expect(lines.map(textOf)).toEqual(['一二ABCDEFGHIJKLMNO', 'PQRSTUVWXYZ三四']);
  });

  it('marks a line overfull only when an atom that is never cut is wider than the measure', () => {
    const lines = set('一——二', { widthPt: 15 });
    const over = lines.filter((l) => l.overfull);
    expect(over.map(textOf)).toEqual(['——']);
    expect(lines.every((l) => l.forcedBreak === undefined)).toBe(true);
  });
});

describe('runts', () => {
  it('pulls a character down so the last line holds at least two Han characters', () => {
    const lines = set('一二三四五六七八九十一二三四五六七八九十百。', { widthPt: 100 });
    const last = textOf(lines[lines.length - 1]!);
    expect(hanCount(last)).toBeGreaterThanOrEqual(2);
    expect(lines.slice(0, -1).every((l) => Math.abs(l.widthPt - 100) < 0.01)).toBe(true);
  });
});

describe('indents', () => {
  it('indents the first line and justifies it to the shorter measure', () => {
    const lines = set('一二三四五六七八九十一二三四五六七八九十', { widthPt: 100, firstIndentPt: 20 });
    expect(lines[0]!.runs[0]!.xPt).toBeCloseTo(20);
    expect(glyphsOf(lines[0]!.runs)).toHaveLength(8);
    expect(lines[0]!.widthPt).toBeCloseTo(80);
    expect(lines[1]!.runs[0]!.xPt).toBeCloseTo(0);
    expect(rightEdgeOf(lines[1]!)).toBeCloseTo(100);
  });

  it('hangs later lines at restIndentPt (contents entries: under the title, not the number)', () => {
    const lines = set('1．一二三四五六七八九十一二三四五六七八九十', { widthPt: 100, restIndentPt: 15 });
    expect(lines[0]!.runs[0]!.xPt).toBeCloseTo(0);
    for (const l of lines.slice(1)) expect(l.runs[0]!.xPt).toBeCloseTo(15);
    expect(rightEdgeOf(lines[1]!)).toBeCloseTo(100);
  });
});

const trailer = (text: string): LeaderTrailer => {
  const { text: _t, ...rest } = span('');
  return { text, leader: '…', minGapPt: 10, span: rest };
};

describe('contents trailer', () => {
  it('puts leaders from the end of the text to the number, the number flush right', () => {
    const lines = set('以数字化变革A', { widthPt: 100, trailer: trailer('12'), align: 'left' });
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.hasTrailer).toBe(true);
    const num = line.runs[line.runs.length - 1]!;
    const dots = line.runs[line.runs.length - 2]!;
    expect(num.text).toBe('12');
    expect(num.xPt + num.widthPt).toBeCloseTo(100);
    expect(dots.text).toMatch(/^…+$/);
    // The text ends at 67.5 (6 em + ¼ em gap + A): the dots start at the next point of a
    // 10 pt grid counted from the right edge, at their own advance (never spread).
    expect(dots.xPt).toBeCloseTo(70);
    expect(dots.charSpacingPt).toBe(0);
    const dotsEnd = dots.xPt + dots.text.length * 10;
    expect(dotsEnd).toBeLessThanOrEqual(num.xPt + 1e-9);
    expect(num.xPt - dotsEnd).toBeLessThan(10);
  });

  it('wraps the last text rather than leave the number alone on a line', () => {
    const lines = set('一二三四五六七八九', { widthPt: 100, trailer: trailer('9'), align: 'left' });
    expect(lines.length).toBe(2);
    const last = lines[1]!;
    expect(last.hasTrailer).toBe(true);
    expect(lines[0]!.hasTrailer).toBe(false);
    expect(hanCount(textOf(last))).toBeGreaterThanOrEqual(2);
    const num = last.runs[last.runs.length - 1]!;
    expect(num.xPt + num.widthPt).toBeCloseTo(100);
    const textEnd =
      glyphsOf(last.runs)
        .filter((g) => /\p{Script=Han}/u.test(g.ch))
        .pop()!.x + 10;
    expect(num.xPt - textEnd).toBeGreaterThanOrEqual(10 - 1e-9);
  });
});

describe('hard breaks', () => {
  it('end a line without justifying it', () => {
    const lines = set([span('一二三'), { kind: 'break' }, span('四五六七八九十一二三四五')], {
      widthPt: 100,
      firstIndentPt: 20,
    });
    expect(lines.map(textOf)).toEqual(['一二三', '四五六七八九十一二三', '四五']);
    expect(lines[0]!.runs[0]!.charSpacingPt).toBeCloseTo(0);
    expect(lines[0]!.runs[0]!.xPt).toBeCloseTo(20);
    expect(lines[1]!.runs[0]!.xPt).toBeCloseTo(0);
    expect(lines[1]!.widthPt).toBeCloseTo(100);
  });
});

describe('runs', () => {
  it('merges characters of one face and uniform spacing into one run, splits at Latin and style changes', () => {
    const lines = set('一二AB三四', { widthPt: 1000, align: 'left' });
    expect(lines[0]!.runs.map((r) => r.text)).toEqual(['一二', 'AB', '三四']);
    const styled = set([span('一二'), span('三四', { url: 'https://example.org' }), span('五', { bold: true })], {
      widthPt: 1000,
      align: 'left',
    });
    expect(styled[0]!.runs.map((r) => [r.text, r.url, r.fakeBold])).toEqual([
      ['一二', null, false],
      ['三四', 'https://example.org', false],
      ['五', null, true],
    ]);
  });

  it('takes ascent and descent from the faces used', () => {
    const tall = fakeFace('tall', { ascentEm: 1.1, descentEm: 0.3, covers: (cp) => cp < 0x2000 });
    const cjk = fakeFace('cjk');
    const line = set('中文AB', { fonts: fakeBook([tall, cjk]), align: 'left' })[0]!;
    expect(line.ascentPt).toBeCloseTo(11);
    expect(line.descentPt).toBeCloseTo(3);
    const plain = set('中文', { fonts: fakeBook([tall, cjk]), align: 'left' })[0]!;
    expect(plain.ascentPt).toBeCloseTo(8.8);
  });
});
