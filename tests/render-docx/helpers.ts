/**
 * Test scaffolding for the DOCX renderer: the shipped templates, their font book
 * (tests/helpers/fonts.ts) and the sample collection (sources/chongqing-2023-10),
 * all read by the real loaders.
 */
import { join, resolve } from 'node:path';
import type { FontBook } from '../../src/fonts/index.js';
import type { ResolvedTemplate } from '../../src/template/index.js';
import { loadTemplate, templatesDir } from '../../src/template/index.js';
import type { Collection } from '../../src/model/types.js';
import { loadCollection } from '../../src/sources/index.js';
import { npmFontBook } from '../helpers/fonts.js';

const ROOT = resolve(__dirname, '../..');
export const FIXTURE_DIR = join(ROOT, 'sources/chongqing-2023-10');

// ------------------------------------------------------------------ templates and sample

/** The shipped template `name` (templates/), read by the real loader. */
export function shippedTemplate(name: string): Promise<ResolvedTemplate> {
  return loadTemplate(name, { templatesDir: templatesDir(), baseDir: FIXTURE_DIR });
}

/** The font book of the shipped template `name` on a machine with only the npm fonts. */
export async function shippedFontBook(name = 'compilation'): Promise<FontBook> {
  return npmFontBook(await shippedTemplate(name), FIXTURE_DIR);
}

/** The nine-speech sample (sources/chongqing-2023-10), read by the real loader. */
export async function sampleCollection(): Promise<Collection> {
  return (await loadCollection(FIXTURE_DIR)).collection;
}

/** Page numbers for the XML-level tests: one piece per page, pages 1–9 (the LibreOffice tests use the real layout, pipeline.ts). */
export function onePiecePerPage(c: Collection) {
  return {
    piecePages: c.pieces.map((p) => ({ n: p.n, startPage: p.n, endPage: p.n })),
    partPages: [],
    frontPages: 1,
    bodyPages: c.pieces.length,
    headingPages: [],
    tableColumns: [],
    titleBreaks: [],
  };
}

export const FIXED_DATE = new Date('2023-10-24T00:00:00Z');
