/**
 * The `name` and `OS/2` tables (OpenType spec, “name — Naming Table” and
 * “OS/2 — OS/2 and Windows Metrics Table”), parsed in every language they carry.
 *
 * Chinese fonts name themselves twice or more: 仿宋_GB2312 (Windows, zh-CN) and
 * FangSong_GB2312 (en-US), sometimes in Mac GB2312 encoding, sometimes (old
 * Windows fonts) as GBK bytes under the PRC encoding. Templates may use any of
 * those names, so every record of name IDs 1 (family), 16 (typographic family),
 * 4 (full name) and 6 (PostScript name) is decoded.
 */

export interface NameRecord {
  readonly platformID: number;
  readonly encodingID: number;
  readonly languageID: number;
  readonly nameID: number;
  readonly value: string;
}

const MAC_ENCODINGS: Record<number, string> = {
  0: 'macintosh',
  1: 'shift_jis',
  2: 'big5',
  3: 'euc-kr',
  25: 'gbk',
};

const WIN_DBCS: Record<number, string> = { 2: 'shift_jis', 3: 'gbk', 4: 'big5', 5: 'euc-kr' };

function decode(bytes: Buffer, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes one record's bytes; null when the encoding is unknown or the bytes are invalid. */
export function decodeNameBytes(platformID: number, encodingID: number, bytes: Buffer): string | null {
  if (platformID === 0) return decode(bytes, 'utf-16be');
  if (platformID === 3) {
    const dbcs = WIN_DBCS[encodingID];
    if (dbcs) {
      // Old CJK fonts store DBCS bytes in 16-bit units: drop the zero high bytes.
      const packed = Buffer.from([...bytes].filter((b) => b !== 0));
      return decode(packed, dbcs);
    }
    return decode(bytes, 'utf-16be');
  }
  if (platformID === 1) {
    const enc = MAC_ENCODINGS[encodingID];
    return enc ? decode(bytes, enc) : null;
  }
  return null;
}

/** Every decodable record of a `name` table (format 0 or 1). */
export function parseNameTable(table: Buffer): NameRecord[] {
  const count = table.readUInt16BE(2);
  const storage = table.readUInt16BE(4);
  const out: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const o = 6 + 12 * i;
    if (o + 12 > table.length) break;
    const platformID = table.readUInt16BE(o);
    const encodingID = table.readUInt16BE(o + 2);
    const languageID = table.readUInt16BE(o + 4);
    const nameID = table.readUInt16BE(o + 6);
    const length = table.readUInt16BE(o + 8);
    const start = storage + table.readUInt16BE(o + 10);
    if (start + length > table.length) continue;
    const value = decodeNameBytes(platformID, encodingID, table.subarray(start, start + length));
    if (value === null) continue;
    const trimmed = value.replace(/\0+$/u, '').trim();
    if (trimmed !== '') out.push({ platformID, encodingID, languageID, nameID, value: trimmed });
  }
  return out;
}

/** Distinct values of the given name IDs, in record order. */
export function namesWithId(records: readonly NameRecord[], ...ids: number[]): string[] {
  const out: string[] = [];
  for (const r of records) if (ids.includes(r.nameID) && !out.includes(r.value)) out.push(r.value);
  return out;
}

/** The English (Windows en-US, else Mac Roman, else first) value of a name ID. */
export function englishName(records: readonly NameRecord[], id: number): string | null {
  const of = records.filter((r) => r.nameID === id);
  const en =
    of.find((r) => r.platformID === 3 && r.languageID === 0x0409) ??
    of.find((r) => r.platformID === 1 && r.languageID === 0) ??
    of.find((r) => /^[\x20-\x7e]+$/u.test(r.value)) ??
    of[0];
  return en ? en.value : null;
}

/** How a family name is compared: case-insensitive, spaces ignored (“Noto Serif SC” = “NotoSerifSC”). */
export function normaliseFamily(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export interface Os2Info {
  readonly weight: number;
  readonly fsType: number;
  readonly italic: boolean;
}

/** usWeightClass, fsType and the italic bit of fsSelection. */
export function parseOs2(table: Buffer): Os2Info {
  const weight = table.readUInt16BE(4);
  const fsType = table.readUInt16BE(8);
  const fsSelection = table.length >= 64 ? table.readUInt16BE(62) : 0;
  // Some old fonts use 1…9 instead of 100…900.
  return { weight: weight > 0 && weight < 10 ? weight * 100 : weight, fsType, italic: (fsSelection & 1) !== 0 };
}
