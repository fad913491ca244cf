/**
 * A collection folder → `Collection` (docs/sources.md “collection.yaml”): collection.yaml (title, showCount,
 * banner, template, pieces | parts, lang) and the piece files it lists.
 *
 * Every problem in every file is collected first, then thrown once as a
 * `SourceError` (docs/sources.md “Diagnostics and exit codes”: all problems at once). Diagnostic paths are as the user
 * named them: `path.join(dir as given, 'collection.yaml')`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Pair } from 'yaml';
import type { Banner, Collection, Part, Piece, Pos, ValuePos } from '../model/types.js';
import { Diagnostics, filePos, type Diagnostic } from '../model/diagnostics.js';
import { decodeSource } from './encoding.js';
import { parsePiece } from './piece.js';
import { YamlSource, describe, isYamlMap, scalarString } from './yaml-fields.js';
import { provenance } from './banner.js';
import { titleText } from './title-lines.js';
import type { PieceParseCache } from './parse-cache.js';

export const COLLECTION_KEYS = ['title', 'showCount', 'banner', 'template', 'pieces', 'parts', 'lang'] as const;
export const BANNER_KEYS = ['headline', 'name', 'source', 'date'] as const;
export const PART_KEYS = ['title', 'pieces'] as const;

export interface LoadOptions {
  /** How to name the folder in diagnostics (default: `dir` as given). */
  readonly displayDir?: string;
  /** Parse results kept from earlier loads (watch mode): unchanged pieces are not parsed again. */
  readonly parseCache?: PieceParseCache;
}

export interface LoadedCollection {
  readonly collection: Collection;
  readonly warnings: Diagnostic[];
}

/** A piece file named in collection.yaml, with the position of its list entry. */
interface Entry {
  readonly name: string;
  readonly pos: Pos;
  /** Index of the part it belongs to, or -1. */
  readonly part: number;
}

/** Reads a file as UTF-8 text, reporting absence or a wrong encoding at `missingPos`. */
async function readText(
  abs: string,
  display: string,
  missingPos: Pos,
  missingMsg: string,
  diags: Diagnostics,
): Promise<string | null> {
  return decodeText(await fs.readFile(abs).catch(() => null), display, missingPos, missingMsg, diags);
}

/** Bytes read (null: the file could not be read) as UTF-8 text, reporting absence or a wrong encoding. */
function decodeText(
  bytes: Uint8Array | null,
  display: string,
  missingPos: Pos,
  missingMsg: string,
  diags: Diagnostics,
): string | null {
  if (bytes === null) {
    diags.error(missingPos, missingMsg);
    return null;
  }
  const dec = decodeSource(bytes);
  if (!dec.ok) {
    diags.error({ file: display, line: dec.line, column: dec.column }, dec.message);
    return null;
  }
  return dec.text;
}

/** The list of piece files under `pieces:`, each a relative path to a file inside the folder. */
function readEntries(y: YamlSource, pair: Pair<unknown, unknown>, part: number, key: string): Entry[] {
  const items = y.list(pair, key);
  if (!items) return [];
  if (items.length === 0) y.diags.error(y.valuePos(pair), `"${key}" lists no piece files`);
  const out: Entry[] = [];
  for (const item of items) {
    const name = scalarString(item);
    const pos = y.pos(item);
    if (name === null || name.trim() === '') {
      y.diags.error(pos, `a piece must be a file name, not ${describe(item)}`);
    } else if (path.isAbsolute(name) || path.normalize(name).split(/[\\/]/)[0] === '..') {
      y.diags.error(pos, `piece "${name}" must be a path inside the collection folder`);
    } else {
      out.push({ name: path.normalize(name).split(path.sep).join('/'), pos, part });
    }
  }
  return out;
}

function readParts(
  y: YamlSource,
  pair: Pair<unknown, unknown>,
): { titles: { title: string; pos: Pos }[]; entries: Entry[] } {
  const titles: { title: string; pos: Pos }[] = [];
  const entries: Entry[] = [];
  for (const item of y.list(pair, 'parts') ?? []) {
    const pos = y.pos(item);
    if (!isYamlMap(item)) {
      y.diags.error(pos, `a part must be a mapping with "title" and "pieces", not ${describe(item)}`);
      continue;
    }
    const e = y.entries(item, PART_KEYS, 'part key');
    if (!e.has('title')) y.diags.error(pos, 'missing "title" in part');
    if (!e.has('pieces')) y.diags.error(pos, 'missing "pieces" in part');
    const index = titles.length;
    titles.push({
      title: y.string(e.get('title'), 'title') ?? '',
      pos: e.has('title') ? y.valuePos(e.get('title')!) : pos,
    });
    if (e.has('pieces')) entries.push(...readEntries(y, e.get('pieces')!, index, 'pieces'));
  }
  return { titles, entries };
}

function readBanner(y: YamlSource, pair: Pair<unknown, unknown> | undefined, title: string): Banner | null {
  const map = y.map(pair, 'banner');
  if (!map || !pair) return null;
  const e = y.entries(map, BANNER_KEYS, 'banner key');
  const source = y.string(e.get('source'), 'source');
  const date = y.date(e.get('date'), 'date');
  return {
    headline: y.string(e.get('headline'), 'headline'),
    name: y.string(e.get('name'), 'name') ?? title,
    source,
    date,
    provenance: provenance(source, date),
    pos: y.pos(pair.key),
    fieldPos: fieldPositions(y, e),
  };
}

/** Where each present key's value stands. */
function fieldPositions(y: YamlSource, e: ReadonlyMap<string, Pair<unknown, unknown>>): Record<string, ValuePos> {
  return Object.fromEntries([...e].map(([k, pair]) => [k, y.textPos(pair)]));
}

/** Files read at once while a collection loads: enough to overlap the reads, few enough for any open-file limit. */
const READ_CONCURRENCY = 16;

/** `f` over `items` with at most `limit` calls in flight; results in the order of `items`. */
async function mapLimited<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Markdown files in the folder, not in `listed`, that start with front matter: pieces collection.yaml does not list. */
async function unlistedPieceFiles(dir: string, listed: ReadonlySet<string>): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const candidates = names.sort().filter((name) => /\.(md|markdown)$/i.test(name) && !listed.has(name));
  const heads = await mapLimited(candidates, READ_CONCURRENCY, (name) =>
    fs.readFile(path.join(dir, name)).then(
      (b) => b.subarray(0, 8).toString('utf8'),
      () => '',
    ),
  );
  return candidates.filter((_, i) => /^(\uFEFF)?---\r?\n/.test(heads[i]!));
}

/** A listed piece file as read: outside the folder (through a symbolic link), unreadable (null) or its bytes. */
type PieceBytes = { readonly outside: true } | { readonly outside: false; readonly bytes: Uint8Array | null };

/** Loads and validates a collection folder. Throws `SourceError` with every error found. */
export async function loadCollection(dir: string, opts: LoadOptions = {}): Promise<LoadedCollection> {
  const diags = new Diagnostics();
  const abs = path.resolve(dir);
  const display = opts.displayDir ?? dir;
  const yamlFile = path.join(display, 'collection.yaml');
  const text = await readText(
    path.join(abs, 'collection.yaml'),
    yamlFile,
    filePos(yamlFile),
    `collection.yaml not found in "${display}"`,
    diags,
  );
  if (text === null) diags.throwIfErrors();
  const y = new YamlSource(text!, yamlFile, diags);
  diags.throwIfErrors();
  if (!isYamlMap(y.root)) {
    diags.error(
      y.root ? y.pos(y.root) : filePos(yamlFile),
      `collection.yaml must be a mapping of keys (title: …), not ${describe(y.root)}`,
    );
    diags.throwIfErrors();
  }
  const root = y.root as Parameters<YamlSource['entries']>[0];
  const e = y.entries(root, COLLECTION_KEYS, 'key');
  if (!e.has('title')) diags.error(filePos(yamlFile), 'missing "title" in collection.yaml');
  const { title, titleLines } = titleText(y.string(e.get('title'), 'title') ?? '');
  const showCount = y.bool(e.get('showCount'), 'showCount') ?? true;
  const template = y.string(e.get('template'), 'template');
  const lang = y.string(e.get('lang'), 'lang') ?? 'zh-CN';
  const banner = readBanner(y, e.get('banner'), title);

  let entries: Entry[] = [];
  let partTitles: { title: string; pos: Pos }[] = [];
  const piecesPair = e.get('pieces');
  const partsPair = e.get('parts');
  if (piecesPair && partsPair) {
    diags.error(y.pos(partsPair.key), 'use either "pieces" or "parts", not both');
  } else if (piecesPair) {
    entries = readEntries(y, piecesPair, -1, 'pieces');
  } else if (partsPair) {
    ({ titles: partTitles, entries } = readParts(y, partsPair));
  } else {
    diags.error(filePos(yamlFile), 'collection.yaml needs "pieces" (a list of piece files) or "parts"');
  }

  // A piece listed twice.
  const firstSeen = new Map<string, Pos>();
  const unique: Entry[] = [];
  for (const entry of entries) {
    const first = firstSeen.get(entry.name);
    if (first) diags.error(entry.pos, `piece "${entry.name}" is listed twice (first at line ${first.line})`);
    else {
      firstSeen.set(entry.name, entry.pos);
      unique.push(entry);
    }
  }

  // Read and parse every listed piece, numbering continuously.
  const pieces: Piece[] = [];
  const partPieces: number[][] = partTitles.map(() => []);
  const realRoot = await fs.realpath(abs);
  // The files are read a few at a time (overlapping the reads), then parsed in order.
  const read = await mapLimited(unique, READ_CONCURRENCY, async (entry): Promise<PieceBytes> => {
    const file = path.join(abs, entry.name);
    const real = await fs.realpath(file).catch(() => null);
    if (real !== null && path.relative(realRoot, real).split(path.sep)[0] === '..') return { outside: true };
    return { outside: false, bytes: await fs.readFile(file).catch(() => null) };
  });
  for (const [k, entry] of unique.entries()) {
    const pieceDisplay = path.join(display, entry.name);
    const got = read[k]!;
    if (got.outside) {
      diags.error(entry.pos, `piece "${entry.name}" leaves the collection folder (through a symbolic link)`);
      continue;
    }
    const src = decodeText(got.bytes, pieceDisplay, entry.pos, `piece file "${entry.name}" not found`, diags);
    if (src === null) continue;
    const n = pieces.length + 1;
    const parse = () => parsePiece(src, pieceDisplay, n, { relFile: entry.name, collectionDir: abs });
    const key = { text: src, display: pieceDisplay, n, relFile: entry.name, collectionDir: abs };
    const { piece, diagnostics } = opts.parseCache ? opts.parseCache.get(key, parse) : parse();
    diags.items.push(...diagnostics);
    pieces.push(piece);
    if (entry.part >= 0) partPieces[entry.part].push(n);
  }

  // Two pieces with the same handout id.
  const ids = new Map<string, Piece>();
  for (const p of pieces) {
    const other = ids.get(p.id);
    if (other) diags.error(p.pos, `piece id "${p.id}" is also used by ${other.file}: handout names must differ`);
    else ids.set(p.id, p);
  }

  // Piece files in the folder that collection.yaml does not list.
  for (const name of await unlistedPieceFiles(abs, new Set(firstSeen.keys()))) {
    diags.warning(filePos(path.join(display, name)), `piece file "${name}" is not listed in collection.yaml`);
  }

  opts.parseCache?.prune();
  diags.throwIfErrors();
  const parts: Part[] = partTitles.map((p, i) => ({ title: p.title, pieces: partPieces[i], pos: p.pos }));
  const collection: Collection = {
    id: path.basename(abs),
    dir: abs,
    title,
    ...(titleLines ? { titleLines } : {}),
    showCount,
    banner,
    template,
    lang,
    pieces,
    parts,
    pos: e.has('title') ? y.valuePos(e.get('title')!) : filePos(yamlFile),
    fieldPos: fieldPositions(y, e),
  };
  return { collection, warnings: diags.warnings };
}
