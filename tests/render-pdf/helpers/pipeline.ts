/**
 * Real pipeline for PDF tests: sources → model, template, font book → layout → PDF.
 * Each test file builds its PDFs once (beforeAll) and shares them.
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
import type { PageTree } from '../../../src/layout/pagetree.js';
import type { FontBook } from '../../../src/fonts/types.js';
import type { ResolvedTemplate } from '../../../src/template/types.js';
import { pdfPages } from '../../helpers/cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLE_DIR = path.join(ROOT, 'sources/chongqing-2023-10');
export const FIXED_DATE = new Date('2023-10-24T00:00:00Z');

export interface Built {
  readonly collection: Collection;
  readonly template: ResolvedTemplate;
  readonly fonts: FontBook;
  readonly tree: PageTree;
  readonly pdf: Buffer;
  readonly file: string;
  readonly warnings: readonly unknown[];
}

const bookCache = new Map<string, Promise<FontBook>>();

export async function loadSample(dir = SAMPLE_DIR): Promise<Collection> {
  return (await loadCollection(dir)).collection;
}

export async function templateNamed(name: string, c: Collection): Promise<ResolvedTemplate> {
  return loadTemplate(name, { templatesDir: templatesDir(), baseDir: c.dir });
}

export async function fontsFor(t: ResolvedTemplate): Promise<FontBook> {
  let p = bookCache.get(t.file);
  if (!p) {
    p = loadFontBook(t, { projectDir: ROOT, systemFonts: false }).then((r) => r.book);
    bookCache.set(t.file, p);
  }
  return p;
}

export async function buildPdf(
  c: Collection,
  templateName: string,
  target: Parameters<typeof layoutDocument>[0]['target'] = { kind: 'compilation' },
): Promise<Built> {
  const template = await templateNamed(templateName, c);
  const fonts = await fontsFor(template);
  const { tree, warnings } = layoutDocument({ collection: c, template, fonts, target });
  const pdf = await renderPdf(tree, fonts, {
    title: c.title,
    author: '',
    subject: c.title,
    lang: c.lang,
    creationDate: FIXED_DATE,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-pdf-'));
  const file = path.join(dir, `${templateName}.pdf`);
  writeFileSync(file, pdf);
  return { collection: c, template, fonts, tree, pdf, file, warnings };
}

/** `pdftotext -layout` of one page (1-based), or of all pages. */
export function pdfText(file: string, page?: number): string {
  const args = ['-layout', '-enc', 'UTF-8'];
  if (page) args.push('-f', String(page), '-l', String(page));
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

export { pdfPages };
