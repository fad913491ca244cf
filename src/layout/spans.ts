/**
 * Collect: inline nodes → styled spans for the paragraph setter.
 *
 * `**…**` takes `styles.lead`, `*…*` `styles.emphasis` (docs/sources.md “The Markdown subset”), footnote
 * references `styles.footnoteRef` raised above the baseline; role, size and
 * weight always come from the style, never from code.
 */
import type { Inline, Pos } from '../model/types.js';
import type { ResolvedTemplate, Style } from '../template/index.js';
import type { ParagraphContent, StyledSpan } from './paragraph-types.js';
import { noteUrl } from './flow.js';

/** The inherited context while walking inlines (pandoc's writer habit: context apart from state). */
interface SpanContext {
  readonly style: Style;
  readonly strike: boolean;
  readonly url: string | null;
}

export function spanOf(text: string, style: Style, pos: Pos, extra: Partial<StyledSpan> = {}): StyledSpan {
  return {
    text,
    role: style.font,
    sizePt: style.sizePt,
    bold: style.bold,
    italic: style.italic,
    letterSpacingPt: style.letterSpacingPt,
    risePt: 0,
    strike: false,
    url: null,
    pos,
    ...extra,
  };
}

/** Inlines of one paragraph, in `base` style, to setter content. */
export function collectSpans(inlines: readonly Inline[], base: Style, t: ResolvedTemplate): ParagraphContent[] {
  const out: ParagraphContent[] = [];
  walk(inlines, { style: base, strike: false, url: null }, t, out);
  return out;
}

function walk(inlines: readonly Inline[], ctx: SpanContext, t: ResolvedTemplate, out: ParagraphContent[]): void {
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
        if (node.text) out.push(spanOf(node.text, ctx.style, node.pos, { strike: ctx.strike, url: ctx.url }));
        break;
      case 'code':
        if (node.text) out.push(spanOf(node.text, t.styles.code, node.pos, { strike: ctx.strike, url: ctx.url }));
        break;
      case 'lead':
        walk(node.children, { ...ctx, style: t.styles.lead }, t, out);
        break;
      case 'emphasis':
        walk(node.children, { ...ctx, style: t.styles.emphasis }, t, out);
        break;
      case 'delete':
        walk(node.children, { ...ctx, strike: true }, t, out);
        break;
      case 'link':
        walk(node.children, { ...ctx, url: node.url }, t, out);
        break;
      case 'footnoteRef': {
        const ref = t.styles.footnoteRef;
        // The url marks the reference for the paginator (its note goes to this line's page) and becomes a link to the note.
        out.push(
          spanOf(String(node.n), ref, node.pos, {
            risePt: Math.max(0, ctx.style.sizePt - ref.sizePt),
            url: noteUrl(node.n),
          }),
        );
        break;
      }
      case 'break':
        out.push({ kind: 'break' });
        break;
      default: {
        const never: never = node;
        throw new Error(`unknown inline ${(never as { kind: string }).kind}`);
      }
    }
  }
}

/** Plain text of inlines (outline titles, warnings). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((n) =>
      n.kind === 'text' || n.kind === 'code'
        ? n.text
        : n.kind === 'break'
          ? ' '
          : 'children' in n
            ? plainText(n.children)
            : '',
    )
    .join('');
}
