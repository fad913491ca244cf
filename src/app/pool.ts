/**
 * A pool of worker threads that make handouts (handout-worker.ts), so that a big
 * collection's handouts use every core while the main thread makes the compilation.
 *
 * Each worker gets the parsed collection and the resolved handout template once (structured
 * clone of plain data: nothing is parsed again) and loads the handout fonts itself from the
 * same files. It then takes pieces one at a time until none is left, and answers each with the handout's bytes (transferred, not copied), its page count, warnings
 * and phase times — or with its error, which `render` rethrows as the same kind of error the
 * main thread would have thrown (a positioned SourceError stays one).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Collection } from '../model/types.js';
import { SourceError, UsageError, type Diagnostic } from '../model/diagnostics.js';
import type { ResolvedTemplate } from '../template/index.js';
import { sharedFontFiles, type FontFileShare } from '../fonts/index.js';
import { PROJECT_DIR } from './prepare.js';
import type { Format } from './target.js';

/** Most workers the default uses: past four, memory grows faster than the build gets quicker. */
const DEFAULT_MAX_JOBS = 4;

/** `--jobs` when not given: the cores there are, at most four. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), DEFAULT_MAX_JOBS));
}

/**
 * Handouts made but not yet written that the workers may run ahead by. The main thread
 * writes them only between its own steps of the compilation; without a bound, a long
 * compilation let a thousand handouts' bytes (~1 MB each) wait in memory.
 */
const HANDOUTS_AHEAD = 48;

/** Index of `counters`: the next piece to take. */
export const NEXT = 0;
/** Index of `counters`: handouts written. */
export const WRITTEN = 1;

/** What every worker is started with. */
export interface HandoutJobSetup {
  readonly collection: Collection;
  readonly template: ResolvedTemplate;
  readonly formats: readonly Format[];
  /** The build date (ms since the epoch). */
  readonly dateMs: number;
  /** Font folders searched besides the project's (`HUIBIAN_FONTS`), as the main thread found them. */
  readonly extraFontDirs: readonly string[];
  /** The font files the main thread has read, in shared memory: the workers read none again. */
  readonly fontFiles: readonly FontFileShare[];
  /**
   * Shared by the workers and the main thread (a SharedArrayBuffer): [0] the index of the
   * next piece to take, [1] how many handouts the main thread has written.
   */
  readonly counters: Int32Array;
  /** A worker takes piece i only when i < written + this (see `HANDOUTS_AHEAD`). */
  readonly ahead: number;
}

/** One handout made. */
export interface HandoutDone {
  readonly n: number;
  /** File path without extension, relative to the output folder. */
  readonly base: string;
  readonly pdf: Uint8Array | null;
  readonly docx: Uint8Array | null;
  readonly ofd: Uint8Array | null;
  readonly pages: number;
  readonly warnings: readonly Diagnostic[];
  /** Phase times of this handout (ms), to add to the build's. */
  readonly timingsMs: Readonly<Record<string, number>>;
}

/** An error as it crosses from a worker: its kind decides how the command reports it. */
export type PassedError =
  | { readonly kind: 'source'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'usage'; readonly message: string }
  | { readonly kind: 'internal'; readonly message: string; readonly stack: string | undefined };

export type WorkerReply =
  | { readonly kind: 'done'; readonly done: HandoutDone }
  | { readonly kind: 'failed'; readonly n: number; readonly error: PassedError };

export function passError(e: unknown): PassedError {
  if (e instanceof SourceError) return { kind: 'source', diagnostics: e.diagnostics };
  if (e instanceof UsageError) return { kind: 'usage', message: e.message };
  const err = e as Error;
  return { kind: 'internal', message: err?.message ?? String(e), stack: err?.stack };
}

export function revive(p: PassedError): Error {
  if (p.kind === 'source') return new SourceError([...p.diagnostics]);
  if (p.kind === 'usage') return new UsageError(p.message);
  const err = new Error(p.message);
  if (p.stack) err.stack = p.stack;
  return err;
}

/**
 * The worker's script: beside this module (dist/app/ after tsc; dist/bundle/ in the bundle,
 * where scripts/bundle.mjs makes it an entry of its own), or — when this module runs from
 * src/ as TypeScript, in tests — the compiled one in dist/app/.
 */
export function workerScript(): URL {
  const beside = new URL('./handout-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return pathToFileURL(join(PROJECT_DIR, 'dist', 'app', 'handout-worker.js'));
}

interface Waiting {
  readonly resolve: (d: HandoutDone) => void;
  readonly reject: (e: Error) => void;
}

/**
 * The workers take the pieces themselves, in order, from a counter they share
 * (`Atomics.add`), so they never wait for the main thread — which is busy making the
 * compilation — to hand out work. After a failure the counter is pushed past the end: the
 * pieces already taken are finished, no other is begun (the first failing piece by number
 * is then the error the build reports, as on one thread).
 */
export class HandoutPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private readonly counters = new Int32Array(new SharedArrayBuffer(8));
  private running: number;
  private closed = false;

  /**
   * Starts the workers; `made` (in the collection's order) receives each piece's handout.
   * The pool keeps no handout once handed over, so its bytes go as soon as they are written.
   */
  constructor(size: number, setup: Omit<HandoutJobSetup, 'counters' | 'fontFiles' | 'ahead'>) {
    const full: HandoutJobSetup = {
      ...setup,
      fontFiles: sharedFontFiles(),
      counters: this.counters,
      ahead: HANDOUTS_AHEAD,
    };
    for (const p of setup.collection.pieces) this.waiting.set(p.n, { resolve: () => {}, reject: () => {} });
    const script = workerScript();
    this.running = size;
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { workerData: full });
      w.on('message', (m: WorkerReply) => this.reply(m));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        this.running--;
        if (code !== 0) this.fail(new Error(`a handout worker stopped (exit code ${code})`));
        else if (this.running === 0) this.fail(new Error('the handout workers ended with handouts not made'));
      });
      this.workers.push(w);
    }
  }

  /** The handout of piece `n` (each asked for once, before the event loop runs on). */
  made(n: number): Promise<HandoutDone> {
    return new Promise<HandoutDone>((resolve, reject) => {
      if (!this.waiting.has(n)) reject(new Error(`the handout pool has no piece ${n} to wait for`));
      else this.waiting.set(n, { resolve, reject });
    });
  }

  /** One more handout written: lets the workers run on. */
  written(): void {
    Atomics.add(this.counters, WRITTEN, 1);
    Atomics.notify(this.counters, WRITTEN);
  }

  /** Stops every worker; handouts not yet made are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rejectAll(new Error('the handout pool was stopped'));
    // Wakes workers waiting to run ahead, so that they stop taking pieces and end.
    Atomics.store(this.counters, NEXT, 0x3fffffff);
    Atomics.store(this.counters, WRITTEN, 0x3fffffff);
    Atomics.notify(this.counters, WRITTEN);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private reply(m: WorkerReply): void {
    const n = m.kind === 'done' ? m.done.n : m.n;
    const waiter = this.waiting.get(n);
    this.waiting.delete(n);
    if (m.kind === 'done') waiter?.resolve(m.done);
    else waiter?.reject(revive(m.error));
  }

  /** A worker died: what is still to come cannot be trusted to come. */
  private fail(e: Error): void {
    if (this.closed) return;
    this.rejectAll(e);
  }

  private rejectAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
