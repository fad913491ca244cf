/**
 * Shaped runs (src/fonts/shape.ts) are shaped once per font and text for the
 * process — layout's measuring and the PDF painter share them — and a run's
 * advance is fontkit's own GlyphRun.advanceWidth, to the last bit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdvance, shapedRun, type Shaper } from '../../src/fonts/shape.js';
import { FIXTURES } from './helpers/fixtures.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof import('fontkit');

describe('shapedRun', () => {
  it('shapes a text once per font object, then hands back the same run', () => {
    const font = fontkit.create(readFileSync(join(FIXTURES, 'serif-400.ttf')));
    let calls = 0;
    const counting: Shaper = {
      layout: (t) => {
        calls++;
        return font.layout(t);
      },
    };
    const a = shapedRun(counting, 'GDP 2023');
    expect(shapedRun(counting, 'GDP 2023')).toBe(a);
    expect(calls).toBe(1);
    shapedRun(counting, 'ABC');
    expect(calls).toBe(2);
  });

  it('gives fontkit’s advance, kerning included, for Latin words and numbers', () => {
    const font = fontkit.create(readFileSync(join(FIXTURES, 'serif-400.ttf')));
    for (const text of ['GDP', '8.6%', 'AVATAR To', '2023', 'office fi']) {
      expect(runAdvance(shapedRun(font, text)), text).toBe(font.layout(text).advanceWidth);
    }
  });
});
