/**
 * Paginate: the flow → pages of placed items (DESIGN.md phase “paginate”).
 *
 * Greedy: fill a page while items fit; when one does not, end the page at the
 * latest point on it where `breakBefore` allows (widows, orphans, keep-with-next
 * and unsplittable groups are already encoded there, see builder.ts) and carry
 * the rest over. Only when no allowed point exists on the page is a rule broken
 * (the break goes just before the item that does not fit) — never is the type
 * area overrun. Space before an item is dropped at the top of a page.
 */
import { itemHeightPt, type FlowImage, type FlowItem, type FlowLine, type FlowRule } from './flow.js';
import { EPS_PT } from './geometry.js';

export type Placeable = FlowLine | FlowImage | FlowRule;

export interface Placed {
  readonly item: Placeable;
  /** Top of the item's box, from the type area's top edge (space before already added). */
  readonly topPt: number;
}

export interface DraftPage {
  readonly placed: readonly Placed[];
}

export function paginate(flow: readonly FlowItem[], areaHeightPt: number): DraftPage[] {
  const pages: DraftPage[] = [];
  let placed: Placed[] = [];
  let start = 0; // flow index of the page's first item
  let y = 0;
  let i = 0;
  const close = (): void => {
    if (placed.length) pages.push({ placed });
    placed = [];
    y = 0;
  };
  while (i < flow.length) {
    const item = flow[i];
    if (item.kind === 'pageBreak') {
      close();
      i++;
      start = i;
      continue;
    }
    const space = placed.length ? item.spaceBeforePt : 0;
    const h = itemHeightPt(item);
    if (placed.length === 0 || y + space + h <= areaHeightPt + EPS_PT) {
      placed.push({ item, topPt: y + space });
      y += space + h;
      i++;
      continue;
    }
    // Does not fit: end the page at the latest allowed break on it.
    let j = i;
    while (j > start && !(flow[j] as Placeable).breakBefore) j--;
    if (j === start) j = i; // no allowed break on this page: break before the item that overflows
    placed = placed.slice(0, placed.length - (i - j));
    close();
    i = j;
    start = j;
  }
  close();
  return pages;
}
