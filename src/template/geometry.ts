/**
 * Page geometry from a resolved page: the type area (版心) and the grid pitches.
 *
 * GB/T 9704-2012 §5.2: the type area is the page less its margins; with a grid,
 * line pitch = type area height / lines, rounded down to whole twips
 * (225 mm / 22 → 28.95 pt), and character pitch = type area width / chars,
 * rounded down to 0.05 pt (156 mm / 28 → 15.75 pt; the body size caps it).
 * Every phase that needs the type area (layout, the DOCX writer) calls `typeArea`
 * here, so there is one definition of it.
 */
import type { PageGeometry } from './types.js';
import { floorToStepPt, floorToTwipPt } from './units.js';

/** The type area on the page, from its top-left corner, pt. */
export interface TypeArea {
  readonly leftPt: number;
  readonly topPt: number;
  readonly widthPt: number;
  readonly heightPt: number;
}

/** The page less its margins. */
export function typeArea(p: PageGeometry): TypeArea {
  return {
    leftPt: p.marginLeftPt,
    topPt: p.marginTopPt,
    widthPt: p.widthPt - p.marginLeftPt - p.marginRightPt,
    heightPt: p.heightPt - p.marginTopPt - p.marginBottomPt,
  };
}

export function typeAreaWidthPt(p: PageGeometry): number {
  return typeArea(p).widthPt;
}

export function typeAreaHeightPt(p: PageGeometry): number {
  return typeArea(p).heightPt;
}

/**
 * Grid pitches for `lines` × `chars` on this page: the line pitch, and the character
 * pitch before the body size caps it (the caller checks both against the body size).
 */
export function gridPitches(
  p: PageGeometry,
  lines: number,
  chars: number,
): { readonly linePitchPt: number; readonly rawCharPitchPt: number } {
  const area = typeArea(p);
  return {
    linePitchPt: floorToTwipPt(area.heightPt / lines),
    rawCharPitchPt: floorToStepPt(area.widthPt / chars, 0.05),
  };
}
