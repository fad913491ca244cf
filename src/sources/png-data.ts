/**
 * A PNG's image data checked the way a PDF reader will meet it: the PDF painter
 * passes a plain PNG's IDAT bytes into the PDF undecoded (a FlateDecode stream with
 * the PNG predictors), so data that is not zlib, or is cut short, gives a PDF that
 * readers report as broken. Only inflating the data catches it.
 *
 * Checked (ISO/IEC 15948): the IHDR fields (bit depth allowed for the colour type,
 * §11.2.2; compression, filter and interlace methods), a PLTE chunk for a palette
 * image, then the concatenated IDAT data inflated as a stream — a valid zlib stream
 * (header, deflate blocks, Adler-32, RFC 1950) holding at least one scanline per
 * row of every pass (Adam7, §8.2) with a known filter type (0–4, §9.2) first in each.
 * The inflated bytes are counted and dropped: memory stays at the window's size.
 */
import { Unzlib } from 'fflate';

/** The IHDR fields that decide the image data's layout. */
export interface PngLayout {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly compression: number;
  readonly filter: number;
  readonly interlace: number;
}

/** Bit depths allowed for each colour type, and its samples a pixel. */
export const COLOUR_TYPES: Readonly<Record<number, { readonly depths: readonly number[]; readonly samples: number }>> =
  {
    0: { depths: [1, 2, 4, 8, 16], samples: 1 },
    2: { depths: [8, 16], samples: 3 },
    3: { depths: [1, 2, 4, 8], samples: 1 },
    4: { depths: [8, 16], samples: 2 },
    6: { depths: [8, 16], samples: 4 },
  };

/** Adam7 passes: x and y of the first pixel, then the steps. */
export const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** What is wrong with the IHDR fields, or null. */
export function layoutDamage(p: PngLayout, hasPalette: boolean): string | null {
  const type = COLOUR_TYPES[p.colourType];
  if (!type) return `it is damaged (unknown colour type ${p.colourType})`;
  if (!type.depths.includes(p.bitDepth)) {
    return `it is damaged (bit depth ${p.bitDepth} is not allowed with colour type ${p.colourType})`;
  }
  if (p.compression !== 0 || p.filter !== 0 || p.interlace > 1)
    return 'it is damaged (unknown compression, filter or interlace method)';
  if (p.colourType === 3 && !hasPalette) return 'it is damaged (a palette image without a PLTE chunk)';
  return null;
}

/** Scanline length in bytes (filter byte not counted) and row count of each pass that has pixels. */
export function scanlines(p: PngLayout): { readonly bytes: number; readonly rows: number }[] {
  const bitsPerPixel = COLOUR_TYPES[p.colourType]!.samples * p.bitDepth;
  const passes = p.interlace === 1 ? ADAM7 : [[0, 0, 1, 1] as const];
  const out: { bytes: number; rows: number }[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const w = p.widthPx > x0 ? Math.ceil((p.widthPx - x0) / dx) : 0;
    const h = p.heightPx > y0 ? Math.ceil((p.heightPx - y0) / dy) : 0;
    if (w > 0 && h > 0) out.push({ bytes: Math.ceil((w * bitsPerPixel) / 8), rows: h });
  }
  return out;
}

/** Adler-32 (RFC 1950 §9) carried over chunks. */
class Adler32 {
  private a = 1;
  private b = 0;
  update(data: Uint8Array): void {
    let { a, b } = this;
    for (let i = 0; i < data.length;) {
      // 5552 bytes is the most that cannot overflow before the modulo (zlib's NMAX).
      const end = Math.min(i + 5552, data.length);
      for (; i < end; i++) {
        a += data[i]!;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
    this.a = a;
    this.b = b;
  }
  get value(): number {
    return ((this.b << 16) | this.a) >>> 0;
  }
}

/** The last `n` bytes of the concatenation of `parts`. */
function tailBytes(parts: readonly Uint8Array[], n: number): number[] {
  const out: number[] = [];
  for (let k = parts.length - 1; k >= 0 && out.length < n; k--) {
    const d = parts[k]!;
    for (let i = d.length - 1; i >= 0 && out.length < n; i--) out.unshift(d[i]!);
  }
  return out;
}

/** What is wrong with the image data (the IDAT chunks' contents, in order), or null. */
export function imageDataDamage(p: PngLayout, idat: readonly Uint8Array[]): string | null {
  const lines = scanlines(p);
  let pass = 0;
  let row = 0;
  let inRow = 0; // bytes of the current scanline seen, filter byte included
  let bad: string | null = null;
  const adler = new Adler32();
  const sink = (chunk: Uint8Array): void => {
    adler.update(chunk);
    for (let i = 0; i < chunk.length && pass < lines.length && bad === null;) {
      const line = lines[pass]!;
      if (inRow === 0 && chunk[i]! > 4)
        bad = `it is damaged (scanline ${row + 1} has an unknown filter type ${chunk[i]})`;
      const take = Math.min(chunk.length - i, line.bytes + 1 - inRow);
      inRow += take;
      i += take;
      if (inRow === line.bytes + 1) {
        inRow = 0;
        if (++row === line.rows) {
          row = 0;
          pass++;
        }
      }
    }
  };
  const stream = new Unzlib((chunk) => sink(chunk));
  const total = idat.reduce((n, d) => n + d.length, 0);
  try {
    idat.forEach((d, k) => stream.push(d, k === idat.length - 1));
    if (idat.length === 0) stream.push(new Uint8Array(0), true);
  } catch (e) {
    return `it is damaged (its image data is not a valid zlib stream: ${(e as Error).message})`;
  }
  if (bad) return bad;
  if (pass < lines.length) return 'it is truncated (its image data ends before the last row)';
  // The stream's last four bytes are its Adler-32 (which fflate does not check).
  if (total < 4) return 'it is truncated (its image data ends before the last row)';
  const tail = tailBytes(idat, 4);
  const stored = ((tail[0]! << 24) | (tail[1]! << 16) | (tail[2]! << 8) | tail[3]!) >>> 0;
  if (stored !== adler.value) return 'it is damaged (its image data fails its checksum)';
  return null;
}
