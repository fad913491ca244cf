import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kinsoku } from '../../../src/template/types.js';
import { classify, noEnd, noStart } from '../../../src/layout/break/index.js';
import { set, textOf } from './common.js';

const pieces = [
  '中',
  '国',
  '发',
  '展',
  '，',
  '。',
  '、',
  '“',
  '”',
  '（',
  '）',
  '《',
  '》',
  '·',
  '——',
  '……',
  'AB',
  'word',
  '2023',
  '8.6%',
  ' ',
  '：',
  '！',
];
const paragraph = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 80 }).map((xs) => xs.join(''));
const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);
/** Lines that cannot be stretched: one unbreakable atom. */
const single = /^([A-Za-z0-9.%]+|—+|…+|.)$/u;

describe('any paragraph', () => {
  it('keeps every character, justifies every line but the last, respects the prohibitions', () => {
    fc.assert(
      fc.property(
        paragraph,
        fc.integer({ min: 40, max: 300 }),
        fc.constantFrom<Kinsoku>('none', 'basic', 'gb', 'strict'),
        (text, widthPt, kinsoku) => {
          const lines = set(text, { widthPt, kinsoku });
          expect(lines.map(textOf).join('')).toBe(text.replace(/ /g, ''));
          lines.forEach((l, i) => {
            const t = textOf(l);
            if (!l.overfull) expect(l.widthPt).toBeLessThanOrEqual(widthPt + 0.01);
            if (i < lines.length - 1 && !l.overfull && !single.test(t)) expect(l.widthPt).toBeCloseTo(widthPt, 2);
            if (i > 0 && !lines[i - 1]!.overfull) expect(noStart(classify(cps(t)[0]!), kinsoku)).toBe(false);
            if (i < lines.length - 1 && !l.overfull) expect(noEnd(classify(cps(t).pop()!), kinsoku)).toBe(false);
          });
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: 20231024 },
    );
  });
});
