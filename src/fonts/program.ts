/**
 * What a PDF font descriptor says of a font (ISO 32000-1 §9.8: FontBBox,
 * ItalicAngle, Ascent, Descent, CapHeight, XHeight, Flags), read straight from
 * the tables (OpenType spec: `head`, `hhea`, `OS/2`, `post`) with the values
 * fontkit gives for them — its `OS/2` versions 0 and 1 have no xHeight or
 * capHeight, its italicAngle is the 16.16 fixed number — without decoding the
 * whole `post` table (a CJK font's glyph names for some 30,000 glyphs) to
 * learn two header fields.
 */
import { bufferSource, readSfntDirectory } from './sfnt.js';

export interface FontProgramInfo {
  readonly unitsPerEm: number;
  /** hhea ascender, descender (negative), lineGap; font units. */
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  /** head xMin, yMin, xMax, yMax; font units. */
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  /** head checkSumAdjustment (tells two copies of one font apart from two fonts). */
  readonly checkSumAdjustment: number;
  /** head macStyle bit 1. */
  readonly italic: boolean;
  /** post italicAngle, degrees. */
  readonly italicAngle: number;
  /** post isFixedPitch (non-zero: monospaced). */
  readonly isFixedPitch: number;
  /** OS/2 sFamilyClass, or undefined without an OS/2 table. */
  readonly familyClass: number | undefined;
  /** OS/2 sxHeight and sCapHeight (version 2 and later; undefined before), or 0 and the ascent without OS/2. */
  readonly xHeight: number | undefined;
  readonly capHeight: number | undefined;
}

/** The descriptor facts of a single-face SFNT, or null when a table is missing or short. */
export function readFontProgramInfo(sfnt: Buffer): FontProgramInfo | null {
  try {
    const dir = readSfntDirectory(bufferSource(sfnt), 0);
    const head = dir.tables.get('head');
    const hhea = dir.tables.get('hhea');
    const post = dir.tables.get('post');
    const os2Entry = dir.tables.get('OS/2');
    if (!head || !hhea || !post || head.length < 54 || hhea.length < 36 || post.length < 16) return null;
    if (os2Entry && os2Entry.length < 78) return null;
    const ascent = sfnt.readInt16BE(hhea.offset + 4);
    // fontkit reads OS/2 versions 0–5 and drops a table of a later version.
    const os2Version = os2Entry ? sfnt.readUInt16BE(os2Entry.offset) : -1;
    const os2 = os2Version <= 5 ? os2Entry : undefined;
    if (os2 && os2Version >= 2 && os2.length < 90) return null;
    return {
      unitsPerEm: sfnt.readUInt16BE(head.offset + 18),
      ascent,
      descent: sfnt.readInt16BE(hhea.offset + 6),
      lineGap: sfnt.readInt16BE(hhea.offset + 8),
      bbox: {
        minX: sfnt.readInt16BE(head.offset + 36),
        minY: sfnt.readInt16BE(head.offset + 38),
        maxX: sfnt.readInt16BE(head.offset + 40),
        maxY: sfnt.readInt16BE(head.offset + 42),
      },
      checkSumAdjustment: sfnt.readUInt32BE(head.offset + 8),
      italic: (sfnt.readUInt16BE(head.offset + 44) & 0x2) !== 0,
      italicAngle: sfnt.readInt32BE(post.offset + 4) / 65536,
      isFixedPitch: sfnt.readUInt32BE(post.offset + 12),
      familyClass: os2 ? sfnt.readInt16BE(os2.offset + 30) : undefined,
      xHeight: !os2 ? 0 : os2Version >= 2 ? sfnt.readInt16BE(os2.offset + 86) : undefined,
      capHeight: !os2 ? ascent : os2Version >= 2 ? sfnt.readInt16BE(os2.offset + 88) : undefined,
    };
  } catch {
    return null;
  }
}
