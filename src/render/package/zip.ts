/**
 * A deterministic zip writer (APPNOTE.TXT 6.3: local headers, central directory, end
 * record; no data descriptors, no extra fields, no zip64): entries in the order given,
 * every entry stamped with one fixed time, so identical parts give byte-identical files.
 * For any writer whose output is a zip package (DOCX today; an OFD writer would use it
 * too). What goes first, and which entries are stored rather than deflated, is the
 * caller's format's business.
 *
 * Packages of one build share most of their parts (a handout's styles, settings, font
 * table and embedded font subsets are every other handout's): an entry marked `reuse`
 * is encoded, checksummed and deflated once per process and its compressed bytes are
 * reused (packMemo below). CRC-32 is zlib's (`zlib.crc32`, Node ≥ 20.15); deflate is
 * fflate's raw deflate at level 1, the same bytes its `zipSync` wrote before this writer.
 */
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive. */
  readonly path: string;
  /** The entry's bytes; a string is written as UTF-8. */
  readonly data: Uint8Array | string;
  /** Stored as is (data that is already compressed or does not deflate well); otherwise deflated at level 1. */
  readonly store?: boolean;
  /**
   * The same content recurs in other packages of this process: its packed form is kept
   * and reused, keyed by content (a string by its text, bytes by the array object, so a
   * producer that memoises its bytes gets one deflate per build).
   */
  readonly reuse?: boolean;
}

/** One entry's payload as the archive holds it. */
interface Packed {
  readonly crc: number;
  readonly size: number;
  /** Stored bytes or raw deflate stream. */
  readonly body: Uint8Array;
  readonly method: 0 | 8;
}

/** Zip entry time: `d` clamped to what DOS time can hold (1980–2107). */
export function zipTime(d: Date): Date {
  const min = Date.UTC(1980, 0, 2);
  const max = Date.UTC(2107, 11, 31);
  return new Date(Math.min(max, Math.max(min, d.getTime())));
}

/** MS-DOS date (high 16 bits) and time (low 16 bits), from the UTC fields, so the bytes do not depend on the time zone. */
function dosDateTime(d: Date): number {
  return (
    (((d.getUTCFullYear() - 1980) << 25) |
      ((d.getUTCMonth() + 1) << 21) |
      (d.getUTCDate() << 16) |
      (d.getUTCHours() << 11) |
      (d.getUTCMinutes() << 5) |
      (d.getUTCSeconds() >> 1)) >>>
    0
  );
}

function pack(data: Uint8Array | string, store: boolean): Packed {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const crc = crc32(bytes);
  if (store) return { crc, size: bytes.length, body: bytes, method: 0 };
  return { crc, size: bytes.length, body: deflateSync(bytes, { level: 1 }), method: 8 };
}

/**
 * Packed `reuse` entries, by content: strings by text, bytes by object (weakly held).
 * Strings are bounded (the oldest half is dropped past the limit), so a long-running
 * process that sees many different parts does not grow without end.
 */
const packMemo = {
  /** By store flag, then text. */
  strings: [new Map<string, Packed>(), new Map<string, Packed>()] as const,
  bytes: new WeakMap<Uint8Array, Packed>(),
  stringLimit: 256,
};

function packedFor(e: ZipEntry): Packed {
  const store = e.store === true;
  if (!e.reuse) return pack(e.data, store);
  if (typeof e.data !== 'string') {
    let p = packMemo.bytes.get(e.data);
    if (!p || (p.method === 0) !== store) {
      p = pack(e.data, store);
      packMemo.bytes.set(e.data, p);
    }
    return p;
  }
  const memo = packMemo.strings[store ? 1 : 0];
  let p = memo.get(e.data);
  if (!p) {
    p = pack(e.data, store);
    if (memo.size >= packMemo.stringLimit) {
      let drop = memo.size >> 1;
      for (const k of memo.keys()) {
        if (drop-- <= 0) break;
        memo.delete(k);
      }
    }
    memo.set(e.data, p);
  }
  return p;
}

/** Bit 11 of the general purpose flags: the name is UTF-8 (set only when it is not ASCII). */
const UTF8_NAME = 0x0800;

/** The fields a local header and its central directory record share, from the flags to the name length (22 bytes). */
function writeEntryFields(
  out: Buffer,
  at: number,
  r: { readonly name: Uint8Array; readonly flags: number; readonly packed: Packed },
  dos: number,
): void {
  out.writeUInt16LE(r.flags, at);
  out.writeUInt16LE(r.packed.method, at + 2);
  out.writeUInt32LE(dos, at + 4);
  out.writeUInt32LE(r.packed.crc, at + 8);
  out.writeUInt32LE(r.packed.body.length, at + 12);
  out.writeUInt32LE(r.packed.size, at + 16);
  out.writeUInt16LE(r.name.length, at + 20);
}

/** The entries zipped in order, all stamped `date` (clamped to DOS time). */
export function zipDeterministic(entries: readonly ZipEntry[], date: Date): Buffer {
  if (entries.length > 0xffff) throw new Error('render/package: more zip entries than a zip without zip64 holds');
  const dos = dosDateTime(zipTime(date));
  const rows = entries.map((e) => {
    const name = Buffer.from(e.path, 'utf8');
    if (name.length > 0xffff) throw new Error(`render/package: zip entry name too long: ${e.path}`);
    return { name, flags: name.length !== e.path.length ? UTF8_NAME : 0, packed: packedFor(e), offset: 0 };
  });
  let localBytes = 0;
  let centralBytes = 0;
  for (const r of rows) {
    r.offset = localBytes;
    localBytes += 30 + r.name.length + r.packed.body.length;
    centralBytes += 46 + r.name.length;
  }
  const out = Buffer.alloc(localBytes + centralBytes + 22);
  let at = 0;
  for (const r of rows) {
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4); // version needed: 2.0 (deflate)
    writeEntryFields(out, at + 6, r, dos);
    // extra field length: 0 (Buffer.alloc)
    out.set(r.name, at + 30);
    out.set(r.packed.body, at + 30 + r.name.length);
    at += 30 + r.name.length + r.packed.body.length;
  }
  for (const r of rows) {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(20, at + 4); // made by: 2.0, MS-DOS attributes
    out.writeUInt16LE(20, at + 6);
    writeEntryFields(out, at + 8, r, dos);
    // extra length, comment length, disk, internal and external attributes: 0 (Buffer.alloc)
    out.writeUInt32LE(r.offset, at + 42);
    out.set(r.name, at + 46);
    at += 46 + r.name.length;
  }
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(rows.length, at + 8);
  out.writeUInt16LE(rows.length, at + 10);
  out.writeUInt32LE(centralBytes, at + 12);
  out.writeUInt32LE(localBytes, at + 16);
  return out;
}
