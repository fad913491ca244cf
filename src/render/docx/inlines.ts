/**
 * Inline handlers: model inlines → runs. One handler per kind, dispatched from one table
 * (the unified habit). Lead and emphasis become the character styles HuibianLead /
 * HuibianEmphasis (ECMA-376 Part 1 §17.3.2.29 w:rStyle), never direct fonts; footnote
 * references become real Word footnotes (§17.11.14 w:footnoteReference); links are
 * HYPERLINK fields; hard breaks are w:br (§17.3.3.1).
 *
 * Line-breaking parity with the PDF: a URL or e-mail address carries a zero-width
 * space (U+200B) at each place the PDF's breaker may break it (layout's
 * `markUrlBreaks`; never w:softHyphen, which prints a hyphen); a run holding marks
 * whose width Word would otherwise take from the Latin font (— … “ ” ‘ ’ ·) says
 * w:rFonts w:hint="eastAsia" (§17.3.2.26), so Word sets them full-width as the PDF
 * does and adds no Latin–Han space around them.
 */
import { FootnoteReferenceRun, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Block, Inline } from '../../model/types.js';
import { DOCX_STYLES } from './style-ids.js';
import type { Context, WriterState } from './state.js';
import { fieldCharRun, fieldStart, quoteFieldArg } from './fields.js';
import type { StyleName as TStyleName } from '../../template/index.js';
import { markUrlBreaks } from '../../layout/index.js';

/** Where a URL may break, in the DOCX: a zero-width space (Word and LibreOffice break after it, print nothing). */
export const URL_BREAK = '\u200b';
/** Marks of ambiguous East Asian width the PDF always sets full-width as Chinese punctuation. */
const EAST_ASIAN_MARKS = /[—―⸺…⋯“”‘’·]/u;

type Handler<K extends Inline['kind']> = (
  node: Extract<Inline, { kind: K }>,
  ctx: Context,
  st: WriterState,
  blocks: BlockWriter,
) => ParagraphChild[];

/** Writes footnote bodies (blocks.ts), passed in to keep imports one way. */
export type BlockWriter = (blocks: readonly Block[], ctx: Context, st: WriterState) => Paragraph[];

function charStyleId(ctx: Context): string | undefined {
  return ctx.charStyle ? DOCX_STYLES[ctx.charStyle].id : undefined;
}

function faceStyle(ctx: Context): TStyleName {
  return ctx.charStyle ?? ctx.paraStyle;
}

function textRun(source: string, ctx: Context, st: WriterState, extraStyle?: string): TextRun {
  const text = markUrlBreaks(source, URL_BREAK);
  st.use(faceStyle(ctx), source);
  return new TextRun({
    text,
    style: extraStyle ?? charStyleId(ctx),
    ...(EAST_ASIAN_MARKS.test(text) ? { font: { hint: 'eastAsia' } } : {}),
    ...(ctx.strike ? { strike: true } : {}),
  });
}

const handlers: { [K in Inline['kind']]: Handler<K> } = {
  text: (n, ctx, st) => [textRun(n.text, ctx, st)],
  code: (n, ctx, st) => [textRun(n.text, ctx, st)],
  lead: (n, ctx, st, b) => writeInlines(n.children, { ...ctx, charStyle: 'lead' }, st, b),
  emphasis: (n, ctx, st, b) => writeInlines(n.children, { ...ctx, charStyle: 'emphasis' }, st, b),
  delete: (n, ctx, st, b) => writeInlines(n.children, { ...ctx, strike: true }, st, b),
  break: () => [new TextRun({ break: 1 })],
  link: (n, ctx, st, b) => {
    const inner = writeInlines(n.children, ctx, st, b);
    return [...fieldStart(`HYPERLINK ${quoteFieldArg(n.url)}`), ...inner, fieldCharRun('end')];
  },
  footnoteRef: (n, ctx, st, b) => {
    const piece = ctx.piece;
    const fn = piece?.footnotes.find((f) => f.id === n.id);
    if (!piece || !fn) {
      st.warnings.push({
        severity: 'warning',
        file: n.pos.file,
        line: n.pos.line,
        column: n.pos.column,
        message: `footnote [^${n.id}] has no definition; left out of the DOCX`,
      });
      return [];
    }
    const { id, fresh } = st.footnoteId(piece, fn);
    if (fresh) {
      st.footnotes[String(id)] = {
        children: b(fn.blocks, { ...ctx, paraStyle: 'footnote', charStyle: null, list: null }, st),
      };
    }
    st.use('footnoteRef', String(id));
    return [new FootnoteReferenceRun(id)];
  },
};

export function writeInlines(
  inlines: readonly Inline[],
  ctx: Context,
  st: WriterState,
  blocks: BlockWriter,
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of inlines) {
    const h = handlers[node.kind] as Handler<Inline['kind']> | undefined;
    if (!h) throw new Error(`render/docx: no handler for inline kind "${(node as { kind: string }).kind}"`);
    out.push(...h(node as never, ctx, st, blocks));
  }
  return out;
}

/** Plain text of inlines (for contents entries and alt texts). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((n) => ('text' in n ? n.text : 'children' in n ? inlineText(n.children) : '')).join('');
}
