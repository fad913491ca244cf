/**
 * Glyph subsets of a TrueType font for a PDF font program (ISO 32000-1 §9.9:
 * FontFile2 of a CIDFontType2 with CIDToGIDMap /Identity), read straight from
 * the font's tables (OpenType spec: `loca`, `glyf` simple and composite glyph
 * headers, `hmtx`, `head`, `hhea`, `maxp`, `cvt `, `prep`, `fpgm`).
 *
 * It writes the bytes fontkit's TTFSubset writes (same glyph numbering — .notdef
 * first, then glyphs in the order they are included, then composite components
 * as the encoder meets them — same tables, order and fields; tests compare the
 * two byte for byte), without decoding every glyph's outline through fontkit's
 * structure readers only to learn whether it is a composite, which made
 * subsetting the largest part of a PDF build. Fonts not read here (CFF outlines,
 * variable fonts, short tables) get `null` and the caller keeps fontkit's subset.
 */
import { bufferSource, readSfntDirectory } from './sfnt.js';

/** What pdfkit asks of a font's subset: glyph ids in, the font program out. */
export interface GlyphSubset {
  /** The glyph's id in the subset (assigned on first use). */
  includeGlyph(glyphId: number): number;
  /** The subset font program (an SFNT with the tables a PDF TrueType font program needs). */
  encode(): Buffer;
}

interface Span {
  readonly offset: number;
  readonly length: number;
}

/** Where the tables a subset copies stand in the font, checked once per font. */
export interface TrueTypeTables {
  readonly sfnt: Buffer;
  readonly head: Span;
  readonly hhea: Span;
  readonly maxp: Span;
  readonly loca: Span;
  readonly glyf: Span;
  readonly hmtx: Span;
  readonly cvt: Span | null;
  readonly prep: Span | null;
  readonly fpgm: Span | null;
  /** head.indexToLocFormat: 0 short offsets (÷2), 1 long. */
  readonly locaFormat: 0 | 1;
  readonly numGlyphs: number;
  readonly numberOfHMetrics: number;
}

/** The tables of a single-face TrueType (glyf) font, or null when it is not one this module subsets. */
export function trueTypeTables(sfnt: Buffer): TrueTypeTables | null {
  try {
    const dir = readSfntDirectory(bufferSource(sfnt), 0);
    const span = (tag: string): Span | null => {
      const t = dir.tables.get(tag);
      return t && t.offset + t.length <= sfnt.length ? { offset: t.offset, length: t.length } : null;
    };
    const [head, hhea, maxp, loca, glyf, hmtx] = ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx'].map(span);
    if (!head || !hhea || !maxp || !loca || !glyf || !hmtx) return null;
    // Variable fonts: fontkit re-encodes each outline at the instance; not done here.
    if (dir.tables.has('fvar') || dir.tables.has('gvar')) return null;
    if (head.length < 54 || hhea.length < 36 || maxp.length < 32) return null;
    const locaFormat = sfnt.readInt16BE(head.offset + 50);
    if (locaFormat !== 0 && locaFormat !== 1) return null;
    const numGlyphs = sfnt.readUInt16BE(maxp.offset + 4);
    const numberOfHMetrics = sfnt.readUInt16BE(hhea.offset + 34);
    if (loca.length < (numGlyphs + 1) * (locaFormat === 0 ? 2 : 4)) return null;
    if (numberOfHMetrics === 0 || hmtx.length < 4 * numberOfHMetrics) return null;
    return {
      sfnt,
      head,
      hhea,
      maxp,
      loca,
      glyf,
      hmtx,
      cvt: span('cvt '),
      prep: span('prep'),
      fpgm: span('fpgm'),
      locaFormat,
      numGlyphs,
      numberOfHMetrics,
    };
  } catch {
    return null;
  }
}

/** Glyph `i`'s offset into `glyf` (i ≤ numGlyphs; short offsets doubled). */
function locaOffset(t: TrueTypeTables, i: number): number {
  return t.locaFormat === 0
    ? 2 * t.sfnt.readUInt16BE(t.loca.offset + 2 * i)
    : t.sfnt.readUInt32BE(t.loca.offset + 4 * i);
}

/** Every glyph's offset into `glyf` (numGlyphs + 1 of them; short offsets already doubled), as fontkit's `loca` holds them. */
export function locaOffsets(t: TrueTypeTables): number[] {
  const out = new Array<number>(t.numGlyphs + 1);
  for (let i = 0; i <= t.numGlyphs; i++) out[i] = locaOffset(t, i);
  return out;
}

/** Composite glyph flags (OpenType `glyf`). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

export class TrueTypeSubset implements GlyphSubset {
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly font: TrueTypeTables) {
    this.includeGlyph(0);
  }

  includeGlyph(glyphId: number): number {
    let id = this.mapping.get(glyphId);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(glyphId);
      this.mapping.set(glyphId, id);
    }
    return id;
  }

  /** Byte range of a glyph's outline in the font (loca). */
  private outline(gid: number): Span {
    const { glyf, numGlyphs } = this.font;
    if (gid >= numGlyphs) return { offset: glyf.offset, length: 0 };
    const start = locaOffset(this.font, gid);
    const end = locaOffset(this.font, gid + 1);
    return { offset: glyf.offset + start, length: Math.max(0, Math.min(end, glyf.length) - start) };
  }

  /** Advance and left side bearing (hmtx; glyphs past numberOfHMetrics repeat the last advance). */
  private metrics(gid: number): { advance: number; bearing: number } {
    const { sfnt, hmtx, numberOfHMetrics: n } = this.font;
    if (gid < n)
      return {
        advance: sfnt.readUInt16BE(hmtx.offset + 4 * gid),
        bearing: sfnt.readInt16BE(hmtx.offset + 4 * gid + 2),
      };
    const at = hmtx.offset + 4 * n + 2 * (gid - n);
    return {
      advance: sfnt.readUInt16BE(hmtx.offset + 4 * (n - 1)),
      bearing: at + 2 <= hmtx.offset + hmtx.length ? sfnt.readInt16BE(at) : 0,
    };
  }

  /** A glyph's outline with composite components renumbered into the subset (which may add them). */
  private glyphData(gid: number): Buffer {
    const span = this.outline(gid);
    const src = this.font.sfnt.subarray(span.offset, span.offset + span.length);
    if (src.length < 10 || src.readInt16BE(0) >= 0) return src;
    const out = Buffer.from(src);
    let at = 10;
    for (;;) {
      if (at + 4 > out.length) break;
      const flags = out.readUInt16BE(at);
      const component = out.readUInt16BE(at + 2);
      out.writeUInt16BE(this.includeGlyph(component), at + 2);
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) break;
    }
    return out;
  }

  encode(): Buffer {
    const { sfnt, locaFormat } = this.font;
    const glyf: Buffer[] = [];
    const offsets: number[] = [];
    const hmtx: { advance: number; bearing: number }[] = [];
    let offset = 0;
    // Components are appended to `glyphs` while it is walked.
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i]!;
      const data = this.glyphData(gid);
      glyf.push(data);
      offsets.push(offset);
      hmtx.push(this.metrics(gid));
      offset += data.length;
    }
    offsets.push(offset);
    const count = glyf.length;

    const copy = (s: Span): Buffer => Buffer.from(sfnt.subarray(s.offset, s.offset + s.length));
    const head = copy({ offset: this.font.head.offset, length: 54 });
    // The encoder writes macStyle's seven defined bits only and the font's own loca format.
    head.writeUInt16BE(head.readUInt16BE(44) & 0x7f, 44);
    head.writeInt16BE(locaFormat, 50);
    const hhea = copy({ offset: this.font.hhea.offset, length: 36 });
    // Four reserved int16 are written as zeros; then metricDataFormat and numberOfHMetrics.
    hhea.fill(0, 24, 32);
    hhea.writeUInt16BE(count, 34);
    const maxp = copy({ offset: this.font.maxp.offset, length: 32 });
    maxp.writeUInt16BE(count, 4);
    const loca = Buffer.alloc(offsets.length * (locaFormat === 0 ? 2 : 4));
    offsets.forEach((o, i) => (locaFormat === 0 ? loca.writeUInt16BE(o >>> 1, 2 * i) : loca.writeUInt32BE(o, 4 * i)));
    const hmtxBuf = Buffer.alloc(4 * count);
    hmtx.forEach((m, i) => {
      hmtxBuf.writeUInt16BE(m.advance, 4 * i);
      hmtxBuf.writeInt16BE(m.bearing, 4 * i + 2);
    });

    const tables: [string, Buffer][] = [
      ['head', head],
      ['hhea', hhea],
      ['loca', loca],
      ['maxp', maxp],
    ];
    if (this.font.cvt) tables.push(['cvt ', copy({ offset: this.font.cvt.offset, length: this.font.cvt.length & ~1 })]);
    if (this.font.prep) tables.push(['prep', copy(this.font.prep)]);
    tables.push(['glyf', Buffer.concat(glyf)]);
    tables.push(['hmtx', hmtxBuf]);
    if (this.font.fpgm) tables.push(['fpgm', copy(this.font.fpgm)]);
    return sfntFile(tables);
  }
}

/**
 * An SFNT as fontkit's directory encoder lays it out: sfntVersion 'true', table
 * records in the order given with zero checksums, table data one after another
 * in the same order.
 */
function sfntFile(tables: readonly [string, Buffer][]): Buffer {
  const n = tables.length;
  const maxPowerOf2 = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.write('true', 0, 'latin1');
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(maxPowerOf2 * 16, 6);
  header.writeUInt16BE(Math.log2(maxPowerOf2), 8);
  header.writeUInt16BE(n * 16 - maxPowerOf2 * 16, 10);
  let offset = header.length;
  tables.forEach(([tag, data], i) => {
    const at = 12 + 16 * i;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(0, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...tables.map(([, d]) => d)]);
}
