/**
 * The handouts of a full build (one PDF and/or DOCX per piece), made either on the main
 * thread one after another (`--jobs 1`) or by a pool of worker threads (pool.ts) while the
 * main thread makes the compilation.
 *
 * Either way the result is the same: every handout file is written into the staging folder,
 * and the report entries and warnings come back in piece order, so report.json, the warnings
 * printed and every file's bytes do not depend on the number of jobs or on which handout
 * finished first. The first failing piece (by number) is the error the build reports.
 */
import type { Diagnostic } from '../model/diagnostics.js';
import { extraFontDirs, type Prepared } from './prepare.js';
import type { HandoutReport } from './report.js';
import { outputFiles, renderTarget, targetBase, type Format, type Renderers } from './target.js';
import { HandoutPool, type HandoutDone } from './pool.js';

/**
 * A worker starts by loading its fonts and making the DOCX font subsets (~0.6 s on the
 * machine of bench/JOBS.md), which only pays off over many handouts: at 30 and 100 pieces
 * two workers were slower than or even with one thread (2.4 vs 1.8 s, 3.7 vs 3.7 s), at
 * 1,000 they took 0.64× the time. So one worker per this many pieces, up to `--jobs`.
 */
export const PIECES_PER_WORKER = 100;

/** Pieces per worker: `HUIBIAN_PIECES_PER_WORKER` (a whole number ≥ 1, for tests and tuning) or the default. */
export function piecesPerWorker(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HUIBIAN_PIECES_PER_WORKER?.trim() ?? '';
  return /^[1-9]\d*$/.test(raw) ? Number(raw) : PIECES_PER_WORKER;
}

export interface HandoutsContext {
  readonly prepared: Prepared;
  readonly formats: readonly Format[];
  readonly render: Renderers;
  readonly date: Date;
  /** Phase times (ms); the handout phases add up the time of every worker. */
  readonly timings: Record<string, number>;
  readonly save: (relPath: string, data: Uint8Array) => Promise<void>;
  readonly phase: (phase: string) => void;
  /** Worker threads for the handouts; 1 makes them on the calling thread. */
  readonly jobs: number;
}

export interface HandoutsResult {
  /** Report entry per piece number. */
  readonly reports: Map<number, HandoutReport>;
  /** The handouts' files in piece order (PDF before DOCX). */
  readonly files: readonly string[];
  /** The handouts' warnings in piece order. */
  readonly warnings: readonly Diagnostic[];
}

export interface HandoutsRun {
  /** Waits for every handout to be written; throws the first failing piece's error. */
  finish(): Promise<HandoutsResult>;
  /** Stops the work (after a failure elsewhere) and waits until nothing more is written. */
  abort(): Promise<void>;
}

/** Time keys a handout adds to the build's timings. */
const PREFIX = 'handout.';

/** A handout written: what the build keeps of it (not its bytes). */
interface Written {
  readonly report: HandoutReport;
  readonly files: readonly string[];
  readonly warnings: readonly Diagnostic[];
}

/** Writes one finished handout and returns its report entry, files and warnings. */
async function store(ctx: HandoutsContext, done: HandoutDone): Promise<Written> {
  const outputs = outputFiles(done.base, done);
  for (const { path, data } of outputs) await ctx.save(path, data);
  return {
    report: {
      pdf: done.pdf ? `${done.base}.pdf` : null,
      docx: done.docx ? `${done.base}.docx` : null,
      ...(done.ofd ? { ofd: `${done.base}.ofd` } : {}),
      pages: done.pages,
    },
    files: outputs.map((o) => o.path),
    warnings: done.warnings,
  };
}

/**
 * Starts the handouts: with a pool, the workers begin at once (and each handout is written
 * as soon as it is made); on one thread, nothing happens until `finish`.
 */
export function startHandouts(ctx: HandoutsContext): HandoutsRun {
  const h = ctx.prepared.handout;
  const pieces = ctx.prepared.collection.pieces;
  if (!h) return { finish: async () => ({ reports: new Map(), files: [], warnings: [] }), abort: async () => {} };
  /** Reads the handouts in piece order, `written(i)` giving the i-th once written. */
  const collect = async (written: (i: number) => Promise<Written>): Promise<HandoutsResult> => {
    const reports = new Map<number, HandoutReport>();
    const files: string[] = [];
    const warnings: Diagnostic[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const r = await written(i);
      ctx.phase(`handout ${pieces[i].n}/${pieces.length}`);
      reports.set(pieces[i].n, r.report);
      files.push(...r.files);
      warnings.push(...r.warnings);
    }
    return { reports, files, warnings };
  };

  const workers = Math.min(ctx.jobs, Math.floor(pieces.length / piecesPerWorker()));
  if (workers <= 1) {
    const makeHere = async (i: number): Promise<Written> => {
      const piece = pieces[i];
      const r = await renderTarget(ctx.render, ctx.prepared, h.template, h.fonts, piece, ctx.date, ctx.timings, PREFIX);
      const done: HandoutDone = {
        n: piece.n,
        base: targetBase(ctx.prepared, piece),
        pdf: r.pdf,
        docx: r.docx,
        ofd: r.ofd,
        pages: r.tree.pages.length,
        warnings: r.warnings,
        timingsMs: {},
      };
      return store(ctx, done);
    };
    return { finish: () => collect(makeHere), abort: async () => {} };
  }

  const pool = new HandoutPool(workers, {
    collection: ctx.prepared.collection,
    template: h.template,
    formats: ctx.formats,
    dateMs: ctx.date.getTime(),
    extraFontDirs: extraFontDirs(),
  });
  const stored: Promise<Written>[] = pieces.map((piece) =>
    pool.made(piece.n).then(async (done) => {
      for (const [k, ms] of Object.entries(done.timingsMs)) ctx.timings[k] = (ctx.timings[k] ?? 0) + ms;
      const w = await store(ctx, done);
      pool.written();
      return w;
    }),
  );
  // Failures are read in piece order by `finish`; until then they are not unhandled.
  for (const p of stored) p.catch(() => {});
  return {
    finish: async () => {
      try {
        return await collect((i) => stored[i]);
      } catch (e) {
        // Nothing may still be writing into the staging folder when the build removes it.
        await pool.close();
        await Promise.allSettled(stored);
        throw e;
      } finally {
        await pool.close();
      }
    },
    abort: async () => {
      await pool.close();
      await Promise.allSettled(stored);
    },
  };
}
