/**
 * Faux bold on two-em units in the OFD, as the PDF draws it (docs/ofd.md “Text”): a dash
 * unit's rule is filled and its outline stroked at the faux-bold line width, the boundary
 * grown by half the stroke on each side; each ellipsis glyph is stroked as well as filled.
 * Without faux bold the rule is filled only and the dots are not stroked.
 */
import { describe, expect, it } from 'vitest';
import type { GlyphRun } from '../../src/layout/index.js';
import { serialize } from '../../src/render/package/index.js';
import { IdAllocator } from '../../src/render/ofd/ids.js';
import { twoEmObjects } from '../../src/render/ofd/two-em.js';
import { shippedFontBook } from '../render-docx/helpers.js';

const SIZE_PT = 16;
const MM_PER_PT = 25.4 / 72;
/** The faux-bold outline, as the PDF strokes it: 3 % of the type size. */
const STROKE_PT = SIZE_PT * 0.03;

async function objects(text: string, fakeBold: boolean): Promise<string[]> {
  const book = await shippedFontBook('compilation');
  const face = book.chain('body', false)[0]!;
  const run: GlyphRun = {
    kind: 'glyphs',
    fontKey: face.key,
    text,
    sizePt: SIZE_PT,
    xPt: 100,
    yPt: 200,
    charSpacingPt: 0,
    fakeBold,
    fakeItalic: false,
    strike: false,
    twoEm: true,
  };
  return twoEmObjects(new IdAllocator(), 1, face, run).map((n) => serialize(n));
}

const num = (xml: string, attr: string): number => Number(new RegExp(` ${attr}="([^"]+)"`).exec(xml)?.[1]);

describe('faux bold on two-em units', () => {
  it('strokes the rule of a dash unit and widens its boundary by the stroke', async () => {
    const [plainText, plainRule] = await objects('——', false);
    const [boldText, boldRule] = await objects('——', true);
    expect(plainText).toMatch(/<ofd:TextObject [^>]*Fill="false"/);
    expect(boldText).toMatch(/<ofd:TextObject [^>]*Fill="false"/);
    expect(plainRule).toMatch(/<ofd:PathObject [^>]*Stroke="false"/);
    expect(plainRule).not.toMatch(/LineWidth|StrokeColor/);
    expect(boldRule).toMatch(/<ofd:PathObject [^>]*Fill="true"/);
    expect(boldRule).not.toMatch(/Stroke="false"/);
    expect(boldRule).toMatch(/<ofd:StrokeColor Value="0 0 0"\/>/);
    expect(num(boldRule!, 'LineWidth')).toBeCloseTo(STROKE_PT * MM_PER_PT, 3);
    const box = (xml: string): number[] => / Boundary="([^"]+)"/.exec(xml)![1]!.split(' ').map(Number);
    const [px, py, pw, ph] = box(plainRule!);
    const [bx, by, bw, bh] = box(boldRule!);
    const strokeMm = STROKE_PT * MM_PER_PT;
    expect(bx).toBeCloseTo(px! - strokeMm / 2, 2);
    expect(by).toBeCloseTo(py! - strokeMm / 2, 2);
    expect(bw).toBeCloseTo(pw! + strokeMm, 2);
    expect(bh).toBeCloseTo(ph! + strokeMm, 2);
  });

  it('strokes each ellipsis glyph as well as filling it', async () => {
    const plain = await objects('……', false);
    const bold = await objects('……', true);
    expect(plain).toHaveLength(2);
    expect(bold).toHaveLength(2);
    for (const xml of plain) expect(xml).not.toMatch(/Stroke="true"|LineWidth/);
    for (const xml of bold) {
      expect(xml).toMatch(/<ofd:TextObject [^>]*Stroke="true"/);
      expect(num(xml, 'LineWidth')).toBeCloseTo(STROKE_PT * MM_PER_PT, 3);
      expect(xml).toMatch(/<ofd:StrokeColor Value="0 0 0"\/>/);
    }
  });
});
