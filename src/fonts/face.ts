/**
 * `FontFace` over fontkit: metrics for layout (em units, OpenType head/hhea/hmtx/cmap
 * read directly by metrics.ts, fontkit when a font has a form not read there;
 * shaped Latin runs through fontkit), a single-face SFNT path for the renderers,
 * and the OS/2 fsType bits.
 *
 * Faces are created lazily: nothing is opened until a metric is asked for, and a
 * WOFF or collection face is converted (once, cached on disk) only when its file
 * is needed. One object per source face per process, so the compilation's and
 * the handouts' books share measurements and subsets.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
// fontkit 2 ships no types: types/fontkit.d.ts declares the slice used. Imported as ES module — the
// copy pdfkit imports — so a process loads and initialises fontkit once, not its CommonJS build as well.
import * as fontkit from 'fontkit';
import type { Font as FkFont } from 'fontkit';
import { cachedSfntSync } from './cache.js';
import type { FaceInfo } from './discover.js';
import { embeddingFromFsType, noSubsetFromFsType } from './embedding.js';
import { readSfntMetrics, type SfntMetrics } from './metrics.js';
import { readFontProgramInfo, type FontProgramInfo } from './program.js';
import { runStoreFor } from './run-store.js';
import { bindRunStore, runAdvance, shapedRun } from './shape.js';
import { locaOffsets, trueTypeTables, type TrueTypeTables } from './ttf-subset.js';
import type { Embedding, FontFace } from './types.js';

/** One font file's bytes, read once, with what is parsed from them on demand. */
interface FontFile {
  readonly bytes: Buffer;
  metrics?: SfntMetrics | null;
  font?: FkFont;
  trueType?: TrueTypeTables | null;
  program?: FontProgramInfo | null;
}

const fontFiles = new Map<string, FontFile>();

const fileKey = (file: string, st: { size: number; mtimeMs: number }): string => `${file}\0${st.size}\0${st.mtimeMs}`;

/** The file, read once per process (size and mtime in the key, so a watch build sees a replaced file). */
function fontFile(file: string): FontFile {
  const key = fileKey(file, statSync(file));
  let f = fontFiles.get(key);
  if (!f) {
    f = { bytes: readFileSync(file) };
    fontFiles.set(key, f);
  }
  return f;
}

/**
 * Reads font files not read yet, side by side (libuv's thread pool), into the
 * process's one read of each. A file that cannot be read is left for the first
 * synchronous use to report.
 */
export async function prefetchFontFiles(files: readonly string[]): Promise<void> {
  await Promise.all(
    [...new Set(files)].map(async (file) => {
      try {
        const st = await stat(file);
        const key = fileKey(file, st);
        if (fontFiles.has(key)) return;
        const bytes = await readFile(file);
        if (!fontFiles.has(key)) fontFiles.set(key, { bytes });
      } catch {
        // reported where the file is first used
      }
    }),
  );
}

/** A font file's bytes, read once per process (the DOCX subsetter shares them). */
export function fontFileBytes(file: string): Buffer {
  return fontFile(file).bytes;
}

/**
 * fontkit's parse of a single-face font file, one per file for the whole process: the
 * faces' Latin measuring and the PDF painter share it, so each 10–15 MB TTF's tables
 * are decoded once — and its shaped runs come from the run store (run-store.ts)
 * when an earlier build shaped them.
 */
export function parsedFontkitFont(file: string): FkFont {
  const f = fontFile(file);
  if (!f.font) {
    f.font = fontkit.create(f.bytes);
    seedLoca(f.font, trueTypeTablesOf(file));
    const bytes = f.bytes;
    bindRunStore(f.font, () => runStoreFor(bytes));
  }
  return f.font;
}

/**
 * fontkit reads a TrueType glyph's advance through its outline header, and so decodes
 * the whole `loca` table element by element through its structure reader the first
 * time any advance is asked for (some 10 ms per CJK font, for every shaped Latin run's
 * font). The same offsets read directly (ttf-subset.ts) go into its table cache first —
 * the object it would have decoded: `{ version, offsets }`, short offsets doubled.
 */
function seedLoca(font: FkFont, tables: TrueTypeTables | null): void {
  const cache = font._tables as Record<string, unknown> | undefined;
  if (!tables || !cache || 'loca' in cache) return;
  cache.loca = { version: tables.locaFormat, offsets: locaOffsets(tables) };
}

/**
 * Glyph ids and advances read straight from a single-face font file's tables
 * (metrics.ts), one reader per file for the process; null when the file has a form
 * read only by fontkit (then ask `parsedFontkitFont`).
 */
export function sfntMetricsOf(file: string): SfntMetrics | null {
  const f = fontFile(file);
  if (f.metrics === undefined) f.metrics = readSfntMetrics(f.bytes);
  return f.metrics;
}

/**
 * The file's TrueType tables for glyph subsets (ttf-subset.ts), read once per file;
 * null for a font subset by fontkit instead (CFF outlines, variable fonts).
 */
export function trueTypeTablesOf(file: string): TrueTypeTables | null {
  const f = fontFile(file);
  if (f.trueType === undefined) f.trueType = trueTypeTables(f.bytes);
  return f.trueType;
}

/** The file's font descriptor facts (program.ts), read once per file; null when a table is missing. */
export function fontProgramInfoOf(file: string): FontProgramInfo | null {
  const f = fontFile(file);
  if (f.program === undefined) f.program = readFontProgramInfo(f.bytes);
  return f.program;
}

/** The face's file as pdfkit and subset-font need it: single-face SFNT, converted and cached if needed. */
export function sfntFileOf(info: FaceInfo, cacheDir?: string): string {
  if (info.format === 'sfnt') return info.file;
  if (info.convertedFile) return info.convertedFile;
  if (info.format === 'woff') return cachedSfntSync(info.file, { kind: 'woff' }, cacheDir).file;
  return cachedSfntSync(info.file, { kind: 'ttc', index: info.faceIndex }, cacheDir).file;
}

export class FontkitFace implements FontFace {
  readonly key: string;
  readonly family: string;
  readonly familyNames: readonly string[];
  readonly postscriptName: string;
  /** The file as found (before any conversion): what report.json names. */
  readonly sourceFile: string;
  readonly collectionFace: string | null = null;
  readonly origin: 'project' | 'system' | 'npm';
  readonly weight: number;
  readonly italic: boolean;
  readonly embedding: Embedding;
  readonly noSubset: boolean;
  readonly fsType: number;
  readonly info: FaceInfo;
  private readonly cacheDir: string | undefined;
  private fileCache: string | null = null;
  private font: FkFont | null = null;
  private readonly glyphs = new Map<number, boolean>();
  private readonly advances = new Map<number, number>();
  private readonly runs = new Map<string, number>();

  constructor(info: FaceInfo, key: string, family: string, cacheDir?: string) {
    this.info = info;
    this.key = key;
    this.family = family;
    this.familyNames = [...info.familyNames];
    this.postscriptName = info.postscriptName;
    this.sourceFile = info.file;
    this.origin = info.origin;
    this.weight = info.weight;
    this.italic = info.italic;
    this.fsType = info.fsType;
    this.embedding = embeddingFromFsType(info.fsType);
    this.noSubset = noSubsetFromFsType(info.fsType);
    this.cacheDir = cacheDir;
  }

  /** Single-face TTF/OTF path (a collection face or web font is converted on first use). */
  get file(): string {
    this.fileCache ??= sfntFileOf(this.info, this.cacheDir);
    return this.fileCache;
  }

  /** Metrics read from the tables (metrics.ts); null: fontkit answers (a cmap format not read there). */
  private tables: SfntMetrics | null | undefined = undefined;

  /** fontkit's parse of the file: shaping (measureEm), and everything when `tables` is null. */
  private get fk(): FkFont {
    this.font ??= parsedFontkitFont(this.file);
    return this.font;
  }

  private get direct(): SfntMetrics | null {
    if (this.tables === undefined) this.tables = sfntMetricsOf(this.file);
    return this.tables;
  }

  private vertical: { ascentEm: number; descentEm: number } | null = null;

  /** Ascent and descent read once (layout asks for them on every line). */
  private get metrics(): { ascentEm: number; descentEm: number } {
    if (this.vertical === null) {
      const m = this.direct ?? this.fk;
      this.vertical = { ascentEm: m.ascent / m.unitsPerEm, descentEm: Math.abs(m.descent) / m.unitsPerEm };
    }
    return this.vertical;
  }

  get ascentEm(): number {
    return this.metrics.ascentEm;
  }

  get descentEm(): number {
    return this.metrics.descentEm;
  }

  hasGlyph(codePoint: number): boolean {
    let has = this.glyphs.get(codePoint);
    if (has === undefined) {
      const m = this.direct;
      has = m !== null ? m.glyphId(codePoint) !== 0 : this.fk.hasGlyphForCodePoint(codePoint);
      this.glyphs.set(codePoint, has);
    }
    return has;
  }

  advanceEm(codePoint: number): number {
    let adv = this.advances.get(codePoint);
    if (adv === undefined) {
      const m = this.direct;
      adv =
        m !== null
          ? m.advance(m.glyphId(codePoint)) / m.unitsPerEm
          : this.fk.glyphForCodePoint(codePoint).advanceWidth / this.fk.unitsPerEm;
      this.advances.set(codePoint, adv);
    }
    return adv;
  }

  measureEm(text: string): number {
    let w = this.runs.get(text);
    if (w === undefined) {
      w = runAdvance(shapedRun(this.fk, text)) / this.fk.unitsPerEm;
      this.runs.set(text, w);
    }
    return w;
  }
}

const registry = new Map<string, FontkitFace>();
/** Key → the face (path + index) that owns it; a changed file keeps its key. */
const keysTaken = new Map<string, string>();

/**
 * Forgets every font file read, parse and face of the process (keys stay stable: they
 * depend on the files, not on what was loaded first). For a long-running process that
 * wants the next build to start as a new process would, e.g. the benchmarks' in-process
 * runs; outputs do not change.
 */
export function clearFaceCaches(): void {
  fontFiles.clear();
  registry.clear();
}

function faceId(info: FaceInfo): string {
  const st = statSync(info.file);
  return `${info.file}\0${info.faceIndex}\0${st.size}\0${st.mtimeMs}`;
}

/**
 * PDF-name-safe key: PostScript name + weight. Another file with the same PostScript
 * name and weight gets a suffix hashed from its path, never a counter.
 */
function keyFor(info: FaceInfo): string {
  const owner = `${info.file}\0${info.faceIndex}`;
  const base = `${info.postscriptName.replace(/[^A-Za-z0-9_-]+/gu, '_') || 'Font'}-${info.weight}`;
  const taken = keysTaken.get(base);
  if (taken === undefined || taken === owner) {
    keysTaken.set(base, owner);
    return base;
  }
  return `${base}-${createHash('sha256').update(owner).digest('hex').slice(0, 8)}`;
}

/** The one FontFace object of a discovered face (created on first request). */
export function faceFromInfo(info: FaceInfo, family: string, cacheDir?: string): FontkitFace {
  const id = faceId(info);
  let face = registry.get(id);
  if (!face) {
    face = new FontkitFace(info, keyFor(info), family, cacheDir);
    registry.set(id, face);
  }
  return face;
}
