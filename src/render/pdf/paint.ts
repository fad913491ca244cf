/**
 * Paints one page of the page tree at absolute coordinates (pdfmake's renderer
 * habit: a switch over item kinds, no layout here). Text is one `doc.text()` per
 * glyph run with `lineBreak: false` and the run's character spacing, placed on
 * its alphabetic baseline; faux bold is fill + stroke (text render mode 2,
 * ISO 32000-1 §9.3.6) with a thin line.
 */
import type { FontBook } from '../../fonts/types.js';
import type { GlyphRun, Page } from '../../layout/pagetree.js';

/** Outline stroke of faux bold, as a fraction of the type size. */
const FAKE_BOLD_STROKE_EM = 0.03;
/** Strike-through: height above the baseline and thickness, em. */
const STRIKE_RISE_EM = 0.3;
const STRIKE_WIDTH_EM = 0.05;

function paintRun(doc: PDFKit.PDFDocument, run: GlyphRun): void {
  doc.font(run.fontKey).fontSize(run.sizePt);
  if (run.fakeBold) doc.lineWidth(run.sizePt * FAKE_BOLD_STROKE_EM).strokeColor('black');
  doc.fillColor('black').text(run.text, run.xPt, run.yPt, {
    lineBreak: false,
    characterSpacing: run.charSpacingPt,
    baseline: 'alphabetic',
    fill: true,
    stroke: run.fakeBold,
    oblique: run.fakeItalic ? 12 : false,
  } as PDFKit.Mixins.TextOptions);
  if (run.strike) {
    const width = doc.widthOfString(run.text) + run.charSpacingPt * [...run.text].length;
    const y = run.yPt - run.sizePt * STRIKE_RISE_EM;
    doc.save().lineWidth(run.sizePt * STRIKE_WIDTH_EM).moveTo(run.xPt, y).lineTo(run.xPt + width, y).stroke().restore();
  }
}

export function paintPage(doc: PDFKit.PDFDocument, page: Page, _fonts: FontBook): void {
  for (const item of page.items) {
    switch (item.kind) {
      case 'glyphs':
        paintRun(doc, item);
        break;
      case 'rule':
        doc.save().lineWidth(item.widthPt).strokeColor('black').moveTo(item.x1Pt, item.y1Pt).lineTo(item.x2Pt, item.y2Pt).stroke().restore();
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
