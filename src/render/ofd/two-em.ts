/**
 * A two-em unit (a run layout marks `twoEm`: ——, ……, ⋯⋯, ⸺) as OFD graphic units, drawn
 * as the PDF draws it (docs/typography.md “Two-em dashes and ellipses”; the fitting is
 * src/fonts/two-em.ts, the same function the PDF painter uses):
 *
 * - dashes: their characters in a TextObject that is not painted (`Fill="false"`, GB/T
 *   33190-2016 CT_Text; its FillColor fully transparent too, `Alpha="0"`, for readers
 *   such as ofd.js that paint text whatever Fill says, which left the dash glyphs showing
 *   a step on the rule), so text extraction and search still find `——`, and one filled
 *   PathObject rectangle across all the unit's cells at the height and thickness of the
 *   font's dash ink — one unbroken rule, where two dash glyphs would leave a gap; faux
 *   bold strokes its outline as well, as it strokes glyphs;
 * - ellipses: each glyph a TextObject of its own, scaled horizontally about its origin
 *   (`HScale`) and placed so its three dots fall on the unit's even dot pitch.
 *
 * A unit whose glyphs have no ink is drawn as plain text.
 */
import {
  FAKE_BOLD_STROKE_EM,
  fitTwoEm,
  twoEmGlyphs,
  unitRule,
  type FontFace,
  type UnitRule,
} from '../../fonts/index.js';
import type { GlyphRun } from '../../layout/index.js';
import { el, type XmlNode } from '../package/index.js';
import type { IdAllocator } from './ids.js';
import { characterOriginsPt, placedTextObject, textObject } from './text.js';
import { box, mm } from './units.js';

/** The rule of a dash unit: a filled rectangle (faux bold: its outline stroked too). */
function rulePath(id: number, rule: UnitRule, strokePt: number): XmlNode {
  const half = strokePt / 2;
  // The boundary holds the stroke; the path's coordinates are relative to it.
  const w = rule.widthPt;
  const h = rule.heightPt;
  const x0 = mm(half);
  const y0 = mm(half);
  const x1 = mm(half + w);
  const y1 = mm(half + h);
  return el(
    'ofd:PathObject',
    {
      ID: id,
      Boundary: box(rule.xPt - half, rule.topPt - half, w + strokePt, h + strokePt),
      ...(strokePt > 0 ? { LineWidth: mm(strokePt) } : { Stroke: 'false' }),
      Fill: 'true',
    },
    [
      ...(strokePt > 0 ? [el('ofd:StrokeColor', { Value: '0 0 0' })] : []),
      el('ofd:FillColor', { Value: '0 0 0' }),
      el('ofd:AbbreviatedData', {}, [{ text: `M ${x0} ${y0} L ${x1} ${y0} L ${x1} ${y1} L ${x0} ${y1} C` }]),
    ],
  );
}

/** The graphic units of a two-em run, IDs taken from `ids` in order. */
export function twoEmObjects(ids: IdAllocator, fontId: number, face: FontFace, run: GlyphRun): XmlNode[] {
  const { chars, xs } = characterOriginsPt(face, run);
  const glyphs = twoEmGlyphs(face.file, run.text);
  if (glyphs.length !== chars.length) return [textObject(ids.next(), fontId, face, run)];
  const rule = unitRule(glyphs, run.sizePt, xs, run.yPt);
  if (rule) {
    const text = placedTextObject(ids.next(), fontId, face, run, chars, xs, { fill: false, hScale: 1 });
    const strokePt = run.fakeBold ? run.sizePt * FAKE_BOLD_STROKE_EM : 0;
    return [text, rulePath(ids.next(), rule, strokePt)];
  }
  return fitTwoEm(glyphs, run.sizePt, xs).map((fit, i) => {
    const end = fit.originPt + (xs[i + 1]! - xs[i]!) * fit.scaleX;
    return placedTextObject(ids.next(), fontId, face, run, [chars[i]!], [fit.originPt, end], {
      fill: true,
      hScale: fit.scaleX,
    });
  });
}
