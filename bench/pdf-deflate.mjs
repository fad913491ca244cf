/**
 * `npm run bench:deflate`: how the PDF's streams are best compressed. Builds a
 * generated 100-piece collection (bench/generate.mjs) PDF-only with handouts, with
 * bench/lib/capture-deflate.cjs preloaded to keep every stream pdfkit deflates, then
 * compresses those streams — font programs and the rest (page contents, ToUnicode,
 * widths) apart — as the build does (zlib.deflateSync, level 6), at levels 1 and 3,
 * and with zlib's async API on libuv's thread pool (all streams of the class queued
 * at once: the most it could overlap). BENCH_RUNS rounds (default 5), the variants
 * alternating within each round; medians of wall and CPU (process.cpuUsage, which
 * counts the pool's threads too) and the compressed size.
 *
 * What was chosen from it: pdfkit's synchronous level 6, unchanged. Level 1 saves about a
 * quarter of the font streams' CPU (under 1 ms a document) for a few per cent more bytes
 * and different PDFs; the async API costs more CPU than the sync one (the pool's hand-offs,
 * most of all for the many small streams) and only shortens wall time while cores are
 * idle, which a build running its handouts on every core does not leave them.
 *
 * Writes bench/pdf-deflate.json and bench/PDF-DEFLATE.md.
 * Environment: BENCH_RUNS=5  BENCH_TMP=<dir> (default: a fresh temp folder, removed after)
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { writeCollection } from './generate.mjs';
import { median } from './lib/measure.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const PIECES = 100;

const tmp = process.env.BENCH_TMP ?? (await mkdtemp(path.join(os.tmpdir(), 'huibian-deflate-')));
const collection = path.join(tmp, `generated-${PIECES}`);
const capture = path.join(tmp, 'streams');
await mkdir(capture, { recursive: true });
await writeCollection({ sampleDir: path.join(ROOT, 'sources/chongqing-2023-10'), outDir: collection, count: PIECES });
const build = spawnSync(
  process.execPath,
  [
    '-r',
    path.join(ROOT, 'bench/lib/capture-deflate.cjs'),
    path.join(ROOT, 'bin/huibian.js'),
    'build',
    collection,
    '--format',
    'pdf',
  ],
  {
    cwd: tmp,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1698105600', HUIBIAN_DEFLATE_CAPTURE: capture },
    encoding: 'utf8',
  },
);
if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);

const streams = await Promise.all((await readdir(capture)).sort().map((f) => readFile(path.join(capture, f))));
/** A TrueType or OpenType font program (FontFile2/FontFile3). */
const isFont = (b) => ['true', 'OTTO', '\0\x01\0\0'].includes(b.subarray(0, 4).toString('latin1'));
const classes = { fonts: streams.filter(isFont), other: streams.filter((b) => !isFont(b)) };

const deflateAsync = promisify(zlib.deflate);
const syncAt = (level) => (bufs) => bufs.reduce((s, b) => s + zlib.deflateSync(b, { level }).length, 0);
const variants = {
  'sync, level 6 (as built)': syncAt(6),
  'sync, level 3': syncAt(3),
  'sync, level 1': syncAt(1),
  'async on the thread pool, level 6': async (bufs) =>
    (await Promise.all(bufs.map((b) => deflateAsync(b)))).reduce((s, r) => s + r.length, 0),
};

const samples = {};
for (let round = 0; round < RUNS; round++) {
  for (const [name, run] of Object.entries(variants)) {
    for (const [cls, bufs] of Object.entries(classes)) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const bytes = await run(bufs);
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      (samples[`${cls}\u0000${name}`] ??= []).push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, bytes });
    }
  }
}

const sum = (bufs) => bufs.reduce((s, b) => s + b.length, 0);
const rows = Object.entries(samples).map(([key, rs]) => {
  const [cls, variant] = key.split('\u0000');
  return {
    streams: cls,
    variant,
    count: classes[cls].length,
    inputBytes: sum(classes[cls]),
    wallMs: Math.round(median(rs.map((r) => r.wallMs))),
    cpuMs: Math.round(median(rs.map((r) => r.cpuMs))),
    outputBytes: rs[0].bytes,
  };
});
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.availableParallelism(),
  loadAverage: os.loadavg()[0],
  pieces: PIECES,
  runs: RUNS,
  rows,
};
await writeFile(path.join(ROOT, 'bench/pdf-deflate.json'), `${JSON.stringify(results, null, 2)}\n`);
const fmt = (n) => n.toLocaleString('en-US');
const md = [
  '# PDF stream compression',
  '',
  `Written by \`npm run bench:deflate\` (bench/pdf-deflate.mjs) on ${results.date}; Node ${results.node}, ${results.cpus} CPUs, load average ${results.loadAverage.toFixed(2)}.`,
  `The streams one PDF-only build of a generated ${PIECES}-piece collection with handouts deflates (${streams.length} streams), compressed again per variant; medians of ${RUNS} alternating rounds.`,
  '',
  '| streams | variant | count | input bytes | wall ms | CPU ms | output bytes |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.streams} | ${r.variant} | ${r.count} | ${fmt(r.inputBytes)} | ${fmt(r.wallMs)} | ${fmt(r.cpuMs)} | ${fmt(r.outputBytes)} |`,
  ),
  '',
];
await writeFile(path.join(ROOT, 'bench/PDF-DEFLATE.md'), md.join('\n'));
process.stdout.write(md.join('\n'));
if (!process.env.BENCH_TMP) await rm(tmp, { recursive: true, force: true });
