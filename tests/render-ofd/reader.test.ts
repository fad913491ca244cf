/**
 * The OFDs read back by an independent reader (reader.ts: ofd.js in headless Chromium)
 * and compared with poppler's rendering of the PDF of the same page tree at the same
 * resolution: at most 1 % of the pixels of any page differ by more than 64 grey levels
 * from the other rendering within one pixel of the same place (reader.ts, differingShare).
 * First, that the reader draws the text from the embedded fonts: a page whose
 * characters (Han, and two outside the BMP) exist on this machine only in the
 * package's subsets matches the PDF with them and does not without them.
 */
import { describe, expect, it } from 'vitest';
import { ASTRAL, CONSTRUCTS, SAMPLE, build, type Built } from './pipeline.js';
import { differingShare, renderOfdPages, renderPdfPage } from './reader.js';

/** Resolution of both renderings (ofd.js scales images right only at 96 dpi: it takes 0.2642 mm a pixel). */
const DPI = 96;
/** Largest share of differing pixels on a page. */
const MAX_DIFFERING = 0.01;

async function pageShares(b: Built): Promise<number[]> {
  const ofdPages = await renderOfdPages(b.ofd, { dpi: DPI });
  expect(ofdPages.length).toBe(b.tree.pages.length);
  return ofdPages.map((g, i) => differingShare(g, renderPdfPage(b.pdfFile, i + 1, DPI)));
}

describe('ofd.js reads the OFD as poppler reads the PDF', () => {
  it('draws text from the embedded fonts', async () => {
    const b = await build(ASTRAL, 'compilation');
    const body = renderPdfPage(b.pdfFile, 2, DPI);
    const [, withFonts] = await renderOfdPages(b.ofd, { dpi: DPI });
    const [, without] = await renderOfdPages(b.ofd, { dpi: DPI, loadFonts: false });
    expect(differingShare(withFonts!, body)).toBeLessThanOrEqual(MAX_DIFFERING);
    expect(differingShare(without!, body)).toBeGreaterThan(MAX_DIFFERING);
  });

  it('the sample on the compilation template, page by page', async () => {
    for (const share of await pageShares(await build(SAMPLE, 'compilation'))) {
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    }
  });

  it('the sample on the official template, page by page', async () => {
    for (const share of await pageShares(await build(SAMPLE, 'official'))) {
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    }
  });

  it('the constructs collection, page by page', async () => {
    for (const share of await pageShares(await build(CONSTRUCTS, 'compilation'))) {
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    }
  });
});
