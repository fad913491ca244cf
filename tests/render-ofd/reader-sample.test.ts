/**
 * The independent reader (reader.ts: ofd.js in headless Chromium) against poppler's
 * rendering of the PDF, page by page, as reader.test.ts describes: the sample on the compilation
 * template, one of its handouts, the typography fixture (the hardest text the fixtures
 * hold) and the constructs collection (tables, images, footnotes, lists).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSTRUCTS, SAMPLE, build } from './pipeline.js';
import { MAX_DIFFERING, pageShares } from './reader.js';

describe('ofd.js reads the OFD as poppler reads the PDF', () => {
  it('the sample on the compilation template, page by page', async () => {
    for (const share of await pageShares(await build(SAMPLE, 'compilation'))) {
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    }
  });

  it('a handout, page by page', async () => {
    for (const share of await pageShares(await build(SAMPLE, 'handout', { kind: 'handout', piece: 5 }))) {
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    }
  });

  it('the typography fixture (URLs, e-mail, ranges, dashes, pasted half-width punctuation), page by page', async () => {
    for (const share of await pageShares(await build(join(__dirname, '../fixtures/typography'), 'compilation'))) {
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    }
  });

  it('the constructs collection, page by page', async () => {
    for (const share of await pageShares(await build(CONSTRUCTS, 'compilation'))) {
      expect(share).toBeLessThanOrEqual(MAX_DIFFERING);
    }
  });
});
