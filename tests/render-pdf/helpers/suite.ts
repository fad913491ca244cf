/** The checks every rendered compilation must pass, registered as tests over one shared build. */
import { expect, it } from 'vitest';
import { renderPdf } from '../../../src/render/pdf/index.js';
import {
  allPages,
  bodyOf,
  contentsNumbers,
  footerNumber,
  kinsokuViolations,
  pdffonts,
  pieceText,
  qpdfCheck,
  qpdfJson,
} from './checks.js';
import { FIXED_DATE, pdfPages, type Built } from './pipeline.js';

export function compilationChecks(
  get: () => { built: Built; pages: string[] },
  opts: { identity: boolean } = { identity: true },
): void {
  it('prints contents numbers equal to the pages where the pieces’ titles stand', () => {
    const { built, pages } = get();
    const front = pages.slice(0, built.tree.frontPages);
    const numbers = contentsNumbers(front);
    expect(numbers.length).toBe(built.collection.pieces.length);
    built.collection.pieces.forEach((p, i) => {
      const idx = pages.findIndex((t) => footerNumber(t) === numbers[i]);
      expect(idx, `page ${numbers[i]} exists`).toBeGreaterThanOrEqual(built.tree.frontPages);
      expect(bodyOf(pages[idx])).toContain(p.title.replace(/\s+/g, ''));
    });
  });

  it('numbers the body pages 1, 2, … and leaves the contents unnumbered', () => {
    const { built, pages } = get();
    expect(pages.slice(0, built.tree.frontPages).map(footerNumber)).toEqual(
      pages.slice(0, built.tree.frontPages).map(() => null),
    );
    expect(pages.slice(built.tree.frontPages).map(footerNumber)).toEqual(
      pages.slice(built.tree.frontPages).map((_, i) => i + 1),
    );
    const labels = qpdfJson(built.file, 'pagelabels') as { index: number; label: Record<string, unknown> }[];
    expect(labels.at(-1)).toEqual({ index: built.tree.frontPages, label: { '/S': '/D', '/St': 1 } });
  });

  it('starts no line with a no-start mark and ends none with an opening mark', () => {
    expect(kinsokuViolations(get().pages)).toEqual([]);
  });

  it('contains the text of every piece, complete and in order', () => {
    const { built, pages } = get();
    const body = pages.slice(built.tree.frontPages).map(bodyOf).join('');
    let at = 0;
    for (const p of built.collection.pieces) {
      const text = pieceText(built.collection, p.n);
      const found = body.indexOf(text, at);
      expect(found, `piece ${p.n} complete after offset ${at}`).toBeGreaterThanOrEqual(at);
      at = found + text.length;
    }
  });

  it('embeds every font as a subset, passes qpdf --check, and has one page per tree page', () => {
    const { built } = get();
    const fonts = pdffonts(built.file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.emb).toBe('yes');
      expect(f.sub).toBe('yes');
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
    const check = qpdfCheck(built.file);
    expect(check.ok, check.out).toBe(true);
    expect(check.out).toContain('No syntax or stream encoding errors');
    expect(pdfPages(built.file)).toBe(built.tree.pages.length);
  });

  if (opts.identity)
    it('renders byte-identical PDFs from the same input', async () => {
      const { built } = get();
      const again = await renderPdf(built.tree, built.fonts, {
        title: built.collection.title,
        author: '',
        subject: built.collection.title,
        lang: built.collection.lang,
        creationDate: FIXED_DATE,
      });
      expect(again.equals(built.pdf)).toBe(true);
    });
}

export async function withPages(built: Built): Promise<{ built: Built; pages: string[] }> {
  return { built, pages: allPages(built.file, built.tree.pages.length) };
}
