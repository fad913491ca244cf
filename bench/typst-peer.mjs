/**
 * The Typst peer, run as a child process (so its wall time and peak RSS compare
 * with huibian's): compiles `<dir>/typst/main.typ` to PDF with
 * @myriaddreamin/typst-ts-node-compiler, with only the fonts in `<fontDir>`.
 *
 * Usage: node bench/typst-peer.mjs <collection-dir> <font-dir> <out.pdf>
 * Prints one JSON line: { pages, bytes, ms }.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [dir, fontDir, outPdf] = process.argv.slice(2);
const t0 = performance.now();
const workspace = path.resolve(dir, 'typst');
const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontPaths: [path.resolve(fontDir)] }] });
const result = compiler.compile({ mainFilePath: path.join(workspace, 'main.typ') });
const doc = result.result;
if (!doc) {
  result.printDiagnostics();
  process.exit(1);
}
const pdf = compiler.pdf(doc, { creationTimestamp: 0 });
writeFileSync(outPdf, pdf);
process.stdout.write(`${JSON.stringify({ pages: doc.numOfPages, bytes: pdf.length, ms: performance.now() - t0 })}\n`);
