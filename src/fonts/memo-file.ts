/**
 * Memo files: what one process computed once — a font's shaped runs
 * (run-store.ts), a title's words (layout's words.ts) — kept as JSON in the
 * cache folder (`defaultFontCacheDir`, cache.ts) for the next process.
 *
 * A file is named by what it memoises and a key that covers everything its
 * values depend on (a font's bytes, a library's version), so a changed input gets
 * a new file and the old one is never read again. Only `build` writes
 * (`saveMemoFiles`, once its output is in place); `check` and the rest only read.
 * Everything is optional: a missing, unreadable, corrupt or foreign file reads as
 * empty, an entry the codec rejects is dropped, a folder that cannot be written is
 * left alone — values are then computed as without the file, so outputs never
 * depend on it.
 *
 * A file does not grow without bound: once it would hold more than `MAX_ENTRIES`,
 * a save keeps only the entries this process used or added, so what a collection no
 * longer contains drops out and what it does stays.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFontCacheDir, writeAtomic } from './cache.js';

/** Raised when the file layout changes: older files read as empty. */
const FORMAT = 1;

/** Entries past which a save drops those this process did not use (a shaped run is ~60 bytes of JSON). */
export const MAX_ENTRIES = 50_000;

/** How a value goes to JSON and back; `decode` answers undefined for an entry that is not a valid value of `key`. */
export interface MemoCodec<V> {
  encode(value: V): unknown;
  decode(key: string, stored: unknown): V | undefined;
}

interface Stored {
  readonly format: number;
  readonly key: string;
  readonly entries: Record<string, unknown>;
}

/** One memo file: what it held, plus what this process added since. */
export class MemoFile<V> {
  private loaded: Map<string, V> | null = null;
  private readonly added = new Map<string, V>();
  /** Entries of the file this process asked for. */
  private readonly used = new Set<string>();

  constructor(
    readonly file: string,
    readonly key: string,
    private readonly codec: MemoCodec<V>,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  get(entry: string): V | undefined {
    const added = this.added.get(entry);
    if (added !== undefined) return added;
    const stored = this.read().get(entry);
    if (stored !== undefined) this.used.add(entry);
    return stored;
  }

  /** A value this process computed, to be saved with the others (dropped if the codec would not read it back). */
  add(entry: string, value: V): void {
    if (this.read().has(entry)) return;
    if (this.codec.decode(entry, this.codec.encode(value)) !== undefined) this.added.set(entry, value);
  }

  /** Writes the file when this process added entries; false when it could not (never throws). */
  save(): boolean {
    if (this.added.size === 0) return true;
    let all = new Map([...this.read(), ...this.added]);
    if (all.size > this.maxEntries) {
      all = new Map([...all].filter(([entry]) => this.used.has(entry) || this.added.has(entry)));
      this.loaded = new Map([...this.loaded!].filter(([entry]) => this.used.has(entry)));
    }
    const entries: Record<string, unknown> = {};
    for (const entry of [...all.keys()].sort()) entries[entry] = this.codec.encode(all.get(entry)!);
    const body: Stored = { format: FORMAT, key: this.key, entries };
    try {
      writeAtomic(this.file, Buffer.from(JSON.stringify(body)));
    } catch {
      return false;
    }
    for (const [entry, value] of this.added) this.loaded!.set(entry, value);
    this.added.clear();
    return true;
  }

  private read(): Map<string, V> {
    if (this.loaded) return this.loaded;
    this.loaded = new Map();
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return this.loaded; // missing, unreadable or corrupt: empty
    }
    const f = parsed as Partial<Stored> | null;
    if (!f || f.format !== FORMAT || f.key !== this.key || typeof f.entries !== 'object' || f.entries === null) {
      return this.loaded;
    }
    for (const [entry, stored] of Object.entries(f.entries)) {
      const value = this.codec.decode(entry, stored);
      if (value !== undefined) this.loaded.set(entry, value);
    }
    return this.loaded;
  }
}

const files = new Map<string, MemoFile<unknown>>();
/** The default folder, found once per process (until `clearMemoFiles`). */
let defaultDir: string | null = null;

/**
 * The memo file `<kind>-<key>.json` in `cacheDir`, one object per file for the
 * process. `key` must name everything the values depend on.
 */
export function memoFile<V>(kind: string, key: string, codec: MemoCodec<V>, cacheDir?: string): MemoFile<V> {
  const file = join(cacheDir ?? (defaultDir ??= defaultFontCacheDir()), `${kind}-${key}.json`);
  let memo = files.get(file);
  if (!memo) files.set(file, (memo = new MemoFile(file, key, codec) as MemoFile<unknown>));
  return memo as MemoFile<V>;
}

/** Writes every memo file that gained entries (`build` only, once its output is in place). */
export function saveMemoFiles(): void {
  for (const memo of files.values()) memo.save();
}

/** Forgets the memo files read (the next build reads them again, as a new process would). */
export function clearMemoFiles(): void {
  files.clear();
  defaultDir = null;
}
