/**
 * Paints one page of the page tree at absolute coordinates (pdfmake's renderer
 * habit: a switch over item kinds, no layout here). Consecutive glyph runs of one
 * line become one text object with every glyph explicitly positioned
 * (`text-object.ts`, ISO 32000-1 §9.4.3), drawn in the page's unflipped default
 * space inside q … Q (a two-em unit fitted to its cells there); strike-through rules follow the line. Rules, images, links
 * and named destinations go through pdfkit.
 */
import {
  FAKE_BOLD_STROKE_EM,
  FAKE_ITALIC_SLANT,
  STRIKE_RISE_EM,
  STRIKE_WIDTH_EM,
  type FontBook,
} from '../../fonts/index.js';
import type { GlyphRun, Page, PageItem } from '../../layout/index.js';
import { internals } from './doc.js';
import { encodeGlyphs, encodeTwoEm } from './encode.js';
import { runWidthPt, textObject, type TextRun } from './text-object.js';

/** A run whose baseline is within this fraction of the larger size of the previous run's continues its line (raised marks). */
const SAME_LINE_EM = 0.6;

/** Does `next` continue the line `prev` is on: near the same baseline and further right. */
export function continuesLine(prev: GlyphRun, next: GlyphRun): boolean {
  return Math.abs(next.yPt - prev.yPt) < SAME_LINE_EM * Math.max(prev.sizePt, next.sizePt) && next.xPt >= prev.xPt;
}

/** Glyph items grouped into lines, other items alone, in page order. */
export function groupLines(items: readonly PageItem[]): (GlyphRun[] | Exclude<PageItem, GlyphRun>)[] {
  const out: (GlyphRun[] | Exclude<PageItem, GlyphRun>)[] = [];
  let line: GlyphRun[] | null = null;
  for (const item of items) {
    if (item.kind === 'glyphs') {
      if (line && continuesLine(line[line.length - 1]!, item)) line.push(item);
      else out.push((line = [item]));
    } else {
      // Links and destinations draw nothing: they do not end a line.
      if (item.kind === 'rule' || item.kind === 'image') line = null;
      out.push(item);
    }
  }
  return out;
}

function textRun(doc: PDFKit.PDFDocument, run: GlyphRun): TextRun {
  doc.font(run.fontKey);
  const pdf = internals(doc);
  const font = pdf._font;
  pdf.page.fonts[font.id] ??= font.ref();
  return {
    fontId: font.id,
    sizePt: run.sizePt,
    xPt: run.xPt,
    yPt: run.yPt,
    charSpacingPt: run.charSpacingPt,
    glyphs: run.twoEm ? encodeTwoEm(font, run.text) : encodeGlyphs(font, run.text),
    strokePt: run.fakeBold ? run.sizePt * FAKE_BOLD_STROKE_EM : 0,
    skew: run.fakeItalic ? FAKE_ITALIC_SLANT : 0,
    ...(run.twoEm ? { twoEm: true } : {}),
  };
}

function paintLine(doc: PDFKit.PDFDocument, line: readonly GlyphRun[], pageHeightPt: number): void {
  const runs = line.map((r) => textRun(doc, r));
  // pdfkit draws in a y-down space (`1 0 0 -1 0 h cm` at the top of each page); undo it for the text.
  internals(doc).addContent(`q\n1 0 0 -1 0 ${pageHeightPt} cm\n0 g 0 G\n${textObject(runs, pageHeightPt)}\nQ`);
  line.forEach((r, i) => {
    if (!r.strike) return;
    const y = r.yPt - r.sizePt * STRIKE_RISE_EM;
    const width = runWidthPt(runs[i]!);
    doc
      .save()
      .lineWidth(r.sizePt * STRIKE_WIDTH_EM)
      .strokeColor('black')
      .moveTo(r.xPt, y)
      .lineTo(r.xPt + width, y)
      .stroke()
      .restore();
  });
}

export function paintPage(doc: PDFKit.PDFDocument, page: Page, _fonts: FontBook): void {
  for (const entry of groupLines(page.items)) {
    if (Array.isArray(entry)) {
      paintLine(doc, entry, page.heightPt);
      continue;
    }
    const item = entry;
    switch (item.kind) {
      case 'rule':
        doc
          .save()
          .lineWidth(item.widthPt)
          .strokeColor('black')
          .moveTo(item.x1Pt, item.y1Pt)
          .lineTo(item.x2Pt, item.y2Pt)
          .stroke()
          .restore();
        break;
      case 'image':
        doc.image(item.file, item.xPt, item.yPt, { width: item.widthPt, height: item.heightPt });
        break;
      case 'link':
        if (item.dest) doc.goTo(item.xPt, item.yPt, item.widthPt, item.heightPt, item.dest);
        else if (item.url) doc.link(item.xPt, item.yPt, item.widthPt, item.heightPt, item.url);
        break;
      case 'dest':
        doc.addNamedDestination(item.name, 'XYZ', null as unknown as number, item.yPt, null as unknown as number);
        break;
      default: {
        const never: never = item;
        throw new Error(`unknown page item ${(never as { kind: string }).kind}`);
      }
    }
  }
}
