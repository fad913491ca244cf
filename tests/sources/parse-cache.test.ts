/**
 * The watch mode's parse cache: a collection assembled from cached pieces equals a fresh
 * parse of the same files, only changed pieces are parsed again, and a piece whose number
 * changed (a piece inserted before it) is parsed again too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCollection, PieceParseCache } from '../../src/sources/index.js';

const SAMPLE = fileURLToPath(new URL('../../sources/chongqing-2023-10', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'huibian-parse-cache-')), 'c');
  await cp(SAMPLE, dir, { recursive: true });
});
afterAll(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

describe('PieceParseCache', () => {
  it('gives the same collection as a fresh parse, re-parsing only changed pieces', async () => {
    const cache = new PieceParseCache();
    const first = await loadCollection(dir, { parseCache: cache });
    const n = first.collection.pieces.length;
    expect(cache.misses).toBe(n);
    expect(first).toEqual(await loadCollection(dir));

    const piece = join(dir, '03-changshou.md');
    const text = await readFile(piece, 'utf8');
    await writeFile(piece, text.replace('凝心铸魂唯实争先', '凝心铸魂唯实争先（修订）'));
    cache.hits = 0;
    cache.misses = 0;
    const second = await loadCollection(dir, { parseCache: cache });
    expect(cache.misses).toBe(1);
    expect(cache.hits).toBe(n - 1);
    expect(second).toEqual(await loadCollection(dir));
    expect(second).not.toEqual(first);
    expect(cache.size).toBe(n); // the old version of the edited piece is dropped
  });

  it('parses again a piece whose number changed', async () => {
    const cache = new PieceParseCache();
    await loadCollection(dir, { parseCache: cache });
    const yamlFile = join(dir, 'collection.yaml');
    const yaml = await readFile(yamlFile, 'utf8');
    const names = [...yaml.matchAll(/^\s*- (\S+\.md)\s*$/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(2);
    // The first two pieces swap places: both get new numbers, the rest are reused.
    const swapped = yaml.replace(names[0]!, '\u0000').replace(names[1]!, names[0]!).replace('\u0000', names[1]!);
    await writeFile(yamlFile, swapped);
    cache.hits = 0;
    cache.misses = 0;
    const again = await loadCollection(dir, { parseCache: cache });
    expect(cache.misses).toBe(2);
    expect(again).toEqual(await loadCollection(dir));
    await writeFile(yamlFile, yaml);
  });
});
