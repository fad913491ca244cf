/**
 * End to end over tests/fixtures/constructs (every Markdown construct, two parts):
 * built to PDF on the compilation and official templates (and a compilation
 * variant listing headings in the contents), then read back page by page with
 * pdftotext: pieces stand where the contents say, the table's header row is
 * repeated on its continuation page, each footnote is on its reference's page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Inline, TableBlock } from '../../src/model/types.js';
import { buildConstructs, pageLayoutLines, type BuiltPdf } from './helpers/pdf.js';

const built = new Map<string, BuiltPdf>();
const TEMPLATES = ['compilation', 'official'] as const;

beforeAll(async () => {
  for (const name of [...TEMPLATES, 'headings-contents.yaml']) built.set(name, await buildConstructs(name));
}, 120_000);

const squash = (s: string): string => s.replace(/\s+/g, '');
const inlineText = (xs: readonly Inline[]): string =>
  xs
    .map((x) => (x.kind === 'text' || x.kind === 'code' ? x.text : 'children' in x ? inlineText(x.children) : ''))
    .join('');
const blockText = (bs: readonly Block[]): string =>
  bs.map((b) => (b.kind === 'paragraph' ? inlineText(b.inlines) : '')).join('');

/** The page number the contents print after `label` (the first leader-and-number after it). */
function contentsNumber(b: BuiltPdf, label: string): number {
  const front = b.pages.slice(0, b.tree.frontPages).join('');
  const at = front.indexOf(squash(label));
  expect(at, `“${label}” in the contents`).toBeGreaterThanOrEqual(0);
  // The number ends where the next entry's “2．” begins, or at the next non-digit.
  const m = /[…·.]{2,}(\d+?)(?=\d+．|\D|$)/.exec(front.slice(at + squash(label).length));
  expect(m, `a page number after “${label}”`).not.toBeNull();
  return Number(m![1]);
}
const bodyPage = (b: BuiltPdf, printed: number): string => b.pages[b.tree.frontPages + printed - 1];

for (const name of TEMPLATES) {
  describe(`constructs on ${name}`, () => {
    const get = (): BuiltPdf => built.get(name)!;

    it('lays out without warnings, in two parts', () => {
      expect(get().warnings).toEqual([]);
      expect(get().tree.partPages.length).toBe(2);
    });

    it('puts each piece’s title on the page the contents give', () => {
      const b = get();
      for (const p of b.collection.pieces) {
        const n = contentsNumber(b, p.title);
        expect(n).toBe(b.tree.piecePages.find((pp) => pp.n === p.n)!.startPage);
        expect(bodyPage(b, n), `piece ${p.n} on page ${n}`).toContain(squash(p.title));
      }
    });

    it('repeats the table’s header row on the page it continues on', () => {
      const b = get();
      const table = b.collection.pieces.flatMap((p) => p.blocks).find((x): x is TableBlock => x.kind === 'table')!;
      const cell = (r: number, c: number) => inlineText(table.rows[r][c].inlines);
      // Read with -layout: a row is one line “25  城口县  1,271.9 …”; the header's short cells stand above the rows.
      const rowRes = table.rows.slice(1).map((_, i) => new RegExp(`^\\s*${cell(i + 1, 0)}\\s+${cell(i + 1, 1)}\\s`));
      const found: number[] = [];
      let pagesWithRows = 0;
      b.tree.pages.forEach((_, i) => {
        const lines = pageLayoutLines(b.file, i + 1);
        const rowLines = lines
          .map((l) => rowRes.findIndex((re) => re.test(l)))
          .map((r, k) => ({ r, k }))
          .filter((x) => x.r >= 0);
        if (rowLines.length === 0) return;
        pagesWithRows++;
        found.push(...rowLines.map((x) => x.r));
        const header = lines.findIndex((l) => l.includes(cell(0, 0)) && l.includes(cell(0, 1)));
        expect(header, `header on page ${i + 1}`).toBeGreaterThanOrEqual(0);
        expect(header).toBeLessThan(rowLines[0].k);
      });
      expect(pagesWithRows).toBeGreaterThanOrEqual(2);
      expect(found).toEqual(table.rows.slice(1).map((_, i) => i)); // every row once, in order, none split
    });

    it('prints each footnote on the page of its reference', () => {
      const b = get();
      let count = 0;
      for (const p of b.collection.pieces) {
        for (const note of p.footnotes) {
          const refPage = b.tree.pages.findIndex((pg) =>
            pg.items.some((it) => it.kind === 'link' && it.dest === `fn-${p.n}-${note.n}`),
          );
          expect(refPage, `reference to note ${note.n} of piece ${p.n}`).toBeGreaterThanOrEqual(0);
          expect(b.pages[refPage]).toContain(squash(blockText(note.blocks)).slice(0, 12));
          count++;
        }
      }
      expect(count).toBe(7);
    });
  });
}

describe('constructs with headings in the contents', () => {
  it('lists headings of levels 1–2 with the pages they stand on', () => {
    const b = built.get('headings-contents.yaml')!;
    expect(b.warnings).toEqual([]);
    const listed = b.collection.pieces.flatMap((p) => p.blocks.filter((x) => x.kind === 'heading' && x.level <= 2));
    expect(listed.length).toBeGreaterThanOrEqual(5);
    for (const h of listed) {
      if (h.kind !== 'heading') continue;
      const text = inlineText(h.inlines);
      const n = contentsNumber(b, text);
      expect(bodyPage(b, n), `heading “${text}” on page ${n}`).toContain(squash(text));
    }
    const deep = b.collection.pieces.flatMap((p) => p.blocks).find((x) => x.kind === 'heading' && x.level === 3);
    expect(deep).toBeDefined();
    const front = b.pages.slice(0, b.tree.frontPages).join('');
    expect(front).not.toContain(squash(inlineText((deep as Extract<Block, { kind: 'heading' }>).inlines)));
  });
});
