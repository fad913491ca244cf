/**
 * Measuring one child process: wall time (monotonic clock around the spawn) and
 * peak resident set size.
 *
 * Peak RSS comes from GNU time (`/usr/bin/time -v -o FILE`, “Maximum resident
 * set size (kbytes)”, i.e. getrusage ru_maxrss of the child). Without
 * /usr/bin/time, a Node child runs inside bench/rss-wrapper.mjs, which imports the
 * script in-process and reports its own `process.resourceUsage().maxRSS`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const WRAPPER = fileURLToPath(new URL('../rss-wrapper.mjs', import.meta.url));

/** Which RSS method this machine uses. */
export const rssMethod = () => (existsSync(GNU_TIME) ? 'GNU time -v (ru_maxrss of the child)' : 'process.resourceUsage() in a wrapper');

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, wallMs });
    });
  });
}

/** Parses `Maximum resident set size (kbytes): N` from GNU time -v output. */
export function parseGnuTimeRssKb(text) {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Runs `node <script> ...args` (or any command when `node: false`) and measures it.
 * @returns {{code, stdout, stderr, wallMs, rssKb}}
 */
export async function measure(script, args, { cwd = process.cwd(), env = {}, node = true, nodeArgs = [] } = {}) {
  const argv = node ? [...nodeArgs, script, ...args] : args;
  const cmd = node ? process.execPath : script;
  if (existsSync(GNU_TIME)) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hb-time-'));
    const out = path.join(dir, 'time.txt');
    try {
      const r = await run(GNU_TIME, ['-v', '-o', out, cmd, ...argv], { cwd, env });
      const rssKb = parseGnuTimeRssKb(await readFile(out, 'utf8').catch(() => ''));
      return { ...r, rssKb };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (!node) {
    const r = await run(cmd, argv, { cwd, env });
    return { ...r, rssKb: null };
  }
  const r = await run(process.execPath, [...nodeArgs, WRAPPER, script, ...args], { cwd, env });
  const m = /\n?HB_MAXRSS_KB=(\d+)\n?$/.exec(r.stderr);
  return { ...r, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, rssKb: m ? Number(m[1]) : null };
}

/** Median of numbers (mean of the middle two for an even count). */
export function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
