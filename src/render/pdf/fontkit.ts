/**
 * Parsed fonts for pdfkit, one fontkit object per font file per process.
 *
 * pdfkit would otherwise read and parse each 10–15 MB CJK TTF anew for every
 * document (the compilation and each handout), decoding its cmap, hmtx and loca
 * again each time. A fontkit font is read-only once parsed — pdfkit keeps the
 * glyph subset of each document in its own `createSubset()` object — so one
 * parse serves every PDF of a build, and the output does not depend on which
 * document came first. fontkit 2 ships no types: the slice used is declared here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontFace } from '../../fonts/types.js';

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
  glyphForCodePoint(codePoint: number): FkGlyph;
  /** Shaped run (OpenType GSUB/GPOS with the default features: kerning, ligatures). */
  layout(text: string): { readonly glyphs: readonly FkGlyph[]; readonly positions: readonly FkGlyphPosition[] };
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FkFont;
}

const require = createRequire(import.meta.url);
let fontkit: Fontkit | null = null;
const parsed = new Map<string, FkFont>();

/** The face's font, parsed on first use and shared afterwards. */
export function fontkitFont(face: FontFace): FkFont {
  const key = `${face.file}\0${face.collectionFace ?? ''}`;
  let font = parsed.get(key);
  if (!font) {
    fontkit ??= require('fontkit') as Fontkit;
    font = fontkit.create(readFileSync(face.file), face.collectionFace ?? undefined);
    parsed.set(key, font);
  }
  return font;
}
