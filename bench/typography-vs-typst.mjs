/**
 * `npm run bench:typography`: the typography corpus (tests/fixtures/typography) set by
 * huibian and by Typst, side by side, and read back by the same checker
 * (tests/helpers/typography-check.ts). Both get the same paragraphs (the corpus's prose
 * paragraphs with their lead phrases; tables, lists and footnotes left out, footnote marks
 * and pasted indents removed), the same titles, the same page size and margins (templates/
 * compilation.yaml through huibian's loader) and the same font files (the ones huibian's
 * build reports). One number per class for each: lines with a glyph past the measure,
 * prohibited line starts and ends, the largest space beside a symbol (em), the largest hole
 * in —— (px at the checker's dpi), titles split inside a word, and the other classes.
 *
 * Prints the table and writes it into bench/RESULTS.md (its own marked section, which
 * bench/run.mjs keeps). Environment: BENCH_TMP=<dir> (default: a fresh temp folder, removed after).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  collectionYaml,
  pieceFileName,
  pieceToMarkdown,
  readSample,
  sampleAsCollection,
  writeTypst,
} from './generate.mjs';
import { loadChecker } from './lib/checker.mjs';
import { linkFontDir, peerFonts } from './lib/fonts.mjs';
import { describeSetup, loadPageSetup } from './lib/page-setup.mjs';
import { readReport, replaceSection } from './lib/results.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = path.join(ROOT, 'bin/huibian.js');
const CORPUS = path.join(ROOT, 'tests/fixtures/typography');
const log = (msg) => process.stderr.write(`[bench:typography] ${msg}\n`);

/** A block of the corpus that is prose (not a table, a list item, a footnote or a heading). */
const isProse = (segs) => !/^(\||\d+\.\s|[-*]\s|\[\^|#)/.test(segs.map((s) => s.text).join(''));

/** The corpus as the bench's collection: prose paragraphs only, footnote marks and pasted indents gone. */
async function corpusCollection() {
  const { parse } = await import('yaml');
  const yaml = parse(await readFile(path.join(CORPUS, 'collection.yaml'), 'utf8'));
  const sample = await readSample(CORPUS);
  const clean = (segs) =>
    segs
      .map((s) => ({ ...s, text: s.text.replace(/\[\^[^\]]+\]/g, '').replace(/^[\s\u3000]+/u, '') }))
      .filter((s) => s.text !== '');
  const gen = sampleAsCollection(sample, yaml.title);
  return { ...gen, pieces: gen.pieces.map((p) => ({ ...p, paragraphs: p.paragraphs.filter(isProse).map(clean) })) };
}

/** Every title the checker looks for. */
const titlesOf = (gen) => [gen.title, ...gen.pieces.flatMap((p) => [p.title, p.subtitle ?? ''])].filter(Boolean);

/** One number per class from a checker result. */
function numbers(ck, result) {
  const counts = ck.countByClass(result.violations);
  return {
    overflow: counts.overflow,
    'line-start': counts['line-start'],
    'line-end': counts['line-end'],
    'symbol gap (em)': Number(result.stats.maxSymbolGapEm.toFixed(2)),
    [`hole in —— (px at ${result.stats.dpi} dpi)`]: result.stats.maxDashHolePx,
    'title-split': counts['title-split'],
    'unit-split': counts['unit-split'],
    'interpunct-width': counts['interpunct-width'],
    'leader-pitch': counts['leader-pitch'],
    'ellipsis-pitch': counts['ellipsis-pitch'],
  };
}

const ROW_NAMES = {
  overflow: 'lines with a glyph past the measure',
  'line-start': 'prohibited line starts',
  'line-end': 'prohibited line ends',
  'symbol gap (em)': 'largest space beside a symbol, em (beyond the line’s stretch)',
  'title-split': 'titles split inside a word (jieba)',
  'unit-split': '—— or …… split across lines',
  'interpunct-width': 'interpunct between Han wider than a cell',
  'leader-pitch': 'contents leaders with uneven dots',
  'ellipsis-pitch': '…… with uneven dots',
};

function markdown(r) {
  const rows = Object.keys(r.huibian.numbers).map((k) => {
    const name = ROW_NAMES[k] ?? `largest hole in ——, ${k.replace(/^hole in —— \(|\)$/g, '')}`;
    const [h, t] = [r.huibian.numbers[k], r.typst.numbers[k]];
    return `| ${name} | ${h} | ${t} | ${h <= t ? 'yes' : '**no**'} |`;
  });
  return [
    '## Typography on the corpus: huibian and Typst side by side',
    '',
    `Written by \`npm run bench:typography\` (bench/typography-vs-typst.mjs) on ${r.date}; huibian at ${r.commit}, @myriaddreamin/typst-ts-node-compiler ${r.typstVersion}.`,
    `Same text: the ${r.paragraphs} prose paragraphs and ${r.pieces} titles (with subtitles) of tests/fixtures/typography; tables, lists and footnotes left out. Same page: ${describeSetup(r.setup)}. Same font files: ${r.fonts}.`,
    `Both PDFs read back by tests/helpers/typography-check.ts (docs/typography.md); pages: huibian ${r.huibian.pages}, Typst ${r.typst.pages}.`,
    '',
    '| class | huibian | Typst | huibian ≤ Typst |',
    '|---|---:|---:|---|',
    ...rows,
  ].join('\n');
}

async function main() {
  const tmp = process.env.BENCH_TMP
    ? path.resolve(process.env.BENCH_TMP)
    : await mkdtemp(path.join(os.tmpdir(), 'huibian-bench-typo-'));
  await mkdir(tmp, { recursive: true });
  const gen = await corpusCollection();

  // huibian: the same paragraphs as a collection of its own.
  const src = path.join(tmp, 'corpus');
  await rm(src, { recursive: true, force: true });
  await mkdir(src, { recursive: true });
  await writeFile(path.join(src, 'collection.yaml'), collectionYaml(gen, gen.pieces.length));
  for (const p of gen.pieces) await writeFile(path.join(src, pieceFileName(p, gen.pieces.length)), pieceToMarkdown(p));
  const hOut = path.join(tmp, 'huibian');
  log('huibian build');
  const b = spawnSync(
    process.execPath,
    [BIN, 'build', src, '--format', 'pdf', '--no-handouts', '--out', hOut, '--quiet'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1760918400' },
    },
  );
  if (b.status !== 0) throw new Error(`huibian could not build the corpus: ${b.stderr}`);
  const report = await readReport(hOut);

  // Typst: the same paragraphs, page and fonts (its subtitle line adds the —— itself).
  log('typst compile');
  const setup = await loadPageSetup(ROOT, 'compilation');
  const fonts = peerFonts(ROOT, report?.fonts ?? []);
  const fontDir = path.join(tmp, 'typst-fonts');
  await linkFontDir(fontDir, fonts);
  const peerDir = path.join(tmp, 'peer');
  const peerGen = {
    ...gen,
    pieces: gen.pieces.map((p) => ({ ...p, subtitle: p.subtitle?.replace(/^——/, '') ?? null })),
  };
  await writeTypst(peerGen, peerDir, setup, fonts.typst);
  const require = createRequire(import.meta.url);
  const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
  const workspace = path.join(peerDir, 'typst');
  const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: [fontDir] }] });
  const compiled = compiler.compile({ mainFilePath: path.join(workspace, 'main.typ') });
  if (!compiled.result) {
    compiled.printDiagnostics();
    throw new Error('typst failed');
  }
  const typstPdf = path.join(tmp, 'typst.pdf');
  await writeFile(typstPdf, compiler.pdf(compiled.result, { creationTimestamp: 0 }));

  log('checking both PDFs');
  const ck = await loadChecker(ROOT);
  const opts = {
    measure: { leftPt: setup.page.marginLeftPt, rightPt: setup.page.widthPt - setup.page.marginRightPt },
    titles: titlesOf(gen),
  };
  const side = (pdf, pages) => {
    const result = ck.checkTypography(pdf, opts);
    return { pages, numbers: numbers(ck, result), violations: result.violations };
  };
  const r = {
    date: new Date().toISOString(),
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
    typstVersion: JSON.parse(
      await readFile(path.join(ROOT, 'node_modules/@myriaddreamin/typst-ts-node-compiler/package.json'), 'utf8'),
    ).version,
    paragraphs: gen.pieces.reduce((n, p) => n + p.paragraphs.length, 0),
    pieces: gen.pieces.length,
    setup,
    fonts: Object.entries(fonts.roles)
      .map(([role, f]) => `${role} ${path.basename(f.file ?? '?')}`)
      .join(', '),
    huibian: side(path.join(hOut, 'compilation.pdf'), report?.pages?.total ?? null),
    typst: side(typstPdf, compiled.result.numOfPages),
  };
  if (process.env.BENCH_VERBOSE) {
    for (const who of ['huibian', 'typst']) log(`${who}:\n${ck.formatViolations(r[who].violations)}`);
  }
  const md = markdown(r);
  const resultsFile = path.join(ROOT, 'bench/RESULTS.md');
  const previous = await readFile(resultsFile, 'utf8').catch(() => '# huibian benchmark results\n');
  await writeFile(resultsFile, replaceSection(previous, 'typography', md));
  process.stdout.write(`${md}\n`);
  if (!process.env.BENCH_TMP) await rm(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`bench:typography failed: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
