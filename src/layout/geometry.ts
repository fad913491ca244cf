/**
 * Type area (版心) and vertical pitch from the resolved template.
 *
 * GB/T 9704-2012 §5.2.1: the type area is the page less the margins; with a grid
 * (22 lines × 28 characters) every line stands on the grid, so line pitches and
 * vertical spaces are whole multiples of the grid pitch.
 */
import { typeArea as pageTypeArea, type ResolvedTemplate, type Style, type TypeArea } from '../template/index.js';

export type { TypeArea };

/** The template's type area (its one definition is the template's `typeArea`). */
export function typeArea(t: ResolvedTemplate): TypeArea {
  return pageTypeArea(t.page);
}

/** Tolerance for comparing lengths summed from many pitches. */
export const EPS_PT = 0.01;

/** Line pitch of a style: its own `linePt`, or on a grid the smallest whole number of grid lines holding it. */
export function pitchPt(t: ResolvedTemplate, style: Style): number {
  if (!t.grid) return style.linePt;
  const g = t.grid.linePitchPt;
  return Math.max(1, Math.ceil(style.linePt / g - EPS_PT)) * g;
}

/** A vertical space, snapped to whole grid lines on a grid. */
export function spacePt(t: ResolvedTemplate, pt: number): number {
  if (!t.grid || pt <= 0) return Math.max(0, pt);
  const g = t.grid.linePitchPt;
  return Math.round(pt / g) * g;
}

/** Grid character pitch for text of this style (only text at the body size sits on the character grid). */
export function charPitchFor(t: ResolvedTemplate, style: Style): number | null {
  if (!t.grid) return null;
  return Math.abs(style.sizePt - t.styles.body.sizePt) < EPS_PT ? t.grid.charPitchPt : null;
}
