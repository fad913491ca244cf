/**
 * The sample on `official` (GB/T 9704-2012: 22 lines × 28 characters, pieces over two
 * pages) and one long piece, both converted in one LibreOffice call. Titles stand on their
 * contents pages, and a full body page holds 22 lines on the 28.95 pt pitch with 28
 * characters to a full line (measured with pdftotext -bbox).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Collection } from '../../src/model/types.js';
import {
  build,
  convertAll,
  loadSample,
  misplacedTitles,
  missingTexts,
  pageTexts,
  pdfLines,
  wrongContentsNumbers,
  writeTemp,
  type Built,
  type PdfLine,
} from './pipeline.js';

let sample: Built;
let long: Built;
let lo: string[];
let ours: string[];
let longPdf: string;

/** One piece made of the first four sample pieces' paragraphs: several full body pages. */
function longPiece(c: Collection): Collection {
  const blocks: Block[] = c.pieces.slice(0, 4).flatMap((p) => p.blocks);
  return { ...c, pieces: [{ ...c.pieces[0], blocks }], banner: null };
}

beforeAll(async () => {
  const c = await loadSample();
  sample = await build(c, 'official', { kind: 'compilation' }, true);
  long = await build(longPiece(c), 'official', { kind: 'compilation' });
  const pdfs = convertAll({ official: sample.docx, long: long.docx });
  lo = pageTexts(pdfs.official);
  longPdf = pdfs.long;
  ours = pageTexts(writeTemp('official.pdf', sample.pdf!));
}, 180_000);

describe('the sample on official', () => {
  it('runs each piece over two pages, in LibreOffice as in the layout', () => {
    expect(sample.tree.piecePages.every((p) => p.endPage === p.startPage + 1)).toBe(true);
    expect(lo.length).toBe(sample.tree.pages.length);
  });

  it('puts every title on its contents page, in the PDF and in LibreOffice', () => {
    expect(misplacedTitles(sample, ours)).toEqual([]);
    expect(misplacedTitles(sample, lo)).toEqual([]);
    expect(wrongContentsNumbers(sample, lo)).toEqual([]);
  });

  it('contains all the text, the contents unnumbered and the body numbered from 1', () => {
    expect(missingTexts(sample.collection, lo)).toEqual([]);
    for (let i = 0; i < sample.tree.frontPages; i++) expect(lo[i]).not.toMatch(/—\s*\d+\s*—/);
    expect(lo[sample.tree.frontPages]).toMatch(/—\s*1\s*—/);
  });
});

describe('the official grid in LibreOffice', () => {
  const MM = 72 / 25.4;
  const typeTop = 37 * MM;
  const typeBottom = (297 - 35) * MM;
  const typeLeft = 28 * MM;
  const typeRight = (210 - 26) * MM;
  let body: PdfLine[];

  beforeAll(() => {
    expect(long.tree.pages.length - long.tree.frontPages).toBeGreaterThanOrEqual(3);
    // The second body page: body text from top to bottom, no title.
    body = pdfLines(longPdf, long.tree.frontPages + 2).filter((l) => l.yPt > typeTop && l.yPt < typeBottom + 4);
  });

  it('holds 22 lines on a full body page, 28.95 pt apart', () => {
    expect(body).toHaveLength(22);
    for (let i = 1; i < body.length; i++) expect(body[i].yPt - body[i - 1].yPt).toBeCloseTo(28.95, 0);
  });

  it('sets 28 characters on a full line of Han text', () => {
    const full = body.filter(
      (l) => Math.abs(l.x1Pt - typeLeft) < 2 && Math.abs(l.x2Pt - typeRight) < 4 && !/[\x21-\x7e]/.test(l.text),
    );
    expect(full.length).toBeGreaterThanOrEqual(5);
    const counts = full.map((l) => [...l.text].length);
    expect(Math.max(...counts)).toBe(28);
    expect(counts.filter((n) => n === 28).length).toBeGreaterThan(full.length / 2);
  });
});
