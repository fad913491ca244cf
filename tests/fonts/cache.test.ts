import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedSfnt, cachePathFor, defaultFontCacheDir } from '../../src/fonts/cache.js';
import { extractCollectionFace } from '../../src/fonts/sfnt.js';
import { makeCollection, tablesOf, toWoff, withNames } from './helpers/font-edit.js';
import { sans400, serif400, tempDir } from './helpers/fixtures.js';

const require = createRequire(import.meta.url);
const wawoff2 = require('wawoff2') as { compress(b: Buffer): Promise<Uint8Array> };
const fontkit = require('fontkit') as typeof import('fontkit');

/** Table tag → bytes, to compare fonts regardless of table order and padding. */
const tableMap = (b: Buffer) => Object.fromEntries(tablesOf(b).tables.map((t) => [t.tag, t.data.toString('hex')]));

describe('converted-font cache', () => {
  it('converts WOFF to TTF once; the second load is a cache hit', async () => {
    const src = join(tempDir(), 'web.woff');
    writeFileSync(src, toWoff(serif400()));
    const cacheDir = tempDir();
    const first = await cachedSfnt(src, { kind: 'woff' }, cacheDir);
    expect(first.hit).toBe(false);
    expect(first.file.startsWith(cacheDir)).toBe(true);
    expect(first.file.endsWith('.ttf')).toBe(true);
    const mtime = statSync(first.file).mtimeMs;
    const second = await cachedSfnt(src, { kind: 'woff' }, cacheDir);
    expect(second).toMatchObject({ hit: true, file: first.file });
    expect(statSync(second.file).mtimeMs).toBe(mtime);
    expect(tableMap(readFileSync(first.file))).toEqual(tableMap(serif400()));
    // Written atomically: no temporary files left behind.
    expect(readdirSync(cacheDir)).toEqual([first.file.split('/').pop()]);
  });

  it('converts WOFF2 with wawoff2, and fontkit reads the result', async () => {
    const src = join(tempDir(), 'web.woff2');
    writeFileSync(src, await wawoff2.compress(serif400()));
    const cacheDir = tempDir();
    const r = await cachedSfnt(src, { kind: 'woff2' }, cacheDir);
    expect(r.hit).toBe(false);
    const f = fontkit.openSync(r.file);
    expect(f.postscriptName).toBe('NotoSerifSC-Regular');
    expect(f.hasGlyphForCodePoint('汇'.codePointAt(0)!)).toBe(true);
    expect((await cachedSfnt(src, { kind: 'woff2' }, cacheDir)).hit).toBe(true);
  });

  it('keys entries by size and mtime: a changed source is converted again', async () => {
    const src = join(tempDir(), 'web.woff');
    writeFileSync(src, toWoff(serif400()));
    const cacheDir = tempDir();
    const a = cachePathFor(src, { kind: 'woff' }, cacheDir);
    utimesSync(src, new Date(2020, 1, 1), new Date(2020, 1, 1));
    const b = cachePathFor(src, { kind: 'woff' }, cacheDir);
    expect(b).not.toBe(a);
    expect(cachePathFor(src, { kind: 'woff' }, cacheDir)).toBe(b);
  });

  it('extracts each face of a collection as a standalone font', async () => {
    const a = withNames(serif400(), { en: 'Coll A', postscript: 'CollA' });
    const b = withNames(sans400(), { en: 'Coll B', postscript: 'CollB' });
    const ttc = makeCollection([a, b]);
    expect(tableMap(extractCollectionFace(ttc, 1))).toEqual(tableMap(b));
    const src = join(tempDir(), 'c.ttc');
    writeFileSync(src, ttc);
    const cacheDir = tempDir();
    const r0 = await cachedSfnt(src, { kind: 'ttc', index: 0 }, cacheDir);
    const r1 = await cachedSfnt(src, { kind: 'ttc', index: 1 }, cacheDir);
    expect(r0.file).not.toBe(r1.file);
    expect(fontkit.openSync(r1.file).postscriptName).toBe('CollB');
    expect(fontkit.openSync(r1.file).hasGlyphForCodePoint('堃'.codePointAt(0)!)).toBe(true);
  });

  it('lives outside the source tree: HUIBIAN_CACHE_DIR, else node_modules/.cache, else XDG', () => {
    expect(defaultFontCacheDir({ HUIBIAN_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(defaultFontCacheDir({})).toMatch(/node_modules\/\.cache\/huibian\/fonts$/);
  });
});
