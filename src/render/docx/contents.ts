/**
 * The contents (目录) as a real TOC field whose cached result is already filled in
 * (ECMA-376 Part 1 §17.16.5.68 TOC \o "1-2" \h \z \u; docs/typography.md “Contents”):
 * the compilation title with “（N篇）”, “目录”, part titles (TOC1, no number, as in the PDF),
 * then per piece one paragraph: `1．{byline}：`, a line break (§17.3.3.1 w:br) and the title
 * hanging under the byline, a dot-leader right tab at the real text width (TOC1/TOC2
 * styles) and a PAGEREF to the bookmark on the piece title, cached with the layout's page number.
 * Word can refresh the field; WPS and LibreOffice show the cached entries as they are.
 */
import { Paragraph, TextRun, Tab, type ParagraphChild } from 'docx';
import type { Collection, Piece } from '../../model/types.js';
import { brokenTitle, fillPattern, pieceFields, subtitleLine } from '../../model/placeholders.js';
import type { HeadingPage, PiecePages } from '../../layout/index.js';
import { measureLabelPt } from '../../layout/index.js';
import { contentsKey } from '../../layout/index.js';
import { inlineText } from './inlines.js';
import { listedHeadings } from '../../model/headings.js';
import { headingBookmark } from './headings.js';
import { lineStartCutPt } from './list-indents.js';
import { DOCX_STYLES } from './style-ids.js';
import type { WriterState } from './state.js';
import { fieldCharRun, fieldStart, pageRef } from './fields.js';
import { ptToTwip } from './units.js';
import { titleRuns } from './titles.js';

export function pieceBookmark(n: number): string {
  return `_TocPiece${String(n).padStart(3, '0')}`;
}

export function partBookmark(i: number): string {
  return `_TocPart${String(i + 1).padStart(3, '0')}`;
}

/** The compilation title as printed above the contents (its explicit breaks as `\n`), with the count suffix when shown. */
export function compilationTitleText(c: Collection, countSuffix: string): string {
  return brokenTitle(c) + (c.showCount ? fillPattern(countSuffix, { count: c.pieces.length }) : '');
}

/** One contents paragraph: a part title, or a piece entry whose lines are joined by w:br. */
export interface ContentsEntry {
  /** TOC1, TOC2 (pieces), TOC3… (headings listed under a piece). */
  readonly style: `TOC${number}`;
  /** Lines of the entry (byline line, title, subtitle line), in order. */
  readonly lines: readonly string[];
  /** Left indent of every line after the first (the `1．` prefix's width), pt; 0 for none. */
  readonly hangPt: number;
  /** Left indent of every line (heading entries: the title's indent + one em per level), pt; absent for none. */
  readonly leftPt?: number;
  /** How far left of `leftPt` the first line starts (an opening mark's left half, as the PDF cuts it), pt. */
  readonly startCutPt?: number;
  /** Bookmark of the title and the cached page for the leader + PAGEREF on the last line, or null (part titles). */
  readonly ref: { readonly bookmark: string; readonly page: number } | null;
}

/**
 * The contents entries in order, as the PDF's contents sets them (pure: for tests and the
 * writer): a part title on a line of its own without a page number, then each piece as one
 * paragraph — `1．{byline}：`, a line break, the title (and `——subtitle`), lines after the
 * first hanging under the byline, dot leaders and the page number on the last line.
 * The prefix is measured as the PDF measures it (layout/measure.ts), so the titles hang alike.
 */
export function contentsEntries(
  c: Collection,
  st: Pick<WriterState, 'template' | 'fonts'> & Partial<Pick<WriterState, 'hints'>>,
  pages: { piecePages: readonly PiecePages[]; headingPages?: readonly HeadingPage[] },
): ContentsEntry[] {
  const spec = st.template.contents;
  const hasParts = c.parts.length > 0;
  const pieceLevel = hasParts ? 2 : 1;
  const entryStyle = `TOC${pieceLevel}` as const;
  const pageOf = new Map(pages.piecePages.map((pp) => [pp.n, pp.startPage]));
  const headingPageOf = new Map((pages.headingPages ?? []).map((h) => [`${h.piece}\u0000${h.index}`, h.page]));
  const sizePt = st.template.styles.contentsEntry.sizePt;
  const out: ContentsEntry[] = [];
  const pieceEntry = (p: Piece) => {
    const v = { ...pieceFields(p), count: c.pieces.length };
    const cut = spec.entry.indexOf('{byline}');
    const prefix = fillPattern(cut >= 0 ? spec.entry.slice(0, cut) : spec.entry, v);
    const title = fillPattern(spec.entryTitle, v);
    const lines = (p.byline || cut < 0 ? [fillPattern(spec.entry, v), title] : [prefix + title]).flatMap((l) =>
      l.split('\n'),
    );
    if (p.subtitle && spec.subtitleLine) lines.push(subtitleLine(spec.subtitleLine, v));
    // The lines the PDF broke the entry into (between words), when the layout recorded them.
    const laid = st.hints?.titleLines(contentsKey(p.n), lines.join('\n')) ?? lines;
    const hangPt = cut >= 0 ? measureLabelPt(st.fonts, st.template.styles.contentsEntry, prefix) : 0;
    const startPage = pageOf.get(p.n) ?? 0;
    out.push({ style: entryStyle, lines: laid, hangPt, ref: { bookmark: pieceBookmark(p.n), page: startPage } });
    // Its headings (contents.headingLevels), one em deeper per level than the title line, as the PDF.
    for (const h of listedHeadings(p, spec.headingLevels)) {
      out.push({
        style: `TOC${pieceLevel + h.block.level}`,
        lines: [inlineText(h.block.inlines)],
        hangPt: 0,
        leftPt: hangPt + h.block.level * sizePt,
        startCutPt: lineStartCutPt(st.template, inlineText(h.block.inlines), sizePt),
        ref: {
          bookmark: headingBookmark(p.n, h.index),
          page: headingPageOf.get(`${p.n}\u0000${h.index}`) ?? startPage,
        },
      });
    }
  };
  if (hasParts) {
    c.parts.forEach((part) => {
      out.push({ style: 'TOC1', lines: [part.title], hangPt: 0, ref: null });
      for (const n of part.pieces) {
        const p = c.pieces.find((x) => x.n === n);
        if (p) pieceEntry(p);
      }
    });
  } else {
    c.pieces.forEach(pieceEntry);
  }
  return out;
}

/** The contents section's paragraphs: title, “目录”, the TOC field with its cached entries. */
export function writeContents(
  c: Collection,
  st: WriterState,
  pages: { piecePages: readonly PiecePages[]; partPages: readonly number[]; headingPages?: readonly HeadingPage[] },
): Paragraph[] {
  const spec = st.template.contents;
  const out: Paragraph[] = [];
  const title = compilationTitleText(c, spec.countSuffix);
  st.use('compilationTitle', title);
  out.push(
    new Paragraph({ style: DOCX_STYLES.compilationTitle.id, children: titleRuns(st, 'compilation-title', title) }),
  );
  st.use('contentsTitle', spec.title);
  out.push(
    new Paragraph({ style: DOCX_STYLES.contentsTitle.id, children: titleRuns(st, 'contents-title', spec.title) }),
  );

  const entries = contentsEntries(c, st, pages);
  const hasParts = c.parts.length > 0;
  const levels = (hasParts ? 2 : 1) + Math.max(0, Math.min(4, spec.headingLevels));
  const instr = `TOC \\o "1-${levels}" \\h \\z \\u`;
  if (entries.length === 0) {
    out.push(new Paragraph({ children: [...fieldStart(instr), fieldCharRun('end')] }));
    return out;
  }
  entries.forEach((e, i) => {
    const face = e.style === 'TOC1' && hasParts ? 'contentsPart' : 'contentsEntry';
    const kids: ParagraphChild[] = [];
    if (i === 0) kids.push(...fieldStart(instr));
    e.lines.forEach((line, k) => {
      st.use(face, line);
      kids.push(k === 0 ? new TextRun(line) : new TextRun({ text: line, break: 1 }));
    });
    if (e.ref) {
      st.use(face, String(e.ref.page));
      kids.push(new TextRun({ children: [new Tab()] }), ...pageRef(e.ref.bookmark, e.ref.page));
    }
    if (i === entries.length - 1) kids.push(fieldCharRun('end'));
    const hang = ptToTwip(e.hangPt);
    const indent =
      e.leftPt !== undefined
        ? e.startCutPt
          ? { left: ptToTwip(e.leftPt), hanging: ptToTwip(e.startCutPt) }
          : { left: ptToTwip(e.leftPt), firstLine: 0 }
        : hang > 0
          ? { left: hang, hanging: hang }
          : null;
    out.push(
      new Paragraph({
        style: e.style,
        // The entry stays on one page, as in the PDF (its lines are one unsplittable block).
        keepLines: true,
        keepNext: e.ref === null || undefined,
        ...(indent ? { indent } : {}),
        children: kids,
      }),
    );
  });
  return out;
}
