/**
 * Page furniture: the printed page number and the running header or footer.
 *
 * GB/T 9704-2012 §7.5: page numbers “— 1 —” in 四号 half-width digits, 7 mm
 * below the type area, odd pages right and even pages left, one character in
 * (template `pageNumber`: format, position center/outside/left/right,
 * `belowTypeAreaPt`, `insetPt`). Text is set by the paragraph setter.
 */
import type { GlyphRun, PageItem } from './pagetree.js';
import type { BlockEnv } from './blocks.js';
import type { SetLine } from './paragraph-types.js';
import { fillPattern } from './placeholders.js';
import { spanOf } from './spans.js';
import type { Style } from '../template/types.js';

/** Sets a short text on one line at its natural width. */
function setLabel(env: BlockEnv, text: string, style: Style): SetLine | null {
  if (!text) return null;
  const lines = env.set([spanOf(text, style, { file: env.t.file, line: 1, column: 1 })], {
    widthPt: env.area.widthPt * 4,
    firstIndentPt: 0,
    restIndentPt: 0,
    align: 'left',
    kinsoku: env.t.kinsoku,
    fonts: env.fonts,
    trailer: null,
    charPitchPt: null,
  });
  return lines[0] ?? null;
}

export function lineRuns(line: SetLine, xPt: number, baselinePt: number): GlyphRun[] {
  return line.runs.map((r) => ({
    kind: 'glyphs',
    text: r.text,
    fontKey: r.fontKey,
    sizePt: r.sizePt,
    xPt: xPt + r.xPt,
    yPt: baselinePt - r.risePt,
    charSpacingPt: r.charSpacingPt,
    fakeBold: r.fakeBold,
    fakeItalic: r.fakeItalic,
    strike: r.strike,
  }));
}

/** The page number's glyph runs for printed page `n`. */
export function pageNumberItems(env: BlockEnv, n: number): PageItem[] {
  const spec = env.t.pageNumber;
  const line = setLabel(env, fillPattern(spec.format, { n }), env.t.styles.pageNumber);
  if (!line) return [];
  const { leftPt, topPt, widthPt, heightPt } = env.area;
  const w = line.widthPt;
  const side = spec.position === 'outside' ? (n % 2 === 1 ? 'right' : 'left') : spec.position;
  const x =
    side === 'center' ? leftPt + (widthPt - w) / 2 : side === 'right' ? leftPt + widthPt - spec.insetPt - w : leftPt + spec.insetPt;
  return lineRuns(line, x, topPt + heightPt + spec.belowTypeAreaPt);
}

/** Running header/footer, centred on the type area, with its optional rule. */
export function headerItems(env: BlockEnv, vars: Readonly<Record<string, string>>): PageItem[] {
  const spec = env.t.header;
  if (!spec || !spec.text) return [];
  const style = env.t.styles.header;
  const line = setLabel(env, fillPattern(spec.text, vars), style);
  if (!line) return [];
  const { leftPt, topPt, widthPt, heightPt } = env.area;
  const baseline = spec.placement === 'header' ? topPt - spec.gapPt : topPt + heightPt + spec.gapPt;
  const items: PageItem[] = lineRuns(line, leftPt + (widthPt - line.widthPt) / 2, baseline);
  if (spec.rule) {
    // Halfway between the text and the type area.
    const y = spec.placement === 'header' ? baseline + (topPt - baseline) / 2 + line.descentPt / 2 : baseline - line.ascentPt - (spec.gapPt - line.ascentPt) / 2;
    items.push({ kind: 'rule', x1Pt: leftPt, y1Pt: y, x2Pt: leftPt + widthPt, y2Pt: y, widthPt: 0.5 });
  }
  return items;
}
