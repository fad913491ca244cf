/**
 * Output of a watch-mode rebuild: every file replaced in the output folder on its own,
 * by a temporary file and a rename, as soon as it is made — so the compilation PDF a
 * preview shows is in place before the DOCX and the handouts are drawn. A reader never
 * sees a half-written file. (A plain `build` swaps the whole folder instead: output.ts.)
 *
 * Files the previous build listed in its report.json and this one did not write (a piece
 * removed or renamed) are removed when the build completes.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirs, recoverInterrupted, writeFileAtomic } from './output.js';

/** What a build writes through: `StagedOutput` (whole-folder swap) or `InPlaceOutput`. */
export interface OutputSink {
  put(relPath: string, data: Uint8Array | string): Promise<void>;
  readonly files: readonly string[];
  commit(): Promise<void>;
  abort(): Promise<void>;
}

async function previousFiles(target: string): Promise<string[]> {
  try {
    const report = JSON.parse(await readFile(join(target, 'report.json'), 'utf8')) as { files?: unknown };
    return Array.isArray(report.files) ? report.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

export class InPlaceOutput implements OutputSink {
  private readonly written: string[] = [];

  private constructor(
    readonly target: string,
    private readonly before: readonly string[],
    private readonly onWritten: (relPath: string) => void,
  ) {}

  static async create(target: string, onWritten: (relPath: string) => void = () => {}): Promise<InPlaceOutput> {
    await makeDirs(target);
    await recoverInterrupted(target);
    return new InPlaceOutput(target, await previousFiles(target), onWritten);
  }

  async put(relPath: string, data: Uint8Array | string): Promise<void> {
    await writeFileAtomic(join(this.target, ...relPath.split('/')), data);
    this.written.push(relPath);
    this.onWritten(relPath);
  }

  get files(): readonly string[] {
    return this.written;
  }

  /** Removes what the previous build wrote and this one did not (names from its report.json only). */
  async commit(): Promise<void> {
    const now = new Set(this.written);
    for (const f of this.before) {
      if (now.has(f) || f.split('/').some((s) => s === '..' || s === '')) continue;
      await rm(join(this.target, ...f.split('/')), { force: true });
    }
  }

  /** Files already replaced stay: each is a whole file of this build. */
  async abort(): Promise<void> {}
}
