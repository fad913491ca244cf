/**
 * The geometry of a two-em unit (a run layout marks `twoEm`: ——, ……, ⋯⋯, ⸺) as every
 * renderer draws it (docs/typography.md “Two-em dashes and ellipses”: one unbroken rule
 * two ems long; six dots evenly spaced over two ems), from each glyph's ink box (its
 * outline's bounding box) and advance:
 *
 * - dashes: one filled rectangle across all the unit's cells at the height and thickness
 *   of the font's dash ink, whatever the font's side bearings or dash width; the dash
 *   glyphs stay in the text, not painted, each scaled to its cell (`unitRule`, `fitTwoEm`);
 * - ellipses: each glyph scaled horizontally about its origin and moved so its three
 *   dots fall at the centres of the unit's dot cells, their height the font's (`fitTwoEm`).
 *
 * Pure: the PDF painter (render/pdf) and the OFD writer (render/ofd) both draw from it,
 * so the two outputs put the rule and the dots in the same place.
 */
import type { Font as FkFont } from 'fontkit';
import { parsedFontkitFont } from './face.js';

/** A glyph's ink: the bounding box of its outline, font units (fontkit's `Glyph.bbox`). */
export interface InkBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** The ink box of a glyph of a fontkit font; an empty box at 0 for a glyph without outline. */
export function inkBoxOf(font: FkFont, glyphId: number): InkBox {
  const b = font.getGlyph(glyphId)?.bbox;
  if (!b || !Number.isFinite(b.minX) || !Number.isFinite(b.maxX)) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return { minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY };
}

/** How a unit is drawn: `rule`, its dashes as one rule across the unit; `dots`, an ellipsis's dots on the unit's pitch. */
export type TwoEmKind = 'rule' | 'dots';

/** A glyph of a two-em unit and its ink box, 1/1000 em from the glyph's origin on the baseline. */
export interface UnitGlyph {
  readonly kind: TwoEmKind;
  readonly inkLeftK: number;
  readonly inkRightK: number;
  readonly inkBottomK: number;
  readonly inkTopK: number;
}

/** A glyph as the fitting reads it: its drawn advance (1/1000 em) and, in a unit, its ink. */
export interface FittedGlyph {
  readonly widthK: number;
  readonly unit?: UnitGlyph;
}

/** Ellipses: three dots each, on one even pitch across a unit. */
const DOT_CHARS = new Set(['…', '⋯']);

/** An ellipsis glyph holds three dots. */
const DOTS_PER_GLYPH = 3;

/** How the unit `text` is drawn. */
export function twoEmKind(text: string): TwoEmKind {
  return DOT_CHARS.has(text[0]!) ? 'dots' : 'rule';
}

/** A unit glyph from a glyph's ink box in font units, `scale` the font units → 1/1000 em factor. */
export function unitGlyph(kind: TwoEmKind, ink: InkBox, scale: number): UnitGlyph {
  return {
    kind,
    inkLeftK: ink.minX * scale,
    inkRightK: ink.maxX * scale,
    inkBottomK: ink.minY * scale,
    inkTopK: ink.maxY * scale,
  };
}

/**
 * The glyphs of the unit `text` in the single-face font `file`, one cmap glyph per
 * character: its advance and ink, 1/1000 em (what a renderer without its own glyph
 * table fits to the unit's cells).
 */
export function twoEmGlyphs(file: string, text: string): FittedGlyph[] {
  const font = parsedFontkitFont(file);
  const scale = 1000 / font.unitsPerEm;
  const kind = twoEmKind(text);
  return [...text].map((ch) => {
    const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
    return { widthK: glyph.advanceWidth * scale, unit: unitGlyph(kind, inkBoxOf(font, glyph.id), scale) };
  });
}

/** Where one glyph of a two-em unit is drawn and how far it is scaled; `rule`: it is an unpainted dash under the rule. */
export interface UnitFit {
  readonly originPt: number;
  readonly scaleX: number;
  readonly rule: boolean;
}

/**
 * Fit the glyphs of a two-em unit to their cells (`xs`: the cells' edges, pt, one more
 * than glyphs; see the module docblock). A dash scales to fill its cell; an ellipsis
 * scales and moves so its dots fall at the centres of the unit's dot cells. A glyph
 * without ink keeps its cell and size, painted.
 */
export function fitTwoEm(glyphs: readonly FittedGlyph[], sizePt: number, xs: readonly number[]): UnitFit[] {
  const k = sizePt / 1000;
  const start = xs[0]!;
  const pitch = (xs[glyphs.length]! - start) / (glyphs.length * DOTS_PER_GLYPH);
  return glyphs.map((g, i) => {
    const u = g.unit;
    const cell = xs[i + 1]! - xs[i]!;
    const hasInk = u !== undefined && u.inkRightK > u.inkLeftK && u.inkTopK > u.inkBottomK;
    if (!hasInk) return { originPt: xs[i]!, scaleX: 1, rule: false };
    if (u.kind === 'rule') return { originPt: xs[i]!, scaleX: g.widthK > 0 ? cell / (g.widthK * k) : 1, rule: true };
    // The glyph's own dot pitch from its ink (its dots as wide as they are high), stretched to the unit's.
    const dotK = u.inkTopK - u.inkBottomK;
    const ownPitch = ((u.inkRightK - u.inkLeftK - dotK) / 2) * k;
    if (ownPitch <= 0) return { originPt: xs[i]!, scaleX: 1, rule: false };
    const scaleX = pitch / ownPitch;
    const firstDot = start + pitch / 2 + i * DOTS_PER_GLYPH * pitch;
    return { originPt: firstDot - scaleX * (u.inkLeftK + dotK / 2) * k, scaleX, rule: false };
  });
}

/** The rule of a unit of dashes, pt, top-down like the page tree. */
export interface UnitRule {
  readonly xPt: number;
  readonly topPt: number;
  readonly widthPt: number;
  readonly heightPt: number;
}

/**
 * The rule a unit of dashes is drawn as (`xs`: its cells' edges, `baselinePt` its
 * baseline from the page's top), or null when it is no dash unit or has no dash ink.
 */
export function unitRule(
  glyphs: readonly FittedGlyph[],
  sizePt: number,
  xs: readonly number[],
  baselinePt: number,
): UnitRule | null {
  const u = glyphs[0]?.unit;
  if (!u || u.kind !== 'rule' || u.inkTopK <= u.inkBottomK || u.inkRightK <= u.inkLeftK) return null;
  const k = sizePt / 1000;
  return {
    xPt: xs[0]!,
    topPt: baselinePt - u.inkTopK * k,
    widthPt: xs[xs.length - 1]! - xs[0]!,
    heightPt: (u.inkTopK - u.inkBottomK) * k,
  };
}
