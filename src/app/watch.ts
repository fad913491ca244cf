/**
 * `huibian build --watch`: build once, then rebuild whenever a file of the
 * collection folder or of templates/ changes. Errors are printed and watching
 * goes on; Ctrl-C (SIGINT/SIGTERM) ends it with exit code 0.
 */
import { watch, type FSWatcher } from 'node:fs';
import { buildCollection, type BuildOptions, type BuildResult } from './build.js';
import { PROJECT_DIR } from './prepare.js';
import { join } from 'node:path';

export interface WatchHooks {
  readonly report: (e: unknown) => void;
  readonly done: (r: BuildResult) => void;
  readonly log: (s: string) => void;
}

/** Quiet period after the last change before a rebuild starts, ms. */
const DEBOUNCE_MS = 150;

export function watchBuild(opts: BuildOptions, hooks: WatchHooks, signal?: AbortSignal): Promise<number> {
  return new Promise((resolveExit) => {
    let timer: NodeJS.Timeout | null = null;
    let running = false;
    let again = false;
    const watchers: FSWatcher[] = [];

    const once = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        hooks.done(await buildCollection(opts));
      } catch (e) {
        hooks.report(e);
      }
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
      if (file.includes('.staging-') || file.includes('.retired-')) return;
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
