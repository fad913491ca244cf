/** Temporary collection folders for the validation tests. */
import { SourceError, type Diagnostic } from '../../src/model/diagnostics.js';
import { loadCollection } from '../../src/sources/index.js';
import { tempTree } from '../helpers/tmp.js';

/** Writes `files` (name → text or bytes) into a fresh folder and returns its path. */
export function makeCollection(files: Record<string, string | Uint8Array>): string {
  return tempTree(files, 'huibian-src-');
}

/** A piece file: front matter lines and a body. */
export function piece(body = '正文。', frontMatter = 'title: 标题'): string {
  return `---\n${frontMatter}\n---\n\n${body}\n`;
}

/** A collection.yaml listing `names`. */
export function listing(names: string[], extra = ''): string {
  return `title: 汇编\n${extra}pieces:\n${names.map((n) => `  - ${n}\n`).join('')}`;
}

export interface Outcome {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

/** Loads the folder (named "col" in diagnostics) and returns its errors or warnings. */
export async function diagnose(dir: string): Promise<Outcome> {
  try {
    const { warnings } = await loadCollection(dir, { displayDir: 'col' });
    return { errors: [], warnings };
  } catch (e) {
    if (e instanceof SourceError) return { errors: [...e.diagnostics], warnings: [] };
    throw e;
  }
}

/** `file:line:column: message` of each diagnostic, for exact comparisons. */
export function lines(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);
}
