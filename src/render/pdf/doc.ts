/**
 * The slice of pdfkit's document object the painter uses beyond @types/pdfkit:
 * the catalog (`_root`, for /PageLabels — ISO 32000-1 §12.4.2) and outline
 * items whose /Dest we point at named destinations (§12.3.2.3).
 */
export interface PdfRef {
  readonly data: Record<string, unknown>;
  end(): void;
}

export interface PdfOutlineItem {
  readonly outlineData: Record<string, unknown>;
  addItem(title: string, options?: { expanded?: boolean; pageNumber?: number }): PdfOutlineItem;
}

export interface PdfInternals {
  readonly _root: PdfRef;
  ref(data: Record<string, unknown>): PdfRef;
  readonly outline: PdfOutlineItem;
}

export function internals(doc: PDFKit.PDFDocument): PdfInternals {
  return doc as unknown as PdfInternals;
}
