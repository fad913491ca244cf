/**
 * Fidelity at scale: 50 generated pieces of 1–6 paragraphs (some with headings, some
 * two-line titles) on `compilation`; the contents runs over several pages. LibreOffice must
 * paginate the DOCX as the layout did: every title on its contents page number.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  convertAll,
  loadSample,
  misplacedTitles,
  missingTexts,
  pageTexts,
  wrongContentsNumbers,
  writeTemp,
  type Built,
} from './pipeline.js';
import { generateCollection } from './generate.js';

let built: Built;
let lo: string[];
let ours: string[];

beforeAll(async () => {
  built = await build(generateCollection(await loadSample(), 50), 'compilation', { kind: 'compilation' }, true);
  lo = pageTexts(convertAll({ generated: built.docx }).generated);
  ours = pageTexts(writeTemp('generated.pdf', built.pdf!));
}, 180_000);

describe('50 generated pieces on compilation', () => {
  it('spans several contents pages and some multi-page pieces', () => {
    expect(built.tree.frontPages).toBeGreaterThan(1);
    expect(built.tree.piecePages.some((p) => p.endPage > p.startPage)).toBe(true);
    expect(lo.length).toBe(built.tree.pages.length);
  });

  it('puts every title on its contents page, in the PDF and in LibreOffice', () => {
    expect(misplacedTitles(built, ours)).toEqual([]);
    expect(misplacedTitles(built, lo)).toEqual([]);
  });

  it('shows every entry with its page number, and all the text', () => {
    expect(wrongContentsNumbers(built, lo)).toEqual([]);
    expect(missingTexts(built.collection, lo)).toEqual([]);
  });

  it('leaves the contents pages unnumbered and numbers the body from 1', () => {
    for (let i = 0; i < built.tree.frontPages; i++) expect(lo[i]).not.toMatch(/—\s*\d+\s*—/);
    expect(lo[built.tree.frontPages]).toMatch(/—\s*1\s*—/);
  });
});
