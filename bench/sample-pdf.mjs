/**
 * `npm run bench:sample`: the sample compilation's PDF (sources/chongqing-2023-10),
 * huibian against Typst on the same text and fonts, side by side in this one
 * script. One warm-up each, then BENCH_RUNS (default 5) runs alternating
 * huibian and Typst; medians (min–max). Two ways:
 *
 *   command     each build a child process, measured from spawn to exit — what a
 *               user waits for: `node bin/huibian.js build … --format pdf
 *               --no-handouts` against `node bench/typst-peer.mjs` (Typst's
 *               compiler loaded into Node, a new compiler per run);
 *   in process  both loaded once into this process; every run builds from the
 *               source files and font files again: huibian's CLI `main()` after
 *               `clearFontCaches()` (no font read or parse kept from the run
 *               before), Typst with a new `NodeCompiler` (its font folder scanned
 *               and fonts loaded again). This leaves out what a process pays once
 *               — Node's start, loading code (for huibian: its JavaScript; for
 *               Typst: a native library), compiling JavaScript — and compares
 *               the work of a build.
 *
 * Writes bench/sample-pdf.json and bench/SAMPLE-PDF.md.
 * Environment: BENCH_RUNS=5  BENCH_TMP=<dir> (default: a fresh temp folder, removed after)
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readSample, sampleAsCollection, writeTypst } from './generate.mjs';
import { linkFontDir, peerFonts } from './lib/fonts.mjs';
import { measure, median } from './lib/measure.mjs';
import { loadPageSetup } from './lib/page-setup.mjs';
import { peerResult, readReport } from './lib/results.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = path.join(ROOT, 'bin/huibian.js');
const SAMPLE = path.join(ROOT, 'sources/chongqing-2023-10');
const TYPST_PEER = path.join(ROOT, 'bench/typst-peer.mjs');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const EPOCH = '1698105600';
const TITLE = '重庆市区县委书记和部门一把手例会交流发言材料汇编';
const log = (msg) => process.stderr.write(`[bench:sample] ${msg}\n`);

/** Warm-up once each, then RUNS rounds alternating the runners; each returns { ms, cpuMs?, rssKb?, pages? }. */
async function alternate(runners) {
  const names = Object.keys(runners);
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) await runners[n]();
  for (let i = 0; i < RUNS; i++) for (const n of names) runs[n].push(await runners[n]());
  return Object.fromEntries(
    names.map((n) => {
      const ms = runs[n].map((r) => r.ms);
      return [
        n,
        {
          runs: ms.length,
          ms: median(ms),
          minMs: Math.min(...ms),
          maxMs: Math.max(...ms),
          cpuMs: median(runs[n].map((r) => r.cpuMs)),
          rssKb: median(runs[n].map((r) => r.rssKb)),
          pages: runs[n].at(-1).pages ?? null,
        },
      ];
    }),
  );
}

async function main() {
  const tmp = process.env.BENCH_TMP
    ? path.resolve(process.env.BENCH_TMP)
    : await mkdtemp(path.join(os.tmpdir(), 'huibian-bench-sample-'));
  await mkdir(tmp, { recursive: true });
  process.env.SOURCE_DATE_EPOCH = EPOCH;

  // One build tells which font files huibian uses; Typst gets a folder with exactly those.
  const probeOut = path.join(tmp, 'probe');
  const probe = spawnSync(
    process.execPath,
    [BIN, 'build', SAMPLE, '--format', 'pdf', '--no-handouts', '--out', probeOut, '--quiet'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (probe.status !== 0) throw new Error(`huibian could not build the sample: ${probe.stderr}`);
  const report = JSON.parse(await readFile(path.join(probeOut, 'report.json'), 'utf8'));
  const setup = await loadPageSetup(ROOT);
  const fonts = peerFonts(ROOT, report.fonts ?? []);
  const fontDir = path.join(tmp, 'typst-fonts');
  await linkFontDir(fontDir, fonts);
  const peerDir = path.join(tmp, 'sample-peer');
  await mkdir(peerDir, { recursive: true });
  await writeTypst(sampleAsCollection(await readSample(SAMPLE), TITLE), peerDir, setup, fonts.typst);
  const workspace = path.join(peerDir, 'typst');

  log('as commands (child processes)');
  const hOut = path.join(tmp, 'cmd-huibian');
  const command = await alternate({
    huibian: async () => {
      await rm(hOut, { recursive: true, force: true });
      const r = await measure(BIN, ['build', SAMPLE, '--format', 'pdf', '--no-handouts', '--out', hOut, '--quiet'], {
        cwd: ROOT,
        env: { SOURCE_DATE_EPOCH: EPOCH },
      });
      if (r.code !== 0) throw new Error(`huibian failed: ${r.stderr}`);
      return { ms: r.wallMs, cpuMs: r.cpuMs, rssKb: r.rssKb, pages: (await readReport(hOut))?.pages?.total ?? null };
    },
    typst: async () => {
      const r = await measure(TYPST_PEER, [peerDir, fontDir, path.join(tmp, 'cmd-typst.pdf')], { cwd: ROOT });
      if (r.code !== 0) throw new Error(`typst failed: ${r.stderr}`);
      return {
        ms: r.wallMs,
        cpuMs: r.cpuMs,
        rssKb: r.rssKb,
        pages: peerResult(r.stdout).pages,
      };
    },
  });

  log('in process');
  const cli = await import(pathToFileURL(path.join(ROOT, 'dist/cli/main.js')).href);
  const { clearFontCaches } = await import(pathToFileURL(path.join(ROOT, 'dist/build/index.js')).href);
  const { NodeCompiler } = createRequire(import.meta.url)('@myriaddreamin/typst-ts-node-compiler');
  const iOut = path.join(tmp, 'inproc-huibian');
  const inProcess = await alternate({
    huibian: async () => {
      await rm(iOut, { recursive: true, force: true });
      clearFontCaches();
      const t0 = performance.now();
      const code = await cli.main(['build', SAMPLE, '--format', 'pdf', '--no-handouts', '--out', iOut, '--quiet']);
      const ms = performance.now() - t0;
      if (code !== 0) throw new Error(`huibian exited ${code}`);
      return { ms, pages: (await readReport(iOut))?.pages?.total ?? null };
    },
    typst: async () => {
      const t0 = performance.now();
      const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: [fontDir] }] });
      const result = compiler.compile({ mainFilePath: path.join(workspace, 'main.typ') });
      if (!result.result) throw new Error('typst failed');
      const pdf = compiler.pdf(result.result, { creationTimestamp: 0 });
      await writeFile(path.join(tmp, 'inproc-typst.pdf'), pdf);
      return { ms: performance.now() - t0, pages: result.result.numOfPages };
    },
  });

  const res = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${os.cpus()[0]?.model.trim() ?? 'unknown'}, ${os.cpus().length} cores`,
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
    runs: RUNS,
    fonts: Object.fromEntries(Object.entries(fonts.roles).map(([role, r]) => [role, path.basename(r.file ?? '?')])),
    command,
    inProcess,
  };
  await writeFile(path.join(ROOT, 'bench/sample-pdf.json'), `${JSON.stringify(res, null, 2)}\n`);
  const md = markdown(res);
  await writeFile(path.join(ROOT, 'bench/SAMPLE-PDF.md'), md);
  process.stdout.write(md);
  if (!process.env.BENCH_TMP) await rm(tmp, { recursive: true, force: true });
}

const f0 = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US'));
const row = (name, s) =>
  `| ${name} | ${f0(s.ms)} (${f0(s.minMs)}–${f0(s.maxMs)}) | ${f0(s.cpuMs)} | ${s.rssKb ? Math.round(s.rssKb / 1024) : '—'} | ${s.pages ?? '—'} |`;

/** One way of measuring: heading, table of both runs, the ratio. */
function section(title, m, [huibianName, typstName]) {
  const verdict = m.huibian.ms < m.typst.ms ? '**faster than Typst**' : '**slower than Typst**';
  return [
    `## ${title}`,
    '',
    '| run | wall ms | CPU ms | peak RSS MB | pages |',
    '|---|---|---:|---:|---:|',
    row(huibianName, m.huibian),
    row(typstName, m.typst),
    '',
    `huibian / Typst: ${(m.huibian.ms / m.typst.ms).toFixed(2)} — ${verdict}.`,
  ];
}

function markdown(r) {
  return `${[
    '# The sample PDF: huibian and Typst side by side',
    '',
    `Written by \`npm run bench:sample\` (bench/sample-pdf.mjs) on ${r.date}; raw numbers in \`bench/sample-pdf.json\`.`,
    `${r.cpu}; Node ${r.node}; huibian at ${r.commit}. One warm-up each, then ${r.runs} runs alternating huibian and Typst; median (min–max) ms.`,
    `Same text (the nine speeches), same page set-up (templates/compilation.yaml), same font files: ${Object.entries(
      r.fonts,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    ...section('As commands (a child process per build: what a user waits for)', r.command, [
      'huibian build --format pdf --no-handouts',
      'Typst (typst-ts-node-compiler in node)',
    ]),
    '',
    ...section('In process (both loaded once; each build from the source and font files again)', r.inProcess, [
      'huibian main() after clearFontCaches()',
      'Typst: new NodeCompiler, compile, pdf',
    ]),
  ].join('\n')}\n`;
}

main().catch((e) => {
  process.stderr.write(`bench:sample failed: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
