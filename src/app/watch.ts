/**
 * `huibian build --watch`: build once, then rebuild whenever a file of the
 * collection folder or of templates/ changes. Errors are printed and watching
 * goes on; Ctrl-C (SIGINT/SIGTERM) ends it with exit code 0.
 *
 * A rebuild is quick because the process keeps what does not change: fonts (and their
 * measurements) stay loaded, and unchanged pieces are not parsed again (a parse cache
 * keyed by each file's text). Files are replaced one by one, the compilation PDF first,
 * and each rebuild logs its latency from the first change seen to that PDF in place.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { buildCollection, outputDir, type BuildOptions, type BuildResult } from './build.js';
import { PROJECT_DIR } from './prepare.js';
import { PieceParseCache } from '../sources/index.js';
import { counted } from '../model/counts.js';

export interface WatchHooks {
  readonly report: (e: unknown) => void;
  readonly done: (r: BuildResult) => void;
  readonly log: (s: string) => void;
  /** A build starts (serve: nothing), ends well (`done`) or fails (`report`). */
  readonly started?: () => void;
}

/**
 * Quiet period after the last change before a rebuild starts, ms: an editor's save
 * (write, rename, chmod) arrives as a burst of events within a few milliseconds. Short,
 * because it counts inside the time from saving to the new PDF.
 */
const DEBOUNCE_MS = 15;

/**
 * Whether parses may be kept after a change to `file`: yes for piece text and YAML (the
 * cache compares the text itself) and for the scratch files editors and `sed -i` write
 * beside a file while saving it; no for anything else, which may be an image a piece shows.
 */
export function keepsParses(file: string): boolean {
  const name = basename(file);
  return (
    /\.(md|markdown|ya?ml)$/i.test(name) || /^(\.#|#.*#$|sed[A-Za-z0-9]{6}$|4913$)|\.(swp|swx|swo|tmp)$|~$/i.test(name)
  );
}

export function watchBuild(opts: BuildOptions, hooks: WatchHooks, signal?: AbortSignal): Promise<number> {
  return new Promise((resolveExit) => {
    let timer: NodeJS.Timeout | null = null;
    let running = false;
    let again = false;
    /** When the first change of the pending rebuild was seen (null: the first build). */
    let changedAt: number | null = null;
    const watchers: FSWatcher[] = [];
    const parseCache = new PieceParseCache();
    // An output folder inside the collection folder: its own writes are not changes.
    const outRel = relative(opts.dir, outputDir(opts.dir, opts.out));
    const ownOutput = (file: string) =>
      outRel !== '' && !outRel.startsWith('..') && (file === outRel || file.startsWith(outRel + sep));

    const once = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      const since = changedAt ?? performance.now();
      changedAt = null;
      let pdfMs: number | null = null;
      hooks.started?.();
      try {
        const result = await buildCollection({
          ...opts,
          parseCache,
          inPlace: true,
          onWritten: (f) => {
            if (f === 'compilation.pdf') pdfMs = performance.now() - since;
          },
        });
        const total = Math.round(performance.now() - since);
        const pdf = pdfMs === null ? '' : `compilation.pdf in ${Math.round(pdfMs)} ms, `;
        hooks.done(result);
        hooks.log(
          `huibian: rebuilt: ${pdf}all in ${total} ms (parsed ${counted(parseCache.misses, 'piece', 'pieces')}, reused ${parseCache.hits})`,
        );
      } catch (e) {
        hooks.report(e);
      }
      parseCache.hits = 0;
      parseCache.misses = 0;
      running = false;
      if (again) {
        again = false;
        void once();
      } else {
        hooks.log('huibian: watching for changes (Ctrl-C to stop)');
      }
    };
    const schedule = (_event: string, name: string | Buffer | null) => {
      const file = name ? String(name) : '';
      if (file.includes('.staging-') || file.includes('.retired-') || file.includes('.tmp-') || ownOutput(file)) return;
      if (!keepsParses(file)) parseCache.clear();
      changedAt ??= performance.now();
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void once(), DEBOUNCE_MS);
    };
    for (const dir of [opts.dir, join(PROJECT_DIR, 'templates')]) {
      try {
        watchers.push(watch(dir, { recursive: true }, schedule));
      } catch (e) {
        hooks.report(e);
      }
    }
    const stop = () => {
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
      resolveExit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop);
    void once();
  });
}
