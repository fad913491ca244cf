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
import { sniffFormat } from './sfnt.js';
import type { FontFace } from './types.js';

const require = createRequire(import.meta.url);

type SubsetFontFn = (
  buffer: Buffer,
  text: string,
  options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; preserveNameIds?: readonly number[] },
) => Promise<Buffer>;

let subsetImpl: SubsetFontFn | null = null;
const memo = new Map<string, Promise<Buffer>>();

/** Forgets the subsets made, and frees the fonts loaded for them. */
export function clearSubsetCache(): void {
  memo.clear();
  clearHbFaces();
}

/** Name IDs kept in subsets, so Word and LibreOffice still recognise the family (1, 2, 4, 6, 16, 17). */
export const KEEP_NAME_IDS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 16, 17];

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
    p = makeSubset(face.file, cps);
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}

/**
 * The subset itself: by harfbuzz with the font loaded once (hb-subset.ts), or by
 * subset-font when the file is not a plain SFNT or does not fit in harfbuzz's memory.
 */
async function makeSubset(file: string, cps: readonly number[]): Promise<Buffer> {
  const bytes = fontFileBytes(file);
  const made = sniffFormat(bytes) === 'sfnt' ? hbSubset(file, bytes, cps, KEEP_NAME_IDS) : null;
  if (made) return made;
  subsetImpl ??= require('subset-font') as SubsetFontFn;
  return subsetImpl(bytes, String.fromCodePoint(...cps), { targetFormat: 'sfnt', preserveNameIds: KEEP_NAME_IDS });
}
