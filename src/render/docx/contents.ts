/**
 * The contents (目录) as a real TOC field whose cached result is already filled in
 * (ECMA-376 Part 1 §17.16.5.68 TOC \o "1-2" \h \z \u; TYPOGRAPHY.md “Contents”):
 * the compilation title with “（N篇）”, “目录”, then per piece `1．{byline}：` and on the
 * next line the title, a dot-leader right tab at the real text width (TOC1/TOC2 styles)
 * and a PAGEREF to the bookmark on the piece title, cached with the layout's page number.
 * Word can refresh the field; WPS and LibreOffice show the cached entries as they are.
 */
import { Paragraph, TextRun, Tab, type ParagraphChild } from 'docx';
import type { Collection, Piece } from '../../model/types.js';
import type { PiecePages } from '../../layout/pagetree.js';
import { DOCX_STYLES } from './style-ids.js';
import type { WriterState } from './state.js';
import { fieldCharRun, fieldStart, pageRef } from './fields.js';

export function pieceBookmark(n: number): string {
  return `_TocPiece${String(n).padStart(3, '0')}`;
}

export function partBookmark(i: number): string {
  return `_TocPart${String(i + 1).padStart(3, '0')}`;
}

/** Fills `{name}` placeholders; unknown names are left as written. */
export function fillPattern(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? values[k] : m));
}

function pieceValues(p: Piece, count: number): Record<string, string> {
  return {
    n: String(p.n),
    byline: p.byline,
    role: p.role ?? '',
    author: p.author ?? '',
    title: p.title,
    subtitle: p.subtitle ?? '',
    count: String(count),
  };
}

/** The compilation title as printed above the contents, with the count suffix when shown. */
export function compilationTitleText(c: Collection, countSuffix: string): string {
  return c.title + (c.showCount ? fillPattern(countSuffix, { count: String(c.pieces.length) }) : '');
}

interface Line {
  readonly style: string;
  readonly text: string;
  /** Bookmark and page for the leader + page number, on an entry's last line only. */
  readonly ref: { readonly bookmark: string; readonly page: number } | null;
  readonly keepNext: boolean;
}

/** The contents lines in order (pure: for tests and for the writer). */
export function contentsLines(
  c: Collection,
  st: Pick<WriterState, 'template'>,
  pages: { piecePages: readonly PiecePages[]; partPages: readonly number[] },
): Line[] {
  const spec = st.template.contents;
  const hasParts = c.parts.length > 0;
  const entryStyle = hasParts ? 'TOC2' : 'TOC1';
  const pageOf = new Map(pages.piecePages.map((pp) => [pp.n, pp.startPage]));
  const lines: Line[] = [];
  const pieceLines = (p: Piece) => {
    const v = pieceValues(p, c.pieces.length);
    const first = fillPattern(spec.entry, v);
    const title = fillPattern(spec.entryTitle, v);
    const sub = p.subtitle && spec.subtitleLine ? fillPattern(spec.subtitleLine, v) : '';
    const ref = { bookmark: pieceBookmark(p.n), page: pageOf.get(p.n) ?? 0 };
    const texts = [first, title, ...(sub ? [sub] : [])].filter((t) => t !== '');
    texts.forEach((text, i) =>
      lines.push({ style: entryStyle, text, ref: i === texts.length - 1 ? ref : null, keepNext: i < texts.length - 1 }),
    );
  };
  if (hasParts) {
    c.parts.forEach((part, i) => {
      lines.push({ style: 'TOC1', text: part.title, ref: { bookmark: partBookmark(i), page: pages.partPages[i] ?? 0 }, keepNext: true });
      for (const n of part.pieces) {
        const p = c.pieces.find((x) => x.n === n);
        if (p) pieceLines(p);
      }
    });
  } else {
    c.pieces.forEach(pieceLines);
  }
  return lines;
}

/** The contents section's paragraphs: title, “目录”, the TOC field with its cached entries. */
export function writeContents(
  c: Collection,
  st: WriterState,
  pages: { piecePages: readonly PiecePages[]; partPages: readonly number[] },
): Paragraph[] {
  const spec = st.template.contents;
  const out: Paragraph[] = [];
  const title = compilationTitleText(c, spec.countSuffix);
  st.use('compilationTitle', title);
  out.push(new Paragraph({ style: DOCX_STYLES.compilationTitle.id, children: [new TextRun(title)] }));
  st.use('contentsTitle', spec.title);
  out.push(new Paragraph({ style: DOCX_STYLES.contentsTitle.id, children: [new TextRun(spec.title)] }));

  const lines = contentsLines(c, st, pages);
  const hasParts = c.parts.length > 0;
  const instr = `TOC \\o "1-${hasParts ? 2 : 1}" \\h \\z \\u`;
  if (lines.length === 0) {
    out.push(new Paragraph({ children: [...fieldStart(instr), fieldCharRun('end')] }));
    return out;
  }
  lines.forEach((line, i) => {
    const face = line.style === 'TOC1' && hasParts ? 'contentsPart' : 'contentsEntry';
    st.use(face, line.text);
    const kids: ParagraphChild[] = [];
    if (i === 0) kids.push(...fieldStart(instr));
    kids.push(new TextRun(line.text));
    if (line.ref) {
      st.use(face, String(line.ref.page));
      kids.push(new TextRun({ children: [new Tab()] }), ...pageRef(line.ref.bookmark, line.ref.page));
    }
    if (i === lines.length - 1) kids.push(fieldCharRun('end'));
    out.push(new Paragraph({ style: line.style, keepNext: line.keepNext || undefined, children: kids }));
  });
  return out;
}
