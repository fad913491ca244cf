/**
 * Pixel size of a PNG or JPEG, read from the file header (PNG: the IHDR chunk,
 * ISO/IEC 15948 §11.2.2; JPEG: the first SOFn frame header, ITU-T T.81 §B.2.2).
 * Nothing else is decoded: layout only needs the aspect ratio and size.
 */

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

function readJpeg(b: Uint8Array): ImageHeader | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
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
    if (isSof(marker)) {
      if (i + 9 > b.length) return null;
      const heightPx = dv.getUint16(i + 5);
      const widthPx = dv.getUint16(i + 7);
      return widthPx > 0 && heightPx > 0 ? { format: 'jpeg', widthPx, heightPx } : null;
    }
    if (marker === 0xd9 || marker === 0xda || len < 2) return null;
    i += 2 + len;
  }
  return null;
}

/** The image's format and size, or null when the bytes are not a PNG or JPEG with a readable header. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  return readPng(bytes) ?? readJpeg(bytes);
}
