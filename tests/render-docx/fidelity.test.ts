/**
 * Fidelity on real numbers: the sample on `compilation` through the real pipeline (sources,
 * template, font book, layout), its DOCX converted once by LibreOffice. Every piece title
 * stands on the page its contents entry names — in the PDF layout and in LibreOffice —
 * all text is present, the contents page is unnumbered and the body is numbered from 1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  convertAll,
  loadSample,
  misplacedTitles,
  missingTexts,
  pageTexts,
  squash,
  wrongContentsNumbers,
  writeTemp,
  type Built,
} from './pipeline.js';
import { unpack } from './shared.js';

let built: Built;
let lo: string[];
let ours: string[];

beforeAll(async () => {
  built = await build(await loadSample(), 'compilation', { kind: 'compilation' }, true);
  lo = pageTexts(convertAll({ compilation: built.docx }).compilation);
  ours = pageTexts(writeTemp('compilation.pdf', built.pdf!));
}, 180_000);

describe('the sample on compilation, in LibreOffice and in the PDF', () => {
  it('has as many pages in LibreOffice as the layout gave', () => {
    expect(built.tree.frontPages).toBe(1);
    expect(lo.length).toBe(built.tree.pages.length);
    expect(ours.length).toBe(built.tree.pages.length);
  });

  it('puts every piece title on the page its contents entry names', () => {
    expect(built.tree.piecePages.map((p) => p.startPage)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(misplacedTitles(built, ours)).toEqual([]);
    expect(misplacedTitles(built, lo)).toEqual([]);
  });

  it('shows the layout page numbers in the contents', () => {
    expect(wrongContentsNumbers(built, ours)).toEqual([]);
    expect(wrongContentsNumbers(built, lo)).toEqual([]);
  });

  it('contains all the text', () => {
    expect(missingTexts(built.collection, lo)).toEqual([]);
  });

  it('breaks the balanced titles where the PDF does (w:br), and LibreOffice shows those lines', () => {
    const breaks = built.facts.titleBreaks;
    const title = breaks.find((b) => b.key === 'compilation-title');
    // The layout balances the contents title into a trapezoid, not greedily (…材料汇编 / （9篇）).
    expect(title?.lines).toEqual(['重庆市区县委书记和部门一把手', '例会交流发言材料汇编（9篇）']);
    const doc = unpack(built.docx).xml('word/document.xml');
    const para = /<w:p>(?:(?!<\/w:p>).)*<w:pStyle w:val="Title"\/>(?:(?!<\/w:p>).)*<\/w:p>/.exec(doc)![0];
    const text = para.replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toBe(title!.lines.join('\n'));
    // Every balanced title: in the XML with its breaks, and on LibreOffice's pages line by line.
    // A contents entry's last line carries the leader and page number after its recorded text.
    const lineSet = (pages: readonly string[]) =>
      new Set(
        pages
          .join('\n')
          .split('\n')
          .map((l) => squash(l).replace(/[·.…⋯]+\d+$/, '')),
      );
    const loLines = lineSet(lo);
    const ourLines = lineSet(ours);
    expect(breaks.length).toBeGreaterThan(1);
    for (const b of breaks) {
      expect(doc).toContain(b.lines.map((l) => `<w:t xml:space="preserve">${l}</w:t>`).join('</w:r><w:r><w:br/>'));
      for (const l of b.lines) {
        expect(ourLines.has(squash(l)), `PDF line ${l}`).toBe(true);
        expect(loLines.has(squash(l)), `LibreOffice line ${l}`).toBe(true);
      }
    }
  });

  it('leaves the contents unnumbered and numbers the body from 1', () => {
    expect(lo[0]).not.toMatch(/—\s*\d+\s*—/);
    expect(lo[1]).toMatch(/—\s*1\s*—/);
    expect(lo[lo.length - 1]).toMatch(new RegExp(`—\\s*${lo.length - 1}\\s*—`));
  });
});
