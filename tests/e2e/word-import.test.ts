/**
 * `huibian import <Word files> --out X && huibian check X && huibian build X`: Word
 * files as offices write them become a collection that checks clean and prints every
 * sentence, lead, emphasis, table cell and footnote, with the titles and bylines in
 * the contents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCollection } from '../../src/sources/index.js';
import type { Collection } from '../../src/model/types.js';
import { huibian, pdfText, ROOT, squash } from '../helpers/cli.js';

const WORD = join(ROOT, 'tests/fixtures/import/word');
const FILES = ['gaoxin.docx', 'yongchuan.docx', 'pengshui.docx', 'traits.docx', 'lo-traits.docx'];

let tmp: string;
let collection: Collection;
let pdf: string;
let checkErr: string;

/** Every `text` string in a piece's blocks and footnotes. */
function texts(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) texts(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'text' && typeof x === 'string') out.push(x);
      else if (k !== 'pos') texts(x, out);
    }
  }
  return out;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'huibian-word-e2e-'));
  const src = join(tmp, 'sources', '2025-q3');
  const imp = huibian(['import', ...FILES.map((f) => join(WORD, f)), '--out', src, '--quiet']);
  expect(imp.code, imp.stderr).toBe(0);
  const check = huibian(['check', src]);
  expect(check.code, check.stderr).toBe(0);
  checkErr = check.stderr;
  const build = huibian(['build', src, '--out', join(tmp, 'out'), '--no-handouts', '--format', 'pdf', '--quiet']);
  expect(build.code, build.stderr).toBe(0);
  collection = (await loadCollection(src)).collection;
  pdf = squash(pdfText(join(tmp, 'out', 'compilation.pdf')));
}, 240_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('Word files → sources → PDF', () => {
  it('checks clean', () => {
    expect(checkErr).not.toContain('warning');
    expect(checkErr).toContain('ok, 5 pieces');
    expect(collection.pieces.map((p) => p.id)).toEqual([
      'gaoxin',
      'yongchuan',
      'pengshui',
      'zaiquanshiyou',
      'jiangbei',
    ]);
  });

  it('prints every sentence, lead, emphasis, table cell and footnote of every piece', () => {
    let checked = 0;
    for (const p of collection.pieces) {
      for (const t of texts([p.blocks, p.footnotes])) {
        for (const sentence of t.split(/(?<=[。！？；：])/u)) {
          if (squash(sentence) === '') continue;
          expect(pdf, `${p.id}: ${sentence}`).toContain(squash(sentence));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    for (const s of [
      '指标增速经营主体9%',
      '数据来自市统计局快报。',
      '数据截至9月底。',
      '一、培育壮大数字产业集群。',
      '加快完善信息基础设施。',
      '久久为功',
    ]) {
      expect(pdf).toContain(squash(s));
    }
  });

  it('puts the titles and bylines in the front matter and the contents', () => {
    const contents = squash(pdfText(join(tmp, 'out', 'compilation.pdf'), 1));
    for (const p of collection.pieces) {
      expect(contents).toContain(squash(p.title));
      expect(pdf).toContain(squash(p.byline));
    }
    expect(collection.pieces.map((p) => p.subtitle)).toEqual([
      null,
      '加快建设现代制造业基地',
      null,
      '以改革破难题',
      '全力扛起经济稳进增效的责任担当',
    ]);
  });
});
