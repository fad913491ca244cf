/**
 * List indents as the PDF sets them (layout/blocks.ts addList; GB/T 9704): the marker at the
 * `listItem` style's first-line indent (2 em), the text right after it, wrapped lines back
 * at the style's left — no hanging indent, at every depth. Written as w:ind left/firstLine
 * on each item paragraph (ECMA-376 Part 1 §17.3.1.12, which overrides the numbering
 * level's), since a marker opening with a bracket starts half an em further left.
 */
import type { ResolvedTemplate } from '../../template/index.js';
import { classify } from '../../layout/index.js';

/**
 * What the PDF takes off a line that starts with an opening mark: its blank left half
 * (clreq §3.8, layout/break/justify.ts startCutPt), unless prohibitions are off. Word and
 * LibreOffice set the mark whole, so the DOCX starts such a line that much further left.
 */
export function lineStartCutPt(t: ResolvedTemplate, text: string, sizePt: number): number {
  const first = text.codePointAt(0);
  return t.kinsoku !== 'none' && first !== undefined && classify(first) === 'opening' ? sizePt / 2 : 0;
}

/** An item paragraph's w:ind, pt: where its lines start and how far the first line (the marker) is indented past that. */
export interface ItemIndent {
  readonly leftPt: number;
  readonly firstLinePt: number;
}

/**
 * An item's indents as the PDF sets them (layout/blocks.ts addList, GB/T 9704): `containerPt`
 * is the left of the block holding the list; the marker stands at the `listItem` style's
 * first-line indent, less an opening mark's cut half, and wrapped lines return to its left.
 */
export function itemIndent(t: ResolvedTemplate, containerPt: number, marker: string): ItemIndent {
  const style = t.styles.listItem;
  return {
    leftPt: containerPt + style.leftIndentPt,
    firstLinePt: style.firstIndentPt - lineStartCutPt(t, marker, style.sizePt),
  };
}
