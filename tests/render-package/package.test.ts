/**
 * What the writers share (src/render/package): the deterministic zip writer (order
 * kept, one fixed time in every entry whatever the clock, DOS-time clamping, stored
 * versus deflated entries) and the escaping XML element writer.
 */
import { unzipSync } from 'fflate';
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

describe('XML writer', () => {
  it('escapes text and attribute values, keeps attribute order, self-closes empty elements', () => {
    const node = el('w:t', { b: 'x"y', a: 1 }, [{ text: 'a<b & c>' }, el('w:br')]);
    expect(serialize(node)).toBe('<w:t b="x&quot;y" a="1">a&lt;b &amp; c&gt;<w:br/></w:t>');
    expect(serializeDocument(el('r'))).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<r/>');
  });
});
