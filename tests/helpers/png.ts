/**
 * PNG files made to order for image tests: any colour type, bit depth and interlace
 * (ISO/IEC 15948), with well-formed chunks (CRC-32 right) whatever their contents,
 * so a test can damage exactly one layer — the zlib stream, a scanline, the header.
 */
import { crc32, deflateSync } from 'node:zlib';
import { ADAM7, COLOUR_TYPES } from '../../src/sources/png-data.js';

export interface PngSpec {
  readonly widthPx: number;
  readonly heightPx: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA (default 2). */
  readonly colourType?: number;
  readonly bitDepth?: number;
  /** 1: Adam7. */
  readonly interlace?: number;
  /** Replaces the deflated scanlines (the IDAT data) — to damage it. */
  readonly idat?: (deflated: Buffer, raw: Buffer) => Buffer;
  /** Split the IDAT data into chunks of this many bytes. */
  readonly idatChunkBytes?: number;
  /** Leave out the PLTE chunk of a palette image. */
  readonly noPalette?: boolean;
}

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** The raw (filtered, filter type 0) scanlines of every pass, pixel bytes varying. */
export function rawScanlines(s: PngSpec): Buffer {
  const type = s.colourType ?? 2;
  const depth = s.bitDepth ?? 8;
  const passes = s.interlace === 1 ? ADAM7 : [[0, 0, 1, 1] as const];
  const rows: Buffer[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const w = s.widthPx > x0 ? Math.ceil((s.widthPx - x0) / dx) : 0;
    const h = s.heightPx > y0 ? Math.ceil((s.heightPx - y0) / dy) : 0;
    if (w === 0 || h === 0) continue;
    const bytes = Math.ceil((w * (COLOUR_TYPES[type]?.samples ?? 1) * depth) / 8);
    for (let y = 0; y < h; y++) {
      const row = Buffer.alloc(1 + bytes);
      // Palette indices stay below the palette's 4 entries; other samples vary.
      const index = (i: number) => (depth === 8 ? (i + y) % 4 : depth === 4 ? 0x12 : depth === 2 ? 0x1b : 0xa5);
      for (let i = 1; i <= bytes; i++) row[i] = type === 3 ? index(i) : (i * 37 + y * 11) & 0xff;
      rows.push(row);
    }
  }
  return Buffer.concat(rows);
}

export function encodePng(s: PngSpec): Buffer {
  const type = s.colourType ?? 2;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s.widthPx, 0);
  ihdr.writeUInt32BE(s.heightPx, 4);
  ihdr[8] = s.bitDepth ?? 8;
  ihdr[9] = type;
  ihdr[12] = s.interlace ?? 0;
  const raw = rawScanlines(s);
  const deflated = deflateSync(raw);
  const data = s.idat ? s.idat(deflated, raw) : deflated;
  const step = s.idatChunkBytes ?? Math.max(1, data.length);
  const idats: Buffer[] = [];
  for (let i = 0; i < data.length || i === 0; i += step) idats.push(pngChunk('IDAT', data.subarray(i, i + step)));
  const palette = Buffer.from([0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...(type === 3 && !s.noPalette ? [pngChunk('PLTE', palette)] : []),
    ...idats,
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every colour type at every bit depth it allows, plain and interlaced. */
export const PNG_KINDS: readonly { readonly name: string; readonly spec: PngSpec }[] = [
  [0, [1, 2, 4, 8, 16]],
  [2, [8, 16]],
  [3, [1, 2, 4, 8]],
  [4, [8, 16]],
  [6, [8, 16]],
].flatMap(([type, depths]) =>
  (depths as number[]).flatMap((depth) =>
    [0, 1].map((interlace) => ({
      name: `colour type ${type as number}, ${depth}-bit${interlace ? ', interlaced' : ''}`,
      spec: { widthPx: 13, heightPx: 7, colourType: type as number, bitDepth: depth, interlace },
    })),
  ),
);
