#!/usr/bin/env node
/**
 * Scale measurements, run by hand (not part of `vitest run`: they take minutes):
 *
 *   npx tsc -p tsconfig.json && node tests/robustness/scale.mjs [case …]
 *
 * Cases: pieces-1000 pieces-2000 pieces-4000 (is time linear in the number of
 * pieces?), pieces-5000 (check and build), rows-5000 rows-20000 (one long table),
 * piece-2mb. Each runs the real command under GNU time (`/usr/bin/time -v`) and
 * prints wall time, CPU time and peak RSS; `--format pdf --no-handouts` keeps the
 * numbers about parsing and layout. Collections are generated into a temporary
 * folder and removed afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/huibian.js');
const TIME = '/usr/bin/time';

const PARAGRAPH =
  '科学城高新区更加突出稳进增效、除险清患、改革求变、惠民有感工作导向，全力添措施、促创新、转动能，前三季度增长百分之八点六。';

function piece(n, body) {
  return `---\ntitle: 第${n}篇发言的标题\nrole: 某区委书记\nauthor: 张${n}\n---\n\n${body}`;
}

function collection(root, pieces) {
  const dir = join(root, 'c');
  mkdirSync(dir, { recursive: true });
  const names = [];
  pieces.forEach((body, i) => {
    const name = `${String(i + 1).padStart(5, '0')}.md`;
    writeFileSync(join(dir, name), piece(i + 1, body));
    names.push(name);
  });
  writeFileSync(
    join(dir, 'collection.yaml'),
    `title: 规模测试汇编\npieces:\n${names.map((n) => `  - ${n}\n`).join('')}`,
  );
  return dir;
}

/** `n` pieces of one paragraph each. */
const manyPieces = (n) => (root) =>
  collection(
    root,
    Array.from({ length: n }, () => `${PARAGRAPH}\n`),
  );

/** One piece holding a table of `rows` rows. */
const longTable = (rows) => (root) =>
  collection(root, [`|序号|内容|\n|---|---|\n${Array.from({ length: rows }, (_, i) => `|${i}|数据${i}|\n`).join('')}`]);

const CASES = {
  'pieces-1000': manyPieces(1000),
  'pieces-2000': manyPieces(2000),
  'pieces-4000': manyPieces(4000),
  'pieces-5000': manyPieces(5000),
  'rows-5000': longTable(5000),
  'rows-20000': longTable(20000),
  'piece-2mb': (root) =>
    collection(root, [`${`${PARAGRAPH.repeat(12)}\n\n`.repeat(Math.ceil(2_000_000 / (PARAGRAPH.length * 36 + 2)))}`]),
};

function measure(args) {
  const r = spawnSync(TIME, ['-v', process.execPath, BIN, ...args], { encoding: 'utf8', timeout: 30 * 60_000 });
  const field = (re) => Number((re.exec(r.stderr) ?? [])[1] ?? NaN);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const wallS = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const cpuS = field(/User time \(seconds\): ([\d.]+)/) + field(/System time \(seconds\): ([\d.]+)/);
  const rssMb = field(/Maximum resident set size \(kbytes\): (\d+)/) / 1024;
  const exit = field(/Exit status: (\d+)/);
  const first = r.stderr.split('\n').find((l) => /error|wrote|ok,/.test(l)) ?? '';
  return { exit, wallS, cpuS, rssMb, first };
}

if (!existsSync(TIME)) {
  console.error(`${TIME} is missing: apt-get install -y time`);
  process.exit(2);
}
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(CASES);
console.log('case\tcommand\texit\twall s\tCPU s\tpeak RSS MB\tfirst line');
for (const name of chosen) {
  const make = CASES[name];
  if (!make) throw new Error(`unknown case ${name} (${Object.keys(CASES).join(', ')})`);
  const root = mkdtempSync(join(tmpdir(), 'huibian-scale-'));
  try {
    const dir = make(root);
    for (const [label, args] of [
      ['check', ['check', dir]],
      ['build', ['build', dir, '--out', join(root, 'out'), '--format', 'pdf', '--no-handouts', '--quiet']],
    ]) {
      const m = measure(args);
      console.log(
        [name, label, m.exit, m.wallS.toFixed(1), m.cpuS.toFixed(1), m.rssMb.toFixed(0), m.first.slice(0, 100)].join(
          '\t',
        ),
      );
      if (label === 'build' && m.exit === 0) {
        const info = execFileSync('pdfinfo', [join(root, 'out', 'compilation.pdf')], { encoding: 'utf8' });
        console.log(`\t\tpages: ${/Pages:\s+(\d+)/.exec(info)?.[1]}`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
