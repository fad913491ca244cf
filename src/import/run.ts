/**
 * `runImport`: read the input files (.docx and plain text, in the order given), import
 * them into one collection and write the sources folder atomically. An existing
 * folder is replaced only with `overwrite`, and only when it is a collection (it holds
 * collection.yaml or an earlier import's import-removed.txt) or empty. Errors come
 * back as `path:line:column: error: message` with exit code 1, nothing written.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { formatDiagnostic, SourceError, type Diagnostic } from '../model/diagnostics.js';
import { REMOVED_FILE, REMOVED_HEADER } from './emit.js';
import { assemble, readText, stem } from './import.js';
import type { DraftInput, OutputFile } from './types.js';
import { readWordInput } from './word.js';

export interface RunOptions {
  /** Replace an existing collection folder. */
  readonly overwrite?: boolean;
  /** Pieces that disagree with a contents list are a warning instead of an error. */
  readonly ignoreContents?: boolean;
}

function failure(file: string, message: string): { summary: string; exitCode: number } {
  return { summary: formatDiagnostic({ severity: 'error', file, line: 1, column: 1, message }), exitCode: 1 };
}

/** 'absent' | 'empty' | 'collection' (collection.yaml or an earlier import) | 'foreign'. */
async function folderState(dir: string): Promise<'absent' | 'empty' | 'collection' | 'foreign'> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw e;
  }
  if (names.length === 0) return 'empty';
  if (names.includes('collection.yaml')) return 'collection';
  if (!names.includes(REMOVED_FILE)) return 'foreign';
  const head = await readFile(join(dir, REMOVED_FILE), 'utf8').catch(() => '');
  return head.startsWith(REMOVED_HEADER) ? 'collection' : 'foreign';
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
      await writeFile(join(tmp, f.path), f.content);
    }
    if (replace) await rename(abs, old);
    await rename(tmp, abs);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  if (replace) await rm(old, { recursive: true, force: true });
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** Read one input by its kind (a .doc/.wps or any OLE file is refused with the command that converts it). */
async function readInput(file: string, ignoreContents: boolean): Promise<DraftInput> {
  const at = (message: string): SourceError =>
    new SourceError([{ severity: 'error', file, line: 1, column: 1, message }]);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw at(`cannot read the input: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.doc' || ext === '.wps' || ext === '.wpt' || ext === '.dot' || startsWith(bytes, OLE)) {
    throw at(
      `a Word 97–2003 or WPS file (${ext || 'OLE'}) cannot be read; save it as .docx in Word or WPS, or convert it with: soffice --headless --convert-to docx ${JSON.stringify(file)}`,
    );
  }
  const opts = { fileName: file, ignoreContents };
  if (ext === '.docx' || ext === '.docm' || startsWith(bytes, ZIP)) return readWordInput(bytes, opts);
  return readText(bytes, opts);
}

/** Import `inputFiles` into `outDir`; returns the terminal summary and the exit code (0 ok, 1 invalid input/output). */
export async function runImport(
  inputFiles: readonly string[],
  outDir: string,
  opts: RunOptions = {},
): Promise<{ summary: string; exitCode: number }> {
  const inputs: DraftInput[] = [];
  const errors: Diagnostic[] = [];
  for (const file of inputFiles) {
    try {
      inputs.push(await readInput(file, opts.ignoreContents === true));
    } catch (e) {
      if (e instanceof SourceError) errors.push(...e.diagnostics);
      else throw e;
    }
  }
  if (errors.length > 0) return { summary: errors.map(formatDiagnostic).join('\n'), exitCode: 1 };

  const fallback =
    inputFiles.length === 1
      ? { title: stem(inputFiles[0]), from: 'the file name' }
      : { title: basename(resolve(outDir)), from: 'the output folder name' };
  const { result, images } = assemble(inputs, fallback);
  const files: OutputFile[] = [...result.files];
  for (const img of images) files.push({ path: img.path, content: await img.read() });

  let state;
  try {
    state = await folderState(outDir);
  } catch (e) {
    return failure(outDir, `cannot read the output folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (state === 'foreign') {
    return failure(
      outDir,
      `the output folder is not empty and holds no collection (no collection.yaml or ${REMOVED_FILE}); refusing to overwrite it`,
    );
  }
  if (state === 'collection' && !opts.overwrite) {
    return failure(outDir, 'the output folder already holds a collection; import with --overwrite to replace it');
  }
  try {
    if (state === 'empty') await rm(resolve(outDir), { recursive: true });
    await writeAtomically(outDir, files, state === 'collection');
  } catch (e) {
    return failure(outDir, `cannot write the output folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return { summary: `${result.summary}\nwrote ${files.length} files to ${outDir}`, exitCode: 0 };
}
