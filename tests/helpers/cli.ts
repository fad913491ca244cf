/**
 * Runs the real `huibian` command (node bin/huibian.js) and poppler tools for
 * end-to-end tests; `builtOnce` shares one run of a build among the test files.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedFolder, contentKey, folderContent } from './cache.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLE = `${ROOT}sources/chongqing-2023-10`;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function huibian(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [`${ROOT}bin/huibian.js`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `huibian build <collection> --out <folder> ...flags` run once per test run for the same
 * command, program (dist/bundle), collection and templates: returns the output folder and
 * what the command printed. For tests that read a build's outputs; a test about the
 * process or about building again runs `huibian` itself.
 */
export function builtOnce(collection: string, flags: readonly string[] = []): { out: string; result: CliResult } {
  const key = contentKey(
    'build',
    ...flags,
    ...folderContent(join(ROOT, 'dist/bundle')),
    ...folderContent(join(ROOT, 'templates')),
    ...folderContent(collection),
  );
  const dir = cachedFolder(`build-${key}`, (d) => {
    const result = huibian(['build', collection, '--out', join(d, 'out'), ...flags]);
    writeFileSync(join(d, 'result.json'), JSON.stringify(result));
  });
  return { out: join(dir, 'out'), result: JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as CliResult };
}

/** Text of one page (1-based) or of the whole PDF. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(m[1]);
}

/** Removes every kind of white space, for comparing text across line breaks. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, '');
}
