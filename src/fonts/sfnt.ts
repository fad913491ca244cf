/**
 * Low-level SFNT/WOFF container reading and writing (OpenType spec, “Organization
 * of an OpenType Font”: table directory, TTC header; W3C WOFF 1.0 §4–5).
 *
 * Discovery must not load 10–15 MB font files, so this module reads only the
 * table directory and the `name` and `OS/2` tables with positional reads.
 * It also rebuilds a plain SFNT from a WOFF 1.0 file (tables inflated with zlib)
 * and from one face of a TrueType collection, so that pdfkit and subset-font
 * (harfbuzz) always get a single-face TTF/OTF.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export type ContainerFormat = 'sfnt' | 'ttc' | 'woff' | 'woff2';

/** One table of one face, where its bytes stand in the file. */
export interface TableEntry {
  readonly tag: string;
  readonly offset: number;
  /** Stored length (compressed length for WOFF). */
  readonly storedLength: number;
  /** Length once decompressed. */
  readonly length: number;
  readonly checksum: number;
}

/** Table directory of one face in a file. */
export interface FaceDirectory {
  /** sfntVersion: 0x00010000 or 'OTTO' (CFF) as a number. */
  readonly flavor: number;
  readonly tables: ReadonlyMap<string, TableEntry>;
}

/** A random-access reader over a file (positional reads) or a buffer. */
export interface ByteSource {
  read(offset: number, length: number): Buffer;
  readonly size: number;
}

export function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    read: (offset, length) => {
      if (offset < 0 || offset + length > buf.length) throw new RangeError(`read past end (${offset}+${length})`);
      return buf.subarray(offset, offset + length);
    },
  };
}

/** Counts the bytes positional reads took from disk (discovery's cost). */
export interface ReadCounter {
  bytes: number;
}

/** Runs `fn` with a positional reader over `file`; only the bytes asked for are read. */
export function withFileSource<T>(file: string, size: number, fn: (src: ByteSource) => T, counter?: ReadCounter): T {
  const fd = openSync(file, 'r');
  try {
    return fn({
      size,
      read: (offset, length) => {
        if (offset < 0 || offset + length > size) throw new RangeError(`read past end (${offset}+${length})`);
        const b = Buffer.alloc(length);
        if (counter) counter.bytes += length;
        let done = 0;
        while (done < length) {
          const n = readSync(fd, b, done, length - done, offset + done);
          if (n === 0) throw new RangeError('unexpected end of file');
          done += n;
        }
        return b;
      },
    });
  } finally {
    closeSync(fd);
  }
}

const tagAt = (b: Buffer, o: number): string => b.toString('latin1', o, o + 4);

/** The container format from the first four bytes, or null if it is not a font. */
export function sniffFormat(head: Buffer): ContainerFormat | null {
  if (head.length < 4) return null;
  const tag = tagAt(head, 0);
  if (tag === 'ttcf') return 'ttc';
  if (tag === 'wOFF') return 'woff';
  if (tag === 'wOF2') return 'woff2';
  const v = head.readUInt32BE(0);
  if (v === 0x00010000 || tag === 'OTTO' || tag === 'true') return 'sfnt';
  return null;
}

/** Offsets of every face's table directory (one for a plain SFNT, n for a TTC). */
export function faceOffsets(src: ByteSource): number[] {
  const head = src.read(0, 12);
  if (tagAt(head, 0) !== 'ttcf') return [0];
  const n = head.readUInt32BE(8);
  if (n === 0 || n > 1000) throw new Error(`implausible collection with ${n} faces`);
  const offs = src.read(12, 4 * n);
  return Array.from({ length: n }, (_, i) => offs.readUInt32BE(4 * i));
}

/** Table directory of the SFNT face starting at `offset`. */
export function readSfntDirectory(src: ByteSource, offset: number): FaceDirectory {
  const head = src.read(offset, 12);
  const flavor = head.readUInt32BE(0);
  const numTables = head.readUInt16BE(4);
  const recs = src.read(offset + 12, 16 * numTables);
  const tables = new Map<string, TableEntry>();
  for (let i = 0; i < numTables; i++) {
    const o = 16 * i;
    const length = recs.readUInt32BE(o + 12);
    // Robustness (tests/robustness/fonts.test.ts): a truncated font passed discovery
    // (name/OS2 near the start) and crashed layout deep in fontkit ("Offset is outside
    // the bounds of the DataView"). A table running past the end of the file now
    // makes discovery skip the file with a warning.
    const tableOffset = recs.readUInt32BE(o + 8);
    if (src.size > 0 && tableOffset + length > src.size) {
      throw new Error(
        `truncated: table ${tagAt(recs, o)} ends at byte ${tableOffset + length} of a ${src.size}-byte file`,
      );
    }
    tables.set(tagAt(recs, o), {
      tag: tagAt(recs, o),
      checksum: recs.readUInt32BE(o + 4),
      offset: recs.readUInt32BE(o + 8),
      storedLength: length,
      length,
    });
  }
  return { flavor, tables };
}

/** Table directory of a WOFF 1.0 file (W3C WOFF §4–5). */
export function readWoffDirectory(src: ByteSource): FaceDirectory {
  const head = src.read(0, 44);
  const flavor = head.readUInt32BE(4);
  const numTables = head.readUInt16BE(12);
  const recs = src.read(44, 20 * numTables);
  const tables = new Map<string, TableEntry>();
  for (let i = 0; i < numTables; i++) {
    const o = 20 * i;
    // Robustness: as for SFNT above, a table past the end of the file is a truncated font.
    if (src.size > 0 && recs.readUInt32BE(o + 4) + recs.readUInt32BE(o + 8) > src.size) {
      throw new Error(`truncated: table ${tagAt(recs, o)} runs past the end of the ${src.size}-byte file`);
    }
    tables.set(tagAt(recs, o), {
      tag: tagAt(recs, o),
      offset: recs.readUInt32BE(o + 4),
      storedLength: recs.readUInt32BE(o + 8),
      length: recs.readUInt32BE(o + 12),
      checksum: recs.readUInt32BE(o + 16),
    });
  }
  return { flavor, tables };
}

/** The decompressed bytes of one table (WOFF tables are zlib streams when smaller than the original). */
export function readTable(src: ByteSource, entry: TableEntry): Buffer {
  const raw = src.read(entry.offset, entry.storedLength);
  if (entry.storedLength < entry.length) {
    const out = inflateSync(raw);
    if (out.length !== entry.length)
      throw new Error(`table ${entry.tag}: inflated to ${out.length}, expected ${entry.length}`);
    return out;
  }
  return raw;
}

export interface SfntTable {
  readonly tag: string;
  readonly data: Buffer;
  readonly checksum?: number;
}

function tableChecksum(data: Buffer): number {
  let sum = 0;
  const padded = data.length % 4 === 0 ? data : Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** Writes a single-face SFNT: table records sorted by tag, data 4-byte aligned. */
export function buildSfnt(flavor: number, tables: readonly SfntTable[]): Buffer {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const n = sorted.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  const headerLen = 12 + 16 * n;
  let total = headerLen;
  for (const t of sorted) total += (t.data.length + 3) & ~3;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor >>> 0, 0);
  out.writeUInt16BE(n, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(n * 16 - searchRange, 10);
  let pos = headerLen;
  sorted.forEach((t, i) => {
    const r = 12 + 16 * i;
    out.write(t.tag, r, 4, 'latin1');
    out.writeUInt32BE(t.checksum ?? tableChecksum(t.data), r + 4);
    out.writeUInt32BE(pos, r + 8);
    out.writeUInt32BE(t.data.length, r + 12);
    t.data.copy(out, pos);
    pos += (t.data.length + 3) & ~3;
  });
  return out;
}

/** A WOFF 1.0 file as a plain SFNT (every table inflated). */
export function woffToSfnt(woff: Buffer): Buffer {
  const src = bufferSource(woff);
  const dir = readWoffDirectory(src);
  const tables = [...dir.tables.values()].map((e) => ({ tag: e.tag, checksum: e.checksum, data: readTable(src, e) }));
  return buildSfnt(dir.flavor, tables);
}

/** Face `index` of a TrueType/OpenType collection as a standalone SFNT. */
export function extractCollectionFace(ttc: Buffer, index: number): Buffer {
  const src = bufferSource(ttc);
  const offsets = faceOffsets(src);
  if (index < 0 || index >= offsets.length) throw new RangeError(`collection has no face ${index}`);
  const dir = readSfntDirectory(src, offsets[index]);
  const tables = [...dir.tables.values()].map((e) => ({ tag: e.tag, checksum: e.checksum, data: readTable(src, e) }));
  return buildSfnt(dir.flavor, tables);
}
