/**
 * Parsed fonts for pdfkit, one fontkit object per font file per process.
 *
 * pdfkit would otherwise read and parse each 10–15 MB CJK TTF anew for every
 * document (the compilation and each handout), decoding its cmap, hmtx and loca
 * again each time. A fontkit font is read-only once parsed — pdfkit keeps the
 * glyph subset of each document in its own `createSubset()` object — so one
 * parse serves every PDF of a build, and the output does not depend on which
 * document came first. Glyph lookups and shaped runs are memoised per font too. fontkit 2 ships no types: the slice used is declared here.
 */
import type { FontFace } from '../../fonts/types.js';
import { parsedFontkitFont, sfntMetricsOf, type SfntMetrics } from '../../fonts/index.js';

export interface FkGlyph {
  readonly id: number;
  /** Font units. */
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

export interface FkGlyphPosition {
  /** Font units, kerning included. */
  readonly xAdvance: number;
  readonly yAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

export interface FkFont {
  readonly unitsPerEm: number;
  readonly postscriptName: string;
  /** fontkit keeps one glyph object per id per font. */
  getGlyph(glyphId: number): object | null;
  glyphForCodePoint(codePoint: number): FkGlyph;
  /** Shaped run (OpenType GSUB/GPOS with the default features: kerning, ligatures). */
  layout(text: string): { readonly glyphs: readonly FkGlyph[]; readonly positions: readonly FkGlyphPosition[] };
}

/**
 * The face's font, parsed once per process and shared with src/fonts (which measures
 * Latin runs with the same object): single-face files only (src/fonts converts
 * collection faces and web fonts to their own TTF first).
 */
export function fontkitFont(face: FontFace): FkFont {
  const font = parsedFontkitFont(face.file) as FkFont;
  if (!tablesOf.has(font)) tablesOf.set(font, sfntMetricsOf(face.file));
  return font;
}

/** The same file's cmap and hmtx read directly (src/fonts/metrics.ts), when it has a form read there. */
const tablesOf = new WeakMap<FkFont, SfntMetrics | null>();

/** What the painter needs of a glyph: its id in the font, its advance and the characters it stands for. */
export interface GlyphInfo {
  readonly id: number;
  /** Font units. */
  readonly advanceWidth: number;
}

export interface ShapedGlyph extends GlyphInfo {
  /** Font units, kerning included. */
  readonly xAdvance: number;
  readonly codePoints: readonly number[];
}

const cmapMemo = new WeakMap<FkFont, Map<number, GlyphInfo>>();
const shapeMemo = new WeakMap<FkFont, Map<string, readonly ShapedGlyph[]>>();

/**
 * The cmap glyph of a code point, memoised per font for the process: read from the
 * tables directly — the numbers fontkit gives, without its slow lazy decoding of
 * cmap, hmtx and each glyph's outline header — or from fontkit for a font whose
 * tables src/fonts does not read.
 */
export function cmapGlyph(font: FkFont, codePoint: number): GlyphInfo {
  let memo = cmapMemo.get(font);
  if (!memo) cmapMemo.set(font, (memo = new Map()));
  let g = memo.get(codePoint);
  if (!g) {
    const tables = tablesOf.get(font);
    if (tables) {
      const id = tables.glyphId(codePoint);
      g = { id, advanceWidth: tables.advance(id) };
    } else {
      const glyph = font.glyphForCodePoint(codePoint);
      g = { id: glyph.id, advanceWidth: glyph.advanceWidth };
    }
    memo.set(codePoint, g);
  }
  return g;
}

/** A shaped run, memoised per font and text (numbers and Latin words repeat). */
export function shapeText(font: FkFont, text: string): readonly ShapedGlyph[] {
  let memo = shapeMemo.get(font);
  if (!memo) shapeMemo.set(font, (memo = new Map()));
  let run = memo.get(text);
  if (!run) {
    const r = font.layout(text);
    run = r.glyphs.map((g, i) => ({
      id: g.id,
      advanceWidth: g.advanceWidth,
      xAdvance: r.positions[i]!.xAdvance,
      codePoints: [...g.codePoints],
    }));
    memo.set(text, run);
  }
  return run;
}

/** A fontkit TrueType glyph as its subsetter uses it: `_decode()` parses the outline to find composite components. */
interface FkDecodable {
  _decode(): unknown;
}

const decodeMemoised = new WeakSet<object>();

/**
 * Parse a glyph's outline once per process: pdfkit's subsetter (fontkit's
 * TTFSubset) calls `_decode()` on every glyph of every document only to learn
 * whether it is a composite, which made each handout re-parse the same few
 * hundred outlines. The parsed record is only read (numberOfContours,
 * components), so the glyph object — shared with every later document through
 * the shared font — keeps it.
 */
export function memoiseGlyphDecode(font: FkFont, glyphId: number): void {
  const glyph = font.getGlyph(glyphId) as (object & Partial<FkDecodable>) | null;
  if (!glyph || decodeMemoised.has(glyph) || typeof glyph._decode !== 'function') return;
  decodeMemoised.add(glyph);
  const decode = glyph._decode.bind(glyph);
  let done = false;
  let value: unknown;
  glyph._decode = () => {
    if (!done) {
      value = decode();
      done = true;
    }
    return value;
  };
}
