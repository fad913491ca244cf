/** Compilations with parts (一、…篇), with part headings only in the contents, and with no contents block. */
import { describe, expect, test } from 'vitest';
import { importText } from '../../src/import/index.js';
import { loadCollection } from '../../src/sources/index.js';
import { accountingGap, file, fixture, writeFiles } from './helpers.js';

describe('parts', () => {
  test('part headings in the contents and the body become collection parts, pieces numbered on', async () => {
    const input = fixture('parts.txt');
    const r = importText(input, { fileName: 'parts.txt' });
    const c = (await loadCollection(writeFiles(r.files))).collection;
    expect(c.parts.map((p) => [p.title, p.pieces])).toEqual([
      ['一、综合篇', [1, 2]],
      ['二、基层篇', [3]],
    ]);
    expect(c.pieces.map((p) => p.title)).toEqual(['以学促干见实效', '以改革激发新活力', '扎根基层办实事']);
    expect(c.pieces[1].role).toBe('省发展改革委主任');
    expect(c.pieces.every((p) => p.blocks.length === 1)).toBe(true);
    expect(accountingGap(input.toString('utf8'), r.files)).toEqual({ lost: [], added: [] });
  });

  test('part headings only in the contents are taken from there (and not listed as removed)', async () => {
    const text = fixture('parts.txt').toString('utf8');
    const lines = text.split('\n');
    const bodyStart = lines.indexOf('扎根基层办实事…………………3') + 1;
    const input = lines.filter((l, i) => i < bodyStart || !/^[一二]、.*篇$/.test(l)).join('\n');
    const r = importText(Buffer.from(input), { fileName: 'parts.txt' });
    const c = (await loadCollection(writeFiles(r.files))).collection;
    expect(c.parts.map((p) => [p.title, p.pieces])).toEqual([
      ['一、综合篇', [1, 2]],
      ['二、基层篇', [3]],
    ]);
    expect(r.removed.some((s) => s.text.includes('综合篇'))).toBe(false);
    expect(accountingGap(input, r.files)).toEqual({ lost: [], added: [] });
  });
});

describe('no contents block', () => {
  test('pieces are found by their bylines; blank-line paragraphs; numbered short lines become headings', async () => {
    const input = fixture('no-contents.txt');
    const r = importText(input, { fileName: 'no-contents.txt' });
    const c = (await loadCollection(writeFiles(r.files))).collection;
    expect(c.title).toBe('青年干部座谈会发言汇编');
    expect(c.showCount).toBe(false);
    expect(c.banner).toBeNull();
    expect(c.pieces.map((p) => [p.title, p.role, p.author])).toEqual([
      ['在实践中锤炼过硬本领', '丁区发展改革委主任', '周丁'],
      ['把青春写在大地上', '戊镇镇长', '吴戊'],
    ]);
    expect(c.pieces[0].blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(file(r.files, '01-dingqu.md')).toContain(
      '参加工作以来，我始终把学习放在首位。在基层一线摸爬滚打，积累了经验。',
    );
    expect(r.guesses.map((g) => g.line)).toContain(11);
    expect(accountingGap(input.toString('utf8'), r.files)).toEqual({ lost: [], added: [] });
  });

  test('text with neither contents nor bylines: nothing is lost, the user is told', () => {
    const input = '随便一段文字。\n\n另一段文字。\n';
    const r = importText(Buffer.from(input), { fileName: 'plain.txt' });
    expect(r.pieceCount).toBe(0);
    expect(r.summary).toContain('no piece found');
    // The only text not from the input is the title made from the file name, as the summary says.
    expect(r.summary).toContain('used the file name “plain”');
    expect(accountingGap(input, r.files)).toEqual({ lost: [], added: ['a', 'i', 'l', 'n', 'p'] });
  });
});
