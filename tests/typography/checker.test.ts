/**
 * The typography checker fails on known-bad input, rule by rule, and passes the same input
 * set right: made-up lines for the glyph rules, made-up ink for the strip measures, and a
 * small PDF drawn glyph by glyph with pdfkit (Noto Serif SC) for the whole path —
 * mutool's quads, pdftoppm's strips — with a —— and a leader set badly and well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { makeLine, type Glyph, type StextPage } from '../helpers/stext.js';
import { largestHolePx, parsePgm } from '../helpers/strip.js';
import {
  checkTypography,
  countByClass,
  interpunctRule,
  kinsokuRule,
  overflowRule,
  symbolGapRule,
  titleRule,
  unevenDots,
  unitSplitRule,
} from '../helpers/typography-check.js';
import { ROOT } from '../helpers/cli.js';

const EM = 12;
const RIGHT = 500;
const HALF = new Set([...',.;:!?()/+×%·-@_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ']);

/**
 * One line of glyphs from text: Han and full-width marks 1 em, the half-width set 0.5 em,
 * each `_` in `gaps` at that index adds space before the glyph (key: glyph index → pt).
 */
function line(
  text: string,
  opts: { x?: number; baseline?: number; gaps?: Record<number, number>; page?: number } = {},
) {
  let x = opts.x ?? 72;
  const baseline = opts.baseline ?? 100;
  const glyphs: Glyph[] = [...text].map((c, i) => {
    x += opts.gaps?.[i] ?? 0;
    const w = HALF.has(c) ? EM / 2 : EM;
    const g = { c, x0: x, x1: x + w, top: baseline - EM, bottom: baseline + 3, baseline, sizePt: EM, font: 'F' };
    x += w;
    return g;
  });
  return makeLine(opts.page ?? 1, glyphs);
}

const page = (...lines: ReturnType<typeof line>[]): StextPage[] => [{ n: 1, widthPt: 595, heightPt: 842, lines }];

describe('glyph rules on made-up lines', () => {
  it('finds a glyph past the measure, but not the blank half of a line-end stop', () => {
    const over = line('这是一行超出版心的文字', { x: RIGHT - 10 * EM });
    expect(overflowRule(page(over), { leftPt: 72, rightPt: RIGHT })).toHaveLength(1);
    const stop = line('这是一行文字。', { x: RIGHT - 6.5 * EM });
    expect(overflowRule(page(stop), { leftPt: 72, rightPt: RIGHT })).toEqual([]);
  });

  it('finds prohibited line starts and ends from the class table', () => {
    const bad = kinsokuRule(
      page(line('，辖12个街道'), line('—9月新开通', { baseline: 120 }), line('对照“', { baseline: 140 })),
    );
    expect(bad.map((v) => v.cls)).toEqual(['line-start', 'line-start', 'line-end']);
    expect(kinsokuRule(page(line('1—9月新开通'), line('——在全市大会上', { baseline: 120 })))).toEqual([]);
  });

  it('lets a URL end a line at a solidus but not a unit such as 微克/立方米', () => {
    const url = page(line('https://zwfw.jiangzhou.gov.cn/'), line('portal/service', { baseline: 115 }));
    expect(kinsokuRule(url)).toEqual([]);
    const unit = page(line('浓度为31.6微克/'), line('立方米', { baseline: 115 }));
    expect(kinsokuRule(unit).map((v) => v.detail)).toEqual(['line ends with “/”']);
  });

  it('finds —— and …… split across lines', () => {
    expect(unitSplitRule(page(line('外部环境复杂多变—'), line('—有效需求不足', { baseline: 115 })))).toHaveLength(1);
    expect(unitSplitRule(page(line('无需排队…'), line('…五一', { baseline: 115 })))).toHaveLength(1);
    expect(unitSplitRule(page(line('外部环境复杂多变——'), line('有效需求不足', { baseline: 115 })))).toEqual([]);
  });

  it('finds space beside half-width symbols, connectors, —— and footnote marks between Han', () => {
    // 老城区,辖 with ¼ em after the comma; 3～5年 with ¼ em before ～; 度假区——“两大 with ¼ em before ——.
    for (const [text, gaps] of [
      ['老城区,辖', { 4: EM / 4 }],
      ['用3～5年', { 2: EM / 4 }],
      ['度假区——“两大', { 3: EM / 4 }],
      ['预约+无感', { 2: EM / 4 }],
    ] as const) {
      const r = symbolGapRule(page(line(text, { gaps })));
      expect(r.violations, text).toHaveLength(1);
      expect(r.maxGapEm).toBeCloseTo(0.25, 5);
      expect(symbolGapRule(page(line(text))).violations, `${text} set tight`).toEqual([]);
    }
  });

  it('measures the gap beyond the stretch the line gives between Han characters', () => {
    // Every gap stretched by 0.1 em: the comma's gaps are the line's, not added space.
    const gaps = Object.fromEntries([...'老城区,辖十二个街道'].map((_, i) => [i, i ? 0.1 * EM : 0]));
    expect(symbolGapRule(page(line('老城区,辖十二个街道', { gaps }))).violations).toEqual([]);
  });

  it('finds a gap before a footnote mark', () => {
    const text = line('示范工厂3家');
    const mark: Glyph = {
      c: '1',
      x0: text.x1 + EM / 4,
      x1: text.x1 + EM / 4 + 4.5,
      top: 88,
      bottom: 96,
      baseline: 95,
      sizePt: 9,
      font: 'F',
    };
    const withMark = makeLine(1, [...text.glyphs, mark]);
    expect(symbolGapRule(page(withMark)).violations.map((v) => v.detail)).toEqual(['0.25 em at “家|1”']);
  });

  it('finds an interpunct between Han taking more than one cell', () => {
    const wide = line('阿依古丽·买买提', { gaps: { 4: 0.5 * EM, 5: 0.5 * EM } });
    expect(interpunctRule(page(wide))).toHaveLength(1);
    expect(interpunctRule(page(line('阿依古丽·买买提')))).toEqual([]);
  });

  it('finds a title broken inside a jieba word, and not one broken between words or at the author’s space', () => {
    const title = '关于全区经济形势分析会议精神贯彻落实情况的汇报';
    const at = (k: number) => page(line(title.slice(0, k)), line(title.slice(k), { baseline: 130 }));
    expect(titleRule(at(title.indexOf('析')), [title]).violations.map((v) => v.text)).toEqual([
      '关于全区经济形势分|析会议精神贯彻落实情况的汇报',
    ]);
    expect(titleRule(at(title.indexOf('分析')), [title]).violations).toEqual([]);
    const spaced = '深挖历史文化资源　推动文旅深度融合发展';
    const split = page(line('深挖历史文化资源'), line('推动文旅深度融合发展', { baseline: 130 }));
    expect(titleRule(split, [spaced])).toEqual({ violations: [], seen: 1 });
  });
});

describe('ink measures on made-up strips', () => {
  it('reads a PGM and measures the hole between two stretches of a rule', () => {
    const w = 40;
    const pgm = Buffer.concat([Buffer.from(`P5\n${w} 3\n255\n`), Buffer.alloc(w * 3, 255)]);
    const strip = parsePgm(pgm);
    expect([strip.width, strip.height]).toEqual([w, 3]);
    const cols = Array.from({ length: w }, (_, x) => x < 15 || x >= 22);
    expect(largestHolePx(cols, 3)).toBe(7);
    // A neighbour's stroke (2 px at the edge) is not part of the rule.
    const edge = Array.from({ length: w }, (_, x) => x < 2 || (x >= 6 && x < 38));
    expect(largestHolePx(edge, 3)).toBe(0);
  });

  it('calls dots uneven when one pitch stands out', () => {
    expect(unevenDots([0, 10, 20, 30, 40, 50])).toBe(false);
    expect(unevenDots([0, 10, 20, 35, 45, 55])).toBe(true);
  });
});

describe('the whole path on a drawn PDF', () => {
  let dir: string;
  let bad: string;
  let good: string;
  const font = join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

  /** Glyphs at given x (pt), one text call each, on one baseline. */
  async function draw(file: string, runs: readonly { text: string; x: number; y: number; pitch: number }[]) {
    const doc = new PDFDocument({ size: 'A4', margin: 0, compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((r) => doc.on('end', () => r()));
    doc.font(font).fontSize(16);
    for (const run of runs)
      [...run.text].forEach((c, i) => doc.text(c, run.x + i * run.pitch, run.y, { lineBreak: false }));
    doc.end();
    await done;
    writeFileSync(file, Buffer.concat(chunks));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huibian-typo-'));
    bad = join(dir, 'bad.pdf');
    good = join(dir, 'good.pdf');
    // Noto's — is 0.89 em with side bearings: at a 1 em pitch two leave a hole; at 0.8 em they join.
    // Leader: … at a 1 em pitch gives one dot pitch; 6 pt more between glyphs does not.
    await draw(bad, [
      { text: '多变', x: 100, y: 100, pitch: 16 },
      { text: '——', x: 132, y: 100, pitch: 18 },
      { text: '需求', x: 168, y: 100, pitch: 16 },
      { text: '体系', x: 100, y: 140, pitch: 16 },
      { text: '……', x: 132, y: 140, pitch: 22 },
      { text: '7', x: 190, y: 140, pitch: 9 },
    ]);
    await draw(good, [
      { text: '多变', x: 100, y: 100, pitch: 16 },
      { text: '——', x: 132, y: 100, pitch: 12.8 },
      { text: '需求', x: 157.6, y: 100, pitch: 16 },
      { text: '体系', x: 100, y: 140, pitch: 16 },
      { text: '………', x: 132, y: 140, pitch: 16 },
      { text: '7', x: 196, y: 140, pitch: 9 },
    ]);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const measure = { leftPt: 72, rightPt: 523 };

  it('finds the hole in —— and the uneven leader', () => {
    const r = checkTypography(bad, { measure });
    const counts = countByClass(r.violations);
    expect(counts['dash-hole']).toBe(1);
    expect(counts['leader-pitch']).toBe(1);
    expect(r.stats.maxDashHolePx).toBeGreaterThan(10);
    expect(r.stats.dashesSeen).toBe(1);
    expect(r.stats.leadersSeen).toBe(1);
  });

  it('passes —— drawn as one rule and a leader at one pitch', () => {
    const r = checkTypography(good, { measure });
    expect(r.violations).toEqual([]);
    expect(r.stats.dashesSeen).toBe(1);
    expect(r.stats.leadersSeen).toBe(1);
    expect(r.stats.maxDashHolePx).toBe(0);
  });
});
