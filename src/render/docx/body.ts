/**
 * The body: banner (headline, collection name, provenance), part titles, and each piece —
 * title (bookmarked for the contents' PAGEREF; a page break before it when the template's
 * `pieceNewPage` says so, ECMA-376 Part 1 §17.3.1.23 w:pageBreakBefore), subtitle, byline,
 * then its blocks.
 */
import { Paragraph, type ParagraphChild } from 'docx';
import type { Collection, Piece } from '../../model/types.js';
import { DOCX_STYLES } from './style-ids.js';
import { rootContext, type WriterState } from './state.js';
import { writeBlocks } from './blocks.js';
import { bookmarkAround } from './fields.js';
import { partBookmark, pieceBookmark } from './contents.js';
import { titleRuns } from './titles.js';
import { brokenTitle } from '../../model/placeholders.js';

/** A centred title line; `key` names its balanced lines in LayoutFacts.titleBreaks (titles.ts). */
function styled(
  st: WriterState,
  name: 'bannerHeadline' | 'bannerName' | 'bannerSource' | 'subtitle' | 'byline',
  text: string,
  key: string,
): Paragraph {
  st.use(name, text);
  return new Paragraph({ style: DOCX_STYLES[name].id, children: titleRuns(st, key, text) });
}

export function writeBanner(c: Collection, st: WriterState): Paragraph[] {
  const b = c.banner;
  if (!b) return [];
  const out: Paragraph[] = [];
  if (b.headline) out.push(styled(st, 'bannerHeadline', b.headline, 'banner-headline'));
  out.push(styled(st, 'bannerName', b.name, 'banner-name'));
  if (b.provenance) out.push(styled(st, 'bannerSource', b.provenance, 'banner-source'));
  return out;
}

export function writePiece(
  p: Piece,
  st: WriterState,
  opts: { pageBreakBefore: boolean; bookmark: boolean },
): Paragraph[] {
  const out: Paragraph[] = [];
  st.use('pieceTitle', p.title);
  const runs: ParagraphChild[] = titleRuns(st, `piece-${p.n}-title`, brokenTitle(p));
  out.push(
    new Paragraph({
      style: DOCX_STYLES.pieceTitle.id,
      pageBreakBefore: opts.pageBreakBefore || undefined,
      children: opts.bookmark ? bookmarkAround(pieceBookmark(p.n), st.bookmarkId(), runs) : runs,
    }),
  );
  if (p.subtitle) out.push(styled(st, 'subtitle', p.subtitle, `piece-${p.n}-subtitle`));
  if (p.byline) out.push(styled(st, 'byline', p.byline, `piece-${p.n}-byline`));
  out.push(...writeBlocks(p.blocks, { ...rootContext, piece: p }, st));
  return out;
}

/** Banner, parts and pieces of the compilation body, in order. */
export function writeCompilationBody(c: Collection, st: WriterState): Paragraph[] {
  const out: Paragraph[] = [...writeBanner(c, st)];
  const t = st.template;
  // The body section starts on a new page; the banner shares it with the first piece.
  let first = true;
  let breakNext = false;
  const emitPiece = (p: Piece) => {
    out.push(...writePiece(p, st, { pageBreakBefore: !first && (t.pieceNewPage || breakNext), bookmark: true }));
    first = false;
    breakNext = false;
  };
  if (c.parts.length > 0) {
    c.parts.forEach((part, i) => {
      st.use('partTitle', part.title);
      out.push(
        new Paragraph({
          style: DOCX_STYLES.partTitle.id,
          pageBreakBefore: (!first && (t.partTitlePage || t.pieceNewPage)) || undefined,
          children: bookmarkAround(partBookmark(i), st.bookmarkId(), titleRuns(st, `part-${i + 1}-title`, part.title)),
        }),
      );
      first = false;
      breakNext = t.partTitlePage;
      part.pieces.forEach((n, j) => {
        const p = c.pieces.find((x) => x.n === n);
        if (p) {
          // The first piece after a part title stays with it unless the part has a page of its own;
          // the part's later pieces break as any piece does.
          if (j === 0 && !breakNext) first = true;
          emitPiece(p);
        }
      });
    });
  } else {
    c.pieces.forEach(emitPiece);
  }
  return out;
}
