/**
 * Test helpers that rewrite small TTFs: the `name` table (family names in
 * English and Chinese, as licensed Chinese fonts carry them), OS/2 fsType and
 * weight, extra tables (an `fvar` to fake a variable font), TTC collections and
 * WOFF 1.0 wrapping. Built on src/fonts/sfnt.ts's table reader and writer.
 */
import { deflateSync } from 'node:zlib';
import { buildSfnt, bufferSource, readSfntDirectory, readTable, type SfntTable } from '../../../src/fonts/sfnt.js';

export function tablesOf(ttf: Buffer): { flavor: number; tables: SfntTable[] } {
  const src = bufferSource(ttf);
  const dir = readSfntDirectory(src, 0);
  return {
    flavor: dir.flavor,
    tables: [...dir.tables.values()].map((e) => ({ tag: e.tag, data: Buffer.from(readTable(src, e)) })),
  };
}

function replaceTable(ttf: Buffer, tag: string, data: Buffer): Buffer {
  const { flavor, tables } = tablesOf(ttf);
  return buildSfnt(flavor, [...tables.filter((t) => t.tag !== tag), { tag, data }]);
}

export interface RawName {
  platformID: number;
  encodingID: number;
  languageID: number;
  nameID: number;
  bytes: Buffer;
}

/** Windows (platform 3, Unicode BMP) record. */
export const win = (languageID: number, nameID: number, value: string): RawName => ({
  platformID: 3,
  encodingID: 1,
  languageID,
  nameID,
  bytes: Buffer.from(value, 'utf16le').swap16(),
});

/** A `name` table (format 0) from raw records. */
export function nameTable(records: RawName[]): Buffer {
  const sorted = [...records].sort(
    (a, b) =>
      a.platformID - b.platformID || a.encodingID - b.encodingID || a.languageID - b.languageID || a.nameID - b.nameID,
  );
  const head = Buffer.alloc(6 + 12 * sorted.length);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(sorted.length, 2);
  head.writeUInt16BE(head.length, 4);
  let off = 0;
  sorted.forEach((r, i) => {
    const o = 6 + 12 * i;
    head.writeUInt16BE(r.platformID, o);
    head.writeUInt16BE(r.encodingID, o + 2);
    head.writeUInt16BE(r.languageID, o + 4);
    head.writeUInt16BE(r.nameID, o + 6);
    head.writeUInt16BE(r.bytes.length, o + 8);
    head.writeUInt16BE(off, o + 10);
    off += r.bytes.length;
  });
  return Buffer.concat([head, ...sorted.map((r) => r.bytes)]);
}

export interface NameSpec {
  /** English family (en-US, name ID 1). */
  en: string;
  /** Chinese family (zh-CN, name ID 1), if any. */
  zh?: string;
  postscript: string;
  subfamily?: string;
  extra?: RawName[];
}

const EN = 0x0409;
const ZH_CN = 0x0804;

/** The font with its names replaced: family in English (and Chinese), full name, PostScript name. */
export function withNames(ttf: Buffer, spec: NameSpec): Buffer {
  const sub = spec.subfamily ?? 'Regular';
  const recs: RawName[] = [
    win(EN, 1, spec.en),
    win(EN, 2, sub),
    win(EN, 4, `${spec.en} ${sub}`),
    win(EN, 6, spec.postscript),
    ...(spec.zh ? [win(ZH_CN, 1, spec.zh), win(ZH_CN, 2, sub), win(ZH_CN, 4, spec.zh)] : []),
    ...(spec.extra ?? []),
  ];
  return replaceTable(ttf, 'name', nameTable(recs));
}

/** The font with OS/2 fsType and/or usWeightClass patched. */
export function withOs2(ttf: Buffer, patch: { fsType?: number; weight?: number }): Buffer {
  const { tables } = tablesOf(ttf);
  const os2 = Buffer.from(tables.find((t) => t.tag === 'OS/2')!.data);
  if (patch.weight !== undefined) os2.writeUInt16BE(patch.weight, 4);
  if (patch.fsType !== undefined) os2.writeUInt16BE(patch.fsType, 8);
  return replaceTable(ttf, 'OS/2', os2);
}

/** The font with one more table (e.g. a dummy `fvar`). */
export function withTable(ttf: Buffer, tag: string, data: Buffer): Buffer {
  return replaceTable(ttf, tag, data);
}

/** A TrueType collection (TTC 1.0) of the given fonts, tables not shared. */
export function makeCollection(fonts: Buffer[]): Buffer {
  const header = Buffer.alloc(12 + 4 * fonts.length);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(fonts.length, 8);
  const parts: Buffer[] = [header];
  let pos = header.length;
  fonts.forEach((f, i) => {
    const { flavor, tables } = tablesOf(f);
    const n = tables.length;
    const dirLen = 12 + 16 * n;
    const dir = Buffer.alloc(dirLen);
    header.writeUInt32BE(pos, 12 + 4 * i);
    dir.writeUInt32BE(flavor, 0);
    dir.writeUInt16BE(n, 4);
    let dataPos = pos + dirLen;
    const datas: Buffer[] = [];
    tables.forEach((t, j) => {
      const r = 12 + 16 * j;
      dir.write(t.tag, r, 'latin1');
      dir.writeUInt32BE(dataPos, r + 8);
      dir.writeUInt32BE(t.data.length, r + 12);
      const padded = Buffer.concat([t.data, Buffer.alloc((4 - (t.data.length % 4)) % 4)]);
      datas.push(padded);
      dataPos += padded.length;
    });
    parts.push(dir, ...datas);
    pos = dataPos;
  });
  return Buffer.concat(parts);
}

/** A WOFF 1.0 wrapping of an SFNT (tables deflated when that makes them smaller). */
export function toWoff(ttf: Buffer): Buffer {
  const { flavor, tables } = tablesOf(ttf);
  const n = tables.length;
  const header = Buffer.alloc(44 + 20 * n);
  header.write('wOFF', 0, 'latin1');
  header.writeUInt32BE(flavor, 4);
  header.writeUInt16BE(n, 12);
  let pos = header.length;
  const datas: Buffer[] = [];
  tables.forEach((t, i) => {
    const z = deflateSync(t.data);
    const stored = z.length < t.data.length ? z : t.data;
    const r = 44 + 20 * i;
    header.write(t.tag, r, 'latin1');
    header.writeUInt32BE(pos, r + 4);
    header.writeUInt32BE(stored.length, r + 8);
    header.writeUInt32BE(t.data.length, r + 12);
    const padded = Buffer.concat([stored, Buffer.alloc((4 - (stored.length % 4)) % 4)]);
    datas.push(padded);
    pos += padded.length;
  });
  header.writeUInt32BE(pos, 8);
  header.writeUInt32BE(ttf.length, 16);
  return Buffer.concat([header, ...datas]);
}
