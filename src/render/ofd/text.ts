/**
 * Glyph runs → OFD text objects (GB/T 33190-2016 §11: TextObject with one TextCode per
 * run — a character outside the BMP in one of its own, see `textCodes` — X and Y of its
 * first character, DeltaX the distance from each character to the next, all in mm).
 *
 * Each character lands where layout put it: the advances are the ones layout measured
 * (docs/typography.md “Widths and compression”) — a Han character or full-width mark its
 * face's own advance, a stretch of Latin letters and digits shaped with the face's
 * kerning — plus the run's character spacing. A ligature the shaper forms (fi, a
 * two-em dash glyph) is not drawn as such: its characters share its advance evenly and
 * each is drawn from its own cmap glyph, so every glyph a reader draws is reachable from
 * its Unicode value and no CGTransform is needed.
 *
 * A two-em unit's objects (two-em.ts) are built here too: its characters unpainted
 * (Fill="false") under a dash unit's rule, or an ellipsis glyph scaled (HScale) onto the
 * unit's dot pitch (`placedTextObject`).
 *
 * Faux italic is a CTM that slants the object about each glyph's baseline (the PDF's
 * slant, src/fonts/synthetic.ts). Faux bold is the text's outline stroked as well as
 * filled (Stroke, LineWidth). The face's weight is written (Weight), so a reader that
 * picks fonts by family and weight finds the embedded face of the right weight.
 */
import {
  FAKE_BOLD_STROKE_EM,
  FAKE_ITALIC_SLANT,
  parsedFontkitFont,
  shapedRun,
  type FontFace,
} from '../../fonts/index.js';
import type { GlyphRun } from '../../layout/index.js';
import { el, type XmlNode } from '../package/index.js';
import { box, mm, num } from './units.js';

/** Decimals of a scale or slant (HScale, CTM), as many as the PDF's text matrix keeps. */
const MATRIX_DECIMALS = 6;

/** CT_Text Weight: the face's weight as one of 100 … 900 (400 when not written). */
const DEFAULT_WEIGHT = 400;
export function weightOf(face: FontFace): number {
  return Math.min(900, Math.max(100, Math.round(face.weight / 100) * 100));
}

/** Characters below this code point (Latin, digits) are measured shaped; the rest by their own advance. */
const SHAPED_BELOW = 0x2000;

/** Each character of `text` and its advance in `face`, em (character spacing not included). */
export function characterAdvancesEm(face: FontFace, text: string): { ch: string; advanceEm: number }[] {
  const out: { ch: string; advanceEm: number }[] = [];
  let latin = '';
  const flush = (): void => {
    if (!latin) return;
    const font = parsedFontkitFont(face.file);
    for (const g of shapedRun(font, latin)) {
      const chars = g.codePoints.length > 0 ? g.codePoints : [0xfffd];
      const share = g.xAdvance / font.unitsPerEm / chars.length;
      for (const cp of chars) out.push({ ch: String.fromCodePoint(cp), advanceEm: share });
    }
    latin = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < SHAPED_BELOW) {
      latin += ch;
      continue;
    }
    flush();
    out.push({ ch, advanceEm: face.advanceEm(cp) });
  }
  flush();
  return out;
}

/** Origins of a run's characters, pt from the page's left edge, and the end of the last advance. */
export function characterOriginsPt(face: FontFace, run: GlyphRun): { chars: string[]; xs: number[] } {
  const chars: string[] = [];
  const xs = [run.xPt];
  let x = run.xPt;
  for (const { ch, advanceEm } of characterAdvancesEm(face, run.text)) {
    chars.push(ch);
    x += advanceEm * run.sizePt + run.charSpacingPt;
    xs.push(x);
  }
  return { chars, xs };
}

/**
 * How a text object's glyphs are painted beyond their font and size: `fill` false draws
 * nothing (the text kept for search; Fill="false" and a transparent FillColor), `hScale`
 * ≠ 1 scales each glyph horizontally about its origin (CT_Text HScale).
 */
export interface TextPaint {
  readonly fill: boolean;
  readonly hScale: number;
}

const PLAIN: TextPaint = { fill: true, hScale: 1 };

/** The TextObject of one run; `fontId`: the ID of its face's Font resource. */
export function textObject(id: number, fontId: number, face: FontFace, run: GlyphRun): XmlNode {
  const { chars, xs } = characterOriginsPt(face, run);
  return placedTextObject(id, fontId, face, run, chars, xs, PLAIN);
}

/**
 * A TextObject of `chars` of `run` (its font, size, baseline and faux bold) drawn at the
 * origins `xs` (pt, one more than chars: the last the end of the last advance), painted
 * as `paint` says.
 */
export function placedTextObject(
  id: number,
  fontId: number,
  face: FontFace,
  run: GlyphRun,
  chars: readonly string[],
  xs: readonly number[],
  paint: TextPaint,
): XmlNode {
  const left = xs[0]!;
  const top = run.yPt - face.ascentEm * run.sizePt;
  const height = (face.ascentEm + face.descentEm) * run.sizePt;
  const width = xs[xs.length - 1]! - left;
  const stroked = run.fakeBold && paint.fill;
  const baseline = run.yPt - top;
  // Faux italic leans each glyph right by its height above the baseline: the box widens by the ascent's lean.
  const lean = run.fakeItalic ? FAKE_ITALIC_SLANT * baseline : 0;
  const attrs: Record<string, string | number> = {
    ID: id,
    Boundary: box(left, top, Math.max(width, run.sizePt) + lean, height),
    Font: fontId,
    Size: mm(run.sizePt),
    ...(weightOf(face) !== DEFAULT_WEIGHT ? { Weight: weightOf(face) } : {}),
  };
  if (stroked) {
    attrs.LineWidth = mm(run.sizePt * FAKE_BOLD_STROKE_EM);
    attrs.Stroke = 'true';
  }
  if (!paint.fill) attrs.Fill = 'false';
  if (paint.hScale !== 1) attrs.HScale = num(paint.hScale, MATRIX_DECIMALS);
  // x' = x + slant × (baseline − y): the baseline stays put (ST_Array a b c d e f, x' = a x + c y + e).
  if (run.fakeItalic) attrs.CTM = `1 0 ${num(-FAKE_ITALIC_SLANT, MATRIX_DECIMALS)} 1 ${mm(lean)} 0`;
  return el('ofd:TextObject', attrs, [
    el('ofd:FillColor', paint.fill ? { Value: '0 0 0' } : { Value: '0 0 0', Alpha: 0 }),
    ...(stroked ? [el('ofd:StrokeColor', { Value: '0 0 0' })] : []),
    ...textCodes(chars).map(({ from, to }) => {
      const code: Record<string, string> = { X: mm(xs[from]! - left), Y: mm(baseline) };
      const deltas: string[] = [];
      for (let i = from + 1; i < to; i++) deltas.push(mm(xs[i]! - xs[i - 1]!));
      if (deltas.length > 0) code.DeltaX = deltas.join(' ');
      return el('ofd:TextCode', code, [{ text: chars.slice(from, to).join('') }]);
    }),
  ]);
}

/**
 * The TextCodes of a run's characters, [from, to) each: the whole run as one, except
 * that a character outside the BMP stands alone. The standard counts DeltaX values per
 * character, but readers that walk a TextCode by UTF-16 units (ofd.js) would shift every
 * later character of the run by one value; alone, it needs no DeltaX at all.
 */
export function textCodes(chars: readonly string[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let from = 0;
  chars.forEach((ch, i) => {
    const astral = ch.length > 1;
    const prevAstral = i > 0 && chars[i - 1]!.length > 1;
    if (i > from && (astral || prevAstral)) {
      out.push({ from, to: i });
      from = i;
    }
  });
  out.push({ from, to: chars.length });
  return out;
}
