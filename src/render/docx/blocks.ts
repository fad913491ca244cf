/**
 * Block handlers: model blocks → Word paragraphs and tables, one handler per kind.
 *
 * Paragraphs carry only a style id (ECMA-376 Part 1 §17.3.1.27 w:pStyle); lists are real
 * Word numbering (§17.9 w:numPr, levels from the template's `list:` markers 1．（1）●);
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
import { THEMATIC_BREAK_MARK, typeArea } from '../../template/index.js';
import { DOCX_STYLES } from './style-ids.js';
import type { Context, NumberingLevelDef, WriterState } from './state.js';
import { writeInlines } from './inlines.js';
import { bookmarkAround } from './fields.js';
import { headingBookmark } from './headings.js';
import { itemIndent } from '../../layout/index.js';
import { listMarker } from '../../model/placeholders.js';
import { ptToPx96, ptToTwip, px96ToPt } from './units.js';

type Out = (Paragraph | Table)[];
type Handler<K extends Block['kind']> = (node: Extract<Block, { kind: K }>, ctx: Context, st: WriterState) => Out;

function styleId(ctx: Context): string {
  return DOCX_STYLES[ctx.paraStyle].id;
}

function textWidthPt(st: WriterState): number {
  return typeArea(st.template.page).widthPt;
}

/**
 * Word's level for a template marker: `{n}` → decimal `%1`, `{cn}` → chineseCounting (一、二、),
 * a bullet as written; the number's level is `level` (0-based), whose own start is `start`.
 */
export function levelDef(marker: string, level: number, ordered: boolean, start: number): NumberingLevelDef {
  if (!ordered) return { level, format: 'none', text: marker, start: 1 };
  const format = marker.includes('{cn}') ? 'chineseCounting' : 'decimal';
  return { level, format, text: marker.replace(/\{cn\}|\{n\}/g, `%${level + 1}`), start };
}

/**
 * The numbering definition of a list (one per kind, depth and start number): its level
 * `depth - 1` carries the template's marker for that depth, as the PDF numbers it.
 */
function listReference(node: ListBlock, st: WriterState): string {
  const ref = `huibian-${node.ordered ? 'ol' : 'ul'}-${node.depth}-${node.start}`;
  if (!st.numbering.has(ref)) {
    const { list } = st.template;
    const entries = node.ordered ? list.numbering : list.bullets;
    const levels: NumberingLevelDef[] = [];
    for (let l = 0; l < 9; l++) {
      const marker = entries[Math.min(l, entries.length - 1)];
      levels.push(levelDef(marker, l, node.ordered, l === node.depth - 1 ? node.start : 1));
    }
    st.numbering.set(ref, levels);
  }
  return ref;
}

/**
 * Column widths (twips) of a table: the PDF's (LayoutFacts.tableColumns, found by the
 * table's id) when the layout recorded this table — those of a piece's body — else equal
 * shares of the text width. Fixed layout (§17.4.53 w:tblLayout) keeps them as given.
 */
function columnWidthsTwip(n: Extract<Block, { kind: 'table' }>, cols: number, st: WriterState): number[] {
  const pdf = st.facts.tableWidthsPt(n.id, cols);
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
    // Found by id among the piece's headings (model/headings.ts); a footnote's own headings are not there.
    const index = ctx.piece ? st.headingIndex(ctx.piece, n.id) : null;
    const listed = index !== null && n.level <= st.template.contents.headingLevels;
    const children = listed ? bookmarkAround(headingBookmark(ctx.piece!.n, index), st.bookmarkId(), kids) : kids;
    return [new Paragraph({ style: styleId(hctx), children })];
  },
  list: (n, ctx, st) => {
    // Each list is its own numbering instance at the level of its depth (Word restarts it, as the PDF does).
    const reference = listReference(n, st);
    const level = Math.min(n.depth - 1, 8);
    const instance = st.listInstance();
    const lctx: Context = { ...ctx, paraStyle: 'listItem', list: { reference, instance, level } };
    const out: Out = [];
    n.items.forEach((item, k) => {
      const ind = itemIndent(st.template, ctx.leftPt ?? 0, listMarker(st.template.list, n, k));
      item.blocks.forEach((b, i) => {
        if (i === 0 && b.kind === 'paragraph') {
          const prefix = item.checked === null ? '' : item.checked ? '☑ ' : '☐ ';
          const kids = writeInlines(b.inlines, lctx, st, writeBlocks);
          if (prefix) st.use('listItem', prefix);
          out.push(
            new Paragraph({
              style: styleId(lctx),
              numbering: { reference, level, instance },
              indent:
                ind.firstLinePt >= 0
                  ? { left: ptToTwip(ind.leftPt), firstLine: ptToTwip(ind.firstLinePt) }
                  : { left: ptToTwip(ind.leftPt), hanging: ptToTwip(-ind.firstLinePt) },
              children: prefix ? [new TextRun(prefix), ...kids] : kids,
            }),
          );
        } else {
          out.push(...writeBlocks([b], lctx, st));
        }
      });
    });
    return out;
  },
  // The quote style indents its own paragraphs; a list inside starts at the quote's left as in the PDF.
  quote: (n, ctx, st) =>
    writeBlocks(
      n.blocks,
      { ...ctx, paraStyle: 'quote', leftPt: (ctx.leftPt ?? 0) + st.template.styles.quote.leftIndentPt },
      st,
    ),
  table: (n, ctx, st) => {
    const cols = Math.max(1, ...n.rows.map((r) => r.length));
    const colsTwip = columnWidthsTwip(n, cols, st);
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
  // A list item's further paragraphs inside an indented block start at its left (as the PDF).
  if (ctx.leftPt && ctx.paraStyle === 'listItem') {
    const style = DOCX_STYLES.listItem;
    return new Paragraph({ style: style.id, indent: { left: ptToTwip(ctx.leftPt) }, children });
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
