/**
 * Collect: the whole document as a flow — the contents (front matter), the
 * banner, part titles and pieces (title, subtitle, byline, body, notes).
 *
 * Contents (docs/typography.md “Contents”): the compilation title with the count,
 * “目录”, entries `{n}．{byline}：` with the title on the next line, wrapped lines
 * hanging under the title text, leaders and the page number only on the entry's
 * last line (the setter's trailer), an entry never split, each entry a link.
 * With `contents.headingLevels` > 0 the headings of those levels follow their
 * piece's entry, indented by level, with their own leaders and page numbers.
 */
import type { Collection, Piece, Pos } from '../model/types.js';
import type { Style } from '../template/index.js';
import { addParagraph, addTextLine, bodyFrame, type BlockEnv } from './blocks.js';
import { addBlocks, pieceNotes } from './handlers/index.js';
import { FlowBuilder } from './builder.js';
import type { FlowItem } from './flow.js';
import { measureLabelPt } from './measure.js';
import type { ParagraphContent } from './paragraph-types.js';
import { brokenTitle, fillPattern, pieceFields, subtitleLine } from '../model/placeholders.js';
import { headingDest, headingDests, listedHeadings, type PieceHeading } from './headings.js';
import { plainText, spanOf } from './spans.js';

export const pieceDest = (n: number): string => `piece-${n}`;
export const partDest = (k: number): string => `part-${k}`;
/** Names a piece's contents entry in LayoutFacts.titleBreaks (its lines, for the DOCX). */
export const contentsKey = (n: number): string => `contents-piece-${n}`;

/** One piece: title (a destination), subtitle, byline, blocks; its notes go to the foot of their references' pages. */
export function addPiece(env: BlockEnv, b: FlowBuilder, piece: Piece): void {
  const s = env.t.styles;
  b.piece = piece.n;
  b.headingDests = headingDests(piece);
  b.recordTables = true;
  b.noteFor = pieceNotes(env, piece.n, piece.footnotes);
  addTextLine(env, b, brokenTitle(piece), s.pieceTitle, piece.pos, {
    anchors: [{ kind: 'dest', name: pieceDest(piece.n) }],
    titleKey: `piece-${piece.n}-title`,
  });
  if (piece.subtitle)
    addTextLine(env, b, piece.subtitle, s.subtitle, piece.pos, { titleKey: `piece-${piece.n}-subtitle` });
  if (piece.byline) addTextLine(env, b, piece.byline, s.byline, piece.pos, { titleKey: `piece-${piece.n}-byline` });
  addBlocks(env, b, piece.blocks, bodyFrame(env.t));
  b.noteFor = null;
}

/** The compilation's body: banner, then each piece (on a new page when the template says so), parts as headings or pages. */
export function composeBody(env: BlockEnv, c: Collection): FlowItem[] {
  const { t } = env;
  const s = t.styles;
  const b = new FlowBuilder(t, null, false);
  if (c.banner) {
    const bn = c.banner;
    if (bn.headline) addTextLine(env, b, bn.headline, s.bannerHeadline, bn.pos, { titleKey: 'banner-headline' });
    addTextLine(env, b, bn.name, s.bannerName, bn.pos, { titleKey: 'banner-name' });
    if (bn.provenance) addTextLine(env, b, bn.provenance, s.bannerSource, bn.pos, { titleKey: 'banner-source' });
  }
  const partAt = new Map<number, number>();
  c.parts.forEach((part, k) => {
    if (part.pieces.length) partAt.set(part.pieces[0], k);
  });
  c.pieces.forEach((piece, i) => {
    const k = partAt.get(piece.n);
    if (i > 0 && t.pieceNewPage) b.pageBreak();
    if (k !== undefined) {
      const part = c.parts[k];
      b.piece = null;
      if (t.partTitlePage) {
        if (i > 0 || c.banner) b.pageBreak();
        addTextLine(env, b, part.title, s.partTitle, part.pos, {
          anchors: [{ kind: 'dest', name: partDest(k + 1) }],
          keepWithNext: false,
          titleKey: `part-${k + 1}-title`,
        });
        b.pageBreak();
      } else {
        addTextLine(env, b, part.title, s.partTitle, part.pos, {
          anchors: [{ kind: 'dest', name: partDest(k + 1) }],
          titleKey: `part-${k + 1}-title`,
        });
      }
    }
    addPiece(env, b, piece);
  });
  return b.items;
}

/** A handout: one piece alone, no contents, no banner. */
export function composeHandout(env: BlockEnv, piece: Piece): FlowItem[] {
  const b = new FlowBuilder(env.t, null, false);
  addPiece(env, b, piece);
  return b.items;
}

/** Printed number of each piece as the contents shows it (Piece.n → page). */
export type ContentsNumbers = ReadonlyMap<number, number>;
/** Printed number of each listed heading as the contents shows it (heading destination → page). */
export type HeadingNumbers = ReadonlyMap<string, number>;

/** The contents as front matter, with the page numbers given. */
export function composeContents(
  env: BlockEnv,
  c: Collection,
  numbers: ContentsNumbers,
  headingNumbers: HeadingNumbers = new Map(),
): FlowItem[] {
  const { t } = env;
  const s = t.styles;
  const spec = t.contents;
  const b = new FlowBuilder(t, null, true);
  const count = c.showCount ? fillPattern(spec.countSuffix, { count: c.pieces.length }) : '';
  addTextLine(env, b, brokenTitle(c) + count, s.compilationTitle, c.pos, { titleKey: 'compilation-title' });
  addTextLine(env, b, spec.title, s.contentsTitle, c.pos, { titleKey: 'contents-title' });
  const inPart = new Map<number, number>();
  c.parts.forEach((part, k) => part.pieces.forEach((n) => inPart.set(n, k)));
  let lastPart = -1;
  for (const piece of c.pieces) {
    const k = inPart.get(piece.n);
    if (k !== undefined && k !== lastPart) {
      lastPart = k;
      addTextLine(env, b, c.parts[k].title, s.contentsPart, c.parts[k].pos, { linkDest: partDest(k + 1) });
    }
    const page = numbers.get(piece.n) ?? piece.n;
    const hangPt = addEntry(env, b, piece, page);
    for (const h of listedHeadings(piece, spec.headingLevels)) {
      addHeadingEntry(env, b, piece, h, hangPt, headingNumbers.get(headingDest(piece.n, h.index)) ?? page);
    }
  }
  if (spec.newPageAfter) b.pageBreak();
  return b.items;
}

/**
 * A heading's contents entry: under its piece's title, indented one em more per
 * level than the title text, wrapped lines hanging at the same indent, with
 * leaders and the page number on its last line; a link to the heading.
 */
function addHeadingEntry(
  env: BlockEnv,
  b: FlowBuilder,
  piece: Piece,
  h: PieceHeading,
  hangPt: number,
  page: number,
): void {
  const style: Style = env.t.styles.contentsEntry;
  const indentPt = hangPt + h.block.level * style.sizePt;
  const content = [spanOf(plainText(h.block.inlines), style, h.block.pos)];
  addEntryParagraph(env, b, content, h.block.pos, indentPt, indentPt, page, headingDest(piece.n, h.index));
}

/**
 * One contents entry in the contents style, kept whole, linking to `dest`: leaders and
 * `page` as the trailer of its last line.
 */
function addEntryParagraph(
  env: BlockEnv,
  b: FlowBuilder,
  content: ParagraphContent[],
  pos: Pos,
  firstIndentPt: number,
  restIndentPt: number,
  page: number,
  dest: string,
  titleKey?: string,
): void {
  const spec = env.t.contents;
  const style: Style = env.t.styles.contentsEntry;
  const { text: _unused, ...span } = spanOf('', style, pos);
  addParagraph(env, b, {
    content,
    style,
    frame: bodyFrame(env.t),
    splittable: false,
    keepWithNext: false,
    firstIndentPt,
    restIndentPt,
    trailer: { text: String(page), leader: spec.leader, minGapPt: spec.numberGapPt, span },
    linkDest: dest,
    words: true,
    titleKey,
  });
}

/** A piece's contents entry; returns the indent of its title line (where heading entries hang from). */
function addEntry(env: BlockEnv, b: FlowBuilder, piece: Piece, page: number): number {
  const spec = env.t.contents;
  const style: Style = env.t.styles.contentsEntry;
  const vars = pieceFields(piece);
  const cut = spec.entry.indexOf('{byline}');
  const prefix = fillPattern(cut >= 0 ? spec.entry.slice(0, cut) : spec.entry, vars);
  const hangPt = cut >= 0 ? measureLabelPt(env.fonts, style, prefix) : 0;
  const titleLine = fillPattern(spec.entryTitle, vars);
  const content: ParagraphContent[] = [];
  if (piece.byline || cut < 0) {
    content.push(
      spanOf(fillPattern(spec.entry, vars), style, piece.pos),
      { kind: 'break' },
      spanOf(titleLine, style, piece.pos),
    );
  } else {
    content.push(spanOf(prefix + titleLine, style, piece.pos));
  }
  if (spec.subtitleLine && piece.subtitle) {
    content.push({ kind: 'break' }, spanOf(subtitleLine(spec.subtitleLine, vars), style, piece.pos));
  }
  addEntryParagraph(env, b, content, piece.pos, 0, hangPt, page, pieceDest(piece.n), contentsKey(piece.n));
  return hangPt;
}
