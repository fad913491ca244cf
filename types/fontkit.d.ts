/**
 * fontkit 2 ships no types: the slice of its API huibian uses (src/fonts reads
 * fonts and shapes runs with it, render/pdf hands its fonts to pdfkit, tests
 * compare against it), declared once for src/ and tests/.
 */
declare module 'fontkit' {
  /** A glyph's bounding box, font units. */
  export interface BBox {
    readonly minX: number;
    readonly minY: number;
    readonly maxX: number;
    readonly maxY: number;
  }

  export interface Glyph {
    readonly id: number;
    /** Font units. */
    readonly advanceWidth: number;
    /** The characters the glyph stands for (more than one for a ligature). */
    readonly codePoints: readonly number[];
    /** The outline's ink box (an empty glyph has infinite or zero extents). */
    readonly bbox: BBox;
    readonly path: { toSVG(): string };
  }

  export interface GlyphPosition {
    /** Font units, kerning included. */
    readonly xAdvance: number;
    readonly yAdvance: number;
    readonly xOffset: number;
    readonly yOffset: number;
  }

  /** A shaped run: OpenType GSUB/GPOS with the default features (kerning, ligatures). */
  export interface GlyphRun {
    readonly glyphs: readonly Glyph[];
    readonly positions: readonly GlyphPosition[];
    /** Font units: the xAdvances summed. */
    readonly advanceWidth: number;
  }

  /** fontkit's own subsetter (TTFSubset for TrueType outlines). */
  export interface Subset {
    /** The glyph's id in the subset. */
    includeGlyph(glyphId: number): number;
    encode(): Uint8Array;
  }

  export interface Font {
    readonly postscriptName: string;
    readonly familyName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly lineGap: number;
    readonly xHeight: number | undefined;
    readonly capHeight: number | undefined;
    readonly italicAngle: number;
    readonly bbox: BBox;
    readonly numGlyphs: number;
    readonly characterSet: number[];
    readonly 'OS/2': { readonly sFamilyClass: number } | undefined;
    readonly post: { readonly isFixedPitch: number };
    readonly head: { readonly macStyle: { readonly italic: boolean }; readonly checkSumAdjustment: number };
    /** TrueType glyph offsets, short offsets doubled. */
    readonly loca: { readonly version: number; readonly offsets: ArrayLike<number> };
    /** Decoded tables by tag, filled as they are first read. */
    readonly _tables: Record<string, unknown>;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** fontkit keeps one glyph object per id per font; null past the last glyph. */
    getGlyph(glyphId: number): Glyph | null;
    layout(text: string): GlyphRun;
    createSubset(): Subset;
  }

  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
  export function openSync(filename: string, postscriptName?: string): Font;
}
