/**
 * The independent reader (reader.ts: ofd.js in headless Chromium) against poppler's
 * rendering of the PDF, page by page, as reader.test.ts describes: the sample on the official
 * template (twenty pages: a file of its own, so it runs beside the others).
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE, build } from './pipeline.js';
import { MAX_DIFFERING, pageShares } from './reader.js';

describe('ofd.js reads the OFD as poppler reads the PDF', () => {
  it('the sample on the official template, page by page', async () => {
    for (const share of await pageShares(await build(SAMPLE, 'official'))) {
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    }
  });
});
