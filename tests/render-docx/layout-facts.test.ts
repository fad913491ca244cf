/**
 * The DOCX takes what the PDF layout decided (hints.ts; docs/design.md “The layout facts (layout → DOCX)”): each table's column widths
 * (ECMA-376 §17.4.14 w:gridCol, §17.4.71 w:tcW, fixed layout) and, on a template listing
 * headings of levels 1–2 in the contents, each heading's entry (indent, PAGEREF to a bookmark
 * at the heading, cached page) — checked in the XML and in LibreOffice's rendering against
 * the PDF's, on tests/fixtures/constructs (two parts, a 36-row table).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build, convertAll, loadSample, pageTexts, squash, writeTemp, type Built } from './pipeline.js';
import { inlineText } from '../../src/render/docx/inlines.js';
import { listedHeadings } from '../../src/model/headings.js';
import { headingBookmark } from '../../src/render/docx/headings.js';
import { unpack } from './shared.js';
import { ptToTwip } from '../../src/render/docx/units.js';

const DIR = resolve(__dirname, '../fixtures/constructs');
let built: Built;
let doc: string;
let loPdf: string;
let pdf: string;
let hBuilt: Built;
let hDoc: string;
let hLoPdf: string;
let hPdf: string;

beforeAll(async () => {
  const c = await loadSample(DIR);
  built = await build(c, 'compilation', { kind: 'compilation' }, true);
  hBuilt = await build(c, 'headings-contents.yaml', { kind: 'compilation' }, true);
  doc = unpack(built.docx).xml('word/document.xml');
  hDoc = unpack(hBuilt.docx).xml('word/document.xml');
  pdf = writeTemp('constructs.pdf', built.pdf!);
  hPdf = writeTemp('headings.pdf', hBuilt.pdf!);
  const lo = convertAll({ constructs: built.docx, headings: hBuilt.docx });
  loPdf = lo.constructs;
  hLoPdf = lo.headings;
}, 200_000);

/** Words of a PDF with their left and right edges (pt) and page (0-based), from pdftotext -bbox. */
function words(file: string): { text: string; xPt: number; x2Pt: number; page: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const out: { text: string; xPt: number; x2Pt: number; page: number }[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((pg, page) => {
      for (const m of pg.matchAll(/<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g))
        out.push({ text: m[3], xPt: Number(m[1]), x2Pt: Number(m[2]), page });
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

describe('headings in the contents (contents.headingLevels: 2)', () => {
  const listed = () =>
    hBuilt.collection.pieces.flatMap((p) =>
      listedHeadings(p, 2).map((h) => ({ piece: p.n, ...h, text: inlineText(h.block.inlines) })),
    );
  const paragraphs = () => [...hDoc.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => m[0]);

  it('lists every heading of levels 1–2 under its piece, with a PAGEREF cached with the layout page', () => {
    const hs = listed();
    expect(hs.length).toBeGreaterThanOrEqual(5);
    // Two parts: parts TOC1, pieces TOC2, headings TOC3–TOC4, and the field covers them.
    expect(hDoc).toContain('TOC \\o &quot;1-4&quot; \\h \\z \\u');
    expect(doc).toContain('TOC \\o &quot;1-2&quot; \\h \\z \\u');
    const pages = new Map((hBuilt.tree.headingPages ?? []).map((h) => [`${h.piece}/${h.index}`, h.page]));
    const size = hBuilt.template.styles.contentsEntry.sizePt;
    for (const h of hs) {
      const bm = headingBookmark(h.piece, h.index);
      const page = pages.get(`${h.piece}/${h.index}`);
      expect(page, h.text).toBeDefined();
      const entry = paragraphs().find((p) => p.includes(`PAGEREF ${bm} `))!;
      expect(entry, h.text).toBeDefined();
      expect(entry).toContain(`<w:pStyle w:val="TOC${2 + h.block.level}"/>`);
      expect(entry).toMatch(
        new RegExp(
          `PAGEREF ${bm} \\\\h (?:(?!<w:fldChar w:fldCharType="end"/>).)*<w:t xml:space="preserve">${page}</w:t>`,
        ),
      );
      // Indented one em per level more than the other heading level.
      const left = Number(/<w:ind w:left="(\d+)"/.exec(entry)![1]);
      const other = hs.find((x) => x.piece === h.piece && x.block.level !== h.block.level);
      if (other) {
        const otherEntry = paragraphs().find((p) =>
          p.includes(`PAGEREF ${headingBookmark(other.piece, other.index)} `),
        )!;
        const otherLeft = Number(/<w:ind w:left="(\d+)"/.exec(otherEntry)![1]);
        expect(left - otherLeft).toBe(ptToTwip((h.block.level - other.block.level) * size) - ptToTwip(0));
      }
      // The bookmark stands around the heading itself.
      const heading = paragraphs().find((p) => p.includes(`w:name="${bm}"`))!;
      expect(heading).toContain(`<w:pStyle w:val="Heading${h.block.level}"/>`);
    }
    // Without headingLevels, no heading is bookmarked.
    expect(doc).not.toContain('_TocHead');
  });

  it('puts every heading on the page its entry names in LibreOffice, entries where the PDF sets them', () => {
    const lo = pageTexts(hLoPdf);
    const front = hBuilt.tree.frontPages;
    expect(lo.length).toBe(hBuilt.tree.pages.length);
    const contentsLines = lo.slice(0, front).join('\n').split('\n').map(squash);
    const pages = new Map((hBuilt.tree.headingPages ?? []).map((h) => [`${h.piece}/${h.index}`, h.page]));
    const loWords = words(hLoPdf).filter((w) => w.page < front);
    const pdfWords = words(hPdf).filter((w) => w.page < front);
    for (const h of listed()) {
      const page = pages.get(`${h.piece}/${h.index}`)!;
      expect(squash(lo[front + page - 1]), `${h.text} on page ${page}`).toContain(squash(h.text));
      const line = contentsLines.find((l) => l.startsWith(squash(h.text)));
      expect(line, h.text).toMatch(new RegExp(`^[^.…·]+[.…·]+${page}$`));
      // The entry starts where the PDF's does (its indent), within a point.
      const head = [...h.text].slice(0, 2).join('');
      const xLo = loWords.find((w) => w.text.startsWith(head))?.xPt ?? NaN;
      const xPdf = pdfWords.find((w) => w.text.startsWith(head))?.xPt ?? NaN;
      // (An opening bracket at line start: the PDF cuts its left half, the DOCX starts it that much further left.)
      expect(Math.abs(xLo - xPdf), h.text).toBeLessThan(1.5);
    }
  });
});

describe('list indents as the PDF sets them', () => {
  it('starts each marker at the 2 em first-line indent and each item text where the PDF does, at every level, in LibreOffice', () => {
    // 01-structure.md: 1./1./-/- nested four deep, then a bullet list under item 2: 1．, （1）, ○ by depth.
    const ordered = ['稳增长', '扩大有效投资', '促进消费升级', '调结构'];
    const bulleted = ['重大项目', '专项债券', '培育新兴产业', '改造传统产业'];
    const a = words(pdf);
    const b = words(loPdf);
    const at = (ws: typeof a, t: string) => {
      const w = ws.find((x) => x.text.endsWith(t) && x.text.length <= t.length + 4);
      return w ? { start: w.xPt, end: w.x2Pt, marker: w.text.slice(0, w.text.length - t.length) } : null;
    };
    const em = 12; // compilation body size
    const margin = Math.min(...a.filter((w) => w.text.startsWith('重点任务')).map((w) => w.xPt)) - 2 * em;
    for (const t of [...ordered, ...bulleted]) {
      const p = at(a, t);
      const l = at(b, t);
      expect(p, `PDF ${t}`).not.toBeNull();
      expect(l, `LibreOffice ${t}`).not.toBeNull();
      expect(l!.marker, t).toBe(p!.marker);
      if (ordered.includes(t)) {
        // Marker and text are one word: it starts 2 em in (an opening bracket's blank half cut) and ends alike.
        const cutPt = p!.marker.startsWith('（') ? em / 2 : 0;
        expect(p!.start - margin, `${t} marker`).toBeCloseTo(2 * em - cutPt, 0);
        expect(Math.abs(l!.start - p!.start), `${t} start`).toBeLessThan(1.5);
        expect(Math.abs(l!.end - p!.end), `${t} end`).toBeLessThan(1.5);
      } else {
        // ○ and an ideographic space, then the text: the PDF may add its ¼ em joint after the symbol.
        expect(l!.start - margin, `${t} text`).toBeCloseTo(4 * em, 0);
        expect(p!.start - l!.start, `${t} start`).toBeGreaterThan(-1.5);
        expect(p!.start - l!.start, `${t} start`).toBeLessThan(em / 4 + 1.5);
      }
    }
  });
});
