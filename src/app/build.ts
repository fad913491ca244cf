/**
 * Orchestration (docs/design.md “Phases and folders”: app/): collection + template → compilation PDF and
 * DOCX, a handout per piece, report.json — all written atomically.
 *
 * The layout engine resolves the page numbers once; the PDF paints its page tree
 * and the DOCX carries the same numbers as cached field results. Handouts reuse
 * the parsed sources and the loaded fonts. Dates come from SOURCE_DATE_EPOCH or a
 * fixed constant, so identical sources give identical bytes.
 */
import { resolve, join, basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Piece } from '../model/types.js';
import { SourceError, UsageError, dedupeDiagnostics, type Diagnostic } from '../model/diagnostics.js';
import { saveMemoFiles } from '../fonts/index.js';
import { prepare, type Prepared } from './prepare.js';
import { StagedOutput, writeFileAtomic } from './output.js';
import { InPlaceOutput, type OutputSink } from './in-place.js';
import type { PieceParseCache } from '../sources/index.js';
import { makeReport, type Report } from './report.js';
import { layoutTarget, loadRenderers, outputFiles, renderTarget, targetBase, type Format } from './target.js';
import { startHandouts, type HandoutsRun } from './handouts.js';

export type { Format };

export interface BuildOptions {
  readonly dir: string;
  /** Output folder; default `out/<collection>/` under the current directory. */
  readonly out: string | null;
  readonly formats: readonly Format[];
  readonly template: string | null;
  readonly handouts: boolean;
  /** Build only this piece's handout (id or number), leaving the rest of the output as it is. */
  readonly only: string | null;
  /**
   * Worker threads making the handouts while the main thread makes the compilation; 1 (the
   * default) makes them one after another on this thread. The files are the same either way.
   */
  readonly jobs?: number;
  /** Called as each phase starts (progress on a terminal). */
  readonly onPhase?: (phase: string) => void;
  /** Parse results kept between builds (watch mode). */
  readonly parseCache?: PieceParseCache;
  /**
   * Watch mode: each file replaced in the output folder as soon as it is made (compilation PDF
   * first), instead of the whole folder swapped at the end; `onWritten` hears each file.
   */
  readonly inPlace?: boolean;
  readonly onWritten?: (relPath: string) => void;
}

export interface BuildResult {
  readonly outDir: string;
  readonly report: Report | null;
  readonly files: readonly string[];
  readonly warnings: readonly Diagnostic[];
}

/** 2000-01-01T00:00:00Z: the document date when SOURCE_DATE_EPOCH is not set. */
export const DEFAULT_EPOCH_S = 946684800;

/** The date written into every output (reproducible builds). */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && /^\d+$/.test(raw.trim())) return new Date(Number(raw.trim()) * 1000);
  return new Date(DEFAULT_EPOCH_S * 1000);
}

/** Ids shown in full in a usage error; a longer list is cut with a count. */
const MAX_LISTED_IDS = 20;

/** The piece `--only` names (its number or id); else bad usage listing the numbers and ids there are. */
function findPiece(prepared: Prepared, only: string): Piece {
  const pieces = prepared.collection.pieces;
  const byNumber = /^\d+$/.test(only) ? pieces.find((p) => p.n === Number(only)) : undefined;
  const piece = byNumber ?? pieces.find((p) => p.id === only);
  if (!piece) {
    const ids = pieces.slice(0, MAX_LISTED_IDS).map((p) => p.id);
    const more = pieces.length > MAX_LISTED_IDS ? `, … (${pieces.length.toLocaleString('en')} in all)` : '';
    throw new UsageError(
      `--only ${only}: no piece with that number or id (numbers 1–${pieces.length}; ids: ${ids.join(', ')}${more})`,
    );
  }
  return piece;
}

/**
 * A file-system failure while writing the output (full disk, read-only folder, a
 * file where a folder should be) is a problem with the output path, not a bug:
 * exit 1 with the path, like a source error. Other errors pass through unchanged.
 */
function asOutputError(outDir: string, e: unknown): unknown {
  const err = e as NodeJS.ErrnoException;
  if (e instanceof SourceError || typeof err?.code !== 'string' || typeof err.syscall !== 'string') return e;
  return new SourceError([
    { severity: 'error', file: outDir, line: 1, column: 1, message: `cannot write output here (${err.code})` },
  ]);
}

async function ensureOutputUsable(outDir: string): Promise<void> {
  try {
    const s = await stat(outDir);
    if (!s.isDirectory()) {
      throw new SourceError([
        { severity: 'error', file: outDir, line: 1, column: 1, message: 'output path exists and is not a folder' },
      ]);
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
  }
}

/** Output folder for a collection: `--out` or `out/<collection>/` under the current directory. */
export function outputDir(dir: string, out: string | null): string {
  return resolve(out ?? join('out', basename(resolve(dir))));
}

export async function buildCollection(opts: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const phase = opts.onPhase ?? (() => {});
  phase('parse');
  const wantHandouts = opts.handouts || opts.only !== null;
  const prepared = await prepare({
    dir: opts.dir,
    template: opts.template,
    handouts: wantHandouts,
    formats: opts.formats,
    parseCache: opts.parseCache,
  });
  // Module loading stays outside the phases, as when the writers were imported up front.
  const render = await loadRenderers(opts.formats);
  timings.parse = prepared.timingsMs.parse;
  timings.fonts = prepared.timingsMs.fonts;
  const outDir = outputDir(opts.dir, opts.out);
  await ensureOutputUsable(outDir);
  const date = buildDate();
  const warnings: Diagnostic[] = [...prepared.warnings];

  if (opts.only !== null) {
    const piece = findPiece(prepared, opts.only);
    const h = prepared.handout!;
    phase(`handout ${piece.n}`);
    const r = await renderTarget(render, prepared, h.template, h.fonts, piece, date, timings, 'handout.');
    const base = targetBase(prepared, piece);
    const files: string[] = [];
    try {
      for (const { path, data } of outputFiles(base, r)) {
        await writeFileAtomic(join(outDir, path), data);
        files.push(path);
      }
    } catch (e) {
      throw asOutputError(outDir, e);
    }
    return { outDir, report: null, files, warnings: dedupeDiagnostics([...warnings, ...r.warnings]) };
  }

  let staged: OutputSink;
  try {
    staged = opts.inPlace ? await InPlaceOutput.create(outDir, opts.onWritten) : await StagedOutput.create(outDir);
  } catch (e) {
    throw asOutputError(outDir, e);
  }
  const save = async (relPath: string, data: Uint8Array | string): Promise<void> => {
    try {
      await staged.put(relPath, data);
    } catch (e) {
      throw asOutputError(outDir, e);
    }
  };
  let handoutRun: HandoutsRun | null = null;
  try {
    // Started first: with workers, the handouts are made while this thread makes the compilation.
    handoutRun = startHandouts({
      prepared,
      formats: opts.formats,
      render,
      date,
      timings,
      save,
      phase,
      jobs: opts.jobs ?? 1,
    });
    phase('layout');
    // The compilation's page tree and files are let go once written: only the report's facts are kept.
    const main = await (async () => {
      // The PDF is saved before the DOCX is drawn: in watch mode a preview shows it at once.
      const r = await renderTarget(
        render,
        prepared,
        prepared.template,
        prepared.fonts,
        null,
        date,
        timings,
        '',
        (pdf) => save('compilation.pdf', pdf),
      );
      warnings.push(...r.warnings);
      const outputs = outputFiles('compilation', r);
      // The PDF is saved already, as soon as it was drawn.
      for (const { format, path, data } of outputs) if (format !== 'pdf') await save(path, data);
      const files = outputs.map((o) => o.path);
      const { frontPages, pages, passes, piecePages, partPages } = r.tree;
      return { files, frontPages, totalPages: pages.length, passes, piecePages, partPages };
    })();

    const done = await handoutRun.finish();
    warnings.push(...done.warnings);
    const handouts = done.reports;
    // In piece order whichever handout was written first, so report.json does not depend on --jobs.
    const files = [...main.files, ...done.files];
    timings.total = Math.round(performance.now() - started);
    const report = makeReport({
      collection: prepared.collection,
      templateName: prepared.template.name,
      handoutTemplateName: prepared.handout?.template.name ?? null,
      formats: opts.formats,
      files: [...files, 'report.json'],
      frontPages: main.frontPages,
      totalPages: main.totalPages,
      passes: main.passes,
      piecePages: main.piecePages,
      partPages: main.partPages,
      handouts,
      fonts: prepared.fonts,
      handoutFonts: prepared.handout?.fonts ?? null,
      warnings: dedupeDiagnostics(warnings),
      timingsMs: timings,
    });
    phase('write');
    await save('report.json', JSON.stringify(report, null, 2) + '\n');
    await staged.commit().catch((e: unknown) => {
      throw asOutputError(outDir, e);
    });
    saveMemoFiles();
    return { outDir, report, files: [...files, 'report.json'], warnings: dedupeDiagnostics(warnings) };
  } catch (e) {
    await handoutRun?.abort();
    await staged.abort().catch(() => {});
    throw e;
  }
}

export interface CheckResult {
  readonly prepared: Prepared;
  /** What a default build would warn about, layout included (overflows, shortened headers), each once. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * `huibian check`: everything a build does short of drawing and writing — the sources,
 * template and fonts checked, then the compilation and every handout laid out — so it
 * reports the warnings a default build (PDF and DOCX, with handouts) would print.
 */
export async function checkCollection(opts: { dir: string; template: string | null }): Promise<CheckResult> {
  const prepared = await prepare({ dir: opts.dir, template: opts.template, handouts: true });
  const warnings: Diagnostic[] = [...prepared.warnings];
  warnings.push(...layoutTarget(prepared, prepared.template, prepared.fonts, null, 'pdf').warnings);
  const h = prepared.handout!;
  for (const piece of prepared.collection.pieces) {
    warnings.push(...layoutTarget(prepared, h.template, h.fonts, piece, 'pdf').warnings);
  }
  return { prepared, warnings: dedupeDiagnostics(warnings) };
}
