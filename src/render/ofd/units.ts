/**
 * Units of the OFD package (GB/T 33190-2016 §7.1: lengths in millimetres): points from
 * the page tree to millimetres, numbers written with a fixed number of decimals and
 * no trailing zeros, boxes as `x y w h` (ST_Box).
 */

/** Millimetres per point (1 pt = 1/72 in, 1 in = 25.4 mm). */
export const MM_PER_PT = 25.4 / 72;

/** Decimals kept for lengths in mm: 1/1000 mm, finer than any reader draws. */
const MM_DECIMALS = 3;

export function mmOf(pt: number): number {
  return pt * MM_PER_PT;
}

/** A number with at most `decimals` decimals, no trailing zeros, no “-0”. */
export function num(n: number, decimals = MM_DECIMALS): string {
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return r === 0 ? '0' : String(r);
}

/** A length given in pt, written in mm. */
export function mm(pt: number): string {
  return num(mmOf(pt));
}

/** ST_Box from a box in pt: `x y width height`, mm. */
export function box(xPt: number, yPt: number, widthPt: number, heightPt: number): string {
  return [xPt, yPt, widthPt, heightPt].map(mm).join(' ');
}
