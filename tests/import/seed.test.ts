/**
 * The seed compilation imported: same document model as the hand-made
 * sources/chongqing-2023-10/ (loaded with loadCollection) apart from the restorations
 * NOTES.md lists, and every input character accounted for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { importText, type ImportResult } from '../../src/import/index.js';
import { loadCollection } from '../../src/sources/index.js';
import type { Collection } from '../../src/model/types.js';
import { SEED, chars, file, missing, outputText, removedText, writeFiles } from './helpers.js';

const HAND_MADE = path.resolve(import.meta.dirname, '../../sources/chongqing-2023-10');

/** Rows of the “Text replacements” table in NOTES.md that restore text (not removals). */
function restorations(): { from: string; to: string }[] {
  const notes = fs.readFileSync(path.join(HAND_MADE, 'NOTES.md'), 'utf8');
  const section = notes.split(/^## /m).find((s) => s.startsWith('Text replacements')) ?? '';
  const rows: { from: string; to: string }[] = [];
  for (const line of section.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|/.exec(line);
    if (m) rows.push({ from: m[1], to: m[2] });
  }
  return rows;
}

/** The model without positions and file paths; restorations applied to text. */
function comparable(c: Collection, fixes: { from: string; to: string }[]): unknown {
  const fix = (s: string) => fixes.reduce((t, r) => t.split(r.from).join(r.to), s);
  const walk = (v: unknown, key = ''): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!['pos', 'fieldPos', 'file', 'dir'].includes(k)) out[k] = walk(x, k);
      return out;
    }
    return typeof v === 'string' && key === 'text' ? fix(v) : v;
  };
  return walk(c);
}

let seed: Buffer;
let result: ImportResult;
beforeAll(() => {
  seed = fs.readFileSync(SEED);
  result = importText(seed, { fileName: 'chongqing-2023-10.txt' });
});

describe('seed import', () => {
  test('finds the nine pieces with their titles, subtitles and bylines', () => {
    expect(result.pieceCount).toBe(9);
    expect(result.files.map((f) => f.path)).toEqual([
      'collection.yaml',
      // The ids are the pinyin of the bylines' places, as in the hand-made sources.
      ...fs
        .readdirSync(HAND_MADE)
        .filter((f) => f.endsWith('.md') && f !== 'NOTES.md')
        .sort(),
      'import-removed.txt',
    ]);
    expect(file(result.files, '05-yongchuan.md')).toContain(
      'title: 坚持工业立区制造强区\nsubtitle: 加快建设现代制造业基地\nrole: 永川区委书记\nauthor: 张智奎\n',
    );
    expect(file(result.files, '04-jiangjin.md')).toContain(
      'title: 高水平建强西部陆海新通道重庆主枢纽助力服务重庆建设新时代内陆开放高地\n',
    );
  });

  test('gives the same document model as the hand-made sources, apart from the NOTES.md restorations', async () => {
    const fixes = restorations();
    expect(fixes.map((f) => f.from)).toEqual(expect.arrayContaining(['DP', '学习贯彻A新时代中国特色社会主义思想']));
    const dir = writeFiles(result.files, 'chongqing-2023-10');
    const imported = (await loadCollection(dir)).collection;
    const hand = (await loadCollection(HAND_MADE)).collection;
    expect(comparable(imported, fixes)).toEqual(comparable(hand, []));
  });

  test('without the restorations the models differ exactly there', async () => {
    const dir = writeFiles(result.files, 'chongqing-2023-10');
    const imported = JSON.stringify(comparable((await loadCollection(dir)).collection, []));
    expect(imported).toContain('学习贯彻A新时代');
    expect(imported).not.toContain('GDP');
  });

  test('every input character is in the sources or in import-removed.txt', () => {
    const input = chars(seed.toString('utf8'));
    const output = chars(outputText(result.files) + removedText(file(result.files, 'import-removed.txt')));
    expect(missing(input, output)).toEqual([]);
    expect(missing(output, input)).toEqual([]);
    expect(output.length).toBe(input.length);
  });

  test('the summary counts each rule and lists the unsure guesses with input lines', () => {
    expect(result.counts.watermark).toBe(2);
    expect(result.counts['paywall-marker']).toBe(2);
    expect(result.counts.advert).toBe(4);
    expect(result.counts.count).toBe(1);
    expect(result.counts['hard-wrap-joined']).toBeGreaterThanOrEqual(7);
    expect(result.summary).toMatch(/pieces found: 9 \(contents lists 9, title says 9\)/);
    expect(result.summary).toMatch(/watermark\s+2/);
    expect(result.summary).toContain(
      'chongqing-2023-10.txt:116:1: warning: split “加快建设现代制造业基地永川区委书记张智奎”',
    );
    expect(result.summary).toContain('chongqing-2023-10.txt:162:1: warning:');
    const removed = file(result.files, 'import-removed.txt');
    expect(removed).toContain('54:187\twatermark\tAAA32311699整理。');
    expect(removed).toContain('8:14\tcontents\t2．江北区委书记滕宏伟：');
    expect(removed).toContain('8:1\tpaywall-marker\t##paidbegin##');
  });
});
