/**
 * Parse results of piece files kept between builds of one process (`huibian build --watch`):
 * a piece whose text, path, number and folder are unchanged is not parsed again.
 *
 * The key is the piece's text hash together with everything else `parsePiece` reads from its
 * arguments, so an entry can only be found for an identical call. Image files a piece points at
 * are read while parsing and are not part of the key: whoever watches the folder calls `clear()`
 * when a file other than a piece or collection.yaml changes.
 */
import { createHash } from 'node:crypto';
import type { ParsedPiece } from './piece.js';

export interface ParseKey {
  readonly text: string;
  readonly display: string;
  readonly n: number;
  readonly relFile: string;
  readonly collectionDir: string;
}

export class PieceParseCache {
  private readonly entries = new Map<string, ParsedPiece>();
  private readonly used = new Set<string>();
  /** Parses served from the cache / made since the cache was created (for tests and logs). */
  hits = 0;
  misses = 0;

  private static keyOf(k: ParseKey): string {
    const hash = createHash('sha256').update(k.text).digest('hex');
    return JSON.stringify([k.collectionDir, k.relFile, k.display, k.n, hash]);
  }

  /** The cached result for the same call, or the result of `parse` (then kept). */
  get(k: ParseKey, parse: () => ParsedPiece): ParsedPiece {
    const key = PieceParseCache.keyOf(k);
    this.used.add(key);
    const found = this.entries.get(key);
    if (found) {
      this.hits++;
      return found;
    }
    this.misses++;
    const made = parse();
    this.entries.set(key, made);
    return made;
  }

  /**
   * Drops the entries not asked for since the previous prune (called after each load),
   * so a file edited many times does not pile up its old versions.
   */
  prune(): void {
    for (const key of [...this.entries.keys()]) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }

  clear(): void {
    this.entries.clear();
    this.used.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
