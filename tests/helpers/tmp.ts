/**
 * Temporary folders for tests: each folder made here is removed after the test file that
 * made it (vitest evaluates this module once per file), and `writeTree` fills a folder
 * from a name → content map, making parent folders as needed; `listFiles` reads a tree back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh folder under the system temp folder, named `<prefix>XXXXXX`. */
export function tempDir(prefix = 'huibian-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Writes `files` (relative path → text or bytes) under `dir`; returns `dir`. */
export function writeTree(dir: string, files: Readonly<Record<string, string | Uint8Array>>): string {
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), data);
  }
  return dir;
}

/** A fresh temporary folder holding `files`. */
export function tempTree(files: Readonly<Record<string, string | Uint8Array>>, prefix?: string): string {
  return writeTree(tempDir(prefix), files);
}

/** Every file under `dir`, as sorted paths relative to it with `/` between folders. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}
