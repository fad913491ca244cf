/**
 * The real pipeline for the OFD tests: sources → template → font book → layout →
 * the PDF and the OFD of the same page tree, with poppler reading the PDF.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PageTree, LayoutTarget } from '../../src/layout/index.js';
import type { FontBook } from '../../src/fonts/index.js';
import { loadCollection } from '../../src/sources/index.js';
import { loadTemplate, templatesDir } from '../../src/template/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { layoutDocument } from '../../src/layout/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { renderOfd } from '../../src/render/ofd/index.js';
import { PROJECT_DIR } from '../../src/app/prepare.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = resolve(__dirname, '../..');
export const SAMPLE = join(ROOT, 'sources/chongqing-2023-10');
export const CONSTRUCTS = join(ROOT, 'tests/fixtures/constructs');
export const ASTRAL = join(ROOT, 'tests/fixtures/ofd-astral');
export const FIXED_DATE = new Date('2023-10-24T00:00:00Z');

export { tempDir };

export interface Built {
  readonly tree: PageTree;
  readonly fonts: FontBook;
  readonly pdf: Buffer;
  readonly ofd: Buffer;
  /** The PDF written to a temporary file, for poppler. */
  readonly pdfFile: string;
}

const books = new Map<string, Promise<FontBook>>();

/** Lays out one target of a collection on a shipped template and renders it to PDF and OFD. */
export async function build(
  dir: string,
  templateName: string,
  target: LayoutTarget = { kind: 'compilation' },
): Promise<Built> {
  const { collection } = await loadCollection(dir);
  const template = await loadTemplate(templateName, { templatesDir: templatesDir(), baseDir: collection.dir });
  let book = books.get(template.file);
  if (!book) books.set(template.file, (book = loadFontBook(template, { projectDir: PROJECT_DIR }).then((r) => r.book)));
  const fonts = await book;
  const { tree } = layoutDocument({ collection, template, fonts, target });
  return renderBoth(tree, fonts, { title: collection.title, lang: collection.lang });
}

/** A page tree rendered to PDF and OFD, the PDF written to a temporary file. */
export async function renderBoth(
  tree: PageTree,
  fonts: FontBook,
  doc: { title: string; lang: string } = { title: 'huibian', lang: 'zh-CN' },
): Promise<Built> {
  const meta = { ...doc, author: '', subject: '', creationDate: FIXED_DATE };
  const [pdf, ofd] = await Promise.all([renderPdf(tree, fonts, meta), renderOfd(tree, fonts, meta)]);
  const pdfFile = join(tempDir('huibian-ofd-'), 'out.pdf');
  writeFileSync(pdfFile, pdf);
  return { tree, fonts, pdf, ofd, pdfFile };
}

/** Text of every page of a PDF (index 0 = page 1) in content-stream order (pdftotext -raw), split at its form feeds. */
export function pdfPageTexts(pdf: string, pages: number): string[] {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, pages);
}

export const squash = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, '');
