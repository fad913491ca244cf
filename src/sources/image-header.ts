/**
 * Pixel size of a PNG or JPEG, read from the file header (PNG: the IHDR chunk,
 * ISO/IEC 15948 §11.2.2; JPEG: the first SOFn frame header, ITU-T T.81 §B.2.2).
 * Nothing else is decoded: layout only needs the aspect ratio and size.
 *
 * `imageDamage` walks the rest of the file, so a damaged or truncated image is a
 * positioned source error at `check` time instead of a crash in the PDF painter
 * (pdfkit throws “Incomplete or corrupt PNG file”) or a PDF that readers report as
 * broken: PNG chunks with their CRC-32 (ISO/IEC 15948 §5.3), IHDR first (readPng's
 * condition), IDAT, IEND last, then the image data inflated (./png-data.ts); JPEG
 * marker segments (ITU-T T.81 §B.1), each scan's entropy-coded data walked to the
 * marker that ends it, up to the end-of-image marker.
 */
import { crc32 } from 'node:zlib';
import { imageDataDamage, layoutDamage, type PngLayout } from './png-data.js';

export interface ImageHeader {
  readonly format: 'png' | 'jpeg';
  readonly widthPx: number;
  readonly heightPx: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readPng(b: Uint8Array): ImageHeader | null {
  if (b.length < 24 || !PNG_SIGNATURE.every((x, i) => b[i] === x)) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (String.fromCharCode(b[12], b[13], b[14], b[15]) !== 'IHDR') return null;
  const widthPx = dv.getUint32(16);
  const heightPx = dv.getUint32(20);
  return widthPx > 0 && heightPx > 0 ? { format: 'png', widthPx, heightPx } : null;
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** A JPEG marker with a segment at byte `at` (its length field `len`), or `marker: null` where a marker was due and none stands. */
interface JpegSegment {
  readonly at: number;
  readonly marker: number | null;
  readonly len: number;
}

/**
 * The marker segments from byte `from` (after SOI), in order (ITU-T T.81 §B.1.1): fill
 * bytes and the markers without a length (SOI, TEM, RST0–7) are stepped over; EOI is
 * yielded with `len` 0 and ends the walk, as does the end of the bytes or a
 * `marker: null`. A segment whose length field is cut off has `len` 0. The caller stops
 * at SOS, EOI or a length below 2.
 */
function* jpegSegments(b: Uint8Array, from = 2): Generator<JpegSegment> {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = from;
  while (i + 2 <= b.length) {
    if (b[i] !== 0xff) {
      yield { at: i, marker: null, len: 0 };
      return;
    }
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) {
      yield { at: i, marker, len: 0 };
      return;
    }
    const len = i + 4 <= b.length ? dv.getUint16(i + 2) : 0;
    yield { at: i, marker, len };
    i += 2 + len;
  }
}

function readJpeg(b: Uint8Array): ImageHeader | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (const { at, marker, len } of jpegSegments(b)) {
    if (marker === null) return null;
    if (isSof(marker)) {
      if (at + 9 > b.length) return null;
      const heightPx = dv.getUint16(at + 5);
      const widthPx = dv.getUint16(at + 7);
      return widthPx > 0 && heightPx > 0 ? { format: 'jpeg', widthPx, heightPx } : null;
    }
    if (marker === 0xd9 || marker === 0xda || len < 2) return null;
  }
  return null;
}

/** The image's format and size, or null when the bytes are not a PNG or JPEG with a readable header. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  return readPng(bytes) ?? readJpeg(bytes);
}

/** What is wrong with a PNG: its chunk structure, then its header fields and image data. */
function pngDamage(b: Uint8Array): string | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const idat: Uint8Array[] = [];
  let palette = false;
  let i = 8;
  while (i + 12 <= b.length) {
    const len = dv.getUint32(i);
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    if (!/^[A-Za-z]{4}$/.test(type)) return `it is damaged (unreadable chunk at byte ${i})`;
    if (i + 12 + len > b.length) return `it is truncated (chunk ${type} runs past the end of the file)`;
    const stored = dv.getUint32(i + 8 + len);
    if (crc32(b.subarray(i + 4, i + 8 + len)) !== stored) return `it is damaged (chunk ${type} fails its checksum)`;
    if (type === 'IDAT') idat.push(b.subarray(i + 8, i + 8 + len));
    if (type === 'PLTE') palette = true;
    if (type === 'IEND') {
      if (idat.length === 0) return 'it has no image data (no IDAT chunk)';
      const layout = pngLayout(dv);
      return layoutDamage(layout, palette) ?? imageDataDamage(layout, idat);
    }
    i += 12 + len;
  }
  return 'it is truncated (no IEND chunk at the end)';
}

/** The IHDR fields (readPng has checked that IHDR comes first). */
function pngLayout(dv: DataView): PngLayout {
  return {
    widthPx: dv.getUint32(16),
    heightPx: dv.getUint32(20),
    bitDepth: dv.getUint8(24),
    colourType: dv.getUint8(25),
    compression: dv.getUint8(26),
    filter: dv.getUint8(27),
    interlace: dv.getUint8(28),
  };
}

/**
 * Where a scan's entropy-coded data starting at `from` ends: the offset of the first
 * marker that is not a stuffed zero (FF 00), a restart marker (FF D0–D7) or a fill
 * byte; -1 when the bytes end first.
 */
function scanEnd(b: Uint8Array, from: number): number {
  for (let j = b.indexOf(0xff, from); j >= 0 && j + 1 < b.length; j = b.indexOf(0xff, j + 1)) {
    const m = b[j + 1]!;
    if (m !== 0x00 && m !== 0xff && !(m >= 0xd0 && m <= 0xd7)) return j;
  }
  return -1;
}

/** What is wrong with a JPEG's marker segments and scans, or null (readJpeg has found a frame header before any scan). */
function jpegDamage(b: Uint8Array): string | null {
  let scans = 0;
  for (let from = 2; ;) {
    let next = -1;
    for (const { at, marker, len } of jpegSegments(b, from)) {
      if (marker === null) return `it is damaged (no marker at byte ${at})`;
      if (marker === 0xd9) return scans > 0 ? null : 'it is damaged (it ends before any image data)';
      if (len < 2 || at + 2 + len > b.length) return 'it is truncated (a header segment runs past the end of the file)';
      if (marker === 0xda) {
        next = scanEnd(b, at + 2 + len);
        if (next < 0) return 'it is truncated (no end-of-image marker)';
        scans++;
        break;
      }
    }
    if (next < 0) return scans > 0 ? 'it is truncated (no end-of-image marker)' : 'it is truncated (no image data)';
    from = next;
  }
}

/** A description of the damage in an image whose header `readImageHeader` read, or null when it looks whole. */
export function imageDamage(bytes: Uint8Array, header: ImageHeader): string | null {
  return header.format === 'png' ? pngDamage(bytes) : jpegDamage(bytes);
}

/**
 * Largest image accepted, in pixels (50 megapixels, e.g. 8,660 × 5,774). The PDF
 * painter decodes PNGs with transparency into memory (4 bytes a pixel), so a file
 * declaring 20,000 × 20,000 px would need gigabytes; print needs far less.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;
