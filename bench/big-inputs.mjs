/**
 * Big inputs, part of `npm run bench` (also alone: `node bench/big-inputs.mjs`): is
 * reading linear, and what do big builds cost?
 *
 *   one piece of 5 MB and of 20 MB (bench/generate.mjs `bigPieceMarkdown`: headings,
 *   hard-wrapped paragraphs, a footnote every 5th paragraph, lists, block quotes):
 *     `huibian check` and the default build (PDF + DOCX + the piece's handout);
 *   collections of 500 and 5,000 small generated pieces: `huibian check` and the
 *   compilation PDF (`--format pdf --no-handouts`).
 *
 * Each run is a child process measured for wall time, CPU time and peak RSS
 * (bench/lib/measure.mjs); one warm-up, then BENCH_BIG_RUNS runs (default 3), medians.
 * Writes the `big-inputs` section of bench/RESULTS.md (bench/lib/results.mjs marks) and
 * bench/big-inputs.json. Environment: BENCH_BIG_MB=5,20  BENCH_MANY=500,5000
 * BENCH_BIG_RUNS=3  BENCH_TMP=<dir>; `--write-only` writes the section from the JSON again.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBigPiece, writeCollection } from './generate.mjs';
import { measure, median } from './lib/measure.mjs';
import { readReport, replaceSection } from './lib/results.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = path.join(ROOT, 'bin/huibian.js');
const SAMPLE = path.join(ROOT, 'sources/chongqing-2023-10');
const RESULTS = path.join(ROOT, 'bench/RESULTS.md');
const list = (v, d) =>
  (v ?? d)
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const SIZES_MB = list(process.env.BENCH_BIG_MB, '5,20');
const MANY = list(process.env.BENCH_MANY, '500,5000');
const RUNS = Math.max(1, Number(process.env.BENCH_BIG_RUNS ?? 3));
const ENV = { SOURCE_DATE_EPOCH: '1698105600' };

const log = (m) => process.stderr.write(`[bench:big] ${m}\n`);
const f0 = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US'));
const mb = (kb) => (kb == null ? '—' : Math.round(kb / 1024).toLocaleString('en-US'));

/** One warm-up and RUNS measured runs of `huibian <args>`; medians. */
async function series(label, args, outDir) {
  const runs = [];
  for (let i = 0; i <= RUNS; i++) {
    if (outDir) await rm(outDir, { recursive: true, force: true });
    const r = await measure(BIN, args, { cwd: ROOT, env: ENV, timeoutMs: 30 * 60_000 });
    if (r.code !== 0) return { ok: false, error: `exit ${r.code}: ${(r.stderr || r.stdout).trim().split('\n')[0]}` };
    const report = outDir ? await readReport(outDir) : null;
    log(`${label} ${i === 0 ? 'warm-up' : `run ${i}`}: ${f0(r.wallMs)} ms, CPU ${f0(r.cpuMs)} ms, ${mb(r.rssKb)} MB`);
    if (i > 0) runs.push({ ...r, pages: report?.pages?.total ?? null, timingsMs: report?.timingsMs ?? null });
  }
  const phases = {};
  for (const k of Object.keys(runs[0].timingsMs ?? {})) phases[k] = median(runs.map((r) => r.timingsMs[k]));
  return {
    ok: true,
    runs: runs.length,
    wallMs: median(runs.map((r) => r.wallMs)),
    minWallMs: Math.min(...runs.map((r) => r.wallMs)),
    maxWallMs: Math.max(...runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssKb: median(runs.map((r) => r.rssKb)),
    pages: runs[0].pages,
    phasesMs: phases,
  };
}

function row(name, s) {
  if (!s.ok) return `| ${name} | failed: ${s.error} | | | | |`;
  const phases = Object.entries(s.phasesMs)
    .map(([k, v]) => `${k} ${f0(v)}`)
    .join(', ');
  return `| ${name} | ${f0(s.wallMs)} (${f0(s.minWallMs)}–${f0(s.maxWallMs)}) | ${f0(s.cpuMs)} | ${mb(s.rssKb)} | ${s.pages ?? '—'} | ${phases || '—'} |`;
}

function section(res) {
  const L = ['## Big inputs', ''];
  L.push(
    `Written by \`node bench/big-inputs.mjs\` (part of \`npm run bench\`) on ${res.date}, huibian at commit ${res.commit}; load average (1 min) ${res.loadStart} at start, ${res.loadEnd} at end. Medians of ${RUNS} runs after one warm-up (min–max in brackets); CPU is user + system of the child.`,
    '',
  );
  L.push('| run | wall ms | CPU ms | peak RSS MB | pages | phases ms (report.json) |', '|---|---|---:|---:|---|---|');
  for (const r of res.rows) L.push(row(r.name, r.s));
  L.push('', '| target | measured | verdict |', '|---|---|---|');
  const by = (name) => res.rows.find((r) => r.name === name)?.s;
  const v = (ok) => (ok == null ? 'not measured' : ok ? '**met**' : '**not met**');
  const b5 = by('5 MB piece: default build');
  const c5 = by('5 MB piece: check');
  const c20 = by('20 MB piece: check');
  const b20 = by('20 MB piece: default build');
  if (b5?.ok) {
    L.push(`| 5 MB default build ≤ 12 s | ${f0(b5.wallMs)} ms (CPU ${f0(b5.cpuMs)}) | ${v(b5.wallMs <= 12_000)} |`);
    L.push(`| 5 MB default build ≤ 600 MB | ${mb(b5.rssKb)} MB | ${v(b5.rssKb <= 600 * 1024)} |`);
  }
  if (c5?.ok) L.push(`| 5 MB check ≤ 5 s | ${f0(c5.wallMs)} ms (CPU ${f0(c5.cpuMs)}) | ${v(c5.wallMs <= 5_000)} |`);
  if (c5?.ok && c20?.ok)
    L.push(
      `| 20 MB check ≤ 4.5 × 5 MB | ${(c20.wallMs / c5.wallMs).toFixed(2)} × (CPU ${(c20.cpuMs / c5.cpuMs).toFixed(2)} ×) | ${v(c20.wallMs / c5.wallMs <= 4.5)} |`,
    );
  if (b5?.ok && b20?.ok)
    L.push(
      `| 20 MB default build ≤ 4.5 × 5 MB | ${(b20.wallMs / b5.wallMs).toFixed(2)} × (CPU ${(b20.cpuMs / b5.cpuMs).toFixed(2)} ×) | ${v(b20.wallMs / b5.wallMs <= 4.5)} |`,
    );
  for (const mode of ['check', 'compilation PDF']) {
    const [a, b] = MANY.map((n) => ({ n, s: by(`${n.toLocaleString('en-US')} pieces: ${mode}`) }));
    if (a?.s?.ok && b?.s?.ok) {
      const per = (x) => x.s.wallMs / x.n;
      const r = per(b) / per(a);
      L.push(
        `| ${b.n.toLocaleString('en-US')} pieces ≤ 1.25 × per piece of ${a.n.toLocaleString('en-US')} (${mode}) | ${per(a).toFixed(2)} → ${per(b).toFixed(2)} ms a piece = ${r.toFixed(2)} × | ${v(r <= 1.25)} |`,
      );
    }
  }
  return L.join('\n');
}

async function main() {
  // `--write-only`: the section again from bench/big-inputs.json, nothing measured.
  if (process.argv.includes('--write-only')) {
    const res = JSON.parse(readFileSync(path.join(ROOT, 'bench/big-inputs.json'), 'utf8'));
    await writeFile(RESULTS, replaceSection(readFileSync(RESULTS, 'utf8'), 'big-inputs', section(res)));
    return;
  }
  const tmp = process.env.BENCH_TMP
    ? path.resolve(process.env.BENCH_TMP)
    : await mkdtemp(path.join(os.tmpdir(), 'huibian-big-'));
  const { execFileSync } = await import('node:child_process');
  const res = {
    date: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(),
    loadStart: os.loadavg()[0].toFixed(2),
    rows: [],
  };
  for (const size of SIZES_MB) {
    const { dir, bytes } = await writeBigPiece({
      sampleDir: SAMPLE,
      outDir: path.join(tmp, `big-${size}`),
      bytes: size * 1e6,
    });
    log(`${size} MB piece: ${bytes.toLocaleString('en-US')} bytes`);
    res.rows.push({ name: `${size} MB piece: check`, s: await series(`${size} MB check`, ['check', dir, '--quiet']) });
    const out = path.join(tmp, `out-big-${size}`);
    res.rows.push({
      name: `${size} MB piece: default build`,
      s: await series(`${size} MB build`, ['build', dir, '--out', out, '--quiet'], out),
    });
  }
  for (const count of MANY) {
    const dir = path.join(tmp, `many-${count}`);
    await writeCollection({ sampleDir: SAMPLE, outDir: dir, count });
    const n = count.toLocaleString('en-US');
    res.rows.push({ name: `${n} pieces: check`, s: await series(`${n} check`, ['check', dir, '--quiet']) });
    const out = path.join(tmp, `out-many-${count}`);
    res.rows.push({
      name: `${n} pieces: compilation PDF`,
      s: await series(`${n} pdf`, ['build', dir, '--out', out, '--format', 'pdf', '--no-handouts', '--quiet'], out),
    });
  }
  res.loadEnd = os.loadavg()[0].toFixed(2);
  await writeFile(path.join(ROOT, 'bench/big-inputs.json'), `${JSON.stringify(res, null, 2)}\n`);
  const md = section(res);
  await writeFile(RESULTS, replaceSection(readFileSync(RESULTS, 'utf8'), 'big-inputs', md));
  process.stdout.write(`${md}\n`);
  if (!process.env.BENCH_TMP) await rm(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`bench:big failed: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
