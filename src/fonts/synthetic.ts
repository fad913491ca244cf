/**
 * What the fixed-layout writers (PDF and OFD) draw that no face provides, in one place so
 * both draw it alike: faux bold (a face without a bold weight, its outline stroked as
 * well as filled), faux italic (the glyphs slanted) and the strike-through line. All in
 * em of the run's type size, or as a slope.
 */

/** Outline stroke of faux bold, em. */
export const FAKE_BOLD_STROKE_EM = 0.03;

/** Faux italic slant: 12°, as the horizontal shift per unit of height above the baseline. */
export const FAKE_ITALIC_SLANT = Math.tan((12 * Math.PI) / 180);

/** Strike-through: its height above the baseline and its thickness, em. */
export const STRIKE_RISE_EM = 0.3;
export const STRIKE_WIDTH_EM = 0.05;
