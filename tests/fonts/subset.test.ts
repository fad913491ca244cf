import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/book.js';
import { subsetFont } from '../../src/fonts/subset.js';
import { withNames } from './helpers/font-edit.js';
import { serif400, template, tempDir, tempProject } from './helpers/fixtures.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof import('fontkit');

describe('subsetFont', () => {
  it('keeps exactly the glyphs asked for (plus .notdef), and the family name; memoised per face and set', async () => {
    const dir = tempProject({
      'fs.ttf': withNames(serif400(), { en: 'FangSong', zh: '仿宋', postscript: 'FangSong' }),
    });
    const { book } = await loadFontBook(template({}, { fallback: ['仿宋'] }), {
      projectDir: dir,
      systemFonts: false,
      npmFonts: false,
      cacheDir: tempDir(),
    });
    const face = book.chain('body', false)[0];
    const cps = [...'汇编'].map((c) => c.codePointAt(0)!);
    const out = await subsetFont(face, cps);
    const f = fontkit.create(out);
    expect(f.hasGlyphForCodePoint(cps[0])).toBe(true);
    expect(f.hasGlyphForCodePoint(cps[1])).toBe(true);
    expect(f.hasGlyphForCodePoint('中'.codePointAt(0)!)).toBe(false);
    expect(f.numGlyphs).toBe(3);
    expect(f.familyName).toBe('FangSong');
    // Same set in another order (and with repeats) gives the same buffer object.
    expect(await subsetFont(face, [cps[1], cps[0], cps[1]])).toBe(out);
    expect(await subsetFont(face, [cps[0]])).not.toBe(out);
  });
});
