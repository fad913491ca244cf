/**
 * Layout metrics read straight from a single-face SFNT's tables (OpenType spec:
 * `head` unitsPerEm, `hhea` ascender/descender/numberOfHMetrics, `hmtx` advances,
 * `cmap` subtables of format 4 and 12), giving exactly the numbers fontkit gives
 * — the same subtable preference (3,10 · 0,6 · 0,4 · 3,1 · 0,3 · 0,2 · 0,1 ·
 * 0,0), the same lookups — without decoding tables into objects: fontkit's cmap
 * lookups decode a group record per binary-search step, and its advanceWidth
 * decodes the glyph's outline header (loca, glyf) and vmtx first.
 *
 * Anything else (another cmap format, no Unicode subtable, short tables) makes
 * `readSfntMetrics` return null and the caller asks fontkit as before.
 */
import { bufferSource, readSfntDirectory } from './sfnt.js';

/** One cmap subtable that maps code points to glyph ids. */
interface CmapLookup {
  glyphId(codePoint: number): number;
}

/** Format 4 (segment mapping to delta values), as fontkit reads it. */
function format4(t: Buffer, at: number): CmapLookup | null {
  const length = t.readUInt16BE(at + 2);
  if (at + length > t.length || length < 14) return null;
  const segCount = t.readUInt16BE(at + 6) >> 1;
  const endAt = at + 14;
  const startAt = endAt + 2 * segCount + 2;
  const deltaAt = startAt + 2 * segCount;
  const rangeAt = deltaAt + 2 * segCount;
  const glyphsAt = rangeAt + 2 * segCount;
  if (glyphsAt > at + length) return null;
  const glyphCount = Math.floor((at + length - glyphsAt) / 2);
  return {
    glyphId(cp: number): number {
      let min = 0;
      let max = segCount - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        if (cp < t.readUInt16BE(startAt + 2 * mid)) max = mid - 1;
        else if (cp > t.readUInt16BE(endAt + 2 * mid)) min = mid + 1;
        else {
          const rangeOffset = t.readUInt16BE(rangeAt + 2 * mid);
          const delta = t.readInt16BE(deltaAt + 2 * mid);
          let gid: number;
          if (rangeOffset === 0) gid = cp + delta;
          else {
            const index = rangeOffset / 2 + (cp - t.readUInt16BE(startAt + 2 * mid)) - (segCount - mid);
            gid =
              index >= 0 && index < glyphCount && Number.isInteger(index) ? t.readUInt16BE(glyphsAt + 2 * index) : 0;
            if (gid !== 0) gid += delta;
          }
          return gid & 0xffff;
        }
      }
      return 0;
    },
  };
}

/** Format 12 (segmented coverage), as fontkit reads it. */
function format12(t: Buffer, at: number): CmapLookup | null {
  if (at + 16 > t.length) return null;
  const nGroups = t.readUInt32BE(at + 12);
  const groupsAt = at + 16;
  if (groupsAt + 12 * nGroups > t.length) return null;
  return {
    glyphId(cp: number): number {
      let min = 0;
      let max = nGroups - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        const g = groupsAt + 12 * mid;
        if (cp < t.readUInt32BE(g)) max = mid - 1;
        else if (cp > t.readUInt32BE(g + 4)) min = mid + 1;
        else return t.readUInt32BE(g + 8) + (cp - t.readUInt32BE(g));
      }
      return 0;
    },
  };
}

/** fontkit's order of preference among Unicode subtables (platform, encoding). */
const PREFERRED: readonly (readonly [number, number])[] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** The subtable fontkit would use, when it is of a format read here. */
function unicodeCmap(cmap: Buffer): CmapLookup | null {
  const numTables = cmap.readUInt16BE(2);
  if (4 + 8 * numTables > cmap.length) return null;
  const records = Array.from({ length: numTables }, (_, i) => ({
    platform: cmap.readUInt16BE(4 + 8 * i),
    encoding: cmap.readUInt16BE(6 + 8 * i),
    offset: cmap.readUInt32BE(8 + 8 * i),
  }));
  for (const [platform, encoding] of PREFERRED) {
    const r = records.find((x) => x.platform === platform && x.encoding === encoding);
    if (!r) continue;
    if (r.offset + 4 > cmap.length) return null;
    const format = cmap.readUInt16BE(r.offset);
    if (format === 4) return format4(cmap, r.offset);
    if (format === 12) return format12(cmap, r.offset);
    return null;
  }
  return null;
}

export interface SfntMetrics {
  readonly unitsPerEm: number;
  /** hhea ascender and descender, font units (descender negative). */
  readonly ascent: number;
  readonly descent: number;
  /** Glyph id of a code point (0: .notdef, no glyph). */
  glyphId(codePoint: number): number;
  /** Advance width of a glyph, font units. */
  advance(glyphId: number): number;
}

/** The metrics of a single-face SFNT, or null when a table is missing or of a form not read here. */
export function readSfntMetrics(sfnt: Buffer): SfntMetrics | null {
  try {
    const dir = readSfntDirectory(bufferSource(sfnt), 0);
    const head = dir.tables.get('head');
    const hhea = dir.tables.get('hhea');
    const hmtx = dir.tables.get('hmtx');
    const cmapEntry = dir.tables.get('cmap');
    if (!head || !hhea || !hmtx || !cmapEntry || head.length < 54 || hhea.length < 36) return null;
    const count = sfnt.readUInt16BE(hhea.offset + 34);
    if (count === 0 || 4 * count > hmtx.length) return null;
    const cmap = unicodeCmap(sfnt.subarray(cmapEntry.offset, cmapEntry.offset + cmapEntry.length));
    if (!cmap) return null;
    const table = sfnt.subarray(hmtx.offset, hmtx.offset + hmtx.length);
    return {
      unitsPerEm: sfnt.readUInt16BE(head.offset + 18),
      ascent: sfnt.readInt16BE(hhea.offset + 4),
      descent: sfnt.readInt16BE(hhea.offset + 6),
      glyphId: (cp) => cmap.glyphId(cp),
      // OpenType hmtx: numberOfHMetrics records of advance + lsb; later glyphs repeat the last advance.
      advance: (gid) => table.readUInt16BE(4 * (gid < count ? gid : count - 1)),
    };
  } catch {
    return null;
  }
}
