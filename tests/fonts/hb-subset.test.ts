/**
 * The harfbuzz subsetter (src/fonts/hb-subset.ts) makes the very bytes `subset-font`
 * makes from the same font and characters, for every face of the shipped templates:
 * Han, full-width punctuation, Latin with kerning and ligatures, a character outside the
 * BMP, and characters the face lacks — each font loaded into harfbuzz once and used for
 * every subset after.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontFileBytes } from '../../src/fonts/face.js';
import { hbSubset } from '../../src/fonts/hb-subset.js';
import { KEEP_NAME_IDS } from '../../src/fonts/subset.js';
import { shippedFontBook } from '../render-docx/helpers.js';

const require = createRequire(import.meta.url);
const subsetFontLib = require('subset-font') as (
  font: Buffer,
  text: string,
  opts: { targetFormat: 'sfnt'; preserveNameIds: readonly number[] },
) => Promise<Buffer>;

const TEXTS = [
  '以数字化变革塑造高质量发展新动能，“一件事一次办”——《通知》。',
  'GDP 8.6% office fi ffl AVATAR To 2023–2024 https://example.org/a_b?c=1',
  '🄐阶段完成调查摸底⸺⋯⋯',
  '',
];

const cps = (t: string): number[] => [...new Set([...t].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);

describe('harfbuzz subsets', () => {
  it('are byte for byte what subset-font makes, for every face of both shipped templates', async () => {
    const faces = new Map<string, string>();
    for (const name of ['compilation', 'official', 'handout']) {
      const book = await shippedFontBook(name);
      for (const face of book.faces.values()) faces.set(face.file, face.family);
    }
    expect(faces.size).toBeGreaterThanOrEqual(3);
    for (const [file, family] of faces) {
      const bytes = fontFileBytes(file);
      for (const text of TEXTS) {
        const ours = hbSubset(file, bytes, cps(text), KEEP_NAME_IDS);
        const theirs = await subsetFontLib(bytes, String.fromCodePoint(...cps(text)), {
          targetFormat: 'sfnt',
          preserveNameIds: KEEP_NAME_IDS,
        });
        expect(ours !== null && ours.equals(theirs), `${family}: “${text.slice(0, 12)}…”`).toBe(true);
      }
    }
  });
});
