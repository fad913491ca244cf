/**
 * Characters → glyph codes against a real face (Noto Serif SC from the npm
 * defaults): Han and full-width marks by cmap with the font's advances, Latin and
 * digits shaped on their own as layout measures them, “——” as the font's two-em
 * ligature centred in the dashes' space; every glyph registered for the subset,
 * /W and /ToUnicode.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PdfEmbeddedFont } from '../../src/render/pdf/doc.js';
import { encodeGlyphs, shapingSegments } from '../../src/render/pdf/encode.js';
import { memoiseGlyphDecode } from '../../src/render/pdf/fontkit.js';
import { PdfFontSource, pdfFontSource } from '../../src/render/pdf/pdf-font.js';
import { TrueTypeSubset } from '../../src/fonts/ttf-subset.js';
import type { FontFace } from '../../src/fonts/types.js';
import { ROOT } from './helpers/pipeline.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof import('fontkit');
const SERIF = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const font = fontkit.openSync(SERIF);
const face = { file: SERIF, postscriptName: 'NotoSerifSC-Regular' } as FontFace;

/** pdfkit's EmbeddedFont as far as encodeGlyphs touches it, with fontkit's subset numbering (0 = .notdef). */
function embedded(): PdfEmbeddedFont & { readonly glyphIds: number[] } {
  const glyphIds = [0];
  const mapping = new Map<number, number>([[0, 0]]);
  return {
    id: 'F1',
    font: pdfFontSource(face),
    glyphIds,
    subset: {
      includeGlyph(id: number): number {
        let gid = mapping.get(id);
        if (gid === undefined) {
          gid = glyphIds.push(id) - 1;
          mapping.set(id, gid);
        }
        return gid;
      },
    },
    widths: [],
    unicode: [],
    scale: 1000 / font.unitsPerEm,
    ref: () => ({ data: {}, end() {} }),
  };
}

describe('shapingSegments', () => {
  it('splits Latin and digits from Han and full-width marks, dashes apart', () => {
    expect(shapingSegments('增长4.6%，GDP——中')).toEqual([
      { text: '增长', shaping: 'cmap' },
      { text: '4.6%', shaping: 'latin' },
      { text: '，', shaping: 'cmap' },
      { text: 'GDP', shaping: 'latin' },
      { text: '——', shaping: 'dash' },
      { text: '中', shaping: 'cmap' },
    ]);
  });
});

describe('encodeGlyphs', () => {
  it('takes Han characters and marks from the cmap with the font’s own advances, registered for /W and /ToUnicode', () => {
    const f = embedded();
    const text = '发展，“三大”';
    const gs = encodeGlyphs(f, text);
    expect(gs.map((g) => g.text).join('')).toBe(text);
    [...text].forEach((ch, i) => {
      const cmap = font.glyphForCodePoint(ch.codePointAt(0)!);
      const gid = parseInt(gs[i]!.code, 16);
      expect(f.glyphIds[gid]).toBe(cmap.id);
      expect(gs[i]!.advanceK).toBeCloseTo(cmap.advanceWidth * f.scale, 9);
      expect(gs[i]!.widthK).toBe(f.widths[gid]);
      expect(f.unicode[gid]).toEqual([ch.codePointAt(0)]);
    });
    // the same characters again reuse the subset's glyphs
    expect(encodeGlyphs(f, '发展').map((g) => g.code)).toEqual(gs.slice(0, 2).map((g) => g.code));
  });

  it('shapes Latin words on their own, as layout measures them (kerning included)', () => {
    const f = embedded();
    const gs = encodeGlyphs(f, '增长4.6%，GDP');
    const digits = gs.slice(2, 6);
    const alone = font.layout('4.6%');
    expect(digits.map((g) => f.glyphIds[parseInt(g.code, 16)])).toEqual(alone.glyphs.map((g) => g.id));
    const sum = (xs: readonly { advanceK: number }[]) => xs.reduce((s, g) => s + g.advanceK, 0);
    expect(sum(digits)).toBeCloseTo((alone.positions.reduce((s, p) => s + p.xAdvance, 0) * 1000) / font.unitsPerEm, 6);
    const gdp = gs.slice(7);
    const shaped = font.layout('GDP');
    expect(sum(gdp)).toBeCloseTo((shaped.positions.reduce((s, p) => s + p.xAdvance, 0) * 1000) / font.unitsPerEm, 6);
    // kerning: D's advance before P is not its /W width
    expect(gdp[1]!.advanceK).not.toBeCloseTo(gdp[1]!.widthK, 3);
  });

  it('draws “——” as the font’s two-em ligature, centred in the space of the two dashes', () => {
    const f = embedded();
    const [lig, ...rest] = encodeGlyphs(f, '——');
    expect(rest).toEqual([]);
    const dashK = (font.glyphForCodePoint(0x2014).advanceWidth * 1000) / font.unitsPerEm;
    expect(lig!.nChars).toBe(2);
    expect(lig!.text).toBe('——');
    expect(lig!.advanceK).toBeCloseTo(2 * dashK, 9);
    expect(lig!.widthK).toBeLessThan(2 * dashK);
    expect(lig!.offsetK).toBeCloseTo((2 * dashK - lig!.widthK) / 2, 9);
    expect(f.unicode[parseInt(lig!.code, 16)]).toEqual([0x2014, 0x2014]);
  });
});

describe('memoiseGlyphDecode', () => {
  it('parses a glyph outline once and hands the same record to later documents', () => {
    const f = fontkit.openSync(SERIF);
    const id = f.glyphForCodePoint(0x4e2d).id;
    const glyph = f.getGlyph(id) as unknown as { _decode(): { numberOfContours: number } };
    const fresh = glyph._decode();
    expect(glyph._decode()).not.toBe(fresh);
    memoiseGlyphDecode(f, id);
    const first = glyph._decode();
    expect(first).toEqual(fresh);
    expect(glyph._decode()).toBe(first);
    memoiseGlyphDecode(f, id);
    expect(glyph._decode()).toBe(first);
  });
});

describe('PdfFontSource', () => {
  it('gives pdfkit what fontkit would — names, metrics, bbox, descriptor flags, glyph 0 — from the tables, and the table subsetter', () => {
    const src = new PdfFontSource(face);
    const fk = fontkit.openSync(SERIF);
    expect(src.fromTables).toBe(true);
    expect(src.postscriptName).toBe(fk.postscriptName);
    for (const k of ['unitsPerEm', 'ascent', 'descent', 'lineGap', 'xHeight', 'capHeight', 'italicAngle'] as const) {
      expect(src[k], k).toBe(fk[k]);
    }
    const bbox = fk.bbox;
    expect(src.bbox).toEqual({ minX: bbox.minX, minY: bbox.minY, maxX: bbox.maxX, maxY: bbox.maxY });
    expect(src['OS/2']!.sFamilyClass).toBe(fk['OS/2']!.sFamilyClass);
    expect(src.post.isFixedPitch).toBe(fk.post.isFixedPitch);
    expect(src.head.macStyle.italic).toBe(fk.head.macStyle.italic);
    expect((src.getGlyph(0) as { advanceWidth: number }).advanceWidth).toBe(fk.getGlyph(0)!.advanceWidth);
    expect(src.createSubset()).toBeInstanceOf(TrueTypeSubset);
    for (const ch of '中。A')
      expect(src.glyph(ch.codePointAt(0)!)).toEqual({
        id: fk.glyphForCodePoint(ch.codePointAt(0)!).id,
        advanceWidth: fk.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth,
      });
  });

  it('answers from fontkit alone for a font whose tables are not read (here: no post table)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'huibian-pdf-font-'));
    const file = path.join(dir, 'nopost.ttf');
    const bytes = readFileSync(path.join(ROOT, 'tests/fixtures/fonts/serif-400.ttf'));
    for (let i = 0; i < bytes.readUInt16BE(4); i++) {
      const o = 12 + 16 * i;
      if (bytes.toString('latin1', o, o + 4) === 'post') bytes.write('zzzz', o, 'latin1');
    }
    writeFileSync(file, bytes);
    const src = new PdfFontSource({ file, postscriptName: 'ignored' } as FontFace);
    const fk = fontkit.openSync(file);
    expect(src.fromTables).toBe(false);
    expect([src.postscriptName, src.ascent, src.capHeight]).toEqual([fk.postscriptName, fk.ascent, fk.capHeight]);
    expect(src.glyph(0x4e2d).id).toBe(fk.glyphForCodePoint(0x4e2d).id);
    // fontkit's subsetter: each included glyph's outline is parsed once for all documents, same bytes.
    const subset = src.createSubset();
    expect(subset).not.toBeInstanceOf(TrueTypeSubset);
    const id = src.glyph(0x4e2d).id;
    subset.includeGlyph(id);
    const glyph = src.shaper.getGlyph(id) as unknown as { _decode(): unknown };
    expect(glyph._decode()).toBe(glyph._decode());
    const plain = (
      fk as unknown as { createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array } }
    ).createSubset();
    plain.includeGlyph(id);
    expect(Buffer.from(subset.encode()).equals(Buffer.from(plain.encode()))).toBe(true);
  });
});
