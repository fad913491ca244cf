/**
 * Finalize: placed items → the page tree (docs/design.md “The layout phase”: finalize).
 *
 * Absolute coordinates (pt from the page's top-left, baselines for glyph runs);
 * printed numbers (front pages unnumbered, the body from 1 — docs/typography.md
 * “Pages and page numbers”); page numbers and running headers; where each piece and part
 * landed (and every heading, `headingPages`); the outline (parts → pieces →
 * headings of the contents' levels, or pieces → headings); footnotes at the page
 * foot under a short separator rule, each reference linked to its note.
 */
import type { Collection, Piece } from '../model/types.js';
import { headingDest, listedHeadings, pieceHeadings } from './headings.js';
import { plainText } from './spans.js';
import type { BlockEnv } from './blocks.js';
import { partDest, pieceDest } from './compose.js';
import { headerItems, lineRuns, pageNumberItems } from './furniture.js';
import type { DraftFoot, DraftPage, Placed } from './paginate.js';
import { noteDest, noteNumberOf, type Anchor, type BoxRule } from './flow.js';
import type { SetLine } from './paragraph-types.js';
import type { HeadingPage, OutlineEntry, Page, PageItem, PageTree, PiecePages } from './pagetree.js';
import { headerFields } from '../model/placeholders.js';

export interface FinalizeInput {
  readonly env: BlockEnv;
  readonly collection: Collection;
  readonly drafts: readonly DraftPage[];
  /** Pieces laid out (all, or the handout's one), in order. */
  readonly pieces: readonly number[];
  readonly passes: number;
}

/** Baseline of a line box: the glyphs' ascent+descent box centred in the pitch. */
export function baselineInBoxPt(topPt: number, pitchPt: number, ascentPt: number, descentPt: number): number {
  return topPt + (pitchPt - (ascentPt + descentPt)) / 2 + ascentPt;
}

/** Page items of one set line whose box top is `topPt` (absolute): glyphs, URL and note links, anchors. */
function lineItems(
  env: BlockEnv,
  line: SetLine,
  x0: number,
  topPt: number,
  pitch: number,
  anchors: readonly Anchor[],
  piece: number | null,
): PageItem[] {
  const out: PageItem[] = [];
  const base = baselineInBoxPt(topPt, pitch, line.ascentPt, line.descentPt);
  out.push(...lineRuns(line, x0, base, env.fonts));
  for (const r of line.runs) {
    if (!r.url) continue;
    const n = noteNumberOf(r.url);
    const note = n === null ? null : noteDest(piece, n);
    out.push({
      kind: 'link',
      xPt: x0 + r.xPt,
      yPt: base - line.ascentPt,
      widthPt: r.widthPt,
      heightPt: line.ascentPt + line.descentPt,
      dest: note,
      url: note ? null : r.url,
    });
  }
  for (const a of anchors) {
    if (a.kind !== 'link' || line.runs.length === 0) continue;
    const left = Math.min(...line.runs.map((r) => r.xPt));
    const right = Math.max(...line.runs.map((r) => r.xPt + r.widthPt));
    out.push({
      kind: 'link',
      xPt: x0 + left,
      yPt: topPt,
      widthPt: right - left,
      heightPt: pitch,
      dest: a.dest,
      url: null,
    });
  }
  return out;
}

function boxRule(env: BlockEnv, r: BoxRule, top: number): PageItem {
  const { leftPt } = env.area;
  return {
    kind: 'rule',
    x1Pt: leftPt + r.x1Pt,
    y1Pt: top + r.y1Pt,
    x2Pt: leftPt + r.x2Pt,
    y2Pt: top + r.y2Pt,
    widthPt: r.widthPt,
  };
}

function placedItems(env: BlockEnv, p: Placed, lastOnPage: boolean): PageItem[] {
  const { leftPt, topPt } = env.area;
  const it = p.item;
  const top = topPt + p.topPt;
  const out: PageItem[] = [];
  if (!p.repeated)
    for (const a of it.anchors) if (a.kind === 'dest') out.push({ kind: 'dest', name: a.name, yPt: top });
  if (it.kind === 'line') {
    out.push(...lineItems(env, it.line, leftPt + it.xPt, top, it.pitchPt, it.anchors, it.piece));
  } else if (it.kind === 'box') {
    for (const bl of it.lines)
      out.push(...lineItems(env, bl.line, leftPt + bl.xPt, top + bl.topPt, bl.pitchPt, [], it.piece));
    for (const r of it.rules) out.push(boxRule(env, r, top));
    if (lastOnPage) for (const r of it.rulesWhenLast) out.push(boxRule(env, r, top));
  } else if (it.kind === 'image') {
    out.push({
      kind: 'image',
      file: it.file,
      xPt: leftPt + it.xPt,
      yPt: top + (it.boxPt - it.heightPt) / 2,
      widthPt: it.widthPt,
      heightPt: it.heightPt,
    });
  } else {
    const y = top + it.boxPt / 2;
    out.push({
      kind: 'rule',
      x1Pt: leftPt + it.xPt,
      y1Pt: y,
      x2Pt: leftPt + it.xPt + it.widthPt,
      y2Pt: y,
      widthPt: it.thicknessPt,
    });
  }
  return out;
}

/** The page-foot notes: the template's separator rule (`footnotes`), then the note lines. */
function footItems(env: BlockEnv, foot: DraftFoot): PageItem[] {
  const { leftPt, topPt, widthPt } = env.area;
  const rule = env.t.footnotes;
  const out: PageItem[] = [];
  const first = foot.lines[0];
  const sepBottom = topPt + (first ? first.topPt : foot.separatorTopPt);
  const y = sepBottom - (sepBottom - (topPt + foot.separatorTopPt)) / 2;
  out.push({
    kind: 'rule',
    x1Pt: leftPt,
    y1Pt: y,
    x2Pt: leftPt + ('fraction' in rule.ruleLength ? widthPt * rule.ruleLength.fraction : rule.ruleLength.pt),
    y2Pt: y,
    widthPt: rule.rulePt,
  });
  for (const l of foot.lines) {
    const it = l.item;
    const top = topPt + l.topPt;
    if (l.first) for (const a of it.anchors) if (a.kind === 'dest') out.push({ kind: 'dest', name: a.name, yPt: top });
    out.push(...lineItems(env, it.line, leftPt + it.xPt, top, it.pitchPt, [], it.piece));
  }
  return out;
}

/** Printed number of page index `i`: the body counts from 1 at `bodyStart`; front pages have none. */
function printedNumber(bodyStart: number, i: number): number | null {
  return i >= bodyStart ? i - bodyStart + 1 : null;
}

/** A destination's printed page as contents and report give it: 0 when it is missing or on a front page. */
function printedPage(bodyStart: number, i: number | undefined): number {
  return i === undefined ? 0 : (printedNumber(bodyStart, i) ?? 0);
}

/** Where things landed: page indices of destinations and of each piece's first and last item. */
interface Landing {
  /** First page of the body (pages before it are front matter, unnumbered). */
  readonly bodyStart: number;
  readonly destPage: ReadonlyMap<string, number>;
  readonly start: ReadonlyMap<number, number>;
  readonly end: ReadonlyMap<number, number>;
}

/**
 * The destinations' pages and the pieces' page spans, from the drafts alone —
 * exactly the `dest` items finalize places (a placed item's destination anchors
 * unless repeated, a page-foot note's on its first line), so a layout pass can
 * compare page numbers without building the pages.
 */
function landing(drafts: readonly DraftPage[]): Landing {
  const firstBody = drafts.findIndex((d) => d.placed.some((p) => !p.item.front));
  const bodyStart = firstBody < 0 ? drafts.length : firstBody;
  const destPage = new Map<string, number>();
  const start = new Map<number, number>();
  const end = new Map<number, number>();
  drafts.forEach((d, i) => {
    for (const p of d.placed) {
      if (!p.repeated)
        for (const a of p.item.anchors) if (a.kind === 'dest' && !destPage.has(a.name)) destPage.set(a.name, i);
      const n = p.item.piece;
      if (n !== null) {
        if (!start.has(n)) start.set(n, i);
        end.set(n, i);
      }
    }
    for (const l of d.foot?.lines ?? []) {
      if (l.first)
        for (const a of l.item.anchors) if (a.kind === 'dest' && !destPage.has(a.name)) destPage.set(a.name, i);
      // Pages come in order, so a note's page is its piece's last so far.
      if (l.item.piece !== null) end.set(l.item.piece, i);
    }
  });
  return { bodyStart, destPage, start, end };
}

/** Printed page numbers of the pieces and of the headings (what the contents must show), without building pages. */
export interface PageNumbers {
  readonly piecePages: readonly PiecePages[];
  readonly headingPages: readonly HeadingPage[];
}

function numbersOf(c: Collection, pieces: readonly number[], l: Landing): PageNumbers {
  const byN = new Map(c.pieces.map((p) => [p.n, p]));
  const printed = (i: number | undefined): number => printedPage(l.bodyStart, i);
  const piecePages: PiecePages[] = pieces.map((n) => ({
    n,
    startPage: printed(l.destPage.get(pieceDest(n)) ?? l.start.get(n)),
    endPage: printed(l.end.get(n)),
  }));
  const headingPages: HeadingPage[] = pieces.flatMap((n) => {
    const piece = byN.get(n);
    if (!piece) return [];
    return pieceHeadings(piece).map((h) => ({
      piece: n,
      index: h.index,
      level: h.block.level,
      page: printed(l.destPage.get(headingDest(n, h.index))),
    }));
  });
  return { piecePages, headingPages };
}

/** The page numbers finalize would report for these drafts (`tree.piecePages`, `tree.headingPages`). */
export function pageNumbers(c: Collection, drafts: readonly DraftPage[], pieces: readonly number[]): PageNumbers {
  return numbersOf(c, pieces, landing(drafts));
}

export function finalize(f: FinalizeInput): PageTree {
  const { env, collection: c, drafts } = f;
  const land = landing(drafts);
  const { bodyStart, destPage } = land;
  const byN = new Map(c.pieces.map((p) => [p.n, p]));

  const pages: Page[] = drafts.map((d, i) => {
    const items: PageItem[] = [];
    d.placed.forEach((p, k) => {
      items.push(...placedItems(env, p, k === d.placed.length - 1));
    });
    if (d.foot) items.push(...footItems(env, d.foot));
    const number = printedNumber(bodyStart, i);
    if (number !== null) {
      const owner = d.placed.find((p) => p.item.piece !== null)?.item.piece;
      const piece = owner != null ? byN.get(owner) : undefined;
      items.push(...headerItems(env, headerFields(c, piece ?? null), { collection: c.pos, title: piece?.pos ?? null }));
      items.push(...pageNumberItems(env, number));
    }
    return { index: i, number, widthPt: env.t.page.widthPt, heightPt: env.t.page.heightPt, items };
  });

  const printed = (i: number | undefined): number => printedPage(bodyStart, i);
  const { piecePages, headingPages } = numbersOf(c, f.pieces, land);
  const partPages = c.parts.map((_, k) => printed(destPage.get(partDest(k + 1))));

  /** Headings listed in the contents, nested by level, as outline entries under their piece. */
  const headingEntries = (piece: Piece): OutlineEntry[] => {
    const levels = env.t.contents.headingLevels;
    const roots: {
      level: number;
      entry: { title: string; dest: string; pageIndex: number; children: OutlineEntry[] };
    }[] = [];
    const stack: typeof roots = [];
    for (const h of listedHeadings(piece, levels)) {
      const dest = headingDest(piece.n, h.index);
      const idx = destPage.get(dest);
      if (idx === undefined) continue;
      const node = {
        level: h.block.level,
        entry: { title: plainText(h.block.inlines), dest, pageIndex: idx, children: [] as OutlineEntry[] },
      };
      while (stack.length && stack[stack.length - 1].level >= node.level) stack.pop();
      if (stack.length) stack[stack.length - 1].entry.children.push(node.entry);
      else roots.push(node);
      stack.push(node);
    }
    return roots.map((r) => r.entry);
  };

  const pieceEntry = (n: number): OutlineEntry | null => {
    const idx = destPage.get(pieceDest(n));
    const piece = byN.get(n);
    return idx === undefined || !piece
      ? null
      : { title: piece.title, dest: pieceDest(n), pageIndex: idx, children: headingEntries(piece) };
  };
  const laid = new Set(f.pieces);
  let outline: OutlineEntry[];
  if (c.parts.length && f.pieces.length > 1) {
    outline = c.parts.flatMap((part, k) => {
      const idx = destPage.get(partDest(k + 1));
      const children = part.pieces
        .filter((n) => laid.has(n))
        .map(pieceEntry)
        .filter((e): e is OutlineEntry => e !== null);
      return idx === undefined ? children : [{ title: part.title, dest: partDest(k + 1), pageIndex: idx, children }];
    });
  } else {
    outline = f.pieces.map(pieceEntry).filter((e): e is OutlineEntry => e !== null);
  }

  const tableColumns = env.tables ?? [];
  const titleBreaks = env.titleBreaks ?? [];
  return {
    pages,
    outline,
    piecePages,
    partPages,
    headingPages,
    tableColumns,
    titleBreaks,
    frontPages: bodyStart,
    passes: f.passes,
  };
}
