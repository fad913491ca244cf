// Asserts the sample build's report.json: nine pieces, one page each, numbered 1–9,
// a handout PDF and DOCX per piece, every listed file present.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const file = process.argv[2];
const report = JSON.parse(readFileSync(file, 'utf8'));
const dir = dirname(file);
const fail = (msg) => {
  console.error(`check-report: ${msg}`);
  process.exit(1);
};
if (report.pieces.length !== 9) fail(`expected 9 pieces, got ${report.pieces.length}`);
report.pieces.forEach((p, i) => {
  if (p.startPage !== i + 1 || p.endPage !== i + 1) fail(`piece ${p.n} on pages ${p.startPage}-${p.endPage}, expected ${i + 1}`);
  if (!p.handout || !p.handout.pdf || !p.handout.docx) fail(`piece ${p.n} has no handout`);
});
if (report.pages.body !== 9) fail(`expected 9 body pages, got ${report.pages.body}`);
for (const f of report.files) if (!existsSync(join(dir, f))) fail(`listed file missing: ${f}`);
console.log(`check-report: ok (${report.files.length} files, ${report.pages.total} pages)`);
