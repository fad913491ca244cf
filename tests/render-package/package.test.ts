/**
 * What the writers share (src/render/package): the deterministic zip writer (order
 * kept, one fixed time in every entry whatever the clock, DOS-time clamping, stored
 * versus deflated entries, the format fflate's zipSync wrote byte for byte, CRCs, packed
 * entries reused across packages) and the escaping XML element writer.
 */
import { crc32 } from 'node:zlib';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { el, serialize, serializeDocument, zipDeterministic, zipTime } from '../../src/render/package/index.js';

/** Each local file header of a zip: its name, compression method and DOS time/date words. */
function localHeaders(zip: Buffer): { name: string; method: number; time: number; date: number }[] {
  const out = [];
  for (let o = 0; o + 30 <= zip.length && zip.readUInt32LE(o) === 0x04034b50;) {
    const compressed = zip.readUInt32LE(o + 18);
    const nameLen = zip.readUInt16LE(o + 26);
    const extraLen = zip.readUInt16LE(o + 28);
    out.push({
      name: zip.toString('utf8', o + 30, o + 30 + nameLen),
      method: zip.readUInt16LE(o + 8),
      time: zip.readUInt16LE(o + 10),
      date: zip.readUInt16LE(o + 12),
    });
    o += 30 + nameLen + extraLen + compressed;
  }
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

describe('zipDeterministic', () => {
  const entries = [
    { path: 'z-first.xml', data: text('<a/>'.repeat(50)) },
    { path: 'a-second.bin', data: new Uint8Array([1, 2, 3, 4]), store: true },
  ];

  it('keeps the order given, stores or deflates as asked, and round-trips the data', () => {
    const zip = zipDeterministic(entries, new Date(Date.UTC(2023, 9, 24)));
    const headers = localHeaders(zip);
    expect(headers.map((h) => [h.name, h.method])).toEqual([
      ['z-first.xml', 8],
      ['a-second.bin', 0],
    ]);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(['z-first.xml', 'a-second.bin']);
    expect(Buffer.from(back['z-first.xml']!).equals(Buffer.from(entries[0]!.data))).toBe(true);
    expect([...back['a-second.bin']!]).toEqual([1, 2, 3, 4]);
  });

  it('gives the same bytes for the same date, and every entry that date, whatever the clock', async () => {
    const date = new Date(Date.UTC(2023, 9, 24, 8, 30, 10));
    const a = zipDeterministic(entries, date);
    await new Promise((r) => setTimeout(r, 1100));
    const b = zipDeterministic(entries, date);
    expect(a.equals(b)).toBe(true);
    const stamps = localHeaders(a).map((h) => [h.time, h.date]);
    expect(new Set(stamps.map((s) => s.join()))).toHaveLength(1);
    expect(zipDeterministic(entries, new Date(Date.UTC(2024, 0, 1))).equals(a)).toBe(false);
  });

  it('clamps dates DOS time cannot hold to 1980 and 2107', () => {
    expect(zipTime(new Date(0)).getTime()).toBe(Date.UTC(1980, 0, 2));
    expect(zipTime(new Date(Date.UTC(2200, 0, 1))).getTime()).toBe(Date.UTC(2107, 11, 31));
    expect(zipTime(new Date(Date.UTC(2023, 9, 24))).getTime()).toBe(Date.UTC(2023, 9, 24));
    expect(
      zipDeterministic(entries, new Date(0)).equals(zipDeterministic(entries, new Date(Date.UTC(1970, 5, 1)))),
    ).toBe(true);
  });
});

describe('zipDeterministic: format and reuse', () => {
  const date = new Date(Date.UTC(2023, 9, 24, 8, 30, 10));
  const parts = [
    { path: '[Content_Types].xml', data: '<Types>' + '<Default Extension="xml"/>'.repeat(40) + '</Types>' },
    { path: 'word/名字.xml', data: text('<w:t>汇编</w:t>'.repeat(30)) },
    { path: 'word/fonts/font1.odttf', data: new Uint8Array(3000).map((_, i) => (i * 7) % 251), store: true },
  ];

  it("writes what fflate's zipSync wrote for the same parts (headers, UTF-8 flag, deflate level 1, central directory)", () => {
    // fflate stamps local time: shift the date so its local fields are the UTC ones this writer uses.
    const local = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
    const zippable: Zippable = {};
    for (const p of parts) {
      const data = typeof p.data === 'string' ? text(p.data) : p.data;
      zippable[p.path] = [data, { mtime: local, level: p.store ? 0 : 1 }];
    }
    const ours = zipDeterministic(parts, date);
    expect(ours.equals(Buffer.from(zipSync(zippable, { mtime: local })))).toBe(true);
    expect(ours.readUInt16LE(6)).toBe(0); // ASCII name: no UTF-8 flag
  });

  it('records each entry’s CRC-32 and sizes, and round-trips strings as UTF-8', () => {
    const zip = zipDeterministic(parts, date);
    const back = unzipSync(zip);
    expect(Buffer.from(back['word/名字.xml']!).equals(Buffer.from(parts[1]!.data as Uint8Array))).toBe(true);
    expect(Buffer.from(back['[Content_Types].xml']!).toString('utf8')).toBe(parts[0]!.data);
    const first = localHeaders(zip)[0]!;
    expect(first.name).toBe('[Content_Types].xml');
    expect(zip.readUInt32LE(14)).toBe(crc32(parts[0]!.data as string));
    expect(zip.readUInt32LE(22)).toBe(Buffer.byteLength(parts[0]!.data as string));
  });

  it('gives the same bytes when entries are marked reuse, the first time and when reused', () => {
    const plain = zipDeterministic(parts, date);
    const reused = parts.map((p) => ({ ...p, reuse: true }));
    const first = zipDeterministic(reused, date);
    const again = zipDeterministic(
      reused.map((p) => (typeof p.data === 'string' ? { ...p, data: p.data.slice(0) } : p)),
      date,
    );
    expect(first.equals(plain)).toBe(true);
    expect(again.equals(plain)).toBe(true);
    // Content-keyed: another text under the same path is packed anew, not mistaken for the memoised one.
    const changed = zipDeterministic([{ ...reused[0]!, data: '<Types/>' }, ...reused.slice(1)], date);
    expect(Buffer.from(unzipSync(changed)['[Content_Types].xml']!).toString('utf8')).toBe('<Types/>');
    // A reused byte array asked for stored and then deflated is packed both ways.
    const bytes = new Uint8Array(500).fill(65);
    const stored = zipDeterministic([{ path: 'a', data: bytes, store: true, reuse: true }], date);
    const deflated = zipDeterministic([{ path: 'a', data: bytes, reuse: true }], date);
    expect(localHeaders(stored)[0]!.method).toBe(0);
    expect(localHeaders(deflated)[0]!.method).toBe(8);
    expect(unzipSync(deflated).a).toEqual(bytes);
  });
});

describe('XML writer', () => {
  it('escapes text and attribute values, keeps attribute order, self-closes empty elements', () => {
    const node = el('w:t', { b: 'x"y', a: 1 }, [{ text: 'a<b & c>' }, el('w:br')]);
    expect(serialize(node)).toBe('<w:t b="x&quot;y" a="1">a&lt;b &amp; c&gt;<w:br/></w:t>');
    expect(serializeDocument(el('r'))).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<r/>');
  });
});
