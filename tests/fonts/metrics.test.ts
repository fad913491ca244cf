/**
 * Metrics read straight from the font tables (metrics.ts) equal fontkit's — the
 * numbers layout set every line with before: glyph ids through cmap formats 4
 * and 12, hmtx advances, head/hhea units and extents.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSfntMetrics } from '../../src/fonts/metrics.js';
import { loadFontBook } from '../../src/fonts/book.js';
import { FIXTURES, template, tempDir, tempProject } from './helpers/fixtures.js';

const require = createRequire(import.meta.url);
type FkFont = import('fontkit').Font;
const fontkit = require('fontkit') as typeof import('fontkit');

const NOTO_SERIF = join(
  require.resolve('@expo-google-fonts/noto-serif-sc/package.json'),
  '..',
  '400Regular',
  'NotoSerifSC_400Regular.ttf',
);

/** Every code point below U+2000 the font maps and every `step`-th above, plus some it does not map. */
function sample(font: FkFont, step: number): number[] {
  const cps = [...font.characterSet].sort((a, b) => a - b).filter((cp, i) => cp < 0x2000 || i % step === 0);
  return [...cps, 0x0378, 0xe000, 0xfffe, 0x10fffd, 0x2003e];
}

/** The same font with its cmap records for (`platform`, `encoding`) renamed away (another subtable is chosen). */
function withoutCmap(bytes: Buffer, drop: readonly [number, number][]): Buffer {
  const out = Buffer.from(bytes);
  const n = out.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const o = 12 + 16 * i;
    if (out.toString('latin1', o, o + 4) !== 'cmap') continue;
    const cmap = out.readUInt32BE(o + 8);
    for (let k = 0; k < out.readUInt16BE(cmap + 2); k++) {
      const r = cmap + 4 + 8 * k;
      if (drop.some(([p, e]) => out.readUInt16BE(r) === p && out.readUInt16BE(r + 2) === e)) {
        out.writeUInt16BE(9, r);
        out.writeUInt16BE(9, r + 2);
      }
    }
  }
  return out;
}

function expectSameAsFontkit(bytes: Buffer, step: number): { cps: number; widths: number } {
  const font = fontkit.create(bytes);
  const m = readSfntMetrics(bytes)!;
  expect(m).not.toBeNull();
  expect([m.unitsPerEm, m.ascent, m.descent]).toEqual([font.unitsPerEm, font.ascent, font.descent]);
  const cps = sample(font, step);
  const widths = new Set<number>();
  for (const cp of cps) {
    const g = font.glyphForCodePoint(cp);
    widths.add(g.advanceWidth);
    expect([cp, m.glyphId(cp), m.advance(m.glyphId(cp))]).toEqual([cp, g.id, g.advanceWidth]);
    expect(m.glyphId(cp) !== 0).toBe(font.hasGlyphForCodePoint(cp));
  }
  return { cps: cps.length, widths: widths.size };
}

describe('metrics read from the font tables', () => {
  it('equal fontkit’s for the fixture faces (cmap format 4), every mapped code point', () => {
    for (const name of ['serif-400.ttf', 'serif-700.ttf', 'sans-400.ttf']) {
      expectSameAsFontkit(readFileSync(join(FIXTURES, name)), 1);
    }
  });

  it('equal fontkit’s across a full CJK face through cmap format 12 (3,10) and format 4 (3,1), sampled', () => {
    const bytes = readFileSync(NOTO_SERIF);
    const f12 = expectSameAsFontkit(bytes, 97);
    expect(f12.cps).toBeGreaterThan(300);
    // Proportional Latin and one-em Han: not one width.
    expect(f12.widths).toBeGreaterThan(3);
    const f4 = expectSameAsFontkit(
      withoutCmap(bytes, [
        [3, 10],
        [0, 4],
        [0, 6],
      ]),
      97,
    );
    expect(f4.cps).toBeGreaterThan(300);
  });

  it('give way to fontkit (null) for a cmap format not read here, a missing table or no font', () => {
    const bytes = readFileSync(join(FIXTURES, 'serif-400.ttf'));
    // Only the (0,3) and (3,1) format 4 subtables: dropping both leaves no Unicode cmap.
    expect(
      readSfntMetrics(
        withoutCmap(bytes, [
          [0, 3],
          [3, 1],
        ]),
      ),
    ).toBeNull();
    const noHmtx = Buffer.from(bytes);
    for (let i = 0; i < noHmtx.readUInt16BE(4); i++) {
      const o = 12 + 16 * i;
      if (noHmtx.toString('latin1', o, o + 4) === 'hmtx') noHmtx.write('hmtX', o, 'latin1');
    }
    expect(readSfntMetrics(noHmtx)).toBeNull();
    expect(readSfntMetrics(Buffer.from('not a font at all'))).toBeNull();
  });

  it('glyphs past numberOfHMetrics take the last record’s advance', () => {
    // A real face whose numberOfHMetrics is cut to 3: glyph 3 and later repeat glyph 2's advance.
    const bytes = Buffer.from(readFileSync(join(FIXTURES, 'serif-400.ttf')));
    const m0 = readSfntMetrics(bytes)!;
    const adv = [0, 1, 2].map((g) => m0.advance(g));
    for (let i = 0; i < bytes.readUInt16BE(4); i++) {
      const o = 12 + 16 * i;
      if (bytes.toString('latin1', o, o + 4) === 'hhea') bytes.writeUInt16BE(3, bytes.readUInt32BE(o + 8) + 34);
    }
    const m = readSfntMetrics(bytes)!;
    expect([0, 1, 2, 3, 4, 7].map((g) => m.advance(g))).toEqual([...adv, adv[2], adv[2], adv[2]]);
  });

  it('FontFace.hasGlyph and advanceEm answer as fontkit does', async () => {
    const bytes = readFileSync(join(FIXTURES, 'serif-400.ttf'));
    const font = fontkit.create(bytes);
    const dir = tempProject({ 'serif.ttf': bytes });
    const t = template({ body: ['Noto Serif SC'] }, { fallback: ['Noto Serif SC'] });
    const { book } = await loadFontBook(t, {
      projectDir: dir,
      systemFonts: false,
      npmFonts: false,
      cacheDir: tempDir(),
    });
    const face = book.chain('body', false)[0]!;
    expect([face.ascentEm, face.descentEm]).toEqual([
      font.ascent / font.unitsPerEm,
      Math.abs(font.descent) / font.unitsPerEm,
    ]);
    for (const cp of sample(font, 1)) {
      expect([cp, face.hasGlyph(cp), face.advanceEm(cp)]).toEqual([
        cp,
        font.hasGlyphForCodePoint(cp),
        font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm,
      ]);
    }
  });
});
