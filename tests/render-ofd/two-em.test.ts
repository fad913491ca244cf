/**
 * Two-em units in the OFD drawn where the PDF draws them (docs/ofd.md “Text”): each dash
 * unit one filled PathObject rectangle equal to the PDF's rule, its characters kept in a
 * TextObject that is not painted; each ellipsis glyph its own TextObject whose origin and
 * HScale are the PDF's text matrix for that glyph. The PDF is read independently of the
 * writers, by mupdf's trace device (`mutool draw -F trace`: the filled paths and every
 * glyph's origin and matrix as drawn). Fixtures: tests/fixtures/two-em (titles,
 * subtitle, contents, body, footnotes, tables, units at line ends and starts) and
 * tests/fixtures/ofd-two-em (⸺ and ⋯⋯ besides —— and ……), on both templates.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { checkOfd, readOfd } from './ofd-check.js';
import { build, pdfPageTexts, squash } from './pipeline.js';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = [join(ROOT, 'tests/fixtures/two-em'), join(ROOT, 'tests/fixtures/ofd-two-em')];

const PT_PER_MM = 72 / 25.4;
/** The OFD writes mm with three decimals: 1/1000 mm is 0.0028 pt. */
const TOLERANCE_PT = 0.01;
/** ⋯ and … are one ellipsis here: a font drawing both with one glyph maps it back to one of them. */
const ELLIPSIS = /[…⋯]/;

interface Rect {
  readonly page: number;
  readonly x: number;
  readonly top: number;
  readonly w: number;
  readonly h: number;
}

interface DotGlyph {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly hScale: number;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** The PDF as mupdf draws it: filled rectangles and ellipsis glyphs, pt from each page's top left. */
function tracePdf(pdf: string): { rects: Rect[]; dots: DotGlyph[] } {
  const trace = execFileSync('mutool', ['draw', '-F', 'trace', '-o', '-', pdf], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const rects: Rect[] = [];
  const dots: DotGlyph[] = [];
  trace
    .split('<page ')
    .slice(1)
    .forEach((body, page) => {
      const height = Number(attr(body, 'mediabox')!.split(' ')[3]);
      for (const m of body.matchAll(/<fill_path[^>]*>([\s\S]*?)<\/fill_path>/g)) {
        const pts = [...m[1]!.matchAll(/<(?:moveto|lineto) x="([^"]+)" y="([^"]+)"\/>/g)].map((p) => [
          Number(p[1]),
          Number(p[2]),
        ]);
        const xs = pts.map((p) => p[0]!);
        const ys = pts.map((p) => p[1]!);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        rects.push({ page, x: x0, top: height - y1, w: x1 - x0, h: y1 - y0 });
      }
      // Painted text only (fill_text, stroke_text); an invisible dash is ignore_text.
      for (const t of body.matchAll(/<(fill_text|stroke_text)[^>]*>([\s\S]*?)<\/\1>/g)) {
        if (t[1] === 'stroke_text') continue;
        for (const span of t[2]!.matchAll(/<span ([^>]*)>([\s\S]*?)<\/span>/g)) {
          const trm = attr(span[1]!, 'trm')!.split(' ').map(Number);
          for (const g of span[2]!.matchAll(/<g ([^>]*)\/>/g)) {
            if (!ELLIPSIS.test(attr(g[1]!, 'unicode') ?? '')) continue;
            dots.push({
              page,
              x: Number(attr(g[1]!, 'x')),
              y: height - Number(attr(g[1]!, 'y')),
              hScale: trm[0]! / trm[3]!,
            });
          }
        }
      }
    });
  return { rects, dots };
}

/** The OFD's filled paths, its ellipsis characters (origin and HScale) and its unpainted text objects. */
function readOfdUnits(ofd: Buffer): { rects: Rect[]; dots: DotGlyph[]; unpainted: string[] } {
  const files = unzipSync(ofd);
  const pages = Object.keys(files)
    .filter((p) => /Pages\/Page_\d+\/Content\.xml$/.test(p))
    .sort((a, b) => Number(/Page_(\d+)/.exec(a)![1]) - Number(/Page_(\d+)/.exec(b)![1]));
  const rects: Rect[] = [];
  const dots: DotGlyph[] = [];
  const unpainted: string[] = [];
  pages.forEach((path, page) => {
    const doc = new DOMParser().parseFromString(strFromU8(files[path]!), 'application/xml');
    const list = (name: string): Element[] => Array.from(doc.getElementsByTagName(name));
    for (const p of list('ofd:PathObject')) {
      if (p.getAttribute('Fill') !== 'true') continue;
      const [bx, by] = p.getAttribute('Boundary')!.split(' ').map(Number);
      const nums = p
        .getElementsByTagName('ofd:AbbreviatedData')[0]!
        .textContent!.match(/-?[\d.]+/g)!
        .map(Number);
      const xs = nums.filter((_, i) => i % 2 === 0);
      const ys = nums.filter((_, i) => i % 2 === 1);
      const x0 = Math.min(...xs);
      const y0 = Math.min(...ys);
      rects.push({
        page,
        x: (bx! + x0) * PT_PER_MM,
        top: (by! + y0) * PT_PER_MM,
        w: (Math.max(...xs) - x0) * PT_PER_MM,
        h: (Math.max(...ys) - y0) * PT_PER_MM,
      });
    }
    for (const t of list('ofd:TextObject')) {
      const [bx, by] = t.getAttribute('Boundary')!.split(' ').map(Number);
      const hScale = Number(t.getAttribute('HScale') || '1');
      const codes = Array.from(t.getElementsByTagName('ofd:TextCode'));
      if (t.getAttribute('Fill') === 'false') {
        unpainted.push(codes.map((c) => c.textContent).join(''));
        continue;
      }
      for (const c of codes) {
        let x = bx! + Number(c.getAttribute('X'));
        const deltas = (c.getAttribute('DeltaX') || '').split(' ').filter(Boolean).map(Number);
        [...c.textContent!].forEach((ch, i) => {
          if (i > 0) x += deltas[i - 1]!;
          if (ELLIPSIS.test(ch))
            dots.push({
              page,
              x: x * PT_PER_MM,
              y: (by! + Number(c.getAttribute('Y'))) * PT_PER_MM,
              hScale,
            });
        });
      }
    }
  });
  return { rects, dots, unpainted };
}

const byPlace = <T extends { page: number; x: number }>(
  a: T & { top?: number; y?: number },
  b: T & { top?: number; y?: number },
): number => a.page - b.page || (a.top ?? a.y ?? 0) - (b.top ?? b.y ?? 0) || a.x - b.x;

function expectClose<T extends object>(ofd: readonly T[], pdf: readonly T[], what: string): void {
  expect(ofd.length, `${what}: count`).toBe(pdf.length);
  ofd.forEach((o, i) => {
    const p = pdf[i]!;
    for (const k of Object.keys(p) as (keyof T)[]) {
      const tol = k === 'hScale' ? 1e-5 : TOLERANCE_PT;
      expect(Math.abs(Number(o[k]) - Number(p[k])), `${what} ${i} ${String(k)}: ofd ${o[k]} pdf ${p[k]}`).toBeLessThan(
        tol,
      );
    }
  });
}

describe.each(['compilation', 'official'])('two-em units in the OFD on %s', (template) => {
  it.each(FIXTURES)('are drawn where the PDF draws them: %s', async (dir) => {
    const b = await build(dir, template);
    // The package holds, and each page's text (the dashes included) is the PDF's.
    expect(checkOfd(b.ofd)).toEqual([]);
    expect(readOfd(b.ofd).pageTexts.map(squash)).toEqual(pdfPageTexts(b.pdfFile, b.tree.pages.length).map(squash));
    const pdf = tracePdf(b.pdfFile);
    const ofd = readOfdUnits(b.ofd);
    // Every dash unit of the page tree is one rule, in the OFD as in the PDF.
    const dashUnits = b.tree.pages.flatMap((p) =>
      p.items.filter((it) => it.kind === 'glyphs' && it.twoEm && !ELLIPSIS.test(it.text)),
    );
    expect(dashUnits.length).toBeGreaterThan(0);
    expect(pdf.rects.length).toBe(dashUnits.length);
    expectClose([...ofd.rects].sort(byPlace), [...pdf.rects].sort(byPlace), 'rule');
    // The dashes stay in the text, unpainted: one unpainted TextObject per unit, holding its characters.
    expect(ofd.unpainted).toEqual(
      dashUnits.map((u) => (u.kind === 'glyphs' ? u.text : '')).filter((t) => t.length > 0),
    );
    // Every ellipsis glyph at the PDF's origin and horizontal scale.
    expect(pdf.dots.some((d) => Math.abs(d.hScale - 1) > 1e-4)).toBe(true);
    expectClose([...ofd.dots].sort(byPlace), [...pdf.dots].sort(byPlace), 'ellipsis glyph');
  });
});
