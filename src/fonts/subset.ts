/**
 * Font subsetting for the DOCX's and the OFD's embedded fonts (`w:embedRegular` parts,
 * ECMA-376 Part 1 §17.8.3.3; OFD `FontFile`): a TTF/OTF holding only the glyphs used,
 * made by harfbuzz (hb-subset.ts, each font file loaded once; `subset-font` for a file
 * that is not a plain SFNT, which it converts first). The PDF's TrueType subsets are
 * ttf-subset.ts.
 *
 * Memoised per face and character set, so the compilation and every handout
 * that use the same characters share one subset. Faces whose OS/2 fsType forbids
 * subsetting (0x0100) are returned whole.
 */
import { createRequire } from 'node:module';
import { fontFileBytes } from './face.js';
import { clearHbFaces, hbSubset } from './hb-subset.js';
import type { FontFace } from './types.js';

const require = createRequire(import.meta.url);

type SubsetFontFn = (
  buffer: Buffer,
  text: string,
  options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; preserveNameIds?: number[] },
) => Promise<Buffer>;

let subsetImpl: SubsetFontFn | null = null;
const memo = new Map<string, Promise<Buffer>>();

/** Forgets the subsets made, and frees the fonts loaded for them. */
export function clearSubsetCache(): void {
  memo.clear();
  clearHbFaces();
}

/** TrueType (0x00010000, 'true') or CFF ('OTTO') single-face font data. */
function isSfnt(bytes: Uint8Array): boolean {
  const tag = bytes.length >= 4 ? ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0 : 0;
  return tag === 0x00010000 || tag === 0x74727565 || tag === 0x4f54544f;
}

/** Name IDs kept in subsets, so Word and LibreOffice still recognise the family (1, 2, 4, 6, 16, 17). */
const KEEP_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 16, 17];

/** Unique, sorted code points: the memo key and the subset's text. */
function normalise(codePoints: Iterable<number>): number[] {
  return [...new Set(codePoints)]
    .filter((cp) => Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff)
    .sort((a, b) => a - b);
}

/** A TTF/OTF of `face` holding the glyphs of `codePoints` (the whole font when subsetting is forbidden). */
export function subsetFont(face: FontFace, codePoints: Iterable<number>): Promise<Buffer> {
  // The file's bytes: read once per process, shared with layout and the PDF (face.ts).
  if (face.noSubset) return Promise.resolve(fontFileBytes(face.file));
  const cps = normalise(codePoints);
  const key = `${face.key}\0${face.file}\0${cps.join(',')}`;
  let p = memo.get(key);
  if (!p) {
    const bytes = fontFileBytes(face.file);
    let made: Buffer | null = null;
    try {
      made = isSfnt(bytes) ? hbSubset(face.file, bytes, cps, KEEP_NAME_IDS) : null;
    } catch (e) {
      return Promise.reject(e as Error);
    }
    if (made) {
      p = Promise.resolve(made);
      memo.set(key, p);
      return p;
    }
    subsetImpl ??= require('subset-font') as SubsetFontFn;
    const run = subsetImpl;
    p = run(bytes, String.fromCodePoint(...cps), {
      targetFormat: 'sfnt',
      preserveNameIds: KEEP_NAME_IDS,
    });
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}
