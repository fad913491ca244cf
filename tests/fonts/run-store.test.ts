/**
 * The shaped-run store (src/fonts/run-store.ts): a process that finds a font's
 * runs on disk shapes none of them again and gets the very runs fontkit gave;
 * the key follows the bytes shaping reads; a stale, corrupt or foreign file
 * reads as empty and a folder that cannot be written is left alone — in every
 * case the runs come out as without the store.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearMemoFiles as clearRunStores, saveMemoFiles as saveShapedRuns } from '../../src/fonts/memo-file.js';
import { runStoreFor, shapingKey } from '../../src/fonts/run-store.js';
import { bindRunStore, shapedRun, type ShapedGlyph, type Shaper } from '../../src/fonts/shape.js';
import { serif400, tempDir } from './helpers/fixtures.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof import('fontkit');

const TEXTS = ['GDP 2023', 'office fi', 'AVATAR To', '8.6%'];

/** A fresh font object over `bytes` (a new process's), counting its shaper calls, bound to the store in `dir`. */
function processFont(bytes: Buffer, dir: string): { font: Shaper; calls: () => number } {
  const fk = fontkit.create(bytes);
  let calls = 0;
  const font: Shaper = {
    layout: (t) => {
      calls++;
      return fk.layout(t);
    },
  };
  bindRunStore(font, () => runStoreFor(bytes, dir));
  return { font, calls: () => calls };
}

const plain = (run: readonly ShapedGlyph[]) => run.map((g) => ({ ...g, codePoints: [...g.codePoints] }));

/** What fontkit itself gives, without any store. */
function reference(bytes: Buffer): Map<string, unknown> {
  const fk = fontkit.create(bytes);
  return new Map(TEXTS.map((t) => [t, plain(shapedRun({ layout: (x) => fk.layout(x) }, t))]));
}

function storeFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith('shaped-'));
}

describe('shaped-run store', () => {
  it('lets a later process take every run from disk, equal to fontkit’s', () => {
    const bytes = serif400();
    const dir = tempDir();
    clearRunStores();
    const first = processFont(bytes, dir);
    for (const t of TEXTS) shapedRun(first.font, t);
    expect(first.calls()).toBe(TEXTS.length);
    saveShapedRuns();
    expect(storeFiles(dir)).toHaveLength(1);

    clearRunStores();
    const second = processFont(bytes, dir);
    const want = reference(bytes);
    for (const t of TEXTS) expect(plain(shapedRun(second.font, t)), t).toEqual(want.get(t));
    expect(second.calls()).toBe(0);
    shapedRun(second.font, 'new words');
    expect(second.calls()).toBe(1);
  });

  it('writes nothing unless saved (what check relies on)', () => {
    const dir = tempDir();
    clearRunStores();
    const p = processFont(serif400(), dir);
    shapedRun(p.font, 'GDP');
    clearRunStores();
    expect(storeFiles(dir)).toEqual([]);
  });

  it('keys on the bytes shaping reads: a changed layout table changes the key, a changed outline does not', () => {
    const bytes = serif400();
    const key = shapingKey(bytes)!;
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(shapingKey(Buffer.from(bytes))).toBe(key);
    const table = (tag: string) => {
      const n = bytes.readUInt16BE(4);
      for (let i = 0; i < n; i++) {
        const rec = 12 + 16 * i;
        if (bytes.toString('latin1', rec, rec + 4) === tag) return bytes.readUInt32BE(rec + 8);
      }
      throw new Error(`no ${tag}`);
    };
    const hmtx = Buffer.from(bytes);
    hmtx[table('hmtx') + 1]! ^= 1;
    expect(shapingKey(hmtx)).not.toBe(key);
    const glyf = Buffer.from(bytes);
    glyf[table('glyf') + 20]! ^= 1;
    expect(shapingKey(glyf)).toBe(key);
    expect(shapingKey(Buffer.from('not a font'))).toBeNull();
  });

  it('reads a stale, corrupt or foreign file as empty, shapes again and saves over it', () => {
    const bytes = serif400();
    const want = reference(bytes);
    const file = runStoreFor(bytes, tempDir())!.file;
    const badContents = [
      '{"format":1,"key":"',
      'null',
      JSON.stringify({ format: 0, key: shapingKey(bytes), entries: { GDP: [[1, 2, 3, [71, 68, 80]]] } }),
      JSON.stringify({ format: 1, key: 'another font', entries: { GDP: [[1, 2, 3, [71, 68, 80]]] } }),
      // Right key, but runs that do not spell their text or are not glyphs: dropped one by one.
      JSON.stringify({ format: 1, key: shapingKey(bytes), entries: { GDP: [[1, 2, 3, [65]]], '8.6%': [['x']] } }),
    ];
    for (const contents of badContents) {
      const dir = join(file, '..');
      writeFileSync(file, contents);
      clearRunStores();
      const p = processFont(bytes, dir);
      for (const t of TEXTS) expect(plain(shapedRun(p.font, t)), `${contents} ${t}`).toEqual(want.get(t));
      expect(p.calls(), contents).toBeGreaterThanOrEqual(2);
      saveShapedRuns();
      clearRunStores();
      const q = processFont(bytes, dir);
      for (const t of TEXTS) shapedRun(q.font, t);
      expect(q.calls(), contents).toBe(0);
    }
  });

  it('shapes as usual and throws nothing when the folder cannot be written', () => {
    const bytes = serif400();
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const dir = join(blocker, 'cache');
    clearRunStores();
    const p = processFont(bytes, dir);
    const want = reference(bytes);
    for (const t of TEXTS) expect(plain(shapedRun(p.font, t))).toEqual(want.get(t));
    expect(() => saveShapedRuns()).not.toThrow();
    expect(runStoreFor(bytes, dir)!.save()).toBe(false);
    expect(existsSync(dir)).toBe(false);
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder');
    clearRunStores();
  });
});
