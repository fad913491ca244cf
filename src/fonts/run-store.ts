/**
 * Shaped runs kept on disk between processes, one file per font: a cold build
 * takes the Latin words and numbers it has shaped before from here instead of
 * decoding the font's GSUB/GPOS tables again (fontkit's first `layout` of a
 * font costs some 20–40 ms a face; a run read back costs nothing).
 *
 * Key: a SHA-256 of the font's bytes — its table directory (every table's tag,
 * checksum and length) and the bytes of every table but the outlines (`glyf`,
 * `CFF `, `CFF2`, ~97 % of a CJK font; hashing a 15 MB file whole takes ~60 ms,
 * as long as the decoding saved). Shaping reads none of the outline bytes, and
 * an edited outline table still changes its directory checksum. A changed font
 * thus gets a new file; the old one is simply never read again.
 *
 * The files are memo files (memo-file.ts: written by `build` only, optional in
 * every way) named `shaped-<key>.json` in the font cache's folder
 * (`$HUIBIAN_CACHE_DIR` or `node_modules/.cache/huibian/fonts`); a stored run
 * whose glyphs do not spell out its text is dropped.
 */
import { createHash } from 'node:crypto';
import { memoFile, type MemoCodec, type MemoFile } from './memo-file.js';
import type { ShapedGlyph } from './shape.js';

/** Tables shaping never reads: only their directory entries enter the key. */
const OUTLINE_TABLES = new Set(['glyf', 'CFF ', 'CFF2']);

/** One glyph on disk: id, advance, shaped advance, code points. */
type StoredGlyph = [number, number, number, number[]];

/** A font's shaped runs on disk, by text. */
export type RunStore = MemoFile<readonly ShapedGlyph[]>;

/** The key of a single-face SFNT's bytes (see the docblock); null when they are no SFNT. */
export function shapingKey(bytes: Buffer): string | null {
  if (bytes.length < 12) return null;
  const count = bytes.readUInt16BE(4);
  const dirEnd = 12 + 16 * count;
  if (dirEnd > bytes.length) return null;
  const hash = createHash('sha256').update(bytes.subarray(0, dirEnd));
  for (let i = 0; i < count; i++) {
    const rec = 12 + 16 * i;
    const tag = bytes.toString('latin1', rec, rec + 4);
    if (OUTLINE_TABLES.has(tag)) continue;
    const offset = bytes.readUInt32BE(rec + 8);
    const length = bytes.readUInt32BE(rec + 12);
    if (offset + length > bytes.length) return null;
    hash.update(bytes.subarray(offset, offset + length));
  }
  return hash.digest('hex').slice(0, 32);
}

/** The glyphs' code points, in order, are the text's. */
function spellsText(text: string, run: readonly { readonly codePoints: readonly number[] }[]): boolean {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  let i = 0;
  for (const g of run) for (const cp of g.codePoints) if (cps[i++] !== cp) return false;
  return i === cps.length;
}

function isStoredGlyph(g: unknown): g is StoredGlyph {
  return (
    Array.isArray(g) &&
    g.length === 4 &&
    Number.isInteger(g[0]) &&
    (g[0] as number) >= 0 &&
    Number.isFinite(g[1]) &&
    Number.isFinite(g[2]) &&
    Array.isArray(g[3]) &&
    (g[3] as unknown[]).every((cp) => Number.isInteger(cp))
  );
}

const RUNS: MemoCodec<readonly ShapedGlyph[]> = {
  encode: (run) => run.map((g): StoredGlyph => [g.id, g.advanceWidth, g.xAdvance, [...g.codePoints]]),
  decode(text, stored) {
    if (!Array.isArray(stored) || !stored.every(isStoredGlyph)) return undefined;
    const run = stored.map(([id, advanceWidth, xAdvance, codePoints]) => ({ id, advanceWidth, xAdvance, codePoints }));
    return spellsText(text, run) ? run : undefined;
  },
};

/** The store of a font file's bytes (one per key for the process); null when the bytes are no SFNT. */
export function runStoreFor(bytes: Buffer, cacheDir?: string): RunStore | null {
  const key = shapingKey(bytes);
  return key === null ? null : memoFile('shaped', key, RUNS, cacheDir);
}
