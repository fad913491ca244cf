/**
 * Shaped runs (fontkit's `layout`: OpenType GSUB/GPOS with the default features —
 * kerning, ligatures), one per font object and text for the process: layout
 * measures a Latin word or number with it (`FontFace.measureEm`) and the PDF
 * painter draws the same glyphs with it, so each run is shaped once.
 */
import type { Font } from 'fontkit';

/** The part of a fontkit font shaping needs (types/fontkit.d.ts). */
export type Shaper = Pick<Font, 'layout'>;

export interface ShapedGlyph {
  readonly id: number;
  /** The glyph's own advance, font units. */
  readonly advanceWidth: number;
  /** Advance in the run, kerning included, font units. */
  readonly xAdvance: number;
  /** The characters the glyph stands for (more than one for a ligature). */
  readonly codePoints: readonly number[];
}

const runs = new WeakMap<Shaper, Map<string, readonly ShapedGlyph[]>>();

/** `text` shaped with `font`, memoised per font object and text. */
export function shapedRun(font: Shaper, text: string): readonly ShapedGlyph[] {
  let memo = runs.get(font);
  if (!memo) runs.set(font, (memo = new Map()));
  let run = memo.get(text);
  if (!run) {
    const r = font.layout(text);
    run = r.glyphs.map((g, i) => ({
      id: g.id,
      advanceWidth: g.advanceWidth,
      xAdvance: r.positions[i]!.xAdvance,
      codePoints: [...g.codePoints],
    }));
    memo.set(text, run);
  }
  return run;
}

/** A run's advance, font units: fontkit's GlyphRun.advanceWidth (the xAdvances summed in order). */
export function runAdvance(run: readonly ShapedGlyph[]): number {
  let width = 0;
  for (const g of run) width += g.xAdvance;
  return width;
}
