/**
 * Shaped runs (fontkit's `layout`: OpenType GSUB/GPOS with the default features —
 * kerning, ligatures), one per font object and text for the process: layout
 * measures a Latin word or number with it (`FontFace.measureEm`) and the PDF
 * painter draws the same glyphs with it, so each run is shaped once. A font bound
 * to a run store (run-store.ts) takes its runs from disk first and hands what it
 * shapes to the store, so a later process shapes them not at all.
 */
import type { Font } from 'fontkit';
import type { RunStore } from './run-store.js';

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
const runStores = new WeakMap<Shaper, () => RunStore | null>();

/** Lets `font` read and add its runs through the store `store()` gives (asked on the first run not in memory). */
export function bindRunStore(font: Shaper, store: () => RunStore | null): void {
  let memo: RunStore | null | undefined;
  runStores.set(font, () => (memo === undefined ? (memo = store()) : memo));
}

/** `text` shaped with `font`, memoised per font object and text. */
export function shapedRun(font: Shaper, text: string): readonly ShapedGlyph[] {
  let memo = runs.get(font);
  if (!memo) runs.set(font, (memo = new Map()));
  let run = memo.get(text);
  if (run) return run;
  const store = runStores.get(font)?.();
  run = store?.get(text);
  if (!run) {
    const r = font.layout(text);
    run = r.glyphs.map((g, i) => ({
      id: g.id,
      advanceWidth: g.advanceWidth,
      xAdvance: r.positions[i]!.xAdvance,
      codePoints: [...g.codePoints],
    }));
    store?.add(text, run);
  }
  memo.set(text, run);
  return run;
}

/** A run's advance, font units: fontkit's GlyphRun.advanceWidth (the xAdvances summed in order). */
export function runAdvance(run: readonly ShapedGlyph[]): number {
  let width = 0;
  for (const g of run) width += g.xAdvance;
  return width;
}
