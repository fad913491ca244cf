/**
 * Compiles src/ to dist/ before the tests when dist/ is older than src/, and
 * bundles it (scripts/bundle.mjs) when the bundle is older than dist/, so tests
 * that run the real `huibian` command (bin/huibian.js → dist/bundle/) never see
 * a stale build and exercise what users run. Type errors are printed but do not
 * stop the run (tsc still emits). It also makes the run's cache folder for
 * tests/helpers/cache.ts, provided as `testCache` and removed when the run ends.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(project: TestProject): () => void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (mtime(join(root, 'dist', 'cli', 'main.js')) < newest(join(root, 'src'))) {
    try {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
    } catch {
      process.stderr.write('global-setup: tsc reported errors; dist/ may be incomplete\n');
    }
  }
  if (mtime(join(root, 'dist', 'bundle', 'main.js')) < mtime(join(root, 'dist', 'cli', 'main.js'))) {
    execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
  }
  const cache = mkdtempSync(join(tmpdir(), 'huibian-test-cache-'));
  project.provide('testCache', cache);
  return () => rmSync(cache, { recursive: true, force: true });
}
