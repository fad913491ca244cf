/**
 * The DOCX takes what the PDF layout decided (hints.ts; SPEC §3): each table's column widths
 * (ECMA-376 §17.4.14 w:gridCol, §17.4.71 w:tcW, fixed layout), checked in the XML and in
 * LibreOffice's rendering against the PDF's, on tests/fixtures/constructs (a 36-row table).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build, convertAll, loadSample, writeTemp, type Built } from './pipeline.js';
import { unpack } from './shared.js';
import { ptToTwip } from '../../src/render/docx/units.js';

const DIR = resolve(__dirname, '../fixtures/constructs');
let built: Built;
let doc: string;
let loPdf: string;
let pdf: string;

beforeAll(async () => {
  built = await build(await loadSample(DIR), 'compilation', { kind: 'compilation' }, true);
  doc = unpack(built.docx).xml('word/document.xml');
  pdf = writeTemp('constructs.pdf', built.pdf!);
  loPdf = convertAll({ constructs: built.docx }).constructs;
}, 150_000);

/** Words of a PDF with their left edge (pt) and page (0-based), from pdftotext -bbox. */
function words(file: string): { text: string; xPt: number; page: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: { text: string; xPt: number; page: number }[] = [];
  html.split('<page ').slice(1).forEach((pg, page) => {
    for (const m of pg.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) out.push({ text: m[2], xPt: Number(m[1]), page });
  });
  return out;
}

describe('table column widths from the layout', () => {
  it('writes the PDF column widths as the grid and cell widths, in a fixed layout', () => {
    const cols = built.tree.tableColumns ?? [];
    expect(cols.length).toBeGreaterThan(0);
    const tables = [...doc.matchAll(/<w:tbl>(?:(?!<\/w:tbl>).)*<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBe(cols.length);
    cols.forEach((c, i) => {
      const twips = c.widthsPt.map((w) => ptToTwip(w));
      // Not equal shares: the layout gave the columns their own widths.
      expect(new Set(twips).size).toBeGreaterThan(1);
      const grid = [...tables[i].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid).toEqual(twips);
      const firstRow = /<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/.exec(tables[i])![0];
      const tcW = [...firstRow.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(tcW).toEqual(twips);
      expect(tables[i]).toContain('<w:tblLayout w:type="fixed"/>');
    });
  });

  it('puts each header cell where the PDF puts it in LibreOffice', () => {
    const heads = ['序号', '区县', '地区生产总值（亿元）', '增速', '固定资产投资增速', '备注'];
    const at = (file: string) => {
      const w = words(file);
      return heads.map((h) => w.find((x) => x.text === h)?.xPt ?? NaN);
    };
    const a = at(pdf);
    const b = at(loPdf);
    a.forEach((x, i) => expect(Math.abs(x - b[i]), heads[i]).toBeLessThan(6));
  });
});
