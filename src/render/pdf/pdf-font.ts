/**
 * The font object pdfkit embeds for a face, one per font file per process.
 *
 * pdfkit takes any object shaped like a fontkit font (PDFFontFactory.open: an
 * object with `layout`); its EmbeddedFont reads the descriptor facts (names,
 * metrics, bbox, italic angle, fixed pitch, family class), glyph 0's advance and
 * a glyph subset from it, and compares two fonts of one PostScript name by their
 * `head` checksum and `name` records. For a TrueType face this object answers
 * from src/fonts' direct table reads — `program.ts` for the descriptor,
 * `metrics.ts` for cmap and hmtx, `ttf-subset.ts` for the font program — so no
 * build decodes fontkit's `post` table (glyph names of every glyph) or `loca`
 * for them; Latin runs are still shaped by fontkit (`shaper`). A face whose
 * tables are not read there (CFF outlines, variable fonts) gets the same object
 * over fontkit alone, as pdfkit would have used it.
 */
import {
  fontProgramInfoOf,
  inkBoxOf,
  parsedFontkitFont,
  sfntMetricsOf,
  TrueTypeSubset,
  trueTypeTablesOf,
  type FontFace,
  type FontProgramInfo,
  type InkBox,
  type SfntMetrics,
  type TrueTypeTables,
} from '../../fonts/index.js';
import { memoiseGlyphDecode, type FkFont, type GlyphInfo } from './fontkit.js';

interface Tables {
  readonly program: FontProgramInfo;
  readonly metrics: SfntMetrics;
  readonly trueType: TrueTypeTables;
}

export class PdfFontSource {
  /** fontkit's parse of the file: shaped runs (kerning, ligatures). */
  readonly shaper: FkFont;
  private readonly fk: FkFont;
  private readonly tables: Tables | null;
  private readonly file: string;
  private readonly glyphs = new Map<number, GlyphInfo>();
  private readonly inks = new Map<number, InkBox>();

  constructor(face: FontFace) {
    this.file = face.file;
    this.fk = parsedFontkitFont(face.file);
    this.shaper = this.fk;
    const program = fontProgramInfoOf(face.file);
    const metrics = sfntMetricsOf(face.file);
    const trueType = trueTypeTablesOf(face.file);
    this.tables = program && metrics && trueType ? { program, metrics, trueType } : null;
    this.postscriptName = this.tables ? face.postscriptName : this.fk.postscriptName;
  }

  /** Do the tables answer (true), or fontkit (false)? */
  get fromTables(): boolean {
    return this.tables !== null;
  }

  /** The cmap glyph of a code point and its advance (font units), memoised. */
  glyph(codePoint: number): GlyphInfo {
    let g = this.glyphs.get(codePoint);
    if (!g) {
      if (this.tables) {
        const id = this.tables.metrics.glyphId(codePoint);
        g = { id, advanceWidth: this.tables.metrics.advance(id) };
      } else {
        const glyph = this.fk.glyphForCodePoint(codePoint);
        g = { id: glyph.id, advanceWidth: glyph.advanceWidth };
      }
      this.glyphs.set(codePoint, g);
    }
    return g;
  }

  /** A glyph's ink box (font units, from its outline), memoised: two-em units are drawn to it. */
  inkBox(glyphId: number): InkBox {
    let b = this.inks.get(glyphId);
    if (!b) this.inks.set(glyphId, (b = inkBoxOf(this.fk, glyphId)));
    return b;
  }

  // ---- What pdfkit's EmbeddedFont reads (fontkit's names) ----

  readonly postscriptName: string;

  get unitsPerEm(): number {
    return this.tables ? this.tables.program.unitsPerEm : this.fk.unitsPerEm;
  }
  get ascent(): number {
    return this.tables ? this.tables.program.ascent : this.fk.ascent;
  }
  get descent(): number {
    return this.tables ? this.tables.program.descent : this.fk.descent;
  }
  get lineGap(): number {
    return this.tables ? this.tables.program.lineGap : this.fk.lineGap;
  }
  get xHeight(): number | undefined {
    return this.tables ? this.tables.program.xHeight : this.fk.xHeight;
  }
  get capHeight(): number | undefined {
    return this.tables ? this.tables.program.capHeight : this.fk.capHeight;
  }
  get italicAngle(): number {
    return this.tables ? this.tables.program.italicAngle : this.fk.italicAngle;
  }
  get bbox(): FontProgramInfo['bbox'] {
    return this.tables ? this.tables.program.bbox : this.fk.bbox;
  }
  get 'OS/2'(): { readonly sFamilyClass: number } | undefined {
    if (!this.tables) return this.fk['OS/2'];
    const c = this.tables.program.familyClass;
    return c === undefined ? undefined : { sFamilyClass: c };
  }
  get post(): { readonly isFixedPitch: number } {
    return this.tables ? { isFixedPitch: this.tables.program.isFixedPitch } : this.fk.post;
  }
  get head(): { readonly macStyle: { readonly italic: boolean } } {
    return this.tables ? { macStyle: { italic: this.tables.program.italic } } : this.fk.head;
  }
  /** pdfkit tells two fonts of one PostScript name apart by these (its `isEqualFont`). */
  get _tables(): unknown {
    if (!this.tables) return this.fk._tables;
    return { head: { checkSumAdjustment: this.tables.program.checkSumAdjustment }, name: { records: this.file } };
  }

  getGlyph(glyphId: number): { readonly advanceWidth: number } | object | null {
    return this.tables ? { advanceWidth: this.tables.metrics.advance(glyphId) } : this.fk.getGlyph(glyphId);
  }

  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array } {
    if (this.tables) return new TrueTypeSubset(this.tables.trueType);
    // fontkit's subsetter decodes each included glyph's outline: that decode is memoised on
    // the shared glyph (fontkit.ts), so later documents do not parse the outline again.
    const subset = this.fk.createSubset();
    const includeGlyph = subset.includeGlyph.bind(subset);
    subset.includeGlyph = (id: number): number => {
      memoiseGlyphDecode(this.fk, id);
      return includeGlyph(id);
    };
    return subset;
  }

  /** pdfkit's own text path (not used by the painter, which positions every glyph itself). */
  layout(text: string): ReturnType<FkFont['layout']> {
    return this.fk.layout(text);
  }
}

const sources = new WeakMap<object, PdfFontSource>();

/** The face's font for pdfkit, one per parsed font file (so documents share its glyph lookups). */
export function pdfFontSource(face: FontFace): PdfFontSource {
  const key = parsedFontkitFont(face.file) as object;
  let s = sources.get(key);
  if (!s) sources.set(key, (s = new PdfFontSource(face)));
  return s;
}
