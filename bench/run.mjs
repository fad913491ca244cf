/**
 * `npm run bench`: huibian against Typst and pandoc, and at scale.
 *
 * For the real sample and generated collections of 9, 100 and 1,000 pieces
 * (bench/generate.mjs), each run a child process measured for wall time and peak
 * RSS (bench/lib/measure.mjs), one warm-up then BENCH_RUNS runs (default 5):
 *   full   huibian build (compilation PDF + DOCX + handouts)
 *   pdf    huibian --format pdf --no-handouts  ⟷ Typst (typst-ts-node-compiler), alternating
 *   docx   huibian --format docx --no-handouts ⟷ pandoc Markdown → DOCX, alternating
 * plus cold start (`--version`, `check` on the sample), the targets of the issue,
 * and a CPU profile summary (`node --cpu-prof`) of a 100-piece PDF-only and full
 * build. Writes bench/RESULTS.md and bench/results.json.
 *
 * Then the big inputs (bench/big-inputs.mjs: a 5 MB and a 20 MB piece, 500 and 5,000
 * pieces), whose section of bench/RESULTS.md is kept when this script rewrites it.
 *
 * Environment: BENCH_SIZES=9,100,1000  BENCH_RUNS=5  BENCH_PROFILE=0 (skip profiling)  BENCH_BIG=0 (skip big inputs)
 *              BENCH_RUN_TIMEOUT_S=900 (kill a longer run)  BENCH_SERIES_BUDGET_S=600 (fewer runs
 *              when a series would take longer; a warm-up over half the budget counts as the one run)
 *              BENCH_TMP=<dir> (default: a fresh folder under the OS temp dir)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  collectionToPandoc,
  readSample,
  sampleAsCollection,
  bodyChars,
  writeCollection,
  writeTypst,
} from './generate.mjs';
import { linkFontDir, peerFonts } from './lib/fonts.mjs';
import { measure, median, rssMethod } from './lib/measure.mjs';
import { describeSetup, loadPageSetup } from './lib/page-setup.mjs';
import { markedSection, peerResult, readReport } from './lib/results.mjs';
import { summariseProfile, summaryMarkdown } from './profile-summary.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = path.join(ROOT, 'bin/huibian.js');
const SAMPLE = path.join(ROOT, 'sources/chongqing-2023-10');
const TYPST_PEER = path.join(ROOT, 'bench/typst-peer.mjs');
const SIZES = (process.env.BENCH_SIZES ?? '9,100,1000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const PROFILE = process.env.BENCH_PROFILE !== '0';
/** A run longer than this is killed and reported as timed out. */
const RUN_TIMEOUT_MS = 1000 * Number(process.env.BENCH_RUN_TIMEOUT_S ?? 900);
/** Measured runs of a series are cut so that they fit this budget (at least one run). */
const SERIES_BUDGET_MS = 1000 * Number(process.env.BENCH_SERIES_BUDGET_S ?? 600);
const ENV = { SOURCE_DATE_EPOCH: '1698105600' };

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

// ---------------------------------------------------------------------------
// Machine

function machine() {
  const cpus = os.cpus();
  let pandoc = null;
  try {
    pandoc = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    /* not installed */
  }
  const typstPkg = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules/@myriaddreamin/typst-ts-node-compiler/package.json'), 'utf8'),
  );
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    typst: `@myriaddreamin/typst-ts-node-compiler ${typstPkg.version}`,
    pandoc,
    rss: rssMethod(),
    loadStart: os.loadavg()[0].toFixed(2),
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
  };
}

// ---------------------------------------------------------------------------
// Runners: each returns { ok, wallMs, rssKb, pages?, timingsMs?, error? }

/** The telling line of a failure's output (the first naming an error), safe inside a Markdown table. */
function firstLines(s) {
  const lines = s
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? '(no output)';
  return line.replace(/\|/g, '\\|').slice(0, 200);
}

/** The result of a run that exited non-zero: its time and memory, and its first error line. */
function failedRun(r, output) {
  return { ok: false, wallMs: r.wallMs, rssKb: r.rssKb, error: `exit ${r.code}: ${firstLines(output)}` };
}

function huibianRunner(dir, outDir, flags) {
  return async () => {
    await rm(outDir, { recursive: true, force: true });
    const r = await measure(BIN, ['build', dir, ...flags, '--out', outDir, '--quiet'], {
      cwd: ROOT,
      env: ENV,
      timeoutMs: RUN_TIMEOUT_MS,
    });
    if (r.code !== 0) return failedRun(r, r.stderr || r.stdout);
    const report = await readReport(outDir);
    const handoutPages = report?.pieces?.reduce((n, p) => n + (p.handout?.pages ?? 0), 0) ?? 0;
    return {
      ok: true,
      wallMs: r.wallMs,
      cpuMs: r.cpuMs,
      rssKb: r.rssKb,
      pages: report?.pages?.total ?? null,
      handoutPages,
      timingsMs: report?.timingsMs ?? {},
      report,
    };
  };
}

function typstRunner(dir, fontDir, outPdf) {
  return async () => {
    const r = await measure(TYPST_PEER, [dir, fontDir, outPdf], { cwd: ROOT, timeoutMs: RUN_TIMEOUT_MS });
    if (r.code !== 0) return failedRun(r, r.stderr || r.stdout);
    const out = peerResult(r.stdout);
    return { ok: true, wallMs: r.wallMs, cpuMs: r.cpuMs, rssKb: r.rssKb, pages: out.pages };
  };
}

function pandocRunner(dir, outDocx) {
  return async () => {
    const r = await measure(
      'pandoc',
      [path.join(dir, 'pandoc.md'), '-f', 'markdown', '-t', 'docx', '--toc', '-o', outDocx],
      {
        node: false,
        cwd: ROOT,
        env: ENV,
        timeoutMs: RUN_TIMEOUT_MS,
      },
    );
    if (r.code !== 0) return failedRun(r, r.stderr);
    return { ok: true, wallMs: r.wallMs, cpuMs: r.cpuMs, rssKb: r.rssKb, pages: null };
  };
}

/**
 * One warm-up per runner, then RUNS rounds running the runners in turn
 * (alternating huibian and its peer). A runner that fails stops being run.
 */
async function series(label, runners) {
  const names = Object.keys(runners);
  const results = Object.fromEntries(names.map((n) => [n, { runs: [], error: null, note: null }]));
  let roundMs = 0;
  for (const n of names) {
    const w = await runners[n]();
    if (!w.ok) results[n].error = w.error;
    else roundMs += w.wallMs;
    log(`${label} ${n} warm-up: ${w.ok ? `${w.wallMs.toFixed(0)} ms` : w.error}`);
    if (w.ok && w.wallMs > SERIES_BUDGET_MS / 2) {
      results[n].runs.push(w);
      results[n].note = 'one run (the warm-up), over half the series budget';
    }
  }
  const rounds = Math.max(1, Math.min(RUNS, Math.floor(SERIES_BUDGET_MS / Math.max(1, roundMs))));
  for (const n of names)
    if (rounds < RUNS && !results[n].note) results[n].note = `${rounds} run(s) to fit the series budget`;
  for (let i = 0; i < rounds; i++) {
    for (const n of names) {
      if (results[n].error || (results[n].note && results[n].note.startsWith('one run'))) continue;
      const r = await runners[n]();
      if (!r.ok) {
        results[n].error = r.error;
        continue;
      }
      results[n].runs.push(r);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarise(results[n])]));
}

/** Medians of a runner's measured runs (wall, RSS, each report.json phase). */
function summarise({ runs, error, note = null }) {
  if (runs.length === 0) return { ok: false, error: error ?? 'no runs' };
  const phases = {};
  for (const key of new Set(runs.flatMap((r) => Object.keys(r.timingsMs ?? {})))) {
    phases[key] = median(runs.map((r) => r.timingsMs?.[key]));
  }
  const wallMs = median(runs.map((r) => r.wallMs));
  const pages = runs[runs.length - 1].pages;
  return {
    ok: true,
    error,
    note,
    runs: runs.length,
    wallMs,
    minWallMs: Math.min(...runs.map((r) => r.wallMs)),
    maxWallMs: Math.max(...runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssKb: median(runs.map((r) => r.rssKb)),
    maxRssKb: Math.max(...runs.map((r) => r.rssKb ?? 0)),
    pages,
    handoutPages: runs[runs.length - 1].handoutPages ?? null,
    pagesPerSec: pages ? pages / (wallMs / 1000) : null,
    phasesMs: phases,
  };
}

// ---------------------------------------------------------------------------
// Profiling

async function profile(label, dir, flags, tmp) {
  const profDir = path.join(tmp, `prof-${label}`);
  await rm(profDir, { recursive: true, force: true });
  const outDir = path.join(tmp, `prof-out-${label}`);
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`, BIN, 'build', dir, ...flags, '--out', outDir, '--quiet'],
    {
      cwd: ROOT,
      env: { ...process.env, ...ENV },
      encoding: 'utf8',
      timeout: RUN_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    },
  );
  if (r.error?.code === 'ETIMEDOUT') return { label, error: `timed out after ${RUN_TIMEOUT_MS / 1000} s` };
  if (r.status !== 0) return { label, error: `exit ${r.status}: ${firstLines(r.stderr ?? '')}` };
  const files = (await readdir(profDir)).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return { label, error: 'no .cpuprofile written' };
  const prof = JSON.parse(await readFile(path.join(profDir, files[0]), 'utf8'));
  return { label, summary: summariseProfile(prof, { top: 20, root: ROOT }) };
}

// ---------------------------------------------------------------------------
// Report

const f0 = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US'));
const f2 = (x) => (x == null ? '—' : x.toFixed(2));
const mb = (kb) => (kb == null ? '—' : `${Math.round(kb / 1024)}`);
const ratio = (a, b) => (a?.ok && b?.ok ? a.wallMs / b.wallMs : null);
const cpuRatio = (a, b) => (a?.ok && b?.ok && a.cpuMs && b.cpuMs ? a.cpuMs / b.cpuMs : null);
const rssRatio = (a, b) => (a?.ok && b?.ok && a.rssKb && b.rssKb ? a.rssKb / b.rssKb : null);

function row(name, s) {
  if (!s) return null;
  if (!s.ok) return `| ${name} | failed: ${s.error} | | | | | | |`;
  const phases = Object.entries(s.phasesMs)
    .map(([k, v]) => `${k} ${f0(v)}`)
    .join(', ');
  const n = s.runs === RUNS ? '' : ` [${s.runs} run${s.runs > 1 ? 's' : ''}]`;
  return `| ${name} | ${f0(s.wallMs)} (${f0(s.minWallMs)}–${f0(s.maxWallMs)})${n} | ${f0(s.cpuMs)} | ${mb(s.rssKb)} | ${s.pages ?? '—'}${s.handoutPages ? ` + ${s.handoutPages} handout` : ''} | ${s.pagesPerSec ? s.pagesPerSec.toFixed(1) : '—'} | ${phases || '—'} |`;
}

function targets(res) {
  const out = [];
  const verdict = (ok) => (ok == null ? 'not measured' : ok ? '**met**' : '**not met**');
  const sample = res.sizes.find((s) => s.name === 'sample');
  const full = sample?.full?.huibian;
  out.push([
    'sample full build ≤ 1.0 s wall (median)',
    full?.ok ? `${f0(full.wallMs)} ms` : (full?.error ?? '—'),
    verdict(full?.ok ? full.wallMs <= 1000 : null),
  ]);
  for (const s of res.sizes.filter((x) => x.name === 'sample' || x.count === 100 || x.count === 1000)) {
    const h = s.pdf?.huibian;
    const t = s.pdf?.typst;
    const r = ratio(h, t);
    const rr = rssRatio(h, t);
    out.push([
      `${s.name}: PDF-only faster than Typst (ratio < 1.0)`,
      r == null ? '—' : `${f0(h.wallMs)} / ${f0(t.wallMs)} ms = ${f2(r)}`,
      verdict(r == null ? null : r < 1),
    ]);
    out.push([
      `${s.name}: PDF-only peak RSS ≤ Typst's`,
      rr == null ? '—' : `${mb(h.rssKb)} / ${mb(t.rssKb)} MB = ${f2(rr)}`,
      verdict(rr == null ? null : rr <= 1),
    ]);
  }
  const k = res.sizes.find((s) => s.count === 1000);
  const kf = k?.full?.huibian;
  const kfTimedOut = !kf?.ok && /timed out/.test(kf?.error ?? '') && RUN_TIMEOUT_MS >= 20000;
  out.push([
    '1,000 pieces full build ≤ 20 s',
    kf?.ok ? `${f0(kf.wallMs)} ms` : (kf?.error ?? 'not run'),
    verdict(kf?.ok ? kf.wallMs <= 20000 : kfTimedOut ? false : null),
  ]);
  out.push([
    '1,000 pieces full build ≤ 1 GB peak RSS',
    kf?.ok ? `${mb(kf.rssKb)} MB` : (kf?.error ?? 'not run'),
    verdict(kf?.ok ? kf.rssKb <= 1024 * 1024 : null),
  ]);
  const h100 = res.sizes.find((s) => s.count === 100)?.pdf?.huibian;
  const h1000 = k?.pdf?.huibian;
  if (h100?.ok && h1000?.ok && h100.pages && h1000.pages) {
    const a = h100.wallMs / h100.pages;
    const b = h1000.wallMs / h1000.pages;
    out.push([
      'time per page, 100 → 1,000 pieces (PDF-only), growth < 25 %',
      `${f2(a)} → ${f2(b)} ms/page (${((b / a - 1) * 100).toFixed(1)} %)`,
      verdict(b / a - 1 < 0.25),
    ]);
  } else {
    out.push(['time per page, 100 → 1,000 pieces (PDF-only), growth < 25 %', 'not run', verdict(null)]);
  }
  return out;
}

function resultsMarkdown(res) {
  const m = res.machine;
  const L = [];
  L.push('# huibian benchmark results', '');
  L.push(`Written by \`npm run bench\` (bench/run.mjs) on ${m.date}; raw numbers in \`bench/results.json\`.`, '');
  L.push('## Machine', '');
  L.push(`- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB} GiB; ${m.os}`);
  L.push(`- Node ${m.node}; huibian at commit ${m.commit}; ${m.typst}; ${m.pandoc ?? 'pandoc not installed'}`);
  L.push(`- Peak RSS measured with ${m.rss}; wall time with a monotonic clock around each child process.`);
  L.push(
    `- ${RUNS} measured runs after one warm-up; huibian and its peer alternate run by run; medians shown (min–max in brackets).`,
  );
  L.push(
    `- Load average (1 min) at start ${m.loadStart}, at end ${res.loadEnd}: the machine is shared with other work, so wall times carry noise; CPU time (user + system of the child) and the alternating ratios less so.`,
    '',
  );
  L.push('## Set-up', '');
  L.push(
    `- Page set-up given to Typst: ${describeSetup(res.setup)}; justified, exact line pitch (text edges 1 em/0 em, leading = pitch − size), a level-1 heading per piece on a new page, byline, \`#outline\` contents, page numbers in the footer.`,
  );
  L.push(
    `- Fonts given to Typst (a folder of links to exactly these files; no system fonts): ${Object.entries(
      res.fonts.roles,
    )
      .map(([role, r]) => `${role} = ${r.family} ${r.weight} (${path.basename(r.file ?? '?')}, ${r.from})`)
      .join('; ')}.`,
  );
  L.push(
    "- pandoc gets the same pieces as one Markdown file (`# title` per piece, byline, the same `**lead**`/`*emphasis*`), `-t docx --toc`; its DOCX names fonts but embeds none, huibian's embeds subsets.",
  );
  L.push(
    "- Generated collections: the sample's paragraphs shuffled with a fixed-seed PRNG (mulberry32, seed 20231024), 1–12 paragraphs a piece, some halved or joined, some with Latin words and digits (bench/generate.mjs).",
    '',
  );
  L.push('## Cold start', '');
  L.push('| command | median wall ms | CPU ms | peak RSS MB |', '|---|---:|---:|---:|');
  for (const [name, s] of Object.entries(res.cold))
    L.push(
      s.ok ? `| ${name} | ${f0(s.wallMs)} | ${f0(s.cpuMs)} | ${mb(s.rssKb)} |` : `| ${name} | failed: ${s.error} | | |`,
    );
  L.push('');
  L.push('## Builds', '');
  L.push(
    "Wall ms is the median (min–max); CPU ms the median user + system time; pages are the compilation's (Typst: its PDF's); pages/s = pages / median wall; phases are report.json `timingsMs` medians.",
    '',
  );
  for (const s of res.sizes) {
    L.push(`### ${s.name} (${s.pieces} pieces, ${s.chars.toLocaleString('en-US')} body characters)`, '');
    L.push(
      '| run | wall ms | CPU ms | peak RSS MB | pages | pages/s | phases ms |',
      '|---|---|---:|---:|---|---:|---|',
    );
    for (const line of [
      row('huibian full (PDF + DOCX + handouts)', s.full?.huibian),
      row('huibian PDF only', s.pdf?.huibian),
      row('Typst PDF', s.pdf?.typst),
      row('huibian DOCX only', s.docx?.huibian),
      row('pandoc DOCX', s.docx?.pandoc),
    ])
      if (line) L.push(line);
    const rp = ratio(s.pdf?.huibian, s.pdf?.typst);
    const rd = ratio(s.docx?.huibian, s.docx?.pandoc);
    L.push('');
    L.push(
      `Ratios huibian/peer — PDF vs Typst: wall ${f2(rp)}, CPU ${f2(cpuRatio(s.pdf?.huibian, s.pdf?.typst))}, RSS ${f2(rssRatio(s.pdf?.huibian, s.pdf?.typst))}; ` +
        `DOCX vs pandoc: wall ${f2(rd)}, CPU ${f2(cpuRatio(s.docx?.huibian, s.docx?.pandoc))}, RSS ${f2(rssRatio(s.docx?.huibian, s.docx?.pandoc))}.`,
      '',
    );
  }
  L.push('## Targets', '');
  L.push('| target | measured | verdict |', '|---|---|---|');
  for (const [t, v, ok] of targets(res)) L.push(`| ${t} | ${v} | ${ok} |`);
  L.push('');
  L.push('## CPU profile', '');
  if (res.profiles.length === 0) L.push('Not run (BENCH_PROFILE=0 or no 100-piece size).');
  for (const p of res.profiles) {
    if (p.error) L.push(`${p.label}: failed: ${p.error}`, '');
    else L.push(summaryMarkdown(p.summary, p.label), '');
  }
  L.push('');
  if (res.notes.length) L.push('## Notes', '', ...res.notes.map((n) => `- ${n}`), '');
  return `${L.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// Main

async function main() {
  const tmp = process.env.BENCH_TMP
    ? path.resolve(process.env.BENCH_TMP)
    : await mkdtemp(path.join(os.tmpdir(), 'huibian-bench-'));
  await mkdir(tmp, { recursive: true });
  log(`working in ${tmp}`);
  const res = { machine: machine(), sizes: [], cold: {}, profiles: [], notes: [] };
  const pandoc = res.machine.pandoc !== null;
  if (!pandoc) res.notes.push('pandoc is not installed (apt-get install -y pandoc): the DOCX comparison was skipped.');

  // One build of the sample tells whether huibian works and which font files it used.
  const probeOut = path.join(tmp, 'probe');
  const probe = await huibianRunner(SAMPLE, probeOut, ['--format', 'pdf', '--no-handouts'])();
  if (!probe.ok) res.notes.push(`huibian could not build the sample: ${probe.error}`);
  res.setup = await loadPageSetup(ROOT);
  res.fonts = peerFonts(ROOT, probe.report?.fonts ?? []);
  const fontDir = path.join(tmp, 'typst-fonts');
  await linkFontDir(fontDir, res.fonts);

  // Cold start.
  for (const [name, args] of [
    ['huibian --version', ['--version']],
    ['huibian check (sample)', ['check', SAMPLE]],
  ]) {
    const runs = [];
    let error = null;
    for (let i = 0; i <= RUNS; i++) {
      const r = await measure(BIN, args, { cwd: ROOT });
      if (r.code !== 0) {
        error = `exit ${r.code}: ${firstLines(r.stderr || r.stdout)}`;
        break;
      }
      if (i > 0) runs.push(r);
    }
    res.cold[name] = summarise({ runs, error });
    log(`${name}: ${res.cold[name].ok ? `${f0(res.cold[name].wallMs)} ms` : error}`);
  }

  // Collections: the real sample, then the generated sizes.
  const sample = await readSample(SAMPLE);
  const collections = [
    {
      name: 'sample',
      count: 9,
      dir: SAMPLE,
      peerDir: path.join(tmp, 'sample-peer'),
      gen: sampleAsCollection(sample, '重庆市区县委书记和部门一把手例会交流发言材料汇编'),
    },
  ];
  for (const count of SIZES) {
    const dir = path.join(tmp, `gen-${count}`);
    const { gen } = await writeCollection({
      sampleDir: SAMPLE,
      outDir: dir,
      count,
      typst: { setup: res.setup, fonts: res.fonts.typst },
    });
    collections.push({ name: `generated ${count}`, count, dir, peerDir: dir, gen });
  }
  await mkdir(collections[0].peerDir, { recursive: true });
  await writeTypst(collections[0].gen, collections[0].peerDir, res.setup, res.fonts.typst);
  await writeFile(path.join(collections[0].peerDir, 'pandoc.md'), collectionToPandoc(collections[0].gen));

  for (const c of collections) {
    const out = (k) => path.join(tmp, `out-${c.name.replace(/\W+/g, '-')}-${k}`);
    const entry = { name: c.name, count: c.count, pieces: c.gen.pieces.length, chars: bodyChars(c.gen) };
    log(`${c.name}: full build`);
    entry.full = await series(`${c.name} full`, { huibian: huibianRunner(c.dir, out('full'), []) });
    log(`${c.name}: PDF only vs Typst`);
    entry.pdf = await series(`${c.name} pdf`, {
      huibian: huibianRunner(c.dir, out('pdf'), ['--format', 'pdf', '--no-handouts']),
      typst: typstRunner(c.peerDir, fontDir, `${out('typst')}.pdf`),
    });
    log(`${c.name}: DOCX only vs pandoc`);
    entry.docx = await series(`${c.name} docx`, {
      huibian: huibianRunner(c.dir, out('docx'), ['--format', 'docx', '--no-handouts']),
      ...(pandoc ? { pandoc: pandocRunner(c.peerDir, `${out('pandoc')}.docx`) } : {}),
    });
    res.sizes.push(entry);
    for (const [mode, sides] of Object.entries({ full: entry.full, pdf: entry.pdf, docx: entry.docx })) {
      for (const [who, s] of Object.entries(sides))
        log(`  ${mode} ${who}: ${s.ok ? `${f0(s.wallMs)} ms, ${mb(s.rssKb)} MB, ${s.pages ?? '—'} pages` : s.error}`);
    }
  }

  // Profiles of a 100-piece build.
  const c100 = collections.find((c) => c.count === 100 && c.name !== 'sample');
  if (PROFILE && c100) {
    log('profiling 100 pieces');
    res.profiles.push(await profile('100 pieces, PDF only', c100.dir, ['--format', 'pdf', '--no-handouts'], tmp));
    res.profiles.push(await profile('100 pieces, full build', c100.dir, [], tmp));
  }

  res.loadEnd = os.loadavg()[0].toFixed(2);
  const slim = {
    ...res,
    sizes: res.sizes.map((s) => JSON.parse(JSON.stringify(s, (k, v) => (k === 'report' ? undefined : v)))),
  };
  await writeFile(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(slim, null, 2)}\n`);
  // The sections of other scripts keep their place: the typography comparison
  // (bench/typography-vs-typst.mjs) and the big inputs (bench/big-inputs.mjs, measured again below unless BENCH_BIG=0).
  const previous = await readFile(path.join(ROOT, 'bench/RESULTS.md'), 'utf8').catch(() => '');
  const kept = ['typography', 'big-inputs'].map((name) => markedSection(previous, name)).filter(Boolean);
  const md = kept.length ? `${resultsMarkdown(res).trimEnd()}\n\n${kept.join('\n\n')}\n` : resultsMarkdown(res);
  await writeFile(path.join(ROOT, 'bench/RESULTS.md'), md);
  process.stdout.write(md);
  if (!process.env.BENCH_TMP) await rm(tmp, { recursive: true, force: true });
  if (process.env.BENCH_BIG !== '0') {
    log('big inputs (bench/big-inputs.mjs)');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bench/big-inputs.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = 1;
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
