/**
 * `runImport`: read a plain-text compilation, import it and write the sources folder
 * atomically (SPEC §2: output is written atomically). A non-empty folder is replaced
 * only if an earlier `huibian import` made it (it holds `import-removed.txt`).
 * Errors come back as `path:line:column: error: message` with exit code 1.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatDiagnostic, SourceError } from '../model/diagnostics.js';
import { REMOVED_FILE, REMOVED_HEADER } from './emit.js';
import { importText } from './import.js';
import type { OutputFile } from './types.js';

function failure(file: string, message: string): { summary: string; exitCode: number } {
  return { summary: formatDiagnostic({ severity: 'error', file, line: 1, column: 1, message }), exitCode: 1 };
}

/** 'absent' | 'empty' | 'imported' (made by an earlier import) | 'foreign'. */
async function folderState(dir: string): Promise<'absent' | 'empty' | 'imported' | 'foreign'> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw e;
  }
  if (names.length === 0) return 'empty';
  if (!names.includes(REMOVED_FILE)) return 'foreign';
  const head = await readFile(join(dir, REMOVED_FILE), 'utf8').catch(() => '');
  return head.startsWith(REMOVED_HEADER) ? 'imported' : 'foreign';
}

/** Write `files` into `outDir` via a sibling temporary folder and renames. */
export async function writeAtomically(outDir: string, files: readonly OutputFile[], replace: boolean): Promise<void> {
  const abs = resolve(outDir);
  const parent = dirname(abs);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `.${basename(abs)}.import-${process.pid}-${Date.now()}`);
  const old = `${tmp}.old`;
  await mkdir(tmp);
  try {
    for (const f of files) {
      await mkdir(dirname(join(tmp, f.path)), { recursive: true });
      await writeFile(join(tmp, f.path), f.content, 'utf8');
    }
    if (replace) await rename(abs, old);
    await rename(tmp, abs);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  if (replace) await rm(old, { recursive: true, force: true });
}

/** Import `inputFile` into `outDir`; returns the terminal summary and the exit code (0 ok, 1 invalid input/output). */
export async function runImport(inputFile: string, outDir: string): Promise<{ summary: string; exitCode: number }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(inputFile);
  } catch (e) {
    return failure(inputFile, `cannot read the input: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let result;
  try {
    result = importText(bytes, { fileName: inputFile });
  } catch (e) {
    if (e instanceof SourceError) return { summary: e.diagnostics.map(formatDiagnostic).join('\n'), exitCode: 1 };
    throw e;
  }
  let state;
  try {
    state = await folderState(outDir);
  } catch (e) {
    return failure(outDir, `cannot read the output folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (state === 'foreign') {
    return failure(outDir, `the output folder is not empty and was not made by huibian import (no ${REMOVED_FILE}); refusing to overwrite it`);
  }
  try {
    if (state === 'empty') await rm(resolve(outDir), { recursive: true });
    await writeAtomically(outDir, result.files, state === 'imported');
  } catch (e) {
    return failure(outDir, `cannot write the output folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return { summary: `${result.summary}\nwrote ${result.files.length} files to ${outDir}`, exitCode: 0 };
}
