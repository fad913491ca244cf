/**
 * Atomic output (docs/design.md “Atomic output”: a failed build leaves an earlier out/ intact).
 *
 * A build writes every file into a fresh staging folder beside the target
 * (`out/.chongqing-2023-10.staging-<pid>-<n>`), and only when all of it is written
 * swaps it in: the old folder is renamed aside, the staging folder renamed into
 * place, the old one removed. A crash (even kill -9) before the swap leaves the
 * previous output complete; the staging folder is removed by the next build.
 * The two renames of the swap are the only window, and `recoverInterrupted`
 * restores the previous folder if a build died between them.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * `mkdir -p` without `{ recursive: true }`: Node 20's recursive mkdir loops forever
 * where the kernel answers ENOENT for a folder whose parent exists (e.g. under
 * `/proc`), which turned `--out /proc/x` into a hang. This climbs one level per
 * ENOENT and gives up when creating the folder still fails.
 */
export async function makeDirs(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(dir)).isDirectory()) return;
      throw e;
    }
    if (code !== 'ENOENT' || dirname(dir) === dir) throw e;
  }
  await makeDirs(dirname(dir));
  try {
    await mkdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(dir)).isDirectory()) throw e;
  }
}

const STAGING = '.staging-';

/** Staging folders of builds running in this process (never cleaned by `recoverInterrupted`). */
const live = new Set<string>();
const RETIRED = '.retired-';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pid encoded in a staging/retired folder name, or null. */
function pidOf(name: string): number | null {
  const m = /\.(?:staging|retired)-(\d+)-\d+$/.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Cleans what dead builds left beside `target`: staging folders are removed; if the
 * target itself is missing but a retired copy exists, the copy is put back.
 */
export async function recoverInterrupted(target: string): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const mine = entries.filter((e) => e.startsWith(`.${name}${STAGING}`) || e.startsWith(`.${name}${RETIRED}`));
  for (const e of mine) {
    const pid = pidOf(e);
    const full = join(parent, e);
    if (pid !== null && pid !== process.pid && isAlive(pid)) continue; // another build is running
    if (pid === process.pid && (live.has(full) || e.startsWith(`.${name}${RETIRED}`))) continue; // a build in this process
    if (e.startsWith(`.${name}${RETIRED}`) && !(await exists(target))) {
      await rename(full, target).catch(() => {});
    } else {
      await rm(full, { recursive: true, force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A staging folder that becomes `target` on `commit()`, or vanishes on `abort()`. */
export class StagedOutput {
  readonly target: string;
  readonly staging: string;
  private readonly written: string[] = [];

  private constructor(target: string, staging: string) {
    this.target = target;
    this.staging = staging;
  }

  static async create(target: string): Promise<StagedOutput> {
    const parent = dirname(target);
    await makeDirs(parent);
    await recoverInterrupted(target);
    const staging = join(parent, `.${basename(target)}${STAGING}${process.pid}-${counter++}`);
    // Marked live before it exists: another build of this process cleaning beside the
    // target may list the folder as soon as mkdir has made it, before this line after
    // the await would run, and would remove it under our writes.
    live.add(staging);
    try {
      await mkdir(staging);
    } catch (e) {
      live.delete(staging);
      throw e;
    }
    return new StagedOutput(target, staging);
  }

  /** Writes one output file (path relative to the output folder, `/`-separated). */
  async put(relPath: string, data: Uint8Array | string): Promise<void> {
    const full = join(this.staging, ...relPath.split('/'));
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, data);
    this.written.push(relPath);
  }

  get files(): readonly string[] {
    return this.written;
  }

  /**
   * Swaps the staging folder in for the target. Two builds may commit to the same
   * target at once (two terminals, a watcher and a manual build): when the other
   * build's folder lands between our two renames, ours is renamed onto a non-empty
   * folder (ENOTEMPTY/EEXIST), so the swap is retried and the last one wins. Both
   * folders are complete, so the target is always a whole output.
   */
  async commit(): Promise<void> {
    const retiredList: string[] = [];
    try {
      for (let attempt = 0; ; attempt++) {
        const retired = join(dirname(this.target), `.${basename(this.target)}${RETIRED}${process.pid}-${counter++}`);
        try {
          await rename(this.target, retired);
          retiredList.push(retired);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
        try {
          await rename(this.staging, this.target);
          return;
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 20) {
            // Put the newest previous output back if nothing took its place.
            const last = retiredList.pop();
            if (last && !(await exists(this.target))) await rename(last, this.target).catch(() => {});
            throw e;
          }
        }
      }
    } finally {
      live.delete(this.staging);
      for (const r of retiredList) await rm(r, { recursive: true, force: true });
    }
  }

  async abort(): Promise<void> {
    live.delete(this.staging);
    await rm(this.staging, { recursive: true, force: true });
  }
}

/** Writes single files atomically into an existing folder (temp file + rename), for `--only`. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await makeDirs(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${counter++}`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
