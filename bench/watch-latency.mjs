/**
 * `huibian build --watch` latency: from saving a piece to the new compilation PDF in place.
 *
 * Copies the sample to a temporary folder, starts the watcher, then edits one piece
 * BENCH_EDITS times (default 10), alternating two texts; after each save it waits until
 * compilation.pdf is a new file (a rename gives it a new inode) and for the watcher's
 * "watching" line before the next edit. Two modes: `--format pdf --no-handouts` and
 * everything (PDF, DOCX, handouts). Prints the medians and writes bench/watch-latency.json.
 * Targets (issue 17): ≤ 150 ms PDF-only, ≤ 400 ms with everything.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = path.join(ROOT, 'bin/huibian.js');
const SAMPLE = path.join(ROOT, 'sources/chongqing-2023-10');
const EDITS = Math.max(2, Number(process.env.BENCH_EDITS ?? 10));
const PIECE = '03-changshou.md';
const MODES = [
  { name: 'pdf, no handouts', args: ['--format', 'pdf', '--no-handouts'], targetMs: 150 },
  { name: 'everything', args: [], targetMs: 400 },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const inode = (file) =>
  stat(file).then(
    (s) => s.ino,
    () => null,
  );

/** Waits until `cond()` holds, checking every millisecond or so. */
async function until(cond, what, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
}

async function runMode(tmp, mode) {
  const dir = path.join(tmp, 'src');
  const out = path.join(tmp, 'out');
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  await cp(SAMPLE, dir, { recursive: true });
  const piece = path.join(dir, PIECE);
  const texts = [await readFile(piece, 'utf8')];
  texts.push(texts[0].replace('凝心铸魂唯实争先', '凝心铸魂唯实争先（修订）'));
  const child = spawn(process.execPath, [BIN, 'build', dir, '--out', out, '--watch', ...mode.args], {
    cwd: ROOT,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1698105600' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => (log += d));
  const watching = () => log.match(/watching for changes/g)?.length ?? 0;
  const latencies = [];
  const logged = [];
  try {
    await until(async () => watching() >= 1, 'the first build');
    const pdf = path.join(out, 'compilation.pdf');
    for (let i = 1; i <= EDITS; i++) {
      const before = await inode(pdf);
      const seen = watching();
      const t0 = performance.now();
      await writeFile(piece, texts[i % 2]);
      await until(async () => (await inode(pdf)) !== before, `the PDF of edit ${i}`);
      latencies.push(performance.now() - t0);
      await until(async () => watching() > seen, `the end of rebuild ${i}`);
      await sleep(50);
    }
    for (const m of log.matchAll(/compilation\.pdf in (\d+) ms, all in (\d+) ms/g)) logged.push([+m[1], +m[2]]);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  const rebuilds = logged.slice(1); // the first line is the initial build
  return {
    mode: mode.name,
    args: mode.args,
    edits: EDITS,
    medianMs: Math.round(median(latencies)),
    latenciesMs: latencies.map(Math.round),
    loggedPdfMedianMs: Math.round(median(rebuilds.map((r) => r[0]))),
    loggedAllMedianMs: Math.round(median(rebuilds.map((r) => r[1]))),
    targetMs: mode.targetMs,
  };
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'huibian-watch-bench-'));
try {
  const results = [];
  for (const mode of MODES) {
    const r = await runMode(tmp, mode);
    results.push(r);
    process.stderr.write(
      `[watch] ${r.mode}: save → new compilation.pdf median ${r.medianMs} ms over ${r.edits} edits ` +
        `(target ≤ ${r.targetMs} ms; the watcher logged ${r.loggedPdfMedianMs} ms to the PDF, ${r.loggedAllMedianMs} ms to all files)\n`,
    );
  }
  await writeFile(
    path.join(ROOT, 'bench/watch-latency.json'),
    JSON.stringify({ node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), results }, null, 2) +
      '\n',
  );
} finally {
  await rm(tmp, { recursive: true, force: true });
}
