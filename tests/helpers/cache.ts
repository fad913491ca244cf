/**
 * A cache of expensive test products (CLI builds, LibreOffice conversions) shared by the
 * test files of one run: tests/global-setup.ts makes a folder for the run, provides it as
 * `testCache` and removes it afterwards, so nothing carries over from one run to the next.
 * Entries are keyed by their inputs' content; the first worker to ask makes an entry
 * (others wait for it), and an entry appears whole or not at all (written aside, then
 * renamed). Outside that run (the unit project) every call makes its product afresh.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { tempDir } from './tmp.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's cache folder (tests/global-setup.ts). */
    testCache: string;
  }
}

/** SHA-256 of strings and byte arrays, each length-prefixed so that parts cannot run together. */
export function contentKey(...parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`${b.length}:`);
    h.update(b);
  }
  return h.digest('hex').slice(0, 32);
}

/** Every file under `dir` (relative path and bytes), in name order: a folder's content for a key. */
export function folderContent(dir: string): (string | Uint8Array)[] {
  const out: (string | Uint8Array)[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, r)).isDirectory()) walk(r);
      else out.push(r, readFileSync(join(dir, r)));
    }
  };
  walk('');
  return out;
}

function runCache(): string | null {
  try {
    return inject('testCache') ?? null;
  } catch {
    return null;
  }
}

/** The folder of entry `key` if some test file of the run has made it, else null. */
export function madeFolder(key: string): string | null {
  const root = runCache();
  return root !== null && existsSync(join(root, key)) ? join(root, key) : null;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The folder of entry `key`, made by `make(folder)` the first time any test file of the run
 * asks for it. Without a run cache, a fresh temporary folder made by `make`.
 */
export function cachedFolder(key: string, make: (dir: string) => void, waitMs = 300_000): string {
  const root = runCache();
  if (root === null) {
    const dir = tempDir('huibian-uncached-');
    make(dir);
    return dir;
  }
  const dir = join(root, key);
  const lock = `${dir}.lock`;
  for (const start = Date.now(); !existsSync(dir); sleep(50)) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      if (Date.now() - start > waitMs) throw new Error(`test cache entry ${key} was not made within ${waitMs} ms`);
      continue;
    }
    const aside = `${dir}.making`;
    try {
      rmSync(aside, { recursive: true, force: true });
      mkdirSync(aside);
      make(aside);
      renameSync(aside, dir);
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
  return dir;
}
