/**
 * Image validation (src/sources/image-header.ts, png-data.ts): whole PNGs of every
 * colour type, bit depth and interlace, and real baseline and progressive JPEGs
 * (tests/fixtures/images, written by poppler's pdftoppm), pass; each kind of damage
 * — in the chunk framing, the header fields, the zlib stream, the scanlines, the
 * JPEG segments and scans — is named.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync as deflate } from 'node:zlib';
import { imageDamage, readImageHeader } from '../../src/sources/image-header.js';
import { encodePng, PNG_KINDS, type PngSpec } from '../helpers/png.js';

const FIXTURES = join(__dirname, '../fixtures/images');
const jpeg = (name: string) => readFileSync(join(FIXTURES, name));

function damage(bytes: Uint8Array): string | null {
  const header = readImageHeader(bytes);
  expect(header, 'a readable header').not.toBeNull();
  return imageDamage(bytes, header!);
}

const SMALL: PngSpec = { widthPx: 13, heightPx: 7 };

describe('whole images pass', () => {
  it.each(PNG_KINDS)('PNG, $name', ({ spec }) => {
    expect(damage(encodePng(spec))).toBeNull();
  });

  it('PNG with its image data split over many IDAT chunks (the checksum split too)', () => {
    expect(damage(encodePng({ ...SMALL, idatChunkBytes: 3 }))).toBeNull();
  });

  it.each(['baseline.jpg', 'progressive.jpg'])('JPEG, %s', (name) => {
    expect(damage(jpeg(name))).toBeNull();
  });
});

describe('damaged PNGs are named', () => {
  it.each<[string, PngSpec, RegExp]>([
    [
      'image data that is not zlib (every chunk checksum right)',
      { ...SMALL, idat: () => Buffer.from('this is not zlib data at all') },
      /its image data is not a valid zlib stream/,
    ],
    [
      'a zlib stream cut short',
      { ...SMALL, idat: (d) => d.subarray(0, d.length - 12) },
      /its image data is not a valid zlib stream: unexpected EOF|ends before the last row|fails its checksum/,
    ],
    [
      'a whole zlib stream of too few rows',
      { ...SMALL, idat: (_d, raw) => deflate(raw.subarray(0, raw.length - 10)) },
      /it is truncated \(its image data ends before the last row\)/,
    ],
    [
      'an unknown filter type',
      { ...SMALL, idat: (_d, raw) => deflate(Buffer.concat([Buffer.from([7]), raw.subarray(1)])) },
      /scanline 1 has an unknown filter type 7/,
    ],
    [
      'a wrong Adler-32',
      { ...SMALL, idat: (d) => Buffer.concat([d.subarray(0, d.length - 1), Buffer.from([d[d.length - 1]! ^ 1])]) },
      /its image data fails its checksum/,
    ],
    [
      'a palette image without PLTE',
      { ...SMALL, colourType: 3, noPalette: true },
      /a palette image without a PLTE chunk/,
    ],
    [
      'a bit depth its colour type does not allow',
      { ...SMALL, colourType: 2, bitDepth: 4 },
      /bit depth 4 is not allowed with colour type 2/,
    ],
    ['an unknown colour type', { ...SMALL, colourType: 5 }, /unknown colour type 5/],
  ])('%s', (_name, spec, message) => {
    expect(damage(encodePng(spec))).toMatch(message);
  });
});

describe('damaged JPEGs are named', () => {
  const whole = jpeg('progressive.jpg');
  const sos = whole.indexOf(Buffer.from([0xff, 0xda]));
  const sof = whole.indexOf(Buffer.from([0xff, 0xc2]));
  /** The first segment after the frame header (a Huffman table). */
  const afterSof = sof + 2 + whole.readUInt16BE(sof + 2);

  it.each<[string, () => Buffer, RegExp]>([
    ['cut inside its first scan', () => whole.subarray(0, sos + 40), /it is truncated \(no end-of-image marker\)/],
    [
      'cut inside a later scan',
      () => whole.subarray(0, whole.length - 30),
      /it is truncated \(no end-of-image marker\)/,
    ],
    [
      'cut inside a header segment',
      () => whole.subarray(0, afterSof + 6),
      /a header segment runs past the end of the file/,
    ],
    ['no end-of-image marker', () => whole.subarray(0, whole.length - 2), /it is truncated \(no end-of-image marker\)/],
    [
      'bytes where a marker is due',
      () => {
        const b = Buffer.from(whole);
        b[afterSof] = 0x12;
        return b;
      },
      new RegExp(`it is damaged \\(no marker at byte ${afterSof}\\)`),
    ],
  ])('%s', (_name, bytes, message) => {
    expect(damage(bytes())).toMatch(message);
  });

  it('a scan before the frame header: no header to read, so not a JPEG at all', () => {
    const b = Buffer.concat([
      whole.subarray(0, 2),
      Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0]),
      whole.subarray(2),
    ]);
    expect(readImageHeader(b)).toBeNull();
  });
});
