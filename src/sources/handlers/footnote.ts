/**
 * GFM footnotes: `footnoteReference` → FootnoteRefInline numbered per piece in
 * order of first reference; `footnoteDefinition` blocks are collected before the
 * body is read (see ../piece.ts) and produce nothing where they stand.
 *
 * GFM makes `[^x]` a reference only when `x` is defined; otherwise it stays text.
 * `undefinedFootnoteCalls` finds such calls in a text node's source (an escaped
 * `\[^x]` is meant as text) and reports each at its `[`, as docs/sources.md asks.
 */
import type { FootnoteDefinition, FootnoteReference, Text } from 'mdast';
import { posOf, type BlockHandler, type Ctx, type InlineHandler } from './context.js';

const NO_DEFINITION = (label: string): string => `footnote "[^${label}]" has no definition`;

/** A footnote call with no such footnote, left as text by GFM. */
const LITERAL_CALL = /(?<!\\)\[\^([^\]\s]+)\]/g;

export const footnoteReference: InlineHandler<FootnoteReference> = (node, ctx) => {
  const pos = posOf(node, ctx);
  if (!ctx.footnotes.definitions.has(node.identifier)) {
    ctx.diags.error(pos, NO_DEFINITION(node.label ?? node.identifier));
    return [];
  }
  return [{ kind: 'footnoteRef', id: node.identifier, n: ctx.footnotes.number(node.identifier), pos }];
};

/** Reports every `[^label]` left as text in a text node (no definition of `label`). */
export function undefinedFootnoteCalls(node: Text, ctx: Ctx): void {
  const start = node.position?.start;
  const end = node.position?.end;
  if (
    !node.value.includes('[^') ||
    ctx.source === undefined ||
    start?.offset === undefined ||
    end?.offset === undefined
  )
    return;
  const raw = ctx.source.slice(start.offset, end.offset);
  let line = start.line;
  let lineStart = -start.column + 1; // offset in `raw` of the line's first character
  let seen = 0;
  for (const m of raw.matchAll(LITERAL_CALL)) {
    for (let i = raw.indexOf('\n', seen); i !== -1 && i < m.index; i = raw.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    seen = m.index;
    ctx.diags.error({ file: ctx.file, line, column: m.index - lineStart + 1 }, NO_DEFINITION(m[1]!));
  }
}

export const footnoteDefinition: BlockHandler<FootnoteDefinition> = () => [];
