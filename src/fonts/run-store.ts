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
 * Files live in the font cache's folder (`defaultFontCacheDir`, cache.ts:
 * `$HUIBIAN_CACHE_DIR` or `node_modules/.cache/huibian/fonts`), named
 * `shaped-<key>.json`. Only `build` writes them (`saveShapedRuns`, after its
 * output is in place); `check` and the rest only read. Everything is optional:
 * a missing, unreadable, corrupt or foreign file reads as empty, a run that
 * does not spell out its text is dropped, and a folder that cannot be written
 * is left alone — the runs are then shaped as without the cache, so outputs
 * never depend on it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFontCacheDir, writeAtomic } from './cache.js';
import type { ShapedGlyph } from './shape.js';

/** Raised when the file's layout or meaning changes: older files read as empty. */
const FORMAT = 1;

/** Tables shaping never reads: only their directory entries enter the key. */
const OUTLINE_TABLES = new Set(['glyf', 'CFF ', 'CFF2']);

/** One glyph on disk: id, advance, shaped advance, code points. */
type StoredGlyph = [number, number, number, number[]];

interface StoreFile {
  readonly format: number;
  readonly key: string;
  readonly runs: Record<string, StoredGlyph[]>;
}

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

/** The glyphs' code points, in order, are the text's: what a run must satisfy to be stored or read. */
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

/** One font's runs: what the file held, plus what this process shaped since. */
export class RunStore {
  private loaded: Map<string, readonly ShapedGlyph[]> | null = null;
  private readonly added = new Map<string, readonly ShapedGlyph[]>();

  constructor(
    readonly file: string,
    readonly key: string,
  ) {}

  /** The stored run of `text`, if the file (or this process) has one. */
  get(text: string): readonly ShapedGlyph[] | undefined {
    return this.added.get(text) ?? this.read().get(text);
  }

  /** A run this process shaped, to be saved with the others. */
  add(text: string, run: readonly ShapedGlyph[]): void {
    if (!this.read().has(text) && spellsText(text, run)) this.added.set(text, run);
  }

  /** Writes the file when this process added runs; false when it could not (never throws). */
  save(): boolean {
    if (this.added.size === 0) return true;
    const runs: Record<string, StoredGlyph[]> = {};
    const all = new Map([...this.read(), ...this.added]);
    for (const text of [...all.keys()].sort()) {
      runs[text] = all.get(text)!.map((g) => [g.id, g.advanceWidth, g.xAdvance, [...g.codePoints]]);
    }
    const body: StoreFile = { format: FORMAT, key: this.key, runs };
    try {
      writeAtomic(this.file, Buffer.from(JSON.stringify(body)));
    } catch {
      return false;
    }
    for (const [text, run] of this.added) this.loaded!.set(text, run);
    this.added.clear();
    return true;
  }

  private read(): Map<string, readonly ShapedGlyph[]> {
    if (this.loaded) return this.loaded;
    this.loaded = new Map();
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return this.loaded; // missing, unreadable or corrupt: empty
    }
    const f = parsed as Partial<StoreFile> | null;
    if (!f || f.format !== FORMAT || f.key !== this.key || typeof f.runs !== 'object' || f.runs === null) {
      return this.loaded;
    }
    for (const [text, glyphs] of Object.entries(f.runs)) {
      if (!Array.isArray(glyphs) || !glyphs.every(isStoredGlyph)) continue;
      const run = glyphs.map(([id, advanceWidth, xAdvance, codePoints]) => ({
        id,
        advanceWidth,
        xAdvance,
        codePoints,
      }));
      if (spellsText(text, run)) this.loaded.set(text, run);
    }
    return this.loaded;
  }
}

const stores = new Map<string, RunStore>();

/** The store of a font file's bytes (one per key for the process); null when the bytes are no SFNT. */
export function runStoreFor(bytes: Buffer, cacheDir = defaultFontCacheDir()): RunStore | null {
  const key = shapingKey(bytes);
  if (key === null) return null;
  const file = join(cacheDir, `shaped-${key}.json`);
  let store = stores.get(file);
  if (!store) stores.set(file, (store = new RunStore(file, key)));
  return store;
}

/** Writes every store that gained runs (`build` only, once its output is in place). */
export function saveShapedRuns(): void {
  for (const store of stores.values()) store.save();
}

/** Forgets the stores (the next build reads the files again, as a new process would). */
export function clearRunStores(): void {
  stores.clear();
}
