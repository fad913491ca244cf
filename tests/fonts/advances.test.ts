/**
 * Advance widths read straight from hmtx (face.ts) equal fontkit's glyph
 * advanceWidth — the numbers layout set every line with before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hmtxAdvance, readHmtxAdvances } from '../../src/fonts/face.js';
import { loadFontBook } from '../../src/fonts/book.js';
import { FIXTURES, template, tempDir, tempProject } from './helpers/fixtures.js';

const require = createRequire(import.meta.url);
interface FkFont {
  readonly unitsPerEm: number;
  readonly characterSet: number[];
  glyphForCodePoint(cp: number): { readonly id: number; readonly advanceWidth: number };
}
const fontkit = require('fontkit') as { create(b: Buffer): FkFont };

const NOTO_SERIF = join(
  require.resolve('@expo-google-fonts/noto-serif-sc/package.json'),
  '..',
  '400Regular',
  'NotoSerifSC_400Regular.ttf',
);

/** Every code point below U+2000 the font maps and every `step`-th above, plus a few it does not (→ .notdef). */
function sample(font: FkFont, step: number): number[] {
  const cps = [...font.characterSet].sort((a, b) => a - b).filter((cp, i) => cp < 0x2000 || i % step === 0);
  return [...cps, 0x0378, 0xe000, 0x10fffd];
}

describe('hmtx advances', () => {
  it('equal fontkit’s advanceWidth for the fixture faces, every mapped code point', () => {
    for (const name of ['serif-400.ttf', 'serif-700.ttf', 'sans-400.ttf']) {
      const bytes = readFileSync(join(FIXTURES, name));
      const font = fontkit.create(bytes);
      const h = readHmtxAdvances(bytes)!;
      expect(h).not.toBeNull();
      for (const cp of sample(font, 1)) {
        const g = font.glyphForCodePoint(cp);
        expect([name, cp, hmtxAdvance(h, g.id)]).toEqual([name, cp, g.advanceWidth]);
      }
    }
  });

  it('equal fontkit’s advanceWidth across a full CJK face (sampled)', () => {
    const bytes = readFileSync(NOTO_SERIF);
    const font = fontkit.create(bytes);
    const h = readHmtxAdvances(bytes)!;
    const cps = sample(font, 97);
    expect(cps.length).toBeGreaterThan(300);
    const widths = new Set<number>();
    for (const cp of cps) {
      const g = font.glyphForCodePoint(cp);
      widths.add(g.advanceWidth);
      expect([cp, hmtxAdvance(h, g.id)]).toEqual([cp, g.advanceWidth]);
    }
    // Proportional Latin and one-em Han: not a constant.
    expect(widths.size).toBeGreaterThan(10);
  });

  it('glyphs past numberOfHMetrics take the last record’s advance', () => {
    // Three longHorMetric records, then two bare left side bearings.
    const table = Buffer.alloc(4 * 3 + 2 * 2);
    [500, 600, 1000].forEach((adv, i) => table.writeUInt16BE(adv, 4 * i));
    const h = { table, count: 3 };
    expect([0, 1, 2, 3, 4].map((id) => hmtxAdvance(h, id))).toEqual([500, 600, 1000, 1000, 1000]);
  });

  it('are not trusted from a font whose hhea or hmtx is missing or short', () => {
    const bytes = readFileSync(join(FIXTURES, 'serif-400.ttf'));
    const broken = Buffer.from(bytes);
    // Rename the hmtx table in the directory: no hmtx to read.
    const numTables = broken.readUInt16BE(4);
    for (let i = 0; i < numTables; i++) {
      const o = 12 + 16 * i;
      if (broken.toString('latin1', o, o + 4) === 'hmtx') broken.write('hmtX', o, 'latin1');
    }
    expect(readHmtxAdvances(broken)).toBeNull();
    expect(readHmtxAdvances(Buffer.from('not a font at all'))).toBeNull();
  });

  it('FontFace.advanceEm gives fontkit’s advance over units per em', async () => {
    const bytes = readFileSync(join(FIXTURES, 'serif-400.ttf'));
    const font = fontkit.create(bytes);
    const dir = tempProject({ 'serif.ttf': bytes });
    const t = template({ body: ['Noto Serif SC'] }, { fallback: ['Noto Serif SC'] });
    const { book } = await loadFontBook(t, { projectDir: dir, systemFonts: false, npmFonts: false, cacheDir: tempDir() });
    const face = book.chain('body', false)[0]!;
    for (const cp of sample(font, 1)) {
      expect([cp, face.advanceEm(cp)]).toEqual([cp, font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm]);
    }
  });
});
