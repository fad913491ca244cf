/** Each cleaning rule on a small fixture (CRLF line endings, U+3000 indentation), checked through loadCollection. */
import { beforeAll, describe, expect, test } from 'vitest';
import { importText, type ImportResult } from '../../src/import/index.js';
import { TEXT_RULES } from '../../src/import/types.js';
import { loadCollection } from '../../src/sources/index.js';
import type { Collection, Inline } from '../../src/model/types.js';
import { accountingGap, file, fixture, writeFiles } from './helpers.js';

function plain(inlines: readonly Inline[]): string {
  return inlines.map((i) => ('text' in i ? i.text : 'children' in i ? plain(i.children) : '')).join('');
}
function paragraphs(c: Collection, n: number): string[] {
  return c.pieces[n].blocks.map((b) => ('inlines' in b ? plain(b.inlines) : ''));
}

let input: Buffer;
let result: ImportResult;
let model: Collection;
beforeAll(async () => {
  input = fixture('rules.txt');
  result = importText(input, { fileName: 'rules.txt' });
  model = (await loadCollection(writeFiles(result.files))).collection;
});

describe('cleaning rules', () => {
  test('the input really has CRLF line ends and U+3000 indentation', () => {
    expect(input.toString('utf8')).toContain('\r\n\u3000\u3000');
  });

  test('watermark: alphanumeric id + 整理 removed, short ids kept', () => {
    expect(result.counts.watermark).toBe(1);
    expect(result.removed).toContainEqual({ line: 12, column: 27, rule: 'watermark', text: 'BJ2023001整理' });
    expect(paragraphs(model, 0)[0]).toBe('甲区坚持稳中求进，前三季度地区生产总值增长6%。');
    expect(paragraphs(model, 1)[0]).toContain('XY88整理不删');
  });

  test('advert and contact lines removed whole', () => {
    expect(result.removed.filter((r) => r.rule === 'advert').map((r) => r.line)).toEqual([20, 21]);
    expect(JSON.stringify(model)).not.toMatch(/素材|客服/);
  });

  test('paywall markers removed', () => {
    expect(result.removed.filter((r) => r.rule === 'paywall-marker').map((r) => [r.line, r.text])).toEqual([
      [22, '##paidbegin##'],
      [29, '##paidend##'],
    ]);
  });

  test('page-number lines removed (- 1 -, 第2页, 3)', () => {
    expect(result.removed.filter((r) => r.rule === 'page-number').map((r) => r.text)).toEqual(['- 1 -', '第2页', '3']);
  });

  test('repeated lines: a running header everywhere (flagged), an adjacent duplicate once', () => {
    const rep = result.removed.filter((r) => r.rule === 'repeated-line');
    expect(rep.map((r) => r.line)).toEqual([9, 14, 19, 26]);
    expect(result.guesses.some((g) => g.line === 9 && g.message.includes('running header'))).toBe(true);
    expect(paragraphs(model, 0).filter((p) => p.startsWith('三、'))).toHaveLength(1);
  });

  test('spaces between Han characters removed; hard-wrapped lines joined', () => {
    expect(result.counts['han-space']).toBe(5);
    expect(paragraphs(model, 0)).toEqual([
      '甲区坚持稳中求进，前三季度地区生产总值增长6%。',
      '一、抓产业。推动数字化转型，新增企业12家，用*号与_线标注<b>重点</b>。',
      '二、抓服务。优化营商环境，办理时间压减一半。',
      '三、抓落实。压实责任，一抓到底。',
    ]);
    expect(result.counts['hard-wrap-joined']).toBe(1);
  });

  test('Markdown syntax in the text is escaped and reads back verbatim; leads are marked', () => {
    const md = file(result.files, '01-jiaqu.md');
    expect(md).toContain('**一、抓产业。**推动');
    const lead = model.pieces[0].blocks[1];
    expect(lead.kind === 'paragraph' && lead.inlines[0].kind).toBe('lead');
  });

  test('contents, title count: structure from the contents map', () => {
    expect(model.title).toBe('某市经验交流材料汇编');
    expect(model.showCount).toBe(true);
    expect(model.pieces.map((p) => [p.title, p.role, p.author])).toEqual([
      ['推动高质量发展', '甲区委书记', '王一'],
      ['抓项目促投资见实效', '乙县县长', '李二二'],
    ]);
  });

  test('every character accounted for', () => {
    expect(accountingGap(input.toString('utf8'), result.files)).toEqual({ lost: [], added: [] });
  });

  test('the summary names each rule with its count', () => {
    for (const rule of TEXT_RULES) expect(result.summary).toMatch(new RegExp(`${rule}\\s+${result.counts[rule]}\\b`));
    // The rules of Word files are not listed for text.
    expect(result.summary).not.toMatch(/deletion|header-footer/);
  });
});
