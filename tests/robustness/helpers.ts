/**
 * Helpers for the robustness catalogue and the fuzz tests: throw-away collection
 * folders, an in-process run of the real `huibian` command (src/cli/main.ts, the
 * same code as bin/huibian.js without the process start-up), a child-process run
 * with a hard time limit, and the outcome contract every bad input must meet
 * (docs/sources.md “Diagnostics and exit codes”): exit 0 with whole outputs, or exit 1 with every line a positioned
 * `path:line:column: error|warning: message` and nothing written — never exit 3,
 * a stack trace or a hang.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/cli.js';
import { pngChunk } from '../helpers/png.js';
import { tempDir as sharedTempDir, writeTree } from '../helpers/tmp.js';

export { ROOT };

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /**
   * CPU time of this process during the run (in-process runs only; else NaN). Time
   * bounds use it: wall time on a 2-core machine shared by parallel test files
   * varies threefold.
   */
  readonly cpuMs: number;
}

/** Runs `huibian <args>` in this process and captures what it prints. */
export async function runInProcess(args: readonly string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const code = await main(args, { out: (s) => (stdout += s), err: (s) => (stderr += s), isTTY: false });
  const c = process.cpuUsage(c0);
  return { code, stdout, stderr, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

/** Runs `node bin/huibian.js <args>` with a hard time limit (a hang fails instead of blocking). */
export function runChild(
  args: readonly string[],
  timeoutMs = 60_000,
  env: NodeJS.ProcessEnv = {},
  bin = join(ROOT, 'bin/huibian.js'),
): RunResult {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  return {
    code: r.status ?? -1,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    ms: performance.now() - t0,
    cpuMs: NaN,
  };
}

export const TMP_PREFIX = 'huibian-robust-';

/** A fresh temporary folder; remove it with `rmSync(dir, { recursive: true })`. */
export function tempDir(tag = ''): string {
  return sharedTempDir(TMP_PREFIX + tag);
}

/** A piece's source: front matter and body. */
export function piece(body: string, title = '测试标题'): string {
  return `---\ntitle: ${title}\nrole: 测试单位负责人\nauthor: 张三\n---\n\n${body}`;
}

/**
 * Writes a collection folder: `files` maps relative paths to contents; without a
 * `collection.yaml` one is written listing every `.md` file (plus `yamlExtra` lines).
 */
export function writeCollection(files: Record<string, string | Uint8Array>, yamlExtra = ''): string {
  const dir = join(tempDir('c'), 'collection');
  mkdirSync(dir);
  writeTree(dir, files);
  if (!('collection.yaml' in files)) {
    const pieces = Object.keys(files).filter((f) => f.endsWith('.md'));
    writeFileSync(
      join(dir, 'collection.yaml'),
      `title: 测试汇编\n${yamlExtra}pieces:\n${pieces.map((p) => `  - ${p}\n`).join('')}`,
    );
  }
  return dir;
}

export function removeCollection(dir: string): void {
  rmSync(dirname(dir), { recursive: true, force: true });
}

/**
 * `path:line:column: severity: message`, the only shape an error line may have.
 * Lines are split at `\n` only: a message may quote source text holding U+2028,
 * which `.` alone would not match.
 */
export const DIAGNOSTIC_LINE = /^(.+?):(\d+):(\d+): (error|warning): (.+)$/s;

/**
 * The outcome contract. Exit 0 (`outDir`, when given, holds a whole PDF) or exit 1
 * with only positioned diagnostics, at least one error, and nothing at `outDir`.
 */
export function expectCleanOutcome(r: RunResult, outDir?: string): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
  expect([0, 1], `exit ${r.code}: ${r.stderr.slice(0, 400)}`).toContain(r.code);
  if (r.code === 1) {
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l, 'every line is a positioned diagnostic').toMatch(DIAGNOSTIC_LINE);
    expect(lines.some((l) => / error: /.test(l))).toBe(true);
    if (outDir) expect(existsSync(outDir), 'a failed build writes nothing').toBe(false);
  } else if (outDir && existsSync(join(outDir, 'compilation.pdf'))) {
    expectWholePdf(join(outDir, 'compilation.pdf'));
  }
}

/** A PDF file that is complete: header, trailer and an end-of-file marker. */
export function expectWholePdf(file: string): void {
  const b = readFileSync(file);
  expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(b.subarray(-8).toString('latin1')).toMatch(/%%EOF\s*$/);
}

/** The first error line's message, for matching against the catalogue. */
export function errorLines(r: RunResult): string[] {
  return r.stderr.split('\n').filter((l) => / error: /.test(l));
}

/**
 * A structurally valid 8-bit RGB PNG that declares `widthPx × heightPx`. Pixel data
 * is real (deflated rows) when `realPixels`, else a token IDAT (enough for the
 * header-level checks; a 20,000 × 20,000 image is never actually allocated).
 */
export function pngFile(widthPx: number, heightPx: number, realPixels = true): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(widthPx, 0);
  ihdr.writeUInt32BE(heightPx, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = realPixels ? Buffer.alloc(heightPx * (1 + widthPx * 3), 0x80) : Buffer.alloc(16);
  if (realPixels) for (let y = 0; y < heightPx; y++) raw[y * (1 + widthPx * 3)] = 0; // filter type None
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
