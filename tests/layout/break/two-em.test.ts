/**
 * Two-em units in the setter: each character of ——/……/⋯⋯ takes its cell (⸺ two),
 * its glyph drawn from the cell's start, and the unit is a run of its own marked
 * `twoEm` for the renderer; a lone — or … stays an ordinary glyph centred in its em.
 */
import { describe, expect, it } from 'vitest';
import { atomize, isTwoEmUnit } from '../../../src/layout/break/atoms.js';
import type { FontFace } from '../../../src/fonts/types.js';
import { lineRuns } from '../../../src/layout/furniture.js';
import type { LineRun } from '../../../src/layout/paragraph-types.js';
import { set, span } from './common.js';
import { fakeBook, fakeFace } from '../../helpers/fake-fonts.js';

/** A face whose em dash is 0.89 em, as Noto CJK's: narrower than its cell. */
const narrowDash: FontFace = {
  ...fakeFace('narrow'),
  advanceEm: (cp) => (cp === 0x2014 ? 0.89 : cp === 0x2e3a ? 1.69 : fakeFace().advanceEm(cp)),
};
const fonts = fakeBook([narrowDash]);

const atomsOf = (text: string, charPitchPt: number | null = null) =>
  atomize([span(text)], { fonts, kinsoku: 'gb', charPitchPt }).atoms;

describe('two-em units', () => {
  it('give each character its cell, glyph at the start, whatever the dash glyph’s width', () => {
    for (const pitch of [null, 9.6]) {
      const cell = pitch ?? 10;
      const [, dash, , dots] = atomsOf('甲——乙……', pitch);
      expect(dash!.text).toBe('——');
      expect(isTwoEmUnit(dash!)).toBe(true);
      expect(dash!.corePt).toBeCloseTo(2 * cell, 9);
      expect(dash!.glyphOffsetPt).toBeCloseTo(0, 9);
      // Advance plus spacing is the cell: 8.9 + 1.1 (or 0.7 on the 9.6 pt grid).
      expect(dash!.glyphPt / 2 + dash!.innerCsPt).toBeCloseTo(cell, 9);
      expect(isTwoEmUnit(dots!)).toBe(true);
      expect(dots!.glyphPt / 2 + dots!.innerCsPt).toBeCloseTo(cell, 9);
    }
  });

  it('sets ⸺ two ems wide', () => {
    const [, bar] = atomsOf('甲⸺乙');
    expect(isTwoEmUnit(bar!)).toBe(true);
    expect(bar!.corePt).toBeCloseTo(20, 9);
    expect(bar!.glyphPt + bar!.innerCsPt).toBeCloseTo(20, 9);
  });

  it('leaves a lone dash or ellipsis a glyph centred in its em', () => {
    const [, dash, , dots] = atomsOf('1—9月…');
    expect(isTwoEmUnit(dash!)).toBe(false);
    expect(dash!.corePt).toBeCloseTo(10, 9);
    expect(dash!.glyphOffsetPt).toBeCloseTo(0.55, 9);
    expect(isTwoEmUnit(dots!)).toBe(false);
  });

  it('puts each unit in a run of its own, marked twoEm, over exactly its cells', () => {
    const [line] = set('甲乙——丙丁……戊', { fonts, widthPt: 200, align: 'left' });
    const runs = line!.runs;
    expect(runs.map((r) => [r.text, r.twoEm === true])).toEqual([
      ['甲乙', false],
      ['——', true],
      ['丙丁', false],
      ['……', true],
      ['戊', false],
    ]);
    const dash = runs[1]!;
    expect(dash.xPt).toBeCloseTo(20, 9);
    expect(2 * (narrowDash.advanceEm(0x2014) * dash.sizePt + dash.charSpacingPt)).toBeCloseTo(20, 9);
    expect(runs[2]!.xPt).toBeCloseTo(40, 9);
  });

  it('keeps a unit whole on the page when the next run’s squeezed mark starts over its last cell', () => {
    const run = (text: string, xPt: number, widthPt: number, extra: Partial<LineRun> = {}): LineRun => ({
      text,
      fontKey: 'narrow',
      sizePt: 10,
      xPt,
      risePt: 0,
      charSpacingPt: 0,
      fakeBold: false,
      fakeItalic: false,
      strike: false,
      url: null,
      widthPt,
      ...extra,
    });
    const line = {
      runs: [
        run('甲', 0, 10),
        run('——', 10, 20, { charSpacingPt: 1.1, twoEm: true }),
        // “ with its left half squeezed away: its glyph box starts 5 pt into the unit's last cell.
        run('“乙', 25, 15),
      ],
      hasTrailer: false,
      ascentPt: 8.8,
      descentPt: 1.2,
      widthPt: 40,
      overfull: false,
    };
    const glyphs = lineRuns(line, 100, 50, fonts);
    const unit = glyphs.filter((g) => g.twoEm);
    expect(unit.map((g) => [g.text, g.xPt, g.charSpacingPt])).toEqual([['——', 110, 1.1]]);
  });
});
