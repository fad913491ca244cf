/**
 * Memo files stay bounded (src/fonts/memo-file.ts): while a file holds no more than its
 * limit, a save keeps everything it held; past the limit, a save keeps only what this
 * process used or added, and what it used still reads back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoFile, type MemoCodec } from '../../src/fonts/memo-file.js';
import { tempDir } from '../helpers/tmp.js';

const numbers: MemoCodec<number> = {
  encode: (v) => v,
  decode: (_key, stored) => (typeof stored === 'number' ? stored : undefined),
};

const entriesOf = (file: string): string[] =>
  Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { entries: object }).entries).sort();

/** A new process's view of the file, limited to `max` entries. */
const open = (file: string, max: number): MemoFile<number> => new MemoFile(file, 'k', numbers, max);

describe('memo files', () => {
  it('keep every entry up to their limit', () => {
    const file = join(tempDir('huibian-memo-'), 'm.json');
    const first = open(file, 4);
    for (const k of ['a', 'b', 'c']) first.add(k, k.charCodeAt(0));
    expect(first.save()).toBe(true);
    const second = open(file, 4);
    second.add('d', 100);
    second.save();
    expect(entriesOf(file)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('past their limit, keep only what the last process used or added', () => {
    const file = join(tempDir('huibian-memo-'), 'm.json');
    const first = open(file, 4);
    for (const k of ['a', 'b', 'c', 'd']) first.add(k, k.charCodeAt(0));
    first.save();
    const second = open(file, 4);
    expect(second.get('b')).toBe(98);
    expect(second.get('zz')).toBeUndefined();
    second.add('e', 101);
    second.save();
    expect(entriesOf(file)).toEqual(['b', 'e']);
    const third = open(file, 4);
    expect([third.get('b'), third.get('e'), third.get('a')]).toEqual([98, 101, undefined]);
  });
});
