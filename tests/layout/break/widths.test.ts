import { describe, expect, it } from 'vitest';
import { glyphsOf, set, textOf } from './common.js';

const natural = (text: string) => set(text, { align: 'left', widthPt: 1000 })[0]!;
const xOf = (text: string, ch: string, nth = 0) => glyphsOf(natural(text).runs).filter((g) => g.ch === ch)[nth]!.x;

describe('punctuation widths (one em, glyph in one half)', () => {
  it('a stop or closing mark takes one em inside a line, glyph at the left', () => {
    expect(natural('中，中').widthPt).toBeCloseTo(30);
    expect(xOf('中，中', '，')).toBeCloseTo(10);
    expect(xOf('中，中', '中', 1)).toBeCloseTo(20);
  });

  it('places a narrow opening quote against the right side of its em box, in its own run', () => {
    const line = natural('中“中”中');
    expect(line.widthPt).toBeCloseTo(50);
    expect(xOf('中“中”中', '“')).toBeCloseTo(15); // box 10…20, glyph 5 wide at the right
    expect(xOf('中“中”中', '”')).toBeCloseTo(30); // box 30…40, glyph at the left
    expect(xOf('中“中”中', '中', 2)).toBeCloseTo(40);
    const quoteRun = line.runs.find((r) => r.text.startsWith('“'))!;
    expect(quoteRun.xPt).toBeCloseTo(15);
  });

  it('centres an interpunct in its em', () => {
    const line = natural('张·三');
    expect(line.widthPt).toBeCloseTo(30);
    expect(xOf('张·三', '·')).toBeCloseTo(10 + (10 - 2.5) / 2);
  });
});

describe('punctuation compression', () => {
  it.each(['。”', '）。', '，“', '”（', '“《'])('%s takes 1.5 em between Han characters', (pair) => {
    expect(natural(`中${pair}中`).widthPt).toBeCloseTo(35);
  });

  it('keeps brackets tight against the text they enclose: ”（ keeps the half em after the closing mark', () => {
    // ” keeps its box 10…20; （ loses its left half: box 20…25, its full-width glyph's origin at 15.
    expect(xOf('中”（中', '”')).toBeCloseTo(10);
    expect(xOf('中”（中', '（')).toBeCloseTo(15);
    expect(xOf('中”（中', '中', 1)).toBeCloseTo(25);
  });

  it('a mark at line end takes half an em and the line ends flush', () => {
    const lines = set('一二三四五六七八，九十百', { widthPt: 85 });
    expect(textOf(lines[0]!)).toBe('一二三四五六七八，');
    expect(lines[0]!.widthPt).toBeCloseTo(85);
    expect(lines[0]!.runs[0]!.charSpacingPt).toBeCloseTo(0);
  });

  it('an opening bracket at line start loses its left half unless prohibitions are off', () => {
    const gb = set('一二三四五（六七）八', { widthPt: 50 });
    expect(textOf(gb[1]!).startsWith('（')).toBe(true);
    expect(gb[1]!.runs[0]!.xPt).toBeCloseTo(-5); // full-width glyph, ink in its right half: 0…5
    const none = set('一二三四五（六七）八', { widthPt: 50, kinsoku: 'none' });
    expect(textOf(none[1]!).startsWith('（')).toBe(true);
    expect(none[1]!.runs[0]!.xPt).toBeCloseTo(0);
  });
});

describe('Han–Latin spacing', () => {
  it('puts a quarter em between Han and Latin or digits', () => {
    expect(xOf('中AB中', 'A')).toBeCloseTo(12.5);
    expect(xOf('中AB中', '中', 1)).toBeCloseTo(25);
    expect(natural('中AB中').widthPt).toBeCloseTo(35);
  });

  it('turns a source space between Han and Latin into the same gap', () => {
    expect(natural('中 AB 中').widthPt).toBeCloseTo(35);
  });

  it('puts none at line edges or next to Chinese punctuation', () => {
    expect(xOf('AB中', 'A')).toBeCloseTo(0);
    expect(xOf('AB中', '中')).toBeCloseTo(12.5);
    expect(xOf('中，AB', 'A')).toBeCloseTo(20);
    expect(xOf('（AB）', 'A')).toBeCloseTo(5);
    expect(natural('AB中').widthPt).toBeCloseTo(22.5);
  });
});
