/**
 * Natural width of a short label (list markers, contents entry numbers) at a
 * style, from the FontBook's advances: each character's advance × size plus
 * the style's letter spacing. No punctuation compression — labels are measured
 * as they stand at a line start (clreq §3.1.6 adjustments are the setter's).
 */
import type { FontBook } from '../fonts/index.js';
import type { Style } from '../template/index.js';

export function measureLabelPt(fonts: FontBook, style: Style, text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face = fonts.faceFor(style.font, style.bold, cp) ?? fonts.chain(style.font, style.bold)[0];
    w += face.advanceEm(cp) * style.sizePt + style.letterSpacingPt;
  }
  return w;
}
