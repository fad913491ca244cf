import { describe, expect, it } from 'vitest';
import {
  isChineseTextChar,
  isCjkPunctuation,
  isHan,
  isOneHan,
  isStrongCjk,
  isWide,
  joinsWithoutSpace,
} from '../../src/model/cjk.js';

const cps = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0)!);

describe('isHan', () => {
  it.each([
    ['CJK Unified Ideographs', [0x4e00, 0x6c49, 0x9fa5]],
    ['Extension A', [0x3400, 0x4db5]],
    ['Extension B', [0x20000, 0x2a6d6]],
    ['Extension C', [0x2a700]],
    ['Extension D', [0x2b740]],
    ['Extension E', [0x2b820]],
    ['Extension F', [0x2ceb0]],
    ['Extension G', [0x30000]],
    ['CJK Compatibility Ideographs', [0xf900, 0xfa0e]],
    ['Compatibility Ideographs Supplement', [0x2f800]],
    ['Han-script marks 々 〇', [0x3005, 0x3007]],
  ])('%s', (_name, points) => {
    for (const cp of points) expect(isHan(cp), cp.toString(16)).toBe(true);
  });

  it('is false for punctuation, kana, hangul, Latin, digits and full-width letters', () => {
    for (const cp of cps('、。，！“”（）—…あア가Aa1１Ａ ')) expect(isHan(cp), String.fromCodePoint(cp)).toBe(false);
    expect(isHan(0x3000)).toBe(false);
  });

  it('isOneHan: exactly one Han character', () => {
    expect(isOneHan('年')).toBe(true);
    expect(isOneHan('\u{20000}')).toBe(true);
    expect(isOneHan('年度')).toBe(false);
    expect(isOneHan('')).toBe(false);
    expect(isOneHan('a')).toBe(false);
  });
});

describe('isCjkPunctuation', () => {
  it('holds for CJK and full-width punctuation and the vertical and compatibility forms', () => {
    for (const cp of cps('、。〃「」『』【】〔〕〈〉《》〖〗〜，！？：；（）［］｛｝～．／︐︑︰﹏')) {
      expect(isCjkPunctuation(cp), String.fromCodePoint(cp)).toBe(true);
    }
  });

  it('is separate from Han: never a Han character, letter, digit or space', () => {
    for (const cp of cps('一汉々〇〆ＡＺａ１９ｱ')) expect(isCjkPunctuation(cp), String.fromCodePoint(cp)).toBe(false);
    expect(isCjkPunctuation(0x3000)).toBe(false);
    for (const cp of cps('.,!?—“”…')) expect(isCjkPunctuation(cp), String.fromCodePoint(cp)).toBe(false);
    const hanInBlocks: number[] = [];
    for (let cp = 0x3000; cp <= 0xffef; cp++) if (isHan(cp) && isCjkPunctuation(cp)) hanInBlocks.push(cp);
    expect(hanInBlocks).toEqual([]);
  });
});

describe('the callers’ predicates', () => {
  // Every assigned Han code point of the ideograph blocks, BMP and planes 2–3.
  const hanPoints = (): number[] => {
    const out: number[] = [];
    for (const [from, to] of [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0x20000, 0x3134f],
    ]) {
      for (let cp = from; cp <= to; cp++) if (isHan(cp)) out.push(cp);
    }
    return out;
  };

  it('every Han ideograph is one em wide, strong for soft breaks, and Chinese text for the importer', () => {
    const points = hanPoints();
    expect(points.length).toBeGreaterThan(90_000);
    expect(points.filter((cp) => !isWide(cp))).toEqual([]);
    expect(points.filter((cp) => !isStrongCjk(cp))).toEqual([]);
    expect(points.filter((cp) => !isChineseTextChar(cp))).toEqual([]);
  });

  it('CJK punctuation is strong for soft breaks', () => {
    const missing: number[] = [];
    for (let cp = 0x3000; cp <= 0xffff; cp++) if (isCjkPunctuation(cp) && !isStrongCjk(cp)) missing.push(cp);
    expect(missing).toEqual([]);
  });

  it('isWide: kana, hangul and full-width forms are wide; Latin, half-width forms and U+303F are not', () => {
    for (const cp of cps('あア가，Ａ１￥')) expect(isWide(cp), String.fromCodePoint(cp)).toBe(true);
    for (const cp of cps('Aa1.—“ｱ｡')) expect(isWide(cp), String.fromCodePoint(cp)).toBe(false);
    expect(isWide(0x303f)).toBe(false);
  });

  it('isStrongCjk: kana, bopomofo, radicals and the ideographic space count; Latin quotes and dashes do not', () => {
    for (const cp of cps('あアㄅ⺀\u3000，')) expect(isStrongCjk(cp), String.fromCodePoint(cp)).toBe(true);
    for (const cp of cps('Aa1“”—…가')) expect(isStrongCjk(cp), String.fromCodePoint(cp)).toBe(false);
  });

  it('isChineseTextChar: adds the dashes, quotes and ellipsis of Chinese text, not kana or the ideographic space', () => {
    for (const cp of cps('—‘’“”…、，Ａ')) expect(isChineseTextChar(cp), String.fromCodePoint(cp)).toBe(true);
    for (const cp of cps('Aa1あ')) expect(isChineseTextChar(cp), String.fromCodePoint(cp)).toBe(false);
    expect(isChineseTextChar(0x3000)).toBe(false);
  });

  it('joinsWithoutSpace: when either side is strong CJK, or at an edge', () => {
    expect(joinsWithoutSpace('文', 'A')).toBe(true);
    expect(joinsWithoutSpace('d', '“')).toBe(false);
    expect(joinsWithoutSpace('a', 'b')).toBe(false);
    expect(joinsWithoutSpace(null, 'b')).toBe(true);
    expect(joinsWithoutSpace('\u{20000}', 'b')).toBe(true);
  });
});
