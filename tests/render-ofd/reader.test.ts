/**
 * The OFDs read back by an independent reader (reader.ts: ofd.js in headless Chromium)
 * and compared with poppler's rendering of the PDF of the same page tree at the same
 * resolution, 96 dpi: on every page at most 1 % of the pixels differ by more than 64
 * grey levels, pixel for pixel (both sides drawn at 384 dpi and averaged down the same
 * way; reader.ts says why). Here: two-em units in titles, body, bold and footnotes, faux
 * italic, and the known-bad readings; the sample on the compilation template, one of its
 * handouts and the constructs collection are in reader-sample.test.ts, the official
 * template in reader-official.test.ts (files of their own, so they run side by side).
 *
 * Two known-bad readings show the comparison sees what it must: a page whose Han
 * characters exist on this machine only in the package's subsets matches the PDF with
 * them and does not without them; and an OFD whose text stands 1 pt (about 1.3 px)
 * right of where layout put it does not match. (The page's two characters outside the
 * BMP ofd.js cannot draw; ofd-check.ts checks their glyphs are in the subset.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlyphRun, PageTree } from '../../src/layout/index.js';
import { renderOfd } from '../../src/render/ofd/index.js';
import { ASTRAL, FIXED_DATE, SAMPLE, build, renderBoth } from './pipeline.js';
import { MAX_DIFFERING, differingShare, pageShares, renderOfdPages, renderPdfPage } from './reader.js';

const TWO_EM = join(__dirname, '../fixtures/ofd-two-em');

const META = { title: 'huibian', author: '', subject: '', lang: 'zh-CN', creationDate: FIXED_DATE };

/**
 * Pages `from`…`to` (1-based) of the tree with every glyph run changed by `change`; the
 * outline, which points at pages left out, dropped.
 */
function changed(tree: PageTree, from: number, to: number, change: (r: GlyphRun) => GlyphRun): PageTree {
  return {
    ...tree,
    outline: [],
    pages: tree.pages.slice(from - 1, to).map((p) => ({
      ...p,
      items: p.items.map((it) => (it.kind === 'glyphs' ? change(it) : it)),
    })),
  };
}

describe('ofd.js reads the OFD as poppler reads the PDF', () => {
  it('draws text from the embedded fonts', async () => {
    const b = await build(ASTRAL, 'compilation');
    const body = renderPdfPage(b.pdfFile, 2);
    const [, withFonts] = await renderOfdPages(b.ofd);
    const [, without] = await renderOfdPages(b.ofd, { loadFonts: false });
    expect(differingShare(withFonts!, body)).toBeLessThanOrEqual(MAX_DIFFERING);
    expect(differingShare(without!, body)).toBeGreaterThan(MAX_DIFFERING);
  });

  it('text 1 pt off its place does not match', async () => {
    const b = await build(SAMPLE, 'compilation');
    const bad = await renderOfd(
      changed(b.tree, 1, 3, (r) => ({ ...r, xPt: r.xPt + 1 })),
      b.fonts,
      META,
    );
    const pages = await renderOfdPages(bad);
    expect(pages.length).toBe(3);
    // The contents and the first speech's page.
    for (const n of [2, 3])
      expect(differingShare(pages[n - 1]!, renderPdfPage(b.pdfFile, n))).toBeGreaterThan(MAX_DIFFERING);
  });

  it('two-em units (——, ……, ⋯⋯, ⸺ in titles, body, bold and footnotes), page by page', async () => {
    for (const share of await pageShares(await build(TWO_EM, 'official'))) {
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    }
  });

  it('faux italic (no shipped template uses it), slanted as the PDF slants it', async () => {
    const b = await build(SAMPLE, 'compilation');
    const italic = await renderBoth(
      changed(b.tree, 2, 3, (r) => ({ ...r, fakeItalic: true })),
      b.fonts,
    );
    const shares = await pageShares(italic);
    for (const share of shares) expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    // Upright OFD pages against the slanted PDF do not match.
    const upright = await renderOfdPages(
      await renderOfd(
        changed(b.tree, 2, 3, (r) => r),
        b.fonts,
        META,
      ),
    );
    for (const [i, g] of upright.entries())
      expect(differingShare(g, renderPdfPage(italic.pdfFile, i + 1))).toBeGreaterThan(MAX_DIFFERING);
  });
});
