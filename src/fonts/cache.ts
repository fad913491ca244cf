/**
 * Converted-font cache: WOFF/WOFF2 web fonts and faces of TrueType collections
 * become plain single-face SFNT files once, outside the source tree.
 *
 * fontkit cannot subset WOFF2 and reads WOFF very slowly (docs/design.md “Known pitfalls
 * (measured)”), and neither pdfkit nor subset-font can pick a face out of a .ttc by
 * itself, so every renderer gets a TTF/OTF path from here. Entries are keyed by the
 * source file's absolute path, size and mtime (and face index), and written
 * atomically (temp file + rename) so parallel builds never see half a file.
 *
 * Location: `$HUIBIAN_CACHE_DIR`, else `node_modules/.cache/huibian/fonts/` next
 * to the package when writable, else `$XDG_CACHE_HOME/huibian/fonts` (~/.cache).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bufferSource,
  extractCollectionFace,
  faceOffsets,
  readSfntDirectory,
  withFileSource,
  woffToSfnt,
} from './sfnt.js';

const require = createRequire(import.meta.url);

/** The wawoff2 package (Emscripten build of Google's woff2), typed locally. */
interface Wawoff2 {
  decompress(input: Buffer | Uint8Array): Promise<Uint8Array>;
}

function packageRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'node_modules'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Where converted fonts are kept (see the module docblock for the order). */
export function defaultFontCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HUIBIAN_CACHE_DIR) return resolve(env.HUIBIAN_CACHE_DIR);
  const root = packageRoot();
  if (root) {
    const nm = join(root, 'node_modules');
    try {
      accessSync(nm, constants.W_OK);
      return join(nm, '.cache', 'huibian', 'fonts');
    } catch {
      /* not writable: fall through to the user cache */
    }
  }
  const base = env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache');
  return join(base, 'huibian', 'fonts');
}

export type Conversion =
  { readonly kind: 'woff' } | { readonly kind: 'woff2' } | { readonly kind: 'ttc'; readonly index: number };

export interface CachedFont {
  /** Path of the single-face SFNT. */
  readonly file: string;
  /** True when the file was already in the cache. */
  readonly hit: boolean;
  /** Time spent converting (or checking the cache), ms. */
  readonly ms: number;
}

const OTTO = 0x4f54544f;

/** The SFNT flavor the converted file will have, read from the source's header only. */
function flavorOf(src: string, how: Conversion): number {
  const size = statSync(src).size;
  return withFileSource(src, size, (s) => {
    if (how.kind === 'ttc') return readSfntDirectory(s, faceOffsets(s)[how.index] ?? 0).flavor;
    return s.read(4, 4).readUInt32BE(0);
  });
}

/** Deterministic cache path for a source file and conversion. */
export function cachePathFor(src: string, how: Conversion, cacheDir: string): string {
  const abs = resolve(src);
  const st = statSync(abs);
  const index = how.kind === 'ttc' ? how.index : 0;
  const key = createHash('sha256')
    .update(`${abs}\0${st.size}\0${Math.round(st.mtimeMs)}\0${how.kind}\0${index}`)
    .digest('hex')
    .slice(0, 16);
  const stem = basename(abs, extname(abs)).replace(/[^\w.-]+/gu, '_');
  const ext = flavorOf(abs, how) === OTTO ? '.otf' : '.ttf';
  return join(cacheDir, `${stem}${how.kind === 'ttc' ? `-${index}` : ''}-${key}${ext}`);
}

/** Writes `data` to `dest` by temp file + rename (readers never see half a file). */
export function writeAtomic(dest: string, data: Uint8Array): void {
  mkdirSync(dirname(dest), { recursive: true });
  const tmp = `${dest}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, dest);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

function convertSync(src: string, how: Conversion): Buffer {
  const buf = readFileSync(src);
  if (how.kind === 'woff') return woffToSfnt(buf);
  if (how.kind === 'ttc') {
    if (faceOffsets(bufferSource(buf)).length <= how.index) throw new RangeError(`${src}: no face ${how.index}`);
    return extractCollectionFace(buf, how.index);
  }
  throw new Error('WOFF2 needs the asynchronous conversion');
}

/** Converts (once) a WOFF file or a collection face; synchronous, for lazy use. */
export function cachedSfntSync(
  src: string,
  how: Exclude<Conversion, { kind: 'woff2' }>,
  cacheDir = defaultFontCacheDir(),
): CachedFont {
  const t0 = performance.now();
  const dest = cachePathFor(src, how, cacheDir);
  if (existsSync(dest)) return { file: dest, hit: true, ms: performance.now() - t0 };
  writeAtomic(dest, convertSync(src, how));
  return { file: dest, hit: false, ms: performance.now() - t0 };
}

/** Converts (once) a WOFF, WOFF2 file or collection face to a cached SFNT file. */
export async function cachedSfnt(src: string, how: Conversion, cacheDir = defaultFontCacheDir()): Promise<CachedFont> {
  if (how.kind !== 'woff2') return cachedSfntSync(src, how, cacheDir);
  const t0 = performance.now();
  const dest = cachePathFor(src, how, cacheDir);
  if (existsSync(dest)) return { file: dest, hit: true, ms: performance.now() - t0 };
  const wawoff2 = require('wawoff2') as Wawoff2;
  const out = await wawoff2.decompress(readFileSync(src));
  writeAtomic(dest, out);
  return { file: dest, hit: false, ms: performance.now() - t0 };
}
