/**
 * The typography corpus (tests/fixtures/typography) built by the real command on
 * `compilation` (with its handouts, on `handout`) and on `official`, every PDF read back by
 * the checker (tests/helpers/typography-check.ts): no violation of any class. And the DOCX
 * of both builds, converted by LibreOffice, starts every piece on the page the PDF does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { huibian, ROOT, squash } from '../helpers/cli.js';
import { checkTypography, formatViolations, type CheckOptions, type CheckResult } from '../helpers/typography-check.js';
import { loadCollection } from '../../src/sources/index.js';
import { loadTemplate, templatesDir } from '../../src/template/index.js';
import type { Collection } from '../../src/model/types.js';
import { convertAll, pageTexts } from '../render-docx/pipeline.js';

const CORPUS = join(ROOT, 'tests/fixtures/typography');

interface Report {
  pages: { front: number; total: number };
  pieces: { n: number; startPage: number; handout: { pdf: string } }[];
}

let tmp: string;
let collection: Collection;
const out = { compilation: '', official: '' };
const reports: Record<keyof typeof out, Report> = {} as never;

async function measureOf(template: string): Promise<CheckOptions['measure']> {
  const t = await loadTemplate(template, { templatesDir: templatesDir(), baseDir: CORPUS });
  return { leftPt: t.page.marginLeftPt, rightPt: t.page.widthPt - t.page.marginRightPt };
}

function titles(c: Collection): string[] {
  return [c.title, c.banner?.headline ?? '', ...c.pieces.flatMap((p) => [p.title, p.subtitle ?? ''])].filter(
    (t) => t !== '',
  );
}

/** The checker's verdict on one PDF as text: '' when clean. */
async function verdict(pdf: string, template: string): Promise<{ text: string; result: CheckResult }> {
  const result = checkTypography(pdf, { measure: await measureOf(template), titles: titles(collection) });
  return { text: formatViolations(result.violations, `${pdf.slice(tmp.length + 1)} `), result };
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'huibian-typography-'));
  collection = (await loadCollection(CORPUS)).collection;
  out.compilation = join(tmp, 'compilation');
  out.official = join(tmp, 'official');
  const a = huibian(['build', CORPUS, '--out', out.compilation, '--quiet']);
  expect(a.code, a.stderr).toBe(0);
  const b = huibian(['build', CORPUS, '--template', 'official', '--no-handouts', '--out', out.official, '--quiet']);
  expect(b.code, b.stderr).toBe(0);
  for (const k of ['compilation', 'official'] as const)
    reports[k] = JSON.parse(readFileSync(join(out[k], 'report.json'), 'utf8'));
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the typography corpus, read back glyph by glyph', () => {
  for (const template of ['compilation', 'official'] as const) {
    it(`has no violation on ${template}`, async () => {
      const { text, result } = await verdict(join(out[template], 'compilation.pdf'), template);
      // The checker saw what it checks: the contents leaders, the ——, every title.
      expect(result.stats.leadersSeen).toBeGreaterThanOrEqual(collection.pieces.length);
      expect(result.stats.dashesSeen).toBeGreaterThanOrEqual(10);
      expect(result.stats.titlesSeen).toBeGreaterThanOrEqual(2 * collection.pieces.length);
      expect(text).toBe('');
    });
  }

  it('has no violation in any handout', async () => {
    const dir = join(out.compilation, 'handouts');
    const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(collection.pieces.length);
    const texts: string[] = [];
    for (const f of pdfs) texts.push((await verdict(join(dir, f), 'handout')).text);
    expect(texts.filter((t) => t !== '').join('\n')).toBe('');
  });
});

describe('the corpus DOCX in LibreOffice', () => {
  /** Physical page (1-based) of each piece's title in `pages`, searching the body pages only. */
  function titlePages(pages: readonly string[], front: number): number[] {
    return collection.pieces.map((p) => {
      const t = squash(p.title);
      const i = pages.findIndex((text, k) => k >= front && squash(text).includes(t));
      return i + 1;
    });
  }

  it('starts every piece on the page the PDF does, on compilation and on official', () => {
    const lo = convertAll({
      compilation: readFileSync(join(out.compilation, 'compilation.docx')),
      official: readFileSync(join(out.official, 'compilation.docx')),
    });
    for (const k of ['compilation', 'official'] as const) {
      const r = reports[k];
      const expected = r.pieces.map((p) => r.pages.front + p.startPage);
      expect(titlePages(pageTexts(join(out[k], 'compilation.pdf')), r.pages.front), `${k} PDF`).toEqual(expected);
      const loPages = pageTexts(lo[k]);
      expect(titlePages(loPages, r.pages.front), `${k} DOCX in LibreOffice`).toEqual(expected);
      expect(loPages.length, `${k} page count in LibreOffice`).toBe(r.pages.total);
    }
  });
});
