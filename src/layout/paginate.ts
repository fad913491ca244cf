/**
 * Paginate: the flow → pages of placed items (docs/design.md “The layout phase”: paginate).
 *
 * Greedy: fill a page while items fit; when one does not, end the page at the
 * latest point on it where `breakBefore` allows (widows, orphans, keep-with-next
 * and unsplittable groups are already encoded there, see builder.ts) and carry
 * the rest over. Only when no allowed point exists on the page is a rule broken
 * (the break goes just before the item that does not fit) — never is the type
 * area overrun. Space before an item is dropped at the top of a page.
 *
 * Footnotes (GB/T 7714-style page-foot notes, as Word places them): a note stands
 * at the foot of the page of its first reference, under a short separator rule,
 * stacked up from the bottom of the type area. An item fits only if its notes fit
 * too; otherwise it moves on (with whatever must stay with it). A note that could
 * not fit even on an empty page starts on the reference's page and continues at
 * the foot of the next. A table row that begins a page gets its header row
 * repeated above it.
 */
import {
  itemHeightPt,
  type FlowBox,
  type FlowImage,
  type FlowItem,
  type FlowLine,
  type FlowNote,
  type FlowRule,
} from './flow.js';
import { EPS_PT } from './geometry.js';

export type Placeable = FlowLine | FlowImage | FlowRule | FlowBox;

export interface Placed {
  readonly item: Placeable;
  /** Top of the item's box, from the type area's top edge (space before already added). */
  readonly topPt: number;
  /** A table header set again at the top of a continuation page: no anchors, no notes. */
  readonly repeated?: boolean;
}

/** A footnote line placed at the page foot. */
export interface PlacedNoteLine {
  readonly item: FlowLine;
  /** Top of the line box, from the type area's top edge. */
  readonly topPt: number;
  /** The note's first line (it carries the note's destination). */
  readonly first: boolean;
}

export interface DraftFoot {
  /** Top of the separator's box, from the type area's top edge. */
  readonly separatorTopPt: number;
  readonly lines: readonly PlacedNoteLine[];
}

export interface DraftPage {
  readonly placed: readonly Placed[];
  /** Footnotes at the page foot, or null. */
  readonly foot?: DraftFoot | null;
}

/** The page-foot notes area: the separator's box height. */
export interface FootSpec {
  /** Height the separator rule's box takes above the first note line. */
  readonly separatorPt: number;
}

const DEFAULT_FOOT: FootSpec = { separatorPt: 0 };

interface NoteLine {
  readonly item: FlowLine;
  readonly first: boolean;
}

/** The notes and, after each, the notes its own text refers to (once each). */
function expand(notes: readonly FlowNote[]): FlowNote[] {
  const out: FlowNote[] = [];
  const visit = (n: FlowNote): void => {
    if (out.includes(n)) return;
    out.push(n);
    for (const l of n.lines) for (const m of l.notes ?? []) visit(m);
  };
  notes.forEach(visit);
  return out;
}

const linesOf = (notes: readonly FlowNote[]): NoteLine[] =>
  notes.flatMap((n) => n.lines.map((item, k) => ({ item, first: k === 0 })));
const heightOf = (lines: readonly { item: FlowLine }[]): number => lines.reduce((s, l) => s + l.item.pitchPt, 0);

export function paginate(flow: readonly FlowItem[], areaHeightPt: number, foot: FootSpec = DEFAULT_FOOT): DraftPage[] {
  const A = areaHeightPt + EPS_PT;
  const pages: DraftPage[] = [];
  /** Placed items with the flow index they came from. */
  let placed: { p: Placed; index: number }[] = [];
  let carried: NoteLine[] = [];
  const seen = new Set<string>();
  let start = 0; // flow index of the page's first item
  let y = 0;
  let i = 0;

  /** New notes of the page's placed items, in reference order (recomputed when a page closes: a break may drop items). */
  const pageNotes = (): FlowNote[] => {
    const out: FlowNote[] = [];
    for (const { p } of placed) {
      if (p.repeated) continue;
      for (const n of expand(p.item.notes ?? [])) if (!seen.has(n.key) && !out.includes(n)) out.push(n);
    }
    return out;
  };
  // What pageNotes() gives while items are only added to the page, kept as they are placed,
  // with the height of their lines (summed line by line, as heightOf does) and of the notes
  // carried in; reset when the page closes.
  let openNotes: FlowNote[] = [];
  let openNotesPt = 0;
  let carriedPt = 0;
  const footPt = (noteLinesPt: number): number => (noteLinesPt > 0 ? noteLinesPt + foot.separatorPt : 0);

  const close = (): void => {
    const notes = pageNotes();
    const bottom = placed.reduce((m, { p }) => Math.max(m, p.topPt + itemHeightPt(p.item)), 0);
    const own = linesOf(notes);
    let room = A - bottom - foot.separatorPt;
    // Continued notes first, but never at the cost of this page's own notes (each starts on its reference's page).
    let carriedRoom = placed.length ? room - heightOf(own) : room;
    const taken: NoteLine[] = [];
    let c = 0;
    while (
      c < carried.length &&
      (carried[c].item.pitchPt <= carriedRoom || (taken.length === 0 && placed.length === 0))
    ) {
      taken.push(carried[c]);
      carriedRoom -= carried[c].item.pitchPt;
      room -= carried[c].item.pitchPt;
      c++;
    }
    let o = 0;
    while (o < own.length && (own[o].item.pitchPt <= room || taken.length === 0)) {
      taken.push(own[o]);
      room -= own[o].item.pitchPt;
      o++;
    }
    carried = [...carried.slice(c), ...own.slice(o)];
    for (const n of notes) seen.add(n.key);
    let draft: DraftFoot | null = null;
    if (taken.length) {
      let top = areaHeightPt - heightOf(taken);
      draft = {
        separatorTopPt: top - foot.separatorPt,
        lines: taken.map((l) => ({ ...l, topPt: ((top += l.item.pitchPt), top - l.item.pitchPt) })),
      };
    }
    if (placed.length || draft) pages.push({ placed: placed.map((x) => x.p), foot: draft });
    placed = [];
    y = 0;
    openNotes = [];
    openNotesPt = 0;
    carriedPt = heightOf(carried);
  };
  const flushCarried = (): void => {
    while (carried.length) close();
  };

  while (i < flow.length) {
    const item = flow[i];
    if (item.kind === 'pageBreak') {
      close();
      flushCarried();
      i++;
      start = i;
      continue;
    }
    if (placed.length === 0 && item.kind === 'box' && item.repeat) {
      placed.push({ p: { item: item.repeat, topPt: 0, repeated: true }, index: i });
      y = item.repeat.heightPt;
    }
    const space = placed.length ? item.spaceBeforePt : 0;
    const h = itemHeightPt(item);
    const fresh = expand(item.notes ?? []).filter((n) => !seen.has(n.key) && !openNotes.includes(n));
    const freshPt = heightOf(linesOf(fresh));
    const beforePt = carriedPt + openNotesPt;
    const fullPt = beforePt + freshPt;
    const fits = y + space + h + footPt(fullPt) <= A;
    // A note too long for any page: start it here (at least its first line) and continue it overleaf.
    const tooLong = fresh.length > 0 && h + footPt(freshPt) > A;
    const startsHere = tooLong && y + space + h + footPt(beforePt + fresh[0].lines[0].pitchPt) <= A;
    const alone = placed.length === 0 || (placed.length === 1 && placed[0].p.repeated === true);
    if (alone || fits || startsHere) {
      placed.push({ p: { item, topPt: y + space }, index: i });
      for (const n of fresh) {
        openNotes.push(n);
        for (const l of n.lines) openNotesPt += l.pitchPt;
      }
      y += space + h;
      i++;
      continue;
    }
    // Does not fit: end the page at the latest allowed break on it.
    let j = i;
    while (j > start && !(flow[j] as Placeable).breakBefore) j--;
    if (j === start) j = i; // no allowed break on this page: break before the item that overflows
    placed = placed.filter((x) => x.index < j || (x.p.repeated && x.index === start));
    close();
    i = j;
    start = j;
  }
  close();
  flushCarried();
  return pages;
}
