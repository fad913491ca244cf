/**
 * Font discovery (README “Fonts”): the project's `fonts/` folder first, then any extra
 * folders, then the system font folders (Linux, macOS, Windows), then the open
 * fonts installed by npm (Noto Serif SC, Noto Sans SC, LXGW WenKai).
 *
 * Only the table directory, `name` and `OS/2` of each face are read (positional
 * reads), so scanning the 10–15 MB npm TTFs costs a few kilobytes each. Results
 * are memoised per file (path, size, mtime) for the life of the process, so the
 * compilation and the handout books share one scan.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { cachedSfnt } from './cache.js';
import { englishName, namesWithId, parseNameTable, parseOs2, type NameRecord } from './names.js';
import {
  faceOffsets,
  readSfntDirectory,
  readTable,
  readWoffDirectory,
  sniffFormat,
  withFileSource,
  type ByteSource,
  type ContainerFormat,
  type FaceDirectory,
  type ReadCounter,
} from './sfnt.js';

export type Origin = 'project' | 'system' | 'npm';

/** What discovery knows of one face, without loading its glyphs. */
export interface FaceInfo {
  /** The file as found (WOFF, WOFF2, TTC or SFNT). */
  readonly file: string;
  readonly format: ContainerFormat;
  /** Face index in a collection, 0 otherwise. */
  readonly faceIndex: number;
  readonly origin: Origin;
  /** Typographic (ID 16) and legacy (ID 1) family names, every language. */
  readonly familyNames: readonly string[];
  /** Full names (ID 4), every language. */
  readonly fullNames: readonly string[];
  /** English typographic family, else English family. */
  readonly englishFamily: string;
  readonly postscriptName: string;
  readonly weight: number;
  readonly italic: boolean;
  readonly fsType: number;
  /** Has an `fvar` table: rejected (layout needs static instances). */
  readonly variable: boolean;
  /** For WOFF2 sources: the converted SFNT already in the cache. */
  readonly convertedFile: string | null;
}

export interface DiscoveryProblem {
  readonly file: string;
  readonly message: string;
}

export interface Discovery {
  /** Every face, in search order (project, extra, system, npm). */
  readonly faces: readonly FaceInfo[];
  /** Files that looked like fonts but could not be read. */
  readonly problems: readonly DiscoveryProblem[];
  readonly ms: number;
}

export interface DiscoverOptions {
  readonly projectDir: string;
  /** Scan the system font folders (default true). */
  readonly systemFonts?: boolean;
  readonly extraDirs?: readonly string[];
  /** The system font folders to scan (default: those of the running platform). */
  readonly systemDirs?: readonly string[];
  /** Include the npm defaults (default true). */
  readonly npmFonts?: boolean;
  readonly cacheDir?: string;
}

const FONT_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc', '.otc', '.woff', '.woff2']);

/** The system font folders of the running platform. */
export function systemFontDirs(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const home = homedir();
  if (platform === 'darwin') return ['/Library/Fonts', '/System/Library/Fonts', join(home, 'Library', 'Fonts')];
  if (platform === 'win32') {
    const dirs = [join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts')];
    if (env.LOCALAPPDATA) dirs.push(join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return dirs;
  }
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.fonts'), join(home, '.local', 'share', 'fonts')];
}

/** Font files under `dir` (recursive, sorted, symlink loops ignored); [] when it does not exist. */
export function listFontFiles(dir: string, maxDepth = 8): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string, depth: number): void => {
    let real: string;
    try {
      real = realpathSync(d);
    } catch {
      return;
    }
    if (seen.has(real) || depth > maxDepth) return;
    seen.add(real);
    let entries: string[];
    try {
      entries = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p, depth + 1);
      else if (st.isFile() && FONT_EXTENSIONS.has(extname(name).toLowerCase())) out.push(p);
    }
  };
  walk(dir, 0);
  return out;
}

const require = createRequire(import.meta.url);

function packageDir(pkg: string): string | null {
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return null;
  }
}

/** The open default font files installed by npm, located through the resolver. */
export function npmFontFiles(): string[] {
  const files: string[] = [];
  for (const pkg of ['@expo-google-fonts/noto-serif-sc', '@expo-google-fonts/noto-sans-sc']) {
    const dir = packageDir(pkg);
    if (!dir) continue;
    for (const sub of readdirSync(dir).sort()) {
      if (!/^\d{3}[A-Za-z]+$/u.test(sub)) continue;
      for (const f of readdirSync(join(dir, sub)).sort()) if (f.endsWith('.ttf')) files.push(join(dir, sub, f));
    }
  }
  const wenkai = packageDir('@fontsource/lxgw-wenkai');
  if (wenkai) {
    const names = readdirSync(join(wenkai, 'files')).sort();
    for (const f of names) {
      // WOFF 1.0 inflates table by table (≈0.15 s) where WOFF2 needs the whole Brotli stream (≈0.75 s).
      if (/^lxgw-wenkai-latin-\d+-normal\.woff$/u.test(f)) files.push(join(wenkai, 'files', f));
      else if (/^lxgw-wenkai-latin-\d+-normal\.woff2$/u.test(f) && !names.includes(f.slice(0, -1)))
        files.push(join(wenkai, 'files', f));
    }
  }
  return files;
}

function infoFromTables(
  file: string,
  format: ContainerFormat,
  faceIndex: number,
  origin: Origin,
  dir: FaceDirectory,
  src: ByteSource,
  convertedFile: string | null,
): FaceInfo {
  const nameEntry = dir.tables.get('name');
  if (!nameEntry) throw new Error('no name table');
  const records: NameRecord[] = parseNameTable(readTable(src, nameEntry));
  const os2Entry = dir.tables.get('OS/2');
  const os2 = os2Entry ? parseOs2(readTable(src, os2Entry)) : { weight: 400, fsType: 0, italic: false };
  const familyNames = namesWithId(records, 16, 1);
  if (familyNames.length === 0) throw new Error('no family name');
  return {
    file,
    format,
    faceIndex,
    origin,
    familyNames,
    fullNames: namesWithId(records, 4),
    englishFamily: englishName(records, 16) ?? englishName(records, 1) ?? familyNames[0],
    postscriptName: englishName(records, 6) ?? familyNames[0].replace(/\s+/gu, ''),
    weight: os2.weight || 400,
    italic: os2.italic,
    fsType: os2.fsType,
    variable: dir.tables.has('fvar'),
    convertedFile,
  };
}

/** Every face of one font file (name/OS2 tables only). */
export async function readFaceInfos(
  file: string,
  origin: Origin,
  cacheDir?: string,
  counter?: ReadCounter,
): Promise<FaceInfo[]> {
  const size = statSync(file).size;
  const format = withFileSource(file, size, (src) => sniffFormat(src.read(0, Math.min(4, size))), counter);
  if (format === null) throw new Error('not a font file (unknown signature)');
  if (format === 'woff2') {
    const conv = await cachedSfnt(file, { kind: 'woff2' }, cacheDir);
    const csize = statSync(conv.file).size;
    return withFileSource(
      conv.file,
      csize,
      (src) => [infoFromTables(file, format, 0, origin, readSfntDirectory(src, 0), src, conv.file)],
      counter,
    );
  }
  return withFileSource(
    file,
    size,
    (src) => {
      if (format === 'woff') return [infoFromTables(file, format, 0, origin, readWoffDirectory(src), src, null)];
      return faceOffsets(src).map((off, i) =>
        infoFromTables(file, format, i, origin, readSfntDirectory(src, off), src, null),
      );
    },
    counter,
  );
}

const memo = new Map<string, FaceInfo[]>();

/** Forgets the faces read from each file (the next discovery reads the files again). */
export function clearDiscoveryCache(): void {
  memo.clear();
}

async function facesOf(
  file: string,
  origin: Origin,
  cacheDir: string | undefined,
  problems: DiscoveryProblem[],
): Promise<FaceInfo[]> {
  let key: string;
  try {
    const st = statSync(file);
    key = `${origin}\0${file}\0${st.size}\0${st.mtimeMs}`;
  } catch (e) {
    problems.push({ file, message: (e as Error).message });
    return [];
  }
  const hit = memo.get(key);
  if (hit) return hit;
  try {
    const faces = await readFaceInfos(file, origin, cacheDir);
    memo.set(key, faces);
    return faces;
  } catch (e) {
    problems.push({ file, message: `cannot read font: ${(e as Error).message}` });
    return [];
  }
}

/** Scans every source in order; unreadable files are reported, not fatal. */
export async function discoverFonts(opts: DiscoverOptions): Promise<Discovery> {
  const t0 = performance.now();
  const faces: FaceInfo[] = [];
  const problems: DiscoveryProblem[] = [];
  const sources: [string[], Origin][] = [[listFontFiles(join(opts.projectDir, 'fonts')), 'project']];
  for (const d of opts.extraDirs ?? []) sources.push([listFontFiles(d), 'project']);
  if (opts.systemFonts !== false)
    for (const d of opts.systemDirs ?? systemFontDirs()) sources.push([listFontFiles(d), 'system']);
  if (opts.npmFonts !== false) sources.push([npmFontFiles(), 'npm']);
  const seen = new Set<string>();
  for (const [files, origin] of sources) {
    for (const f of files) {
      if (seen.has(f)) continue;
      seen.add(f);
      faces.push(...(await facesOf(f, origin, opts.cacheDir, problems)));
    }
  }
  return { faces, problems, ms: performance.now() - t0 };
}
