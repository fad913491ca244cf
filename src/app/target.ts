/**
 * One output target of a build — the compilation, or one piece's handout — laid out and
 * drawn in memory: the page tree, the PDF and DOCX bytes and the warnings, each warning
 * naming the file it concerns. Used by the build on the main thread and by the handout
 * workers (handout-worker.ts), so a handout comes out the same bytes wherever it is made.
 */
import type { Collection, Piece } from '../model/types.js';
import { forOutput, type Diagnostic } from '../model/diagnostics.js';
import type { ResolvedTemplate } from '../template/index.js';
import type { FontBook } from '../fonts/index.js';
import { layoutDocument, type LayoutResult, type PageTree } from '../layout/index.js';
import type { renderPdf as RenderPdf } from '../render/pdf/index.js';
import type { renderDocx as RenderDocx } from '../render/docx/index.js';
import type { renderOfd as RenderOfd } from '../render/ofd/index.js';
import { handoutBase } from './report.js';

export type Format = 'pdf' | 'docx' | 'ofd';

/** What a target needs of the prepared build: the parsed collection. */
export interface TargetSource {
  readonly collection: Collection;
}

function pdfMeta(prepared: TargetSource, piece: Piece | null, date: Date) {
  const c = prepared.collection;
  return {
    title: piece ? piece.title : c.title,
    author: piece ? piece.byline : [c.banner?.source, c.title].filter(Boolean).join(' '),
    subject: piece ? c.title : (c.banner?.headline ?? c.title),
    keywords: c.banner?.source ?? undefined,
    lang: c.lang,
    creationDate: date,
  };
}

export interface Rendered {
  readonly pdf: Buffer | null;
  readonly docx: Buffer | null;
  readonly ofd: Buffer | null;
  readonly tree: PageTree;
  readonly warnings: readonly Diagnostic[];
}

/**
 * The writers a build asks for (null: that format is not made): a PDF-only build never loads
 * the DOCX writer (and its libraries), nor a DOCX-only one the PDF painter.
 */
export interface Renderers {
  readonly pdf: typeof RenderPdf | null;
  readonly docx: typeof RenderDocx | null;
  readonly ofd: typeof RenderOfd | null;
}

export async function loadRenderers(formats: readonly Format[]): Promise<Renderers> {
  const [pdf, docx, ofd] = await Promise.all([
    formats.includes('pdf') ? import('../render/pdf/index.js').then((m) => m.renderPdf) : null,
    formats.includes('docx') ? import('../render/docx/index.js').then((m) => m.renderDocx) : null,
    formats.includes('ofd') ? import('../render/ofd/index.js').then((m) => m.renderOfd) : null,
  ]);
  return { pdf, docx, ofd };
}

/** The bytes of a target made, by format (null: not made). */
export type OutputBytes = { readonly [F in Format]: Uint8Array | null };

/** The files of a target made, PDF before DOCX before OFD: path (from `base`) and bytes. */
export function outputFiles(
  base: string,
  made: OutputBytes,
): { readonly format: Format; readonly path: string; readonly data: Uint8Array }[] {
  return (['pdf', 'docx', 'ofd'] as const).flatMap((format) => {
    const data = made[format];
    return data ? [{ format, path: `${base}.${format}`, data }] : [];
  });
}

/** The files of one target without extension: `compilation` or `handouts/<NN>-<id>`. */
export function targetBase(prepared: TargetSource, piece: Piece | null): string {
  return piece ? handoutBase(piece.n, piece.id, prepared.collection.pieces.length) : 'compilation';
}

/**
 * Lays out one target (the compilation, or a piece's handout); its warnings name the output
 * they concern — the PDF the layout draws, or the DOCX in a DOCX-only build (which carries
 * the layout's page numbers).
 */
export function layoutTarget(
  prepared: TargetSource,
  template: ResolvedTemplate,
  fonts: FontBook,
  piece: Piece | null,
  format: Format,
): LayoutResult {
  const target = piece ? ({ kind: 'handout', piece: piece.n } as const) : ({ kind: 'compilation' } as const);
  const laid = layoutDocument({ collection: prepared.collection, template, fonts, target });
  return { ...laid, warnings: forOutput(laid.warnings, `${targetBase(prepared, piece)}.${format}`) };
}

export async function renderTarget(
  render: Renderers,
  prepared: TargetSource,
  template: ResolvedTemplate,
  fonts: FontBook,
  piece: Piece | null,
  date: Date,
  timings: Record<string, number>,
  prefix: string,
  /** Hears the PDF as soon as it is drawn, before the DOCX is (watch mode shows it at once). */
  onPdf: (pdf: Buffer) => Promise<void> = async () => {},
): Promise<Rendered> {
  const target = piece ? ({ kind: 'handout', piece: piece.n } as const) : ({ kind: 'compilation' } as const);
  let t = performance.now();
  const { tree, facts, warnings } = layoutTarget(
    prepared,
    template,
    fonts,
    piece,
    render.pdf ? 'pdf' : render.ofd ? 'ofd' : 'docx',
  );
  const tick = (key: string) => {
    const now = performance.now();
    timings[key] = Math.round((timings[key] ?? 0) + (now - t));
    t = now;
  };
  tick(`${prefix}layout`);
  const pdf = render.pdf ? await render.pdf(tree, fonts, pdfMeta(prepared, piece, date)) : null;
  tick(`${prefix}pdf`);
  if (pdf) await onPdf(pdf);
  t = performance.now();
  let docx: Buffer | null = null;
  const allWarnings = [...warnings];
  if (render.docx) {
    const r = await render.docx({
      collection: prepared.collection,
      template,
      fonts,
      facts,
      target,
      meta: { creationDate: date },
    });
    docx = r.buffer;
    allWarnings.push(...forOutput(r.warnings, `${targetBase(prepared, piece)}.docx`));
  }
  tick(`${prefix}docx`);
  const ofd = render.ofd ? await render.ofd(tree, fonts, pdfMeta(prepared, piece, date)) : null;
  if (render.ofd) tick(`${prefix}ofd`);
  return { pdf, docx, ofd, tree, warnings: allWarnings };
}
