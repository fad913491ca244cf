/**
 * Real pipeline for the layout's end-to-end checks: sources → model, template,
 * font book → layout → PDF on disk, then poppler's pdftotext per page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCollection } from '../../../src/sources/index.js';
import { loadTemplate, templatesDir } from '../../../src/template/index.js';
import { loadFontBook } from '../../../src/fonts/index.js';
import { layoutDocument } from '../../../src/layout/index.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import type { Collection } from '../../../src/model/types.js';
import type { Diagnostic } from '../../../src/model/diagnostics.js';
import type { PageTree } from '../../../src/layout/pagetree.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CONSTRUCTS_DIR = path.join(ROOT, 'tests/fixtures/constructs');

export interface BuiltPdf {
  readonly collection: Collection;
  readonly tree: PageTree;
  readonly warnings: readonly Diagnostic[];
  readonly file: string;
  /** pdftotext of each page, whitespace removed. */
  readonly pages: readonly string[];
}

export async function buildConstructs(template: string): Promise<BuiltPdf> {
  const { collection } = await loadCollection(CONSTRUCTS_DIR);
  const t = await loadTemplate(template, { templatesDir: templatesDir(), baseDir: collection.dir });
  const { book } = await loadFontBook(t, { projectDir: ROOT, systemFonts: false });
  const { tree, warnings } = layoutDocument({ collection, template: t, fonts: book, target: { kind: 'compilation' } });
  const pdf = await renderPdf(tree, book, {
    title: collection.title,
    author: '',
    subject: collection.title,
    lang: collection.lang,
    creationDate: new Date('2023-10-24T00:00:00Z'),
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-constructs-'));
  const file = path.join(dir, `${path.basename(template, '.yaml')}.pdf`);
  writeFileSync(file, pdf);
  const pages = tree.pages.map((_, i) => pageText(file, i + 1));
  return { collection, tree, warnings, file, pages };
}

/** pdftotext of one page (1-based), with all whitespace removed. */
export function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, '');
}

/** pdftotext -layout of one page (1-based), as lines. */
export function pageLayoutLines(file: string, page: number): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  }).split('\n');
}
