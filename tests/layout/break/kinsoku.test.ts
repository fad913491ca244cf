import { describe, expect, it } from 'vitest';
import type { Kinsoku } from '../../../src/template/types.js';
import { set, textOf } from './common.js';

/** Lines of `text` on a 4-em (40 pt) measure. */
const linesOf = (text: string, kinsoku: Kinsoku) => set(text, { widthPt: 40, kinsoku }).map(textOf);
const starts = (text: string, kinsoku: Kinsoku, mark: string) =>
  linesOf(text, kinsoku)
    .slice(1)
    .some((l) => l.startsWith(mark));
const ends = (text: string, kinsoku: Kinsoku, mark: string) =>
  linesOf(text, kinsoku)
    .slice(0, -1)
    .some((l) => l.endsWith(mark));

describe('line-start and line-end prohibitions', () => {
  it('none lets a stop start a line; basic and up do not', () => {
    expect(starts('一二三四，五六七八', 'none', '，')).toBe(true);
    for (const k of ['basic', 'gb', 'strict'] as const) expect(starts('一二三四，五六七八', k, '，')).toBe(false);
    for (const k of ['basic', 'gb'] as const) expect(starts('一二三四”五六七八', k, '”')).toBe(false);
  });

  it('basic keeps an opening mark off a line end', () => {
    expect(ends('一二三（四五六七）', 'none', '（')).toBe(true);
    expect(ends('一二三（四五六七）', 'basic', '（')).toBe(false);
  });

  it('gb also keeps interpuncts, connectors and Latin closers off a line start', () => {
    expect(starts('一二三四·五六七八', 'basic', '·')).toBe(true);
    expect(starts('一二三四·五六七八', 'gb', '·')).toBe(false);
    expect(starts('一二三四～五六七八', 'basic', '～')).toBe(true);
    expect(starts('一二三四～五六七八', 'gb', '～')).toBe(false);
    expect(starts('一二三四／五六七八', 'gb', '／')).toBe(false);
    expect(starts('一二三四 %五六七', 'basic', '%')).toBe(true);
    expect(starts('一二三四 %五六七', 'gb', '%')).toBe(false);
  });

  it('gb also keeps Latin openers and the solidus off a line end', () => {
    expect(ends('一二三$四五六七', 'basic', '$')).toBe(true);
    expect(ends('一二三$四五六七', 'gb', '$')).toBe(false);
    expect(ends('一二三／四五六七', 'basic', '／')).toBe(true);
    expect(ends('一二三／四五六七', 'gb', '／')).toBe(false);
  });

  it('never splits a two-em unit; strict also keeps it off a line start', () => {
    for (const k of ['none', 'basic', 'gb', 'strict'] as const) {
      for (const l of linesOf('一二三——四五六……七八', k)) {
        expect(l.replace(/——|……/g, '')).not.toMatch(/[—…]/);
      }
    }
    expect(starts('一二三四——五六', 'gb', '—')).toBe(true);
    expect(starts('一二三四——五六', 'strict', '—')).toBe(false);
  });
});

describe('squeeze in first, push out second', () => {
  it('pulls a no-start mark back by compressing punctuation in the line', () => {
    const lines = set('一二，三四，五六七八。九十百千', { widthPt: 100 });
    expect(textOf(lines[0]!)).toBe('一二，三四，五六七八。');
    expect(lines[0]!.widthPt).toBeCloseTo(100, 2);
  });

  it('pushes the last character down and stretches when nothing can shrink', () => {
    const lines = set('一二三四五六七八九十。百千万', { widthPt: 100 });
    expect(textOf(lines[0]!)).toBe('一二三四五六七八九');
    expect(textOf(lines[1]!).startsWith('十。')).toBe(true);
    expect(lines[0]!.widthPt).toBeCloseTo(100, 2);
    expect(lines[0]!.runs).toHaveLength(1);
    expect(lines[0]!.runs[0]!.charSpacingPt).toBeCloseTo(10 / 8);
  });

  it('never hangs punctuation past the margin', () => {
    for (const w of [40, 55, 70, 85, 100]) {
      for (const l of set('一二，三四。五“六七”八，九十、百（千）万。', { widthPt: w })) {
        expect(l.widthPt).toBeLessThanOrEqual(w + 0.01);
      }
    }
  });
});
