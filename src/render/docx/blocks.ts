/**
 * Block handlers: model blocks → Word paragraphs and tables, one handler per kind.
 *
 * Paragraphs carry only a style id (ECMA-376 Part 1 §17.3.1.27 w:pStyle); lists are real
 * Word numbering (§17.9 w:numPr, levels from the template's Chinese formats 一、（一）1.（1）);
 * GFM tables are w:tbl with a repeating header row (§17.4.49 w:tblHeader); images are
 * inline drawings (docx stores each distinct image once, by content hash); code blocks keep
 * their lines; a thematic break is a page break or a centred blank line as the template says.
 */
import {
  AlignmentType,
  ImageRun,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  BorderStyle,
  TableLayoutType,
  type ParagraphChild,
} from 'docx';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Block, CellAlign, ListBlock } from '../../model/types.js';
import { THEMATIC_BREAK_MARK } from '../../template/types.js';
import { DOCX_STYLES } from './style-ids.js';
import type { Context, NumberingLevelDef, WriterState } from './state.js';
import { inlineText, writeInlines } from './inlines.js';
import { bookmarkAround } from './fields.js';
import { headingBookmark } from './headings.js';
import { listMarker } from '../../layout/blocks.js';
import { measureLabelPt } from '../../layout/measure.js';
import { itemIndent, markerGapPt } from './list-indents.js';
import { ptToPx96, ptToTwip, px96ToPt } from './units.js';

type Out = (Paragraph | Table)[];
type Handler<K extends Block['kind']> = (node: Extract<Block, { kind: K }>, ctx: Context, st: WriterState) => Out;

function styleId(ctx: Context): string {
  return DOCX_STYLES[ctx.paraStyle].id;
}

function textWidthPt(st: WriterState): number {
  const p = st.template.page;
  return p.widthPt - p.marginLeftPt - p.marginRightPt;
}

/** Template list pattern → Word level format and text (`{cn}、` → chineseCounting `%1、`). */
export function levelDef(
  pattern: string | undefined,
  level: number,
  ordered: boolean,
  bullet: string,
  start: number,
): NumberingLevelDef {
  if (!ordered) return { level, format: 'bullet', text: bullet, start: 1 };
  const pat = pattern ?? '{n}.';
  const format = pat.includes('{cn}') ? 'chineseCounting' : 'decimal';
  return { level, format, text: pat.replace(/\{cn\}|\{n\}/, `%${level + 1}`), start: level === 0 ? start : 1 };
}

function listReference(node: ListBlock, st: WriterState): string {
  const ref = node.ordered ? `huibian-ol-${node.start}` : 'huibian-ul';
  if (!st.numbering.has(ref)) {
    const levels: NumberingLevelDef[] = [];
    for (let l = 0; l < 9; l++) {
      levels.push(levelDef(st.template.listNumbering[l], l, node.ordered, st.template.bullet, node.start));
    }
    st.numbering.set(ref, levels);
  }
  return ref;
}

/** Room left after a list marker so the tab after it stops at the hanging indent (≈ 0.1 pt). */
const MARKER_SLACK_TWIP = 2;

/**
 * Column widths (twips) of a table: the PDF's (PageTree.tableColumns) when the layout
 * recorded this table — a piece's tables counted in document order, footnotes aside — else
 * equal shares of the text width. Fixed layout (§17.4.53 w:tblLayout) keeps them as given.
 */
function columnWidthsTwip(n: Extract<Block, { kind: 'table' }>, cols: number, ctx: Context, st: WriterState): number[] {
  const index = ctx.piece && !ctx.note ? st.nextTableIndex(ctx.piece.n) : -1;
  const pdf = ctx.piece && index >= 0 ? st.hints.tableWidthsPt(ctx.piece.n, index, cols) : null;
  if (pdf) return pdf.map((w) => ptToTwip(w));
  const colTwip = Math.floor(ptToTwip(textWidthPt(st)) / cols);
  return Array.from({ length: cols }, () => colTwip);
}

const ALIGN: Record<Exclude<CellAlign, null>, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

const handlers: { [K in Block['kind']]: Handler<K> } = {
  paragraph: (n, ctx, st) => [paragraph(writeInlines(n.inlines, ctx, st, writeBlocks), ctx)],
  heading: (n, ctx, st) => {
    const hctx: Context = { ...ctx, paraStyle: `heading${n.level}` as const };
    const kids = writeInlines(n.inlines, hctx, st, writeBlocks);
    // Headings the contents lists carry the bookmark their entry's PAGEREF names.
    const index = ctx.piece && !ctx.note ? st.nextHeadingIndex(ctx.piece.n) : -1;
    const listed = ctx.piece && index >= 0 && n.level <= st.template.contents.headingLevels;
    const children = listed ? bookmarkAround(headingBookmark(ctx.piece!.n, index), st.bookmarkId(), kids) : kids;
    return [new Paragraph({ style: styleId(hctx), children })];
  },
  list: (n, ctx, st) => {
    const reference = listReference(n, st);
    const level = ctx.list ? Math.min(ctx.list.level + 1, 8) : 0;
    const instance = ctx.list && ctx.list.reference === reference ? ctx.list.instance : st.listInstance();
    const lctx: Context = { ...ctx, paraStyle: 'listItem', list: { reference, instance, level } };
    const out: Out = [];
    const style = st.template.styles.listItem;
    const widthPt = (text: string) => measureLabelPt(st.fonts, style, text);
    n.items.forEach((item, k) => {
      const marker = listMarker(st.template, n, k);
      const first = item.blocks[0];
      const text = first && first.kind === 'paragraph' ? inlineText(first.inlines) : '';
      const ind = itemIndent(
        st.template,
        n,
        ctx.leftPt ?? 0,
        marker,
        widthPt(marker),
        markerGapPt(marker, text, style.sizePt),
      );
      const ictx: Context = { ...lctx, leftPt: ind.textPt };
      const hangPt = Math.max(ind.textPt, ind.firstTextPt);
      item.blocks.forEach((b, i) => {
        if (i === 0 && b.kind === 'paragraph') {
          const prefix = item.checked === null ? '' : item.checked ? '☑ ' : '☐ ';
          const kids = writeInlines(b.inlines, lctx, st, writeBlocks);
          if (prefix) st.use('listItem', prefix);
          out.push(
            new Paragraph({
              style: styleId(lctx),
              numbering: { reference, level, instance },
              // Two twips of slack: a marker that exactly fills the hang would tab on to the next stop.
              // A narrow marker's gap moves the hang with it (a tab after the number stops at the hang at
              // the latest), so wrapped lines then stand that gap right of the PDF's.
              indent: {
                left: ptToTwip(hangPt),
                hanging: ptToTwip(hangPt) - ptToTwip(ind.markerPt) + MARKER_SLACK_TWIP,
              },
              // A bracket's cut half starts the PDF's first line left of the hang: a tab stop there.
              ...(ind.firstTextPt < ind.textPt - 0.05
                ? { tabStops: [{ type: 'left' as const, position: ptToTwip(ind.firstTextPt) }] }
                : {}),
              children: prefix ? [new TextRun(prefix), ...kids] : kids,
            }),
          );
        } else {
          out.push(...writeBlocks([b], ictx, st));
        }
      });
    });
    return out;
  },
  quote: (n, ctx, st) => writeBlocks(n.blocks, { ...ctx, paraStyle: 'quote' }, st),
  table: (n, ctx, st) => {
    const cols = Math.max(1, ...n.rows.map((r) => r.length));
    const colsTwip = columnWidthsTwip(n, cols, ctx, st);
    // w:sz is in eighths of a point (ECMA-376 §17.18.2 ST_EighthPointMeasure): the template's rule width.
    const border = { style: BorderStyle.SINGLE, size: Math.round(st.template.table.rulePt * 8), color: '000000' };
    const rows = n.rows.map(
      (row, ri) =>
        new TableRow({
          tableHeader: ri === 0,
          cantSplit: true,
          children: Array.from({ length: cols }, (_, ci) => {
            const cell = row[ci];
            const tctx: Context = { ...ctx, paraStyle: ri === 0 ? 'tableHeader' : 'tableText', list: null };
            const align = n.align[ci];
            return new TableCell({
              width: { size: colsTwip[ci], type: WidthType.DXA },
              children: [
                new Paragraph({
                  style: styleId(tctx),
                  ...(align ? { alignment: ALIGN[align] } : {}),
                  children: cell ? writeInlines(cell.inlines, tctx, st, writeBlocks) : [],
                }),
              ],
            });
          }),
        }),
    );
    return [
      new Table({
        rows,
        width: { size: colsTwip.reduce((a, w) => a + w, 0), type: WidthType.DXA },
        columnWidths: colsTwip,
        layout: TableLayoutType.FIXED,
        borders: {
          top: border,
          bottom: border,
          left: border,
          right: border,
          insideHorizontal: border,
          insideVertical: border,
        },
      }),
    ];
  },
  image: (n, ctx, st) => {
    const file = isAbsolute(n.src) ? n.src : join(st.collection.dir, n.src);
    const data = readFileSync(file);
    const maxPt = textWidthPt(st);
    let wPt = px96ToPt(n.widthPx);
    let hPt = px96ToPt(n.heightPx);
    if (wPt > maxPt) {
      hPt = (hPt * maxPt) / wPt;
      wPt = maxPt;
    }
    const id = st.bookmarkId();
    const out: Out = [
      new Paragraph({
        style: DOCX_STYLES.caption.id,
        alignment: AlignmentType.CENTER,
        keepNext: n.caption !== '',
        children: [
          new ImageRun({
            type: n.format === 'png' ? 'png' : 'jpg',
            data,
            transformation: { width: ptToPx96(wPt), height: ptToPx96(hPt) },
            altText: { name: `image${id}`, description: n.alt, title: n.alt, id: String(id) },
          }),
        ],
      }),
    ];
    if (n.caption) {
      st.use('caption', n.caption);
      out.push(new Paragraph({ style: DOCX_STYLES.caption.id, children: [new TextRun(n.caption)] }));
    }
    return out;
  },
  code: (n, ctx, st) =>
    n.lines.map((line) => {
      st.use('code', line);
      return new Paragraph({ style: DOCX_STYLES.code.id, children: [new TextRun({ text: line })] });
    }),
  thematicBreak: (_n, ctx, st) => {
    if (st.template.thematicBreak === 'page')
      return [new Paragraph({ style: styleId(ctx), children: [new PageBreak()] })];
    st.use(ctx.paraStyle, THEMATIC_BREAK_MARK);
    return [
      new Paragraph({
        style: styleId(ctx),
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0 },
        children: [new TextRun({ text: THEMATIC_BREAK_MARK })],
      }),
    ];
  },
};

function paragraph(children: ParagraphChild[], ctx: Context): Paragraph {
  // A list item's further paragraphs hang at its text, without a first-line indent (as the PDF).
  if (ctx.list && ctx.leftPt !== undefined && ctx.paraStyle === 'listItem') {
    return new Paragraph({ style: styleId(ctx), indent: { left: ptToTwip(ctx.leftPt), firstLine: 0 }, children });
  }
  return new Paragraph({ style: styleId(ctx), children });
}

export function writeBlocks(blocks: readonly Block[], ctx: Context, st: WriterState): Paragraph[] {
  const out: Out = [];
  for (const b of blocks) {
    const h = handlers[b.kind] as Handler<Block['kind']> | undefined;
    if (!h) throw new Error(`render/docx: no handler for block kind "${(b as { kind: string }).kind}"`);
    out.push(...h(b as never, ctx, st));
  }
  // Tables are body-level siblings of paragraphs; the section children type accepts both.
  return out as Paragraph[];
}
