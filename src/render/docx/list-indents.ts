/**
 * List indents as the PDF sets them (layout/blocks.ts addList; GB/T 9704 §7.3.3 numbering
 * hanging under its text): the item's first line starts at the container's left + the list
 * style's left indent (depth 1 only) + its first-line indent, the marker is set there and the
 * text follows it; wrapped lines and the item's further blocks hang at the text's start.
 * Written as w:ind left/hanging on each item paragraph (ECMA-376 Part 1 §17.3.1.12, which
 * overrides the numbering level's), since the marker's width varies per item (`9.`/`10.`).
 */
import type { ListBlock } from '../../model/types.js';
import type { ResolvedTemplate } from '../../template/types.js';
import { classify, isWide } from '../../layout/break/index.js';

/**
 * What the PDF takes off a line that starts with an opening mark: its blank left half
 * (clreq §3.8, layout/break/justify.ts startCutPt), unless prohibitions are off. Word and
 * LibreOffice set the mark whole, so the DOCX starts such a line that much further left.
 */
export function lineStartCutPt(t: ResolvedTemplate, text: string, sizePt: number): number {
  const first = text.codePointAt(0);
  return t.kinsoku !== 'none' && first !== undefined && classify(first) === 'opening' ? sizePt / 2 : 0;
}

/**
 * The gap the PDF's setter puts between a narrow marker (`●`, `1.`) and the wide text after
 * it: the Han–Latin joint's natural ¼ em (TYPOGRAPHY.md, clreq §3.2.2; layout/break/spacing.ts).
 */
export function markerGapPt(marker: string, text: string, sizePt: number): number {
  const last = [...marker].pop()?.codePointAt(0);
  const first = text.codePointAt(0);
  if (last === undefined || first === undefined || last <= 0x20 || isWide(last) || '“”‘’—…·'.includes(String.fromCodePoint(last))) return 0;
  return isWide(first) ? sizePt / 4 : 0;
}

export interface ItemIndent {
  /** Where the marker is drawn from (first line), pt from the text area's left edge. */
  readonly markerPt: number;
  /** Where the item's wrapped lines and further blocks hang (and a nested list's container starts), pt. */
  readonly textPt: number;
  /** Where the text of the item's first line starts (less an opening mark's cut, plus a narrow marker's gap), pt. */
  readonly firstTextPt: number;
}

/**
 * An item's indents: `containerPt` is the left of the block holding the list (0 at top level,
 * the parent item's text start when nested), `markerWidthPt` the marker's measured width.
 */
export function itemIndent(
  t: ResolvedTemplate,
  list: ListBlock,
  containerPt: number,
  marker: string,
  markerWidthPt: number,
  gapPt = 0,
): ItemIndent {
  const style = t.styles.listItem;
  const leftPt = list.depth > 1 ? 0 : style.leftIndentPt;
  const startPt = containerPt + leftPt + style.firstIndentPt;
  // The PDF's wrapped lines and nested blocks hang at the marker's full width; only the
  // first line loses an opening mark's left half.
  const cutPt = lineStartCutPt(t, marker, style.sizePt);
  return { markerPt: startPt - cutPt, textPt: startPt + markerWidthPt, firstTextPt: startPt + markerWidthPt + gapPt - cutPt };
}
