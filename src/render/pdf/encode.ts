/**
 * Characters → glyph codes of an embedded font (ISO 32000-1 §9.7.4.2 Identity-H:
 * two bytes, the subset glyph id), registering each glyph with pdfkit's subset so
 * the font program, its /W widths and its /ToUnicode CMap (§9.10.3, copy and
 * text extraction) hold it.
 *
 * Han characters and full-width punctuation take the cmap glyph and the font's own
 * advance — what layout measured with `FontFace.advanceEm` — without running the
 * shaper. Latin and digits (code points below U+2000) are shaped with fontkit's
 * default features, as layout measured them with `FontFace.measureEm`, so kerning
 * and ligatures agree. A run of dashes is shaped too: fonts that join “——” into
 * one two-em glyph (Noto CJK's ligature, the ⸺ glyph; GB/T 15834-2011 sets the
 * 破折号 as one unbroken line two characters long) draw it centred in the space layout measured for the separate
 * dashes.
 *
 * A two-em unit (a run layout marks `twoEm`: ——, ……, ⋯⋯, ⸺) is encoded one cmap
 * glyph per character, each with its ink box, for the text object to fit to the
 * unit's cells (text-object.ts): the dashes become one rule at their stroke's height
 * and thickness, the ellipses' dots are put on one even pitch.
 */
import { shapedRun, twoEmKind, unitGlyph, type UnitGlyph } from '../../fonts/index.js';
import type { PdfEmbeddedFont } from './doc.js';
import type { GlyphInfo } from './fontkit.js';

export interface EncodedGlyph {
  /** Four hex digits: the glyph's id in the document's subset. */
  readonly code: string;
  /** The glyph's advance as the PDF font declares it (/W), 1/1000 em. */
  readonly widthK: number;
  /** Advance as layout measured it (the font's own, or shaped and kerned), 1/1000 em. */
  readonly advanceK: number;
  /** Characters the glyph stands for (more than one for a ligature); each takes the run's character spacing. */
  readonly nChars: number;
  /** Those characters, for /ActualText. */
  readonly text: string;
  /** The glyph is drawn this far right of its origin (a ligature centred in its characters' space), 1/1000 em. */
  readonly offsetK: number;
  /** A glyph of a two-em unit: what the text object fits to the unit's cells. */
  readonly unit?: UnitGlyph;
}

/** How a character's glyph is found: cmap alone, the shaper (Latin), or the shaper for dash ligatures. */
export type Shaping = 'cmap' | 'latin' | 'dash';

const DASHES = new Set([0x2014, 0x2015, 0x2e3a, 0x2e3b]);

export function shapingOf(codePoint: number): Shaping {
  if (DASHES.has(codePoint)) return 'dash';
  return codePoint < 0x2000 ? 'latin' : 'cmap';
}

/** Split text into maximal pieces of one shaping. */
export function shapingSegments(text: string): { readonly text: string; readonly shaping: Shaping }[] {
  const out: { text: string; shaping: Shaping }[] = [];
  for (const ch of text) {
    const shaping = shapingOf(ch.codePointAt(0)!);
    const last = out[out.length - 1];
    if (last && last.shaping === shaping) last.text += ch;
    else out.push({ text: ch, shaping });
  }
  return out;
}

function include(
  font: PdfEmbeddedFont,
  glyph: GlyphInfo,
  codePoints: readonly number[],
): { code: string; widthK: number } {
  const gid = font.subset.includeGlyph(glyph.id);
  let widthK = font.widths[gid];
  if (widthK === undefined) {
    widthK = glyph.advanceWidth * font.scale;
    font.widths[gid] = widthK;
  }
  if (font.unicode[gid] === undefined) font.unicode[gid] = codePoints;
  return { code: gid.toString(16).padStart(4, '0'), widthK };
}

/** The glyphs of `text` in `font`, each registered with the document's subset. */
export function encodeGlyphs(font: PdfEmbeddedFont, text: string): EncodedGlyph[] {
  const out: EncodedGlyph[] = [];
  for (const seg of shapingSegments(text)) {
    if (seg.shaping === 'cmap') {
      for (const ch of seg.text) out.push(cmapGlyph(font, ch));
      continue;
    }
    const run = shapedRun(font.font.shaper, seg.text);
    const chars = [...seg.text];
    if (seg.shaping === 'dash' && run.length === chars.length) {
      // No ligature: the dashes as layout measured them.
      for (const ch of chars) out.push(cmapGlyph(font, ch));
      continue;
    }
    for (const glyph of run) {
      const cps = glyph.codePoints;
      const { code, widthK } = include(font, glyph, cps);
      const shapedK = glyph.xAdvance * font.scale;
      const text = String.fromCodePoint(...cps);
      const nChars = Math.max(1, cps.length);
      if (seg.shaping === 'latin') {
        out.push({ code, widthK, advanceK: shapedK, nChars, text, offsetK: 0 });
        continue;
      }
      // A dash ligature takes the space of its dashes and sits in its middle.
      const spaceK = cps.reduce((sum, cp) => sum + font.font.glyph(cp).advanceWidth * font.scale, 0);
      out.push({ code, widthK, advanceK: spaceK, nChars, text, offsetK: (spaceK - shapedK) / 2 });
    }
  }
  return out;
}

/** The glyphs of a two-em unit, one per character, each with its ink (see `UnitGlyph`). */
export function encodeTwoEm(font: PdfEmbeddedFont, text: string): EncodedGlyph[] {
  const kind = twoEmKind(text);
  return [...text].map((ch) => ({
    ...cmapGlyph(font, ch),
    unit: unitGlyph(kind, font.font.inkBox(font.font.glyph(ch.codePointAt(0)!).id), font.scale),
  }));
}

function cmapGlyph(font: PdfEmbeddedFont, ch: string): EncodedGlyph {
  const cp = ch.codePointAt(0)!;
  const glyph = font.font.glyph(cp);
  const { code, widthK } = include(font, glyph, [cp]);
  return { code, widthK, advanceK: glyph.advanceWidth * font.scale, nChars: 1, text: ch, offsetK: 0 };
}
