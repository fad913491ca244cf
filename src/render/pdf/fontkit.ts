/**
 * fontkit as the painter uses it (shaped runs come from src/fonts' `shapedRun`, the
 * memo layout's measuring filled), and the outline-decode memo for fonts that
 * pdfkit subsets with fontkit's own subsetter. fontkit 2 ships no types: the slice
 * used is declared once in types/fontkit.d.ts.
 */

import type { Font as FkFont } from 'fontkit';

export type { FkFont };

/** A glyph as the painter uses it: its id in the font and its advance. */
export interface GlyphInfo {
  readonly id: number;
  /** Font units. */
  readonly advanceWidth: number;
}

/** A fontkit TrueType glyph as its subsetter uses it: `_decode()` parses the outline to find composite components. */
interface FkDecodable {
  _decode(): unknown;
}

const decodeMemoised = new WeakSet<object>();

/**
 * Parse a glyph's outline once per process, for a face subset by fontkit itself
 * (one whose tables src/fonts does not read, such as a variable TrueType font;
 * the others use src/fonts' TrueTypeSubset): fontkit's TTFSubset calls
 * `_decode()` on every glyph of every document only to learn
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
