/**
 * The slice of pdfkit's document object the painter uses beyond @types/pdfkit:
 * the catalog (`_root`, for /PageLabels — ISO 32000-1 §12.4.2), outline items
 * whose /Dest we point at named destinations (§12.3.2.3), the raw content stream
 * (`addContent`, for text objects written operator by operator — §9.4), the
 * current page's /Font resources, and the embedded-font object pdfkit keeps per
 * face (its fontkit font, glyph subset, /W widths and /ToUnicode code points —
 * §9.7.4.3, §9.10.3).
 */
import type { PdfFontSource } from './pdf-font.js';

export interface PdfRef {
  readonly data: Record<string, unknown>;
  end(): void;
}

export interface PdfOutlineItem {
  readonly outlineData: Record<string, unknown>;
  addItem(title: string, options?: { expanded?: boolean; pageNumber?: number }): PdfOutlineItem;
}

/** pdfkit's EmbeddedFont: what `encodeGlyphs` fills in so the font is subset and its /W and /ToUnicode are written. */
export interface PdfEmbeddedFont {
  /** Resource name on the page (F1, F2, …). */
  readonly id: string;
  /** The object registered with pdfkit (`pdf-font.ts`). */
  readonly font: PdfFontSource;
  /** `font.createSubset()`: src/fonts' TrueTypeSubset, or fontkit's subsetter. */
  readonly subset: { includeGlyph(glyphId: number): number };
  /** Advance of each subset glyph in 1/1000 em (the CIDFont's /W). */
  readonly widths: (number | undefined)[];
  /** Code points each subset glyph stands for (the /ToUnicode CMap). */
  readonly unicode: (readonly number[] | undefined)[];
  /** 1000 / unitsPerEm. */
  readonly scale: number;
  ref(): PdfRef;
}

export interface PdfInternals {
  readonly _root: PdfRef;
  ref(data: Record<string, unknown>): PdfRef;
  readonly outline: PdfOutlineItem;
  /** The font selected by the last `doc.font()`. */
  readonly _font: PdfEmbeddedFont;
  readonly page: { readonly fonts: Record<string, PdfRef> };
  addContent(data: string): unknown;
}

export function internals(doc: PDFKit.PDFDocument): PdfInternals {
  return doc as unknown as PdfInternals;
}
