import { describe, expect, it } from 'vitest';
import { setParagraph } from '../../src/layout/break/index.js';
import { balanceCentred, isTrapezoid } from '../../src/layout/titles.js';
import { layoutWith } from '../../src/layout/document.js';
import { spanOf } from '../../src/layout/spans.js';
import type { ParagraphOptions, SetLine } from '../../src/layout/paragraph-types.js';
import { prohibitedLineStartChars } from '../../src/layout/break/index.js';
import { fakeFontBook } from '../helpers/fake-fonts.js';
import { greedySetter } from './helpers/greedy-setter.js';
import { pageLines } from './helpers/inspect.js';
import { collection, para, piece, pos } from './helpers/model.js';
import { style, testTemplate } from './helpers/template.js';

const fonts = fakeFontBook();
const title = style({ font: 'title', sizePt: 10, align: 'center', firstIndentPt: 0 });
const opts = (widthPt: number): ParagraphOptions => ({
  widthPt,
  firstIndentPt: 0,
  restIndentPt: 0,
  align: 'center',
  kinsoku: 'gb',
  fonts,
  trailer: null,
  charPitchPt: null,
  maxGapStretchEm: 0.5,
});
const text = (l: SetLine): string => l.runs.map((r) => r.text).join('');
const set = (s: string, widthPt: number) => balanceCentred(setParagraph, [spanOf(s, title, pos())], opts(widthPt), 10);

describe('balanceCentred: wrapped centred titles form a trapezoid', () => {
  it('breaks the compilation title after 一把手, not before 编', () => {
    // 20 characters a line: plain filling gives “…材料汇 / 编（9篇）”.
    const s = '重庆市区县委书记和部门一把手例会交流发言材料汇编（9篇）';
    const plain = setParagraph([spanOf(s, title, pos())], opts(200));
    expect(plain.length).toBe(2);
    const { lines, widthPt } = set(s, 200);
    expect(lines.map(text)).toEqual(['重庆市区县委书记和部门一把手', '例会交流发言材料汇编（9篇）']);
    expect(widthPt).toBeLessThan(200);
    expect(isTrapezoid(lines)).toBe(true);
  });

  it('keeps the fewest lines and makes every upper line at least as long as the one below', () => {
    // Lengths within one character of each other, however many lines.
    for (const n of [11, 15, 19, 22, 23, 29, 37, 45]) {
      const s = '国'.repeat(n);
      const plain = setParagraph([spanOf(s, title, pos())], opts(100));
      const { lines } = set(s, 100);
      expect(lines.length).toBe(plain.length);
      expect(isTrapezoid(lines)).toBe(true);
      const lens = lines.map((l) => [...text(l)].length);
      expect(Math.max(...lens) - Math.min(...lens)).toBeLessThanOrEqual(1);
    }
  });

  it('centres every line of a balanced title on one axis', () => {
    const { lines, widthPt } = set('国'.repeat(37), 100);
    expect(lines.map((l) => [...text(l)].length)).toEqual([10, 9, 9, 9]);
    for (const l of lines) {
      const left = Math.min(...l.runs.map((r) => r.xPt));
      const right = Math.max(...l.runs.map((r) => r.xPt + r.widthPt));
      expect((left + right) / 2).toBeCloseTo(widthPt / 2, 6);
    }
  });

  it('never splits a number or a Latin word, never starts a line with a no-start mark', () => {
    const s = '关于做好2023年度Chongqing地区统计工作的通知，请认真贯彻落实。';
    const { lines } = set(s, 160);
    const joined = lines.map(text);
    expect(joined.join('')).toBe(s);
    for (const l of joined) expect(prohibitedLineStartChars('gb').includes(l[0])).toBe(false);
    expect(joined.some((l) => l.includes('2023'))).toBe(true);
    expect(joined.some((l) => l.includes('Chongqing'))).toBe(true);
    expect(isTrapezoid(lines)).toBe(true);
  });

  it('leaves a one-line title as set on the full measure', () => {
    const { lines, widthPt } = set('短标题', 200);
    expect(lines.length).toBe(1);
    expect(widthPt).toBe(200);
  });
});

describe('layout: titles centred on the measure as a trapezoid', () => {
  it('centres the balanced lines of a piece title on the type area', () => {
    const c = collection([piece(1, [para('文文文')], { title: '国'.repeat(13) })]);
    const { tree } = layoutWith(
      { collection: c, template: testTemplate(), fonts, target: { kind: 'compilation' } },
      greedySetter,
    );
    const page = tree.pages[tree.frontPages];
    expect(pageLines(page).slice(0, 2)).toEqual(['国'.repeat(7), '国'.repeat(6)]);
    const runs = page.items.filter((i) => i.kind === 'glyphs' && i.text.startsWith('国'));
    // Type area 20…120 pt: each line's centre is the area's centre.
    for (const r of runs) if (r.kind === 'glyphs') expect(r.xPt + ([...r.text].length * 10) / 2).toBeCloseTo(70, 5);
  });
});
