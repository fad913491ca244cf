/**
 * Unit conversions for WordprocessingML, in one place (docs/design.md “Units”: converted in one module).
 *
 * ECMA-376 Part 1 measures: twentieths of a point (twips) for indents, spacing and page
 * geometry (§17.18.105 ST_TwipsMeasure), half-points for font sizes (§17.18.43 ST_HpsMeasure),
 * twips again for run character spacing (§17.3.2.35 w:spacing), EMUs for drawings
 * (§20.1.2.1, 12,700 per pt). Template lengths arrive in pt (src/template/types.ts).
 */

/** pt → twips (1/20 pt), rounded to the whole twip Word stores. */
export function ptToTwip(pt: number): number {
  return Math.round(pt * 20);
}

/** pt → half-points (w:sz), rounded. */
export function ptToHalfPt(pt: number): number {
  return Math.round(pt * 2);
}

/** pt → EMU (English Metric Units), 12,700 per pt. */
export function ptToEmu(pt: number): number {
  return Math.round(pt * 12700);
}

/** pt → CSS pixels at 96 dpi, the unit docx's ImageRun `transformation` takes. */
export function ptToPx96(pt: number): number {
  return Math.round((pt * 96) / 72);
}

/** Image pixels → pt at 96 dpi (how an image with no density information is sized). */
export function px96ToPt(px: number): number {
  return (px * 72) / 96;
}
