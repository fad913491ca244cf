/**
 * Fidelity on real numbers: the sample on `compilation` through the real pipeline (sources,
 * template, font book, layout), its DOCX converted once by LibreOffice. Every piece title
 * stands on the page its contents entry names — in the PDF layout and in LibreOffice —
 * all text is present, the contents page is unnumbered and the body is numbered from 1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { build, convertAll, loadSample, misplacedTitles, missingTexts, pageTexts, wrongContentsNumbers, writeTemp, type Built } from './pipeline.js';

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

  it('leaves the contents unnumbered and numbers the body from 1', () => {
    expect(lo[0]).not.toMatch(/—\s*\d+\s*—/);
    expect(lo[1]).toMatch(/—\s*1\s*—/);
    expect(lo[lo.length - 1]).toMatch(new RegExp(`—\\s*${lo.length - 1}\\s*—`));
  });
});
