/**
 * `npm run bench:cold`: the sample (sources/chongqing-2023-10) built as a cold
 * command — a new process per build, what a user waits for — with the memo
 * files a build leaves in the cache folder (src/fonts/memo-file.ts: shaped
 * Latin/digit runs per font, jieba's cuts of titles) and without them (a
 * fresh cache folder holding only the converted fonts, as after the first
 * build of a new font or jieba version). Optionally against another huibian:
 * BENCH_BASE=<path to its bin/huibian.js> (e.g. a checkout of main), run with
 * its own warm cache folder.
 *
 * One warm-up round, then BENCH_RUNS (default 7) rounds, each running every
 * variant once in turn (alternating, so load on a shared machine hits all
 * alike); medians (min–max) of wall ms, CPU ms (user + system) and peak RSS,
 * and each variant's ratio to the warm one.
 *
 * Writes bench/cold-start.json and bench/COLD-START.md.
 * Environment: BENCH_RUNS=7  BENCH_BASE=<bin/huibian.js>
 */
import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, median } from './lib/measure.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = path.join(ROOT, 'bin/huibian.js');
const SAMPLE = path.join(ROOT, 'sources/chongqing-2023-10');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const BASE = process.env.BENCH_BASE ? path.resolve(process.env.BENCH_BASE) : null;
const EPOCH = '1698105600';

const BUILDS = {
  'PDF only': ['--format', 'pdf', '--no-handouts'],
  full: [],
};

const tmp = await mkdtemp(path.join(os.tmpdir(), 'hb-cold-'));
const warmDir = path.join(tmp, 'cache-warm');
const baseDir = path.join(tmp, 'cache-base');

/** A cache folder with the warm one's converted fonts but no memo file. */
async function freshCache(n) {
  const dir = path.join(tmp, `cache-fresh-${n}`);
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(warmDir)) {
    if (!f.endsWith('.json') && !f.endsWith('.tmp')) await link(path.join(warmDir, f), path.join(dir, f));
  }
  return dir;
}

async function build(bin, cacheDir, extra) {
  const out = path.join(tmp, 'out');
  const r = await measure(bin, ['build', SAMPLE, ...extra, '--out', out, '--quiet'], {
    cwd: ROOT,
    env: { SOURCE_DATE_EPOCH: EPOCH, HUIBIAN_CACHE_DIR: cacheDir },
  });
  if (r.code !== 0) throw new Error(`${bin} failed: ${r.stderr}`);
  return { ms: r.wallMs, cpuMs: r.cpuMs, rssKb: r.rssKb };
}

const results = {};
let fresh = 0;
try {
  for (const [name, extra] of Object.entries(BUILDS)) {
    const variants = {
      'memo files': () => build(BIN, warmDir, extra),
      'no memo files': async () => build(BIN, await freshCache(fresh++), extra),
      ...(BASE ? { 'BENCH_BASE build': () => build(BASE, baseDir, extra) } : {}),
    };
    const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    for (let round = 0; round <= RUNS; round++) {
      for (const [k, fn] of Object.entries(variants)) {
        const r = await fn();
        if (round > 0) runs[k].push(r);
      }
    }
    results[name] = runs;
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}

const fmt = (x) => (x === null ? '—' : Math.round(x).toLocaleString('en'));
const stat = (rs, f) => {
  const xs = rs.map(f).filter((x) => x !== null);
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
};
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const lines = [
  '# The sample as a cold command: with and without memo files',
  '',
  `Written by \`npm run bench:cold\` (bench/cold-start.mjs) on ${new Date().toISOString()}; raw numbers in \`bench/cold-start.json\`.`,
  `${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores; Node ${process.version}; huibian at ${commit}; load average (1 min) at the end ${os.loadavg()[0].toFixed(2)}.`,
  `One warm-up round, then ${RUNS} rounds alternating the variants; median (min–max).${BASE ? ` BENCH_BASE: ${BASE}.` : ''}`,
  '',
];
const summary = {};
for (const [name, runs] of Object.entries(results)) {
  lines.push(
    `## ${name}`,
    '',
    '| variant | wall ms | CPU ms | peak RSS MB | CPU / memo files |',
    '|---|---|---:|---:|---:|',
  );
  const warmCpu = stat(runs['memo files'], (r) => r.cpuMs).median;
  summary[name] = {};
  for (const [k, rs] of Object.entries(runs)) {
    const wall = stat(rs, (r) => r.ms);
    const cpu = stat(rs, (r) => r.cpuMs);
    const rss = stat(rs, (r) => (r.rssKb === null ? null : r.rssKb / 1024));
    summary[name][k] = { wallMs: wall, cpuMs: cpu, rssMb: rss, runs: rs };
    const ratio = warmCpu && cpu.median ? (cpu.median / warmCpu).toFixed(2) : '—';
    lines.push(
      `| ${k} | ${fmt(wall.median)} (${fmt(wall.min)}–${fmt(wall.max)}) | ${fmt(cpu.median)} | ${fmt(rss.median)} | ${ratio} |`,
    );
  }
  lines.push('');
}
await writeFile(path.join(ROOT, 'bench/cold-start.json'), JSON.stringify(summary, null, 2) + '\n');
await writeFile(path.join(ROOT, 'bench/COLD-START.md'), lines.join('\n'));
process.stdout.write(lines.join('\n') + '\n');
