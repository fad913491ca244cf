/**
 * Page tree → PDF bytes, with pdfkit as a painter only (docs/design.md “Habits”).
 *
 * Fonts embedded and subset (one registration per FontFace.key; the face's
 * PostScript name selects a face of a .ttc); every line one text object with
 * explicitly positioned glyphs (`paint.ts`, `text-object.ts`); bookmarks, named
 * destinations and link annotations; document info and /Lang; /PageLabels so viewers show the
 * printed numbers. Output is byte-identical for identical input: CreationDate
 * and ModDate come from `meta.creationDate`, and pdfkit derives the file /ID
 * from the info dictionary (an MD5 over it), not from random bytes.
 */
import PDFDocument from 'pdfkit';
import type { FontBook } from '../../fonts/index.js';
import type { PageTree } from '../../layout/index.js';
import { pdfFontSource } from './pdf-font.js';
import { writeOutline } from './outline.js';
import { writePageLabels } from './page-labels.js';
import { paintPage } from './paint.js';

export interface PdfMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords?: string;
  readonly lang: string;
  readonly creationDate: Date;
}

/**
 * Faces the tree draws with, registered with pdfkit once each by key — as the font
 * objects of `pdf-font.ts`, one per font file per process, which pdfkit takes as
 * it takes fontkit's.
 */
function registerFonts(doc: PDFKit.PDFDocument, tree: PageTree, fonts: FontBook): void {
  const used = new Set<string>();
  for (const page of tree.pages) for (const it of page.items) if (it.kind === 'glyphs') used.add(it.fontKey);
  for (const key of [...used].sort()) {
    const face = fonts.faces.get(key);
    if (!face) throw new Error(`page tree names font ${key}, which is not in the font book`);
    doc.registerFont(key, pdfFontSource(face) as unknown as string);
  }
}

export function renderPdf(tree: PageTree, fonts: FontBook, meta: PdfMeta): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    margin: 0,
    // No default Helvetica: every glyph is drawn from a registered face (saves parsing its AFM per document).
    font: null,
    lang: meta.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      ...(meta.keywords ? { Keywords: meta.keywords } : {}),
      Creator: 'huibian',
      Producer: 'huibian (pdfkit)',
      CreationDate: meta.creationDate,
      ModDate: meta.creationDate,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc, tree, fonts);
  for (const page of tree.pages) {
    doc.addPage({ size: [page.widthPt, page.heightPt], margin: 0 });
    paintPage(doc, page, fonts);
  }
  writeOutline(doc, tree.outline);
  writePageLabels(doc, tree);
  doc.end();
  return done;
}
