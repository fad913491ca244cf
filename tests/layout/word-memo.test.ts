/**
 * jieba's cuts kept in a memo file (src/layout/words.ts over src/fonts
 * memo-file.ts): a saved cut is what a later process reads instead of loading
 * jieba; a stored cut that does not spell its text is ignored.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearMemoFiles, saveMemoFiles } from '../../src/fonts/memo-file.js';
import { segmentWords } from '../../src/layout/words.js';

const before = process.env.HUIBIAN_CACHE_DIR;
afterAll(() => {
  if (before === undefined) delete process.env.HUIBIAN_CACHE_DIR;
  else process.env.HUIBIAN_CACHE_DIR = before;
  clearMemoFiles();
});

describe('word memo', () => {
  it('saves jieba’s cuts and reads them back in place of jieba', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huibian-words-'));
    process.env.HUIBIAN_CACHE_DIR = dir;
    clearMemoFiles();
    const text = '在全市经济工作会议上的讲话';
    const cut = segmentWords(text);
    expect(cut.join('')).toBe(text);
    saveMemoFiles();
    const [file] = readdirSync(dir).filter((f) => /^words-[0-9a-f]+\.json$/.test(f));
    expect(file).toBeDefined();
    const path = join(dir, file!);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, string[]> };
    expect(stored.entries[text]).toEqual(cut);

    // A cut jieba would never give, stored: the next process takes it as it is.
    const planted = ['在全', '市经济工作会议上的讲话'];
    writeFileSync(path, JSON.stringify({ ...stored, entries: { [text]: planted } }));
    clearMemoFiles();
    expect(segmentWords(text)).toEqual(planted);

    // One that does not spell the text is ignored: jieba cuts again.
    writeFileSync(path, JSON.stringify({ ...stored, entries: { [text]: ['在全', '市'] } }));
    clearMemoFiles();
    expect(segmentWords(text)).toEqual(cut);
  });
});
