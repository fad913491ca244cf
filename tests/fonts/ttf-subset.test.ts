/**
 * TrueType glyph subsets written from the tables (src/fonts/ttf-subset.ts) are the
 * font programs fontkit's TTFSubset writes — the PDF painter used fontkit's before —
 * byte for byte and id for id, composites included; and each subset glyph draws
 * the outline of the glyph it was taken from.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locaOffsets, TrueTypeSubset, trueTypeTables } from '../../src/fonts/ttf-subset.js';
import { parsedFontkitFont } from '../../src/fonts/face.js';
import { FIXTURES } from './helpers/fixtures.js';
import { mulberry32 } from '../helpers/prng.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof import('fontkit');

const NOTO_SERIF = join(
  require.resolve('@expo-google-fonts/noto-serif-sc/package.json'),
  '..',
  '400Regular',
  'NotoSerifSC_400Regular.ttf',
);
const SEED = readFileSync(join(FIXTURES, '..', 'seed', 'chongqing-2023-10.txt'), 'utf8');

/** Includes `ids` in both subsetters in the same order; returns both programs. */
function bothSubsets(
  bytes: Buffer,
  ids: readonly number[],
): { ours: Buffer; fontkit: Buffer; ourIds: number[]; fkIds: number[] } {
  const tables = trueTypeTables(bytes);
  expect(tables).not.toBeNull();
  const ours = new TrueTypeSubset(tables!);
  const theirs = fontkit.create(bytes).createSubset();
  const ourIds = ids.map((id) => ours.includeGlyph(id));
  const fkIds = ids.map((id) => theirs.includeGlyph(id));
  return { ours: ours.encode(), fontkit: Buffer.from(theirs.encode()), ourIds, fkIds };
}

/** Composite glyphs of a font (glyf numberOfContours < 0), read through fontkit's loca. */
function composites(bytes: Buffer): number[] {
  const t = trueTypeTables(bytes)!;
  const at = (i: number): number =>
    t.locaFormat === 0 ? 2 * bytes.readUInt16BE(t.loca.offset + 2 * i) : bytes.readUInt32BE(t.loca.offset + 4 * i);
  const out: number[] = [];
  for (let g = 0; g < t.numGlyphs; g++)
    if (at(g + 1) - at(g) >= 10 && bytes.readInt16BE(t.glyf.offset + at(g)) < 0) out.push(g);
  return out;
}

describe('TrueType glyph subsets', () => {
  it('equal fontkit’s TTFSubset byte for byte for every fixture face, all glyphs in a shuffled order', () => {
    const rand = mulberry32(7);
    for (const name of ['serif-400.ttf', 'serif-700.ttf', 'sans-400.ttf', 'composite.ttf']) {
      const bytes = readFileSync(join(FIXTURES, name));
      const ids = Array.from({ length: fontkit.create(bytes).numGlyphs }, (_, i) => i).sort(() => rand() - 0.5);
      const r = bothSubsets(bytes, ids);
      expect(r.ourIds, name).toEqual(r.fkIds);
      expect(r.ours.equals(r.fontkit), name).toBe(true);
    }
  });

  it('equal fontkit’s for the sample text in the 15 MB Noto Serif SC (long loca, glyphs past numberOfHMetrics)', () => {
    const bytes = readFileSync(NOTO_SERIF);
    const font = fontkit.create(bytes);
    const t = trueTypeTables(bytes)!;
    expect(t.locaFormat).toBe(1);
    expect(t.numberOfHMetrics).toBeLessThan(t.numGlyphs);
    const ids = [...SEED].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
    // Glyphs whose advance comes from the last hmtx record and whose bearing from the bearings array.
    ids.push(t.numGlyphs - 1, t.numberOfHMetrics, t.numberOfHMetrics + 5);
    const r = bothSubsets(bytes, ids);
    expect(r.ourIds).toEqual(r.fkIds);
    expect(new Set(r.ourIds).size).toBeGreaterThan(500);
    expect(r.ours.equals(r.fontkit)).toBe(true);
  });

  it('adds a composite glyph’s components after the glyphs asked for, renumbered, and draws the same outlines', () => {
    const bytes = readFileSync(join(FIXTURES, 'composite.ttf'));
    const comp = composites(bytes);
    expect(comp.length).toBeGreaterThan(3);
    const font = fontkit.create(bytes);
    const tables = trueTypeTables(bytes)!;
    const subset = new TrueTypeSubset(tables);
    const asked = comp.map((g) => subset.includeGlyph(g));
    expect(asked).toEqual(comp.map((_, i) => i + 1));
    const program = subset.encode();
    const parsed = fontkit.create(program);
    // Components came in behind the composites.
    expect(parsed.numGlyphs).toBeGreaterThan(comp.length + 1);
    comp.forEach((g, i) => {
      expect(parsed.getGlyph(asked[i]!)!.path.toSVG(), `glyph ${g}`).toBe(font.getGlyph(g)!.path.toSVG());
      expect(parsed.getGlyph(asked[i]!)!.advanceWidth).toBe(font.getGlyph(g)!.advanceWidth);
    });
    // And fontkit agrees on the whole program.
    expect(bothSubsets(bytes, comp).ours.equals(program)).toBe(true);
  });

  it('declines fonts it does not subset: no glyf table (CFF outlines), variable fonts', () => {
    const bytes = readFileSync(join(FIXTURES, 'sans-400.ttf'));
    expect(trueTypeTables(bytes)).not.toBeNull();
    const renamed = (from: string, to: string): Buffer => {
      const out = Buffer.from(bytes);
      for (let i = 0; i < out.readUInt16BE(4); i++) {
        const o = 12 + 16 * i;
        if (out.toString('latin1', o, o + 4) === from) out.write(to, o, 'latin1');
      }
      return out;
    };
    expect(trueTypeTables(renamed('glyf', 'CFF '))).toBeNull();
    expect(trueTypeTables(renamed('name', 'fvar'))).toBeNull();
    expect(trueTypeTables(Buffer.from('not a font at all'))).toBeNull();
  });
});

describe('loca offsets read from the table', () => {
  it('equal fontkit’s own decoding of loca (short offsets doubled), and the parse src/fonts shares starts with them', () => {
    for (const file of [join(FIXTURES, 'serif-400.ttf'), join(FIXTURES, 'composite.ttf'), NOTO_SERIF]) {
      const bytes = readFileSync(file);
      const own = fontkit.create(bytes).loca;
      const t = trueTypeTables(bytes)!;
      expect(t.locaFormat, file).toBe(own.version);
      expect(locaOffsets(t), file).toEqual(Array.from(own.offsets));
      const shared = parsedFontkitFont(file);
      expect(shared._tables.loca, file).toEqual({ version: own.version, offsets: Array.from(own.offsets) });
      // Advances read through the outline headers agree with an unseeded parse.
      const fresh = fontkit.create(bytes);
      for (const cp of [0x41, 0x61, 0x4e2d, 0x3002])
        expect(shared.glyphForCodePoint(cp).advanceWidth).toBe(fresh.glyphForCodePoint(cp).advanceWidth);
    }
  });
});
