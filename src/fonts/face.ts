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
import { createRequire } from 'node:module';
import { cachedSfntSync } from './cache.js';
import type { FaceInfo } from './discover.js';
import { embeddingFromFsType, noSubsetFromFsType } from './embedding.js';
import { readSfntMetrics, type SfntMetrics } from './metrics.js';
import type { Embedding, FontFace } from './types.js';

const require = createRequire(import.meta.url);

/** The slice of fontkit's API used here (fontkit 2 ships no types). */
interface FkGlyph {
  readonly advanceWidth: number;
}
interface FkFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FkGlyph;
  layout(text: string): { readonly advanceWidth: number };
}
interface Fontkit {
  create(buffer: Buffer): FkFont;
}

let fontkit: Fontkit | null = null;
function fk(): Fontkit {
  fontkit ??= require('fontkit') as Fontkit;
  return fontkit;
}

const parsedFonts = new Map<string, FkFont>();

/**
 * fontkit's parse of a single-face font file, one per file (size and mtime in the key, so
 * a watch build sees a replaced file) for the whole process: the faces' Latin measuring
 * and the PDF painter share it, so each 10–15 MB TTF's tables are decoded once.
 */
export function parsedFontkitFont(file: string, bytes?: Buffer): unknown {
  const st = statSync(file);
  const key = `${file}\0${st.size}\0${st.mtimeMs}`;
  let font = parsedFonts.get(key);
  if (!font) {
    font = fk().create(bytes ?? readFileSync(file));
    parsedFonts.set(key, font);
  }
  return font;
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

  private bytes: Buffer | null = null;
  /** Metrics read from the tables (metrics.ts); null: fontkit answers (a cmap format not read there). */
  private tables: SfntMetrics | null | undefined = undefined;

  /** The file's bytes, read once. */
  private get sfnt(): Buffer {
    this.bytes ??= readFileSync(this.file);
    return this.bytes;
  }

  /** fontkit's parse of the file: shaping (measureEm), and everything when `tables` is null. */
  private get fk(): FkFont {
    this.font ??= parsedFontkitFont(this.file, this.sfnt) as FkFont;
    return this.font;
  }

  private get direct(): SfntMetrics | null {
    if (this.tables === undefined) this.tables = readSfntMetrics(this.sfnt);
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
      w = this.fk.layout(text).advanceWidth / this.fk.unitsPerEm;
      this.runs.set(text, w);
    }
    return w;
  }
}

const registry = new Map<string, FontkitFace>();
/** Key → the face (path + index) that owns it; a changed file keeps its key. */
const keysTaken = new Map<string, string>();

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
