/**
 * `npm run bench:jobs`: a full build (compilation PDF + DOCX + handouts) of a generated
 * collection with the handouts on the main thread (`--jobs 1`) against the handout worker
 * pool (`--jobs N`, default: huibian's own default), alternating run by run; medians of wall
 * time, CPU time and peak RSS, and the ratio. Each pair's outputs are compared byte for
 * byte (report.json apart from timingsMs): a difference fails the script.
 *
 * Environment: JOBS_PIECES=1000  JOBS_RUNS=3  JOBS_N=<--jobs for the pool; default: unset>
 * Prints a Markdown table on stdout.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCollection } from './generate.mjs';
import { measure, median } from './lib/measure.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = path.join(ROOT, 'bin/huibian.js');
const PIECES = Number(process.env.JOBS_PIECES ?? 1000);
const RUNS = Math.max(1, Number(process.env.JOBS_RUNS ?? 3));
const POOL_ARGS = process.env.JOBS_N ? ['--jobs', process.env.JOBS_N] : [];
const ENV = { SOURCE_DATE_EPOCH: '1698105600' };

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

async function sameOutputs(a, b) {
  const files = await listFiles(a);
  if (JSON.stringify(files) !== JSON.stringify(await listFiles(b))) return 'the file lists differ';
  for (const f of files) {
    let [x, y] = await Promise.all([readFile(path.join(a, f)), readFile(path.join(b, f))]);
    if (f === 'report.json') {
      const strip = (buf) => JSON.stringify({ ...JSON.parse(buf.toString('utf8')), timingsMs: null });
      [x, y] = [Buffer.from(strip(x)), Buffer.from(strip(y))];
    }
    if (!x.equals(y)) return `${f} differs`;
  }
  return null;
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'hb-jobs-'));
try {
  const src = path.join(tmp, `gen${PIECES}`);
  await writeCollection({ sampleDir: path.join(ROOT, 'sources/chongqing-2023-10'), outDir: src, count: PIECES });
  const series = { one: [], pool: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, extra] of [
      ['one', ['--jobs', '1']],
      ['pool', POOL_ARGS],
    ]) {
      const out = path.join(tmp, `out-${name}`);
      const r = await measure(BIN, ['build', src, '--out', out, '--quiet', ...extra], { cwd: ROOT, env: ENV });
      if (r.code !== 0) throw new Error(`huibian ${name} exited ${r.code}: ${r.stderr}`);
      series[name].push(r);
      process.stderr.write(`[jobs] run ${i + 1} ${name}: ${Math.round(r.wallMs)} ms, ${r.rssKb} KB\n`);
    }
    const diff = await sameOutputs(path.join(tmp, 'out-one'), path.join(tmp, 'out-pool'));
    if (diff) throw new Error(`--jobs 1 and the pool wrote different outputs: ${diff}`);
  }
  const row = (name, label) => {
    const s = series[name];
    const m = (k) => median(s.map((r) => r[k]));
    return `| ${label} | ${Math.round(m('wallMs')).toLocaleString('en')} | ${Math.round(m('cpuMs')).toLocaleString('en')} | ${Math.round(m('rssKb') / 1024)} |`;
  };
  const ratio = median(series.pool.map((r) => r.wallMs)) / median(series.one.map((r) => r.wallMs));
  process.stdout.write(
    [
      `${PIECES} generated pieces, full build, ${RUNS} alternating runs each, medians (load average at end ${os.loadavg()[0].toFixed(2)}, ${os.availableParallelism()} cores):`,
      '',
      '| run | wall ms | CPU ms | peak RSS MB |',
      '|---|---:|---:|---:|',
      row('one', '--jobs 1'),
      row('pool', POOL_ARGS.length ? POOL_ARGS.join(' ') : 'default --jobs'),
      '',
      `Wall ratio pool / --jobs 1: ${ratio.toFixed(2)}. Outputs identical in every pair.`,
      '',
    ].join('\n'),
  );
} finally {
  await rm(tmp, { recursive: true, force: true });
}
