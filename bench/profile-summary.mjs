/**
 * Summarises a V8 `.cpuprofile` (written by `node --cpu-prof`): self time per
 * function (top N) and per source file, from the sampled call tree
 * (`samples` + `timeDeltas`, each sample's delta charged to its leaf node).
 *
 * Usage: node bench/profile-summary.mjs <file.cpuprofile> [--top 20] [--root DIR]
 * As a module: summariseProfile(profile, { top, root }) → { totalMs, functions, files }.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Short location for a script URL: project-relative, node_modules package-relative, or `(native)`. */
export function shortFile(url, root) {
  if (!url) return '(native / V8)';
  let p = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = p.lastIndexOf('/node_modules/');
  if (nm >= 0) return `npm:${p.slice(nm + '/node_modules/'.length)}`;
  if (root && p.startsWith(root + path.sep)) p = path.relative(root, p);
  return p;
}

/**
 * @param profile parsed .cpuprofile JSON
 * @returns {{ totalMs: number, functions: {name, file, line, selfMs, pct}[], files: {file, selfMs, pct}[] }}
 */
export function summariseProfile(profile, { top = 20, root = process.cwd() } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time since the previous sample; charge it to sample i's node.
    const dt = Math.max(0, timeDeltas[i] ?? 0);
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const fnMap = new Map();
  const fileMap = new Map();
  for (const [id, us] of selfUs) {
    const cf = byId.get(id)?.callFrame;
    if (!cf) continue;
    const name = cf.functionName || (cf.url ? '(anonymous)' : '(program)');
    const file = cf.url ? shortFile(cf.url, root) : name.startsWith('(') ? name : '(native / V8)';
    const key = `${name}\u0000${file}\u0000${cf.lineNumber}`;
    const f = fnMap.get(key) ?? { name, file, line: cf.lineNumber + 1, selfUs: 0 };
    f.selfUs += us;
    fnMap.set(key, f);
    fileMap.set(file, (fileMap.get(file) ?? 0) + us);
  }
  const ms = (us) => Math.round(us / 100) / 10;
  const pct = (us) => Math.round((1000 * us) / totalUs) / 10;
  return {
    totalMs: ms(totalUs),
    functions: [...fnMap.values()]
      .sort((a, b) => b.selfUs - a.selfUs)
      .slice(0, top)
      .map((f) => ({ name: f.name, file: f.file, line: f.line, selfMs: ms(f.selfUs), pct: pct(f.selfUs) })),
    files: [...fileMap.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([file, us]) => ({ file, selfMs: ms(us), pct: pct(us) })),
  };
}

/** Markdown tables of a summary: top functions (with their file), then self time per file. */
export function summaryMarkdown(summary, title) {
  const lines = [
    `#### ${title} (sampled ${summary.totalMs} ms)`,
    '',
    '| # | function | file:line | self ms | % |',
    '|---|---|---|---:|---:|',
  ];
  summary.functions.forEach((f, i) =>
    lines.push(`| ${i + 1} | \`${f.name}\` | ${f.file}:${f.line} | ${f.selfMs} | ${f.pct} |`),
  );
  lines.push('', '| file | self ms | % |', '|---|---:|---:|');
  for (const f of summary.files) lines.push(`| ${f.file} | ${f.selfMs} | ${f.pct} |`);
  return lines.join('\n');
}

async function main(argv) {
  const file = argv[0];
  if (!file) {
    process.stderr.write('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top N] [--root DIR]\n');
    return 2;
  }
  const topAt = argv.indexOf('--top');
  const rootAt = argv.indexOf('--root');
  const top = topAt >= 0 ? Number(argv[topAt + 1]) : 20;
  const root = rootAt >= 0 ? path.resolve(argv[rootAt + 1]) : process.cwd();
  const profile = JSON.parse(await readFile(file, 'utf8'));
  process.stdout.write(`${summaryMarkdown(summariseProfile(profile, { top, root }), path.basename(file))}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
