/**
 * Measuring one child process: wall time (monotonic clock around the spawn) and
 * peak resident set size.
 *
 * CPU time (user + system) is taken too: on a shared machine it is steadier than wall time.
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
export const rssMethod = () =>
  existsSync(GNU_TIME) ? 'GNU time -v (ru_maxrss of the child)' : 'process.resourceUsage() in a wrapper';

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // Its own process group, so a timeout ends the measured process and GNU time alike.
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let timedOut = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, opts.timeoutMs)
      : null;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout,
        stderr: timedOut ? `timed out after ${Math.round(opts.timeoutMs / 1000)} s\n${stderr}` : stderr,
        wallMs,
        timedOut,
      });
    });
  });
}

/** Parses `Maximum resident set size (kbytes): N` from GNU time -v output. */
export function parseGnuTimeRssKb(text) {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Parses user + system CPU seconds from GNU time -v output, in ms. */
export function parseGnuTimeCpuMs(text) {
  const u = /User time \(seconds\):\s*([\d.]+)/.exec(text);
  const s = /System time \(seconds\):\s*([\d.]+)/.exec(text);
  return u && s ? Math.round((Number(u[1]) + Number(s[1])) * 1000) : null;
}

/**
 * Runs `node <script> ...args` (or any command when `node: false`) and measures it.
 * `timeoutMs` > 0 kills the run (its process group) after that long.
 * @returns {{code, stdout, stderr, wallMs, cpuMs, rssKb, timedOut}}
 */
export async function measure(
  script,
  args,
  { cwd = process.cwd(), env = {}, node = true, nodeArgs = [], timeoutMs = 0 } = {},
) {
  const argv = node ? [...nodeArgs, script, ...args] : args;
  const cmd = node ? process.execPath : script;
  if (existsSync(GNU_TIME)) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hb-time-'));
    const out = path.join(dir, 'time.txt');
    try {
      const r = await run(GNU_TIME, ['-v', '-o', out, cmd, ...argv], { cwd, env, timeoutMs });
      const text = await readFile(out, 'utf8').catch(() => '');
      return { ...r, rssKb: parseGnuTimeRssKb(text), cpuMs: parseGnuTimeCpuMs(text) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (!node) {
    const r = await run(cmd, argv, { cwd, env, timeoutMs });
    return { ...r, rssKb: null, cpuMs: null };
  }
  const r = await run(process.execPath, [...nodeArgs, WRAPPER, script, ...args], { cwd, env, timeoutMs });
  const m = /\n?HB_MAXRSS_KB=(\d+) HB_CPU_MS=(\d+)\n?$/.exec(r.stderr);
  return {
    ...r,
    stderr: m ? r.stderr.slice(0, m.index) : r.stderr,
    rssKb: m ? Number(m[1]) : null,
    cpuMs: m ? Number(m[2]) : null,
  };
}

/** Median of numbers (mean of the middle two for an even count). */
export function median(xs) {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
