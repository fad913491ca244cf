/**
 * Titles and contents entries break only between words (src/layout/words.ts,
 * word-breaks.ts, titles.ts): real titles, on the widths and title sizes of the
 * shipped templates, set in Noto Serif SC.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setParagraph } from '../../src/layout/break/index.js';
import { setTitle } from '../../src/layout/titles.js';
import { wordBrokenContent } from '../../src/layout/word-breaks.js';
import { segmentWords, titleChunks } from '../../src/layout/words.js';
import { spanOf } from '../../src/layout/spans.js';
import { typeArea } from '../../src/layout/geometry.js';
import { lineText, type ParagraphContent, type ParagraphOptions } from '../../src/layout/paragraph-types.js';
import { loadTemplate, type ResolvedTemplate } from '../../src/template/index.js';
import type { FontBook } from '../../src/fonts/types.js';
import { notoSerifBook } from './break/real-font.js';
import { pos } from './helpers/model.js';

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/** Words that must never be split across lines. */
const WORDS = ['工业化', '构建', '营商', '优化', '分析会', '加快', '高质量', '现代化', '新时代', '新路子', '稳进'];

/** Real titles: the sample's, and long ones from other offices, with and without ideographic spaces. */
const SAMPLE = [
  '重庆市区县委书记和部门一把手例会交流发言材料汇编（9篇）',
  '围着企业转盯着项目干全力扛起经济“稳进增效”的责任担当',
  '高水平建强西部陆海新通道重庆主枢纽助力服务重庆建设新时代内陆开放高地',
  '全方位重塑耕地保护工作体系以高水平保护支撑高质量发展',
  '守底线抓发展促振兴积极探索山区强县富民的现代化新路子',
];
const LONG = [
  '以新型工业化为牵引加快构建现代化产业体系持续优化营商环境推动经济社会高质量发展',
  '以新型工业化为牵引加快构建现代化产业体系　持续优化营商环境推动经济社会高质量发展',
  '在全市经济形势分析会暨四季度重点工作推进会上的讲话',
  '坚持以习近平新时代中国特色社会主义思想为指导奋力谱写中国式现代化重庆篇章',
  '深入实施创新驱动发展战略　加快培育新质生产力　以数字化变革塑造发展新动能',
];

let book: FontBook;
const templates: Record<string, ResolvedTemplate> = {};
beforeAll(async () => {
  book = (await notoSerifBook()).book;
  for (const name of ['compilation', 'official', 'handout'])
    templates[name] = await loadTemplate(name, { templatesDir: TEMPLATES, baseDir: '/' });
});

const optionsFor = (t: ResolvedTemplate, align: 'center' | 'left', sizePt: number): ParagraphOptions => ({
  widthPt: typeArea(t).widthPt,
  firstIndentPt: 0,
  restIndentPt: 0,
  align,
  kinsoku: t.kinsoku,
  fonts: book,
  trailer: null,
  charPitchPt: t.grid && Math.abs(sizePt - t.styles.body.sizePt) < 0.01 ? t.grid.charPitchPt : null,
  maxGapStretchEm: t.maxGapStretchEm,
});

const squash = (s: string) => s.replace(/[\s\u3000]+/gu, '');

/** Every word of WORDS in `text` lies whole inside one of `lines`. */
function expectWordsWhole(text: string, lines: readonly string[]): void {
  for (const w of WORDS) {
    if (!squash(text).includes(w)) continue;
    const breaks: number[] = [];
    let at = 0;
    for (const l of lines.slice(0, -1)) breaks.push((at += [...squash(l)].length));
    let from = squash(text).indexOf(w);
    while (from >= 0) {
      const start = [...squash(text).slice(0, from)].length;
      for (const b of breaks)
        expect(b <= start || b >= start + [...w].length, `${w} split in ${lines.join(' / ')}`).toBe(true);
      from = squash(text).indexOf(w, from + 1);
    }
  }
}

describe('titleChunks: jieba words grouped into unbreakable chunks', () => {
  it('keeps 工业化, 构建, 营商, 优化, 分析会, 加快 whole', () => {
    const chunks = titleChunks(LONG[0]!);
    expect(chunks.join('')).toBe(LONG[0]);
    for (const w of ['工业化', '构建', '营商', '优化', '加快']) expect(chunks.some((c) => c.includes(w))).toBe(true);
    expect(titleChunks('在全市经济形势分析会上的讲话')).toContain('分析会上的');
  });

  it('segments where ICU splits words (工业|化, 构|建, 营|商)', () => {
    const words = segmentWords('以新型工业化为牵引加快构建现代化产业体系持续优化营商环境');
    for (const w of ['工业化', '构建', '营商', '优化', '加快']) expect(words).toContain(w);
  });

  it('keeps a particle with the word before it, a preposition with the word after it, a number with its unit', () => {
    const chunks = titleChunks('守底线抓发展促振兴积极探索山区强县富民的现代化新路子');
    expect(chunks).toContain('富民的');
    expect(titleChunks('以高水平保护支撑高质量发展')[0]).toBe('以高水平');
    expect(titleChunks('材料汇编（9篇）')).toContain('9篇');
  });

  it('makes each space run a chunk of its own', () => {
    const chunks = titleChunks('持续优化　营商环境');
    expect(chunks).toContain('　');
    expect(chunks.join('')).toBe('持续优化　营商环境');
  });
});

describe('setTitle: titles break only between words', () => {
  for (const name of ['compilation', 'official', 'handout'])
    for (const key of ['pieceTitle', 'compilationTitle'] as const)
      it(`${name} ${key}: the sample's and long titles, never inside a word, no text lost`, () => {
        const t = templates[name]!;
        const style = t.styles[key];
        for (const text of [...SAMPLE, ...LONG]) {
          const r = setTitle(
            setParagraph,
            spanOf(text, style, pos()),
            optionsFor(t, 'center', style.sizePt),
            style.sizePt,
          );
          expect(r.lines.every((l) => !l.overfull)).toBe(true);
          expect(r.texts.length).toBe(r.lines.length);
          expect(r.texts.join('').replace(/[\s\u3000]/gu, '')).toBe(text.replace(/[\s\u3000]/gu, ''));
          expect(r.lines.map((l) => squash(lineText(l)))).toEqual(r.texts.map(squash));
          expectWordsWhole(text, r.texts);
        }
      });

  it('breaks at the ideographic space the author wrote, which is not printed at the line end', () => {
    const t = templates.official!;
    const style = t.styles.pieceTitle;
    const text = '以新型工业化为牵引加快构建现代化产业体系　持续优化营商环境';
    const r = setTitle(setParagraph, spanOf(text, style, pos()), optionsFor(t, 'center', style.sizePt), style.sizePt);
    expect(r.texts).toEqual(['以新型工业化为牵引加快构建现代化产业体系', '持续优化营商环境']);
    // Without the space, the same title is balanced between words instead.
    const plain = text.replace('　', '');
    const q = setTitle(setParagraph, spanOf(plain, style, pos()), optionsFor(t, 'center', style.sizePt), style.sizePt);
    expect(q.texts).not.toEqual(r.texts);
    expectWordsWhole(plain, q.texts);
  });

  it('prints a space inside a line as written', () => {
    const t = templates.compilation!;
    const style = t.styles.pieceTitle;
    const text = LONG[4]!;
    const r = setTitle(setParagraph, spanOf(text, style, pos()), optionsFor(t, 'center', style.sizePt), style.sizePt);
    expect(r.lines.length).toBeGreaterThan(1);
    for (const s of r.texts) expect(s).toBe(s.trim());
    expect(r.texts.join('').replace(/\u3000/g, '').length + 2 - r.texts.length + 1).toBeGreaterThan(0);
  });

  it('keeps an explicit line break from the source, and balances each part on its own', () => {
    const t = templates.official!;
    const style = t.styles.pieceTitle;
    const text = '关于加快构建\n现代化产业体系的实施意见';
    const r = setTitle(setParagraph, spanOf(text, style, pos()), optionsFor(t, 'center', style.sizePt), style.sizePt);
    expect(r.texts).toEqual(['关于加快构建', '现代化产业体系的实施意见']);
    const long = `${SAMPLE[2]}\n——在全市经济形势分析会上的讲话`;
    const q = setTitle(setParagraph, spanOf(long, style, pos()), optionsFor(t, 'center', style.sizePt), style.sizePt);
    expect(q.texts.at(-1)).toBe('——在全市经济形势分析会上的讲话');
    expect(q.texts.length).toBe(3);
    expectWordsWhole(SAMPLE[2]!, q.texts.slice(0, 2));
  });
});

describe('wordBrokenContent: contents entries break only between words', () => {
  const entry = (t: ResolvedTemplate, title: string): string[] => {
    const style = t.styles.contentsEntry;
    const { text: _text, ...span } = spanOf('', style, pos());
    const options = {
      ...optionsFor(t, 'left', style.sizePt),
      restIndentPt: 2 * style.sizePt,
      trailer: { text: '17', leader: '…', minGapPt: style.sizePt, span },
    };
    const content: ParagraphContent[] = [
      spanOf('4．江津区委书记李应兰：', style, pos()),
      { kind: 'break' },
      spanOf(title, style, pos()),
    ];
    const out = wordBrokenContent(setParagraph, content, options);
    const lines = setParagraph(out, options);
    const texts = lines.map((l) => squash(lineText(l)).replace(/…*17$/, ''));
    expect(texts.join('')).toBe(squash(`4．江津区委书记李应兰：${title}`));
    return texts.slice(1);
  };

  it('on compilation and official, for the sample and long titles', () => {
    for (const name of ['compilation', 'official'])
      for (const title of [...SAMPLE, ...LONG]) expectWordsWhole(title, entry(templates[name]!, title));
  });

  it('on official, 新路子 and 新时代 stay whole (they were cut 新 / 路子, 新 / 时代)', () => {
    const t = templates.official!;
    expect(entry(t, SAMPLE[4]!).at(-1)).toBe('新路子');
    expect(entry(t, SAMPLE[2]!).at(-1)).toBe('新时代内陆开放高地');
  });
});
