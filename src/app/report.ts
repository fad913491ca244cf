/**
 * report.json (docs/design.md “Outputs and report.json”): what was built, where each piece landed, which fonts were
 * used, the warnings with positions and the time each phase took. Keys are stable;
 * new keys may be added. Pure: assembled from data the build already has.
 */
import type { Collection } from '../model/types.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { FontBook, FontReportEntry } from '../fonts/index.js';
import type { PiecePages } from '../layout/index.js';

export interface HandoutReport {
  readonly pdf: string | null;
  readonly docx: string | null;
  /** Present only when the build wrote OFD (`--format …,ofd`). */
  readonly ofd?: string;
  readonly pages: number;
}

export interface PieceReport {
  readonly n: number;
  readonly id: string;
  readonly title: string;
  readonly subtitle: string | null;
  readonly byline: string;
  readonly file: string;
  readonly startPage: number;
  readonly endPage: number;
  readonly handout: HandoutReport | null;
}

export interface Report {
  readonly collection: string;
  readonly title: string;
  readonly template: string;
  readonly handoutTemplate: string | null;
  readonly formats: readonly string[];
  readonly files: readonly string[];
  readonly pages: { readonly front: number; readonly body: number; readonly total: number };
  readonly layoutPasses: number;
  readonly pieces: readonly PieceReport[];
  readonly parts: readonly { readonly title: string; readonly page: number; readonly pieces: readonly number[] }[];
  readonly fonts: readonly (FontReportEntry & { readonly usedBy: string })[];
  /** `output`: the file a layout or writer warning concerns (`compilation.pdf`), null for the sources'. */
  readonly warnings: readonly { file: string; line: number; column: number; message: string; output: string | null }[];
  readonly timingsMs: Readonly<Record<string, number>>;
}

/** Handout file names: `handouts/<NN>-<id>.<ext>` with NN the piece's position (01, 02, …). */
export function handoutBase(n: number, id: string, total: number): string {
  const width = Math.max(2, String(total).length);
  return `handouts/${String(n).padStart(width, '0')}-${id}`;
}

export interface ReportInput {
  readonly collection: Collection;
  readonly templateName: string;
  readonly handoutTemplateName: string | null;
  readonly formats: readonly string[];
  readonly files: readonly string[];
  readonly frontPages: number;
  readonly totalPages: number;
  readonly passes: number;
  readonly piecePages: readonly PiecePages[];
  readonly partPages: readonly number[];
  readonly handouts: ReadonlyMap<number, HandoutReport>;
  readonly fonts: FontBook;
  readonly handoutFonts: FontBook | null;
  readonly warnings: readonly Diagnostic[];
  readonly timingsMs: Readonly<Record<string, number>>;
}

export function makeReport(r: ReportInput): Report {
  const pagesByPiece = new Map(r.piecePages.map((p) => [p.n, p]));
  const fonts = [
    ...r.fonts.report.map((f) => ({ ...f, usedBy: 'compilation' })),
    ...(r.handoutFonts ? r.handoutFonts.report.map((f) => ({ ...f, usedBy: 'handout' })) : []),
  ];
  return {
    collection: r.collection.id,
    title: r.collection.title,
    template: r.templateName,
    handoutTemplate: r.handoutTemplateName,
    formats: r.formats,
    files: [...r.files].sort(),
    pages: { front: r.frontPages, body: r.totalPages - r.frontPages, total: r.totalPages },
    layoutPasses: r.passes,
    pieces: r.collection.pieces.map((p) => {
      const pages = pagesByPiece.get(p.n);
      return {
        n: p.n,
        id: p.id,
        title: p.title,
        subtitle: p.subtitle,
        byline: p.byline,
        file: p.file,
        startPage: pages?.startPage ?? 0,
        endPage: pages?.endPage ?? 0,
        handout: r.handouts.get(p.n) ?? null,
      };
    }),
    parts: r.collection.parts.map((part, i) => ({ title: part.title, page: r.partPages[i] ?? 0, pieces: part.pieces })),
    fonts,
    warnings: r.warnings.map((w) => ({
      file: w.file,
      line: w.line,
      column: w.column,
      message: w.message,
      output: w.output ?? null,
    })),
    timingsMs: r.timingsMs,
  };
}
