/**
 * Pixel size of a PNG or JPEG, read from the file header (PNG: the IHDR chunk,
 * ISO/IEC 15948 §11.2.2; JPEG: the first SOFn frame header, ITU-T T.81 §B.2.2).
 * Nothing else is decoded: layout only needs the aspect ratio and size.
 *
 * `imageDamage` walks the rest of the file without decoding pixels, so a damaged
 * or truncated image is a positioned source error at `check` time instead of a
 * crash in the PDF painter (pdfkit throws “Incomplete or corrupt PNG file”):
 * PNG chunks with their CRC-32 (ISO/IEC 15948 §5.3), IHDR first (readPng's
 * condition), IDAT, IEND last; JPEG segments up to the start of scan (SOS) and an
 * end-of-image marker.
 */
import { crc32 } from 'node:zlib';

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
 * The marker segments after SOI, in order (ITU-T T.81 §B.1.1): fill bytes and the markers
 * without a length (SOI, TEM, RST0–7) are stepped over; the walk ends at the end of the
 * bytes or after a `marker: null`. The caller stops at SOS, EOI or a length below 2.
 */
function* jpegSegments(b: Uint8Array): Generator<JpegSegment> {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 2;
  while (i + 4 <= b.length) {
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
    const len = dv.getUint16(i + 2);
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

/** What is wrong with a PNG's chunk structure, or null. */
function pngDamage(b: Uint8Array): string | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 8;
  let idat = false;
  while (i + 12 <= b.length) {
    const len = dv.getUint32(i);
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    if (!/^[A-Za-z]{4}$/.test(type)) return `it is damaged (unreadable chunk at byte ${i})`;
    if (i + 12 + len > b.length) return `it is truncated (chunk ${type} runs past the end of the file)`;
    const stored = dv.getUint32(i + 8 + len);
    if (crc32(b.subarray(i + 4, i + 8 + len)) !== stored) return `it is damaged (chunk ${type} fails its checksum)`;
    if (type === 'IDAT') idat = true;
    if (type === 'IEND') return idat ? null : 'it has no image data (no IDAT chunk)';
    i += 12 + len;
  }
  return 'it is truncated (no IEND chunk at the end)';
}

/** What is wrong with a JPEG's segment structure, or null. */
function jpegDamage(b: Uint8Array): string | null {
  for (const { at, marker, len } of jpegSegments(b)) {
    if (marker === null) return `it is damaged (no marker at byte ${at})`;
    if (len < 2 || at + 2 + len > b.length) return 'it is truncated (a header segment runs past the end of the file)';
    if (marker === 0xda) {
      // Entropy-coded data follows; a whole file ends with EOI (FF D9), perhaps plus padding.
      for (let j = b.length - 2; j >= at + 2 + len; j--) if (b[j] === 0xff && b[j + 1] === 0xd9) return null;
      return 'it is truncated (no end-of-image marker)';
    }
    if (marker === 0xd9) return 'it is damaged (it ends before any image data)';
  }
  return 'it is truncated (no image data)';
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
