/**
 * GFM footnotes: `footnoteReference` → FootnoteRefInline numbered per piece in
 * order of first reference; `footnoteDefinition` blocks are collected before the
 * body is read (see ../piece.ts) and produce nothing where they stand.
 */
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import { posOf, type BlockHandler, type InlineHandler } from './context.js';

export const footnoteReference: InlineHandler<FootnoteReference> = (node, ctx) => {
  const pos = posOf(node, ctx);
  if (!ctx.footnotes.definitions.has(node.identifier)) {
    ctx.diags.error(pos, `footnote "[^${node.label ?? node.identifier}]" has no definition`);
    return [];
  }
  return [{ kind: 'footnoteRef', id: node.identifier, n: ctx.footnotes.number(node.identifier), pos }];
};

export const footnoteDefinition: BlockHandler<FootnoteDefinition> = () => [];
