/** Shared helpers for template tests: write YAML to a temp folder, load it, collect errors. */
import path from 'node:path';
import { SourceError } from '../../src/model/diagnostics.js';
import { loadTemplate, templatesDir } from '../../src/template/index.js';
import type { ResolvedTemplate } from '../../src/template/types.js';
import type { Pos } from '../../src/model/types.js';
import { tempTree } from '../helpers/tmp.js';

export const TEMPLATES = templatesDir();

/** A fresh temp folder holding the given files (name → text). */
export function tempFolder(files: Record<string, string>): string {
  return tempTree(files, 'huibian-tpl-');
}

/** Loads `t.yaml` written into a temp folder (other files may sit beside it). */
export async function loadText(text: string, more: Record<string, string> = {}): Promise<ResolvedTemplate> {
  const dir = tempFolder({ 't.yaml': text, ...more });
  return loadTemplate('t.yaml', { templatesDir: TEMPLATES, baseDir: dir });
}

/** The `line:column: message` of every error loading `text` reports (file names dropped). */
export async function errorsOf(text: string, more: Record<string, string> = {}, refPos?: Pos): Promise<string[]> {
  const dir = tempFolder({ 't.yaml': text, ...more });
  try {
    await loadTemplate('t.yaml', { templatesDir: TEMPLATES, baseDir: dir, refPos });
  } catch (e) {
    if (!(e instanceof SourceError)) throw e;
    return e.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column}: ${d.message}`);
  }
  throw new Error('expected the template to be rejected');
}
