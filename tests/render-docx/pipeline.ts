/**
 * The real pipeline for the DOCX fidelity tests: sources → template → font book → layout
 * (`piecePages`, `partPages`, `frontPages`) → renderDocx, and LibreOffice as the reader.
 *
 * Each test file converts its DOCX files in one `soffice` call with its own profile
 * (`-env:UserInstallation`), then reads pages with `pdftotext -f N -l N`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Collection } from '../../src/model/types.js';
import { inlineText } from '../../src/render/docx/inlines.js';
import type { ResolvedTemplate } from '../../src/template/types.js';
import type { FontBook } from '../../src/fonts/types.js';
import type { LayoutFacts, PageTree } from '../../src/layout/index.js';
import { loadCollection } from '../../src/sources/index.js';
import { loadTemplate, templatesDir } from '../../src/template/index.js';
import { loadFontBook } from '../../src/fonts/index.js';
import { layoutDocument, type LayoutTarget } from '../../src/layout/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { PROJECT_DIR } from '../../src/app/prepare.js';
import { FIXTURE_DIR, FIXED_DATE } from './helpers.js';
import { tempDir } from '../helpers/tmp.js';
import { cachedFolder, contentKey, madeFolder } from '../helpers/cache.js';
import { pdfPages } from '../helpers/cli.js';

export { FIXTURE_DIR };

/** Temporary folders (LibreOffice profiles and PDFs), removed after the test file that made them. */
export { tempDir };

export async function loadSample(dir = FIXTURE_DIR): Promise<Collection> {
  return (await loadCollection(dir)).collection;
}

export async function realTemplate(name: string, c: Collection): Promise<ResolvedTemplate> {
  return loadTemplate(name, { templatesDir: templatesDir(), baseDir: c.dir });
}

const books = new Map<string, Promise<FontBook>>();
export function realFonts(t: ResolvedTemplate): Promise<FontBook> {
  let b = books.get(t.file);
  if (!b) {
    b = loadFontBook(t, { projectDir: PROJECT_DIR }).then((r) => r.book);
    books.set(t.file, b);
  }
  return b;
}

export interface Built {
  readonly collection: Collection;
  readonly template: ResolvedTemplate;
  readonly tree: PageTree;
  readonly facts: LayoutFacts;
  readonly docx: Buffer;
  /** The PDF renderer's file, when asked for. */
  readonly pdf: Buffer | null;
}

/** Lays out and renders one target of a collection on a real template. */
export async function build(
  collection: Collection,
  templateName: string,
  target: LayoutTarget = { kind: 'compilation' },
  withPdf = false,
): Promise<Built> {
  const template = await realTemplate(templateName, collection);
  const fonts = await realFonts(template);
  const { tree, facts } = layoutDocument({ collection, template, fonts, target });
  const r = await renderDocx({ collection, template, fonts, facts, target, meta: { creationDate: FIXED_DATE } });
  const pdf = withPdf
    ? await renderPdf(tree, fonts, {
        title: collection.title,
        author: '',
        subject: '',
        lang: collection.lang,
        creationDate: FIXED_DATE,
      })
    : null;
  return { collection, template, tree, facts, docx: r.buffer, pdf };
}

/**
 * Converts DOCX files to PDF with LibreOffice (one call, private profile, for those not yet
 * converted in this run: several test files convert the same DOCX); returns the PDF paths.
 */
export function convertAll(files: Readonly<Record<string, Buffer>>): Record<string, string> {
  const keys = Object.fromEntries(Object.entries(files).map(([name, docx]) => [name, `lo-${contentKey(docx)}`]));
  const missing = Object.keys(files).filter((name) => madeFolder(keys[name]!) === null);
  const fresh = missing.length > 0 ? convertFresh(Object.fromEntries(missing.map((n) => [n, files[n]!]))) : {};
  const out: Record<string, string> = {};
  for (const name of Object.keys(files)) {
    const dir = cachedFolder(keys[name]!, (d) => copyFileSync(fresh[name]!, join(d, 'file.pdf')));
    out[name] = join(dir, 'file.pdf');
  }
  return out;
}

function convertFresh(files: Readonly<Record<string, Buffer>>): Record<string, string> {
  const dir = tempDir('huibian-docx-lo-');
  const paths = Object.entries(files).map(([name, buf]) => {
    const p = join(dir, `${name}.docx`);
    writeFileSync(p, buf);
    return p;
  });
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...paths,
    ],
    { stdio: 'ignore', timeout: 150_000 },
  );
  const out: Record<string, string> = {};
  for (const name of Object.keys(files)) {
    const pdf = join(dir, `${name}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${name}`);
    out[name] = pdf;
  }
  return out;
}

export function writeTemp(name: string, data: Buffer): string {
  const dir = tempDir('huibian-docx-pdf-');
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

export { pdfPages as pageCount };

/**
 * Text of every page (index 0 = page 1). One pdftotext call for the file, split at its form
 * feeds — the same text as `pdftotext -f N -l N` page by page (checked on page 1 and the
 * last), without a process per page.
 */
export function pageTexts(pdf: string): string[] {
  const n = pdfPages(pdf);
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, n);
  const one = (k: number) =>
    execFileSync('pdftotext', ['-f', String(k), '-l', String(k), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (pages.length !== n || pages[0] + '\f' !== one(1) || pages[n - 1] + '\f' !== one(n)) {
    throw new Error(`pdftotext pages of ${pdf} do not split at form feeds`);
  }
  return pages;
}

export const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

/** Plain text of a piece's paragraphs and headings, as the model has it. */
export function pieceTexts(c: Collection): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'paragraph' || b.kind === 'heading') out.push(inlineText(b.inlines));
      else if (b.kind === 'quote') walk(b.blocks);
      else if (b.kind === 'list') for (const it of b.items) walk(it.blocks);
    }
  };
  for (const p of c.pieces) walk(p.blocks);
  return out;
}

/**
 * Pieces whose title is not on the physical page its contents entry gives
 * (frontPages + startPage), in the pages given: [] when every title is where it should be.
 */
export function misplacedTitles(built: Built, pages: readonly string[]): string[] {
  const bad: string[] = [];
  for (const pp of built.tree.piecePages) {
    const title = built.collection.pieces.find((p) => p.n === pp.n)!.title;
    const text = pages[built.tree.frontPages + pp.startPage - 1] ?? '';
    if (!squash(text).includes(squash(title))) bad.push(`piece ${pp.n} not on page ${pp.startPage}: ${title}`);
  }
  return bad;
}

/** Paragraph texts missing from the pages. */
export function missingTexts(c: Collection, pages: readonly string[]): string[] {
  // Drop each page's number line (`— 3 —` or `3`), which interrupts a paragraph run over a page break.
  const body = pages.map((p) => p.replace(/\n\s*(?:—\s*)?\d+(?:\s*—)?\s*$/, ''));
  // A stop or comma LibreOffice squeezes into the end of a full line has no width and pdftotext
  // drops it: compare without the pause marks.
  const bare = (s: string) => squash(s).replace(/[，、；：。！？]/g, '');
  const all = bare(body.join(''));
  return pieceTexts(c).filter((t) => !all.includes(bare(t)));
}

/** Contents entries (title … page) the contents pages do not show with the layout's page number. */
export function wrongContentsNumbers(built: Built, pages: readonly string[]): string[] {
  const front = squash(pages.slice(0, built.tree.frontPages).join(''));
  const bad: string[] = [];
  for (const pp of built.tree.piecePages) {
    const title = squash(built.collection.pieces.find((p) => p.n === pp.n)!.title);
    const esc = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The number is followed by the next entry (`{n+1}．`), another line, or the end.
    const next = `(?:$|(?=\\D)|(?=${pp.n + 1}．))`;
    if (!new RegExp(`${esc}(?:——[^.…·]*)?[.…·]+${pp.startPage}${next}`).test(front))
      bad.push(`entry ${pp.n} → ${pp.startPage}`);
  }
  return bad;
}

/** One printed line of a PDF page: baseline-ish y (glyph box bottom), left and right edges, text. */
export interface PdfLine {
  readonly yPt: number;
  readonly x1Pt: number;
  readonly x2Pt: number;
  readonly text: string;
}

/** Lines of one page from `pdftotext -bbox` (words grouped by their box bottom). */
export function pdfLines(pdf: string, page: number): PdfLine[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
  });
  const words = [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g),
  ].map((m) => ({
    x1: Number(m[1]),
    x2: Number(m[2]),
    y: Number(m[3]),
    text: m[4]
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  }));
  const rows = new Map<number, typeof words>();
  for (const w of words) {
    const key = [...rows.keys()].find((y) => Math.abs(y - w.y) < 3) ?? w.y;
    rows.set(key, [...(rows.get(key) ?? []), w]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, ws]) => {
      const sorted = [...ws].sort((a, b) => a.x1 - b.x1);
      return {
        yPt: y,
        x1Pt: sorted[0].x1,
        x2Pt: Math.max(...sorted.map((w) => w.x2)),
        text: sorted.map((w) => w.text).join(''),
      };
    });
}
