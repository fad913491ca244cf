/**
 * Where the layout starts a list item's lines (handlers/list.ts; GB/T 9704): the marker at
 * the `listItem` style's first-line indent (2 em), the text right after it, wrapped lines
 * back at the style's left — no hanging indent, at every depth — and a line opening with a
 * bracket set half an em further left by the setter (break/justify.ts startCutPt). Stated
 * here once for the writers that must repeat it (the DOCX writes it as w:ind left/firstLine
 * on each item paragraph, ECMA-376 Part 1 §17.3.1.12).
 */
import type { ResolvedTemplate } from '../template/index.js';
import { textStartCutPt } from './break/justify.js';

/**
 * What the setter takes off a line that starts with `text` at `sizePt` (an opening mark's
 * blank left half, clreq §3.8), unless prohibitions are off.
 */
export function lineStartCutPt(t: ResolvedTemplate, text: string, sizePt: number): number {
  return textStartCutPt(text, sizePt, t.kinsoku);
}

/** An item paragraph's indents, pt: where its lines start and how far the first line (the marker) is indented past that. */
export interface ItemIndent {
  readonly leftPt: number;
  readonly firstLinePt: number;
}

/**
 * An item's indents as the layout sets them: `containerPt` is the left of the block holding
 * the list; the marker stands at the `listItem` style's first-line indent, less an opening
 * mark's cut half, and wrapped lines return to its left.
 */
export function itemIndent(t: ResolvedTemplate, containerPt: number, marker: string): ItemIndent {
  const style = t.styles.listItem;
  return {
    leftPt: containerPt + style.leftIndentPt,
    firstLinePt: style.firstIndentPt - lineStartCutPt(t, marker, style.sizePt),
  };
}
