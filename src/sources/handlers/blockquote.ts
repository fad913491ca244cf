/** mdast `blockquote` → QuoteBlock (its children read as blocks). */
import type { Blockquote } from 'mdast';
import { posOf, type BlockHandler } from './context.js';

export const blockquote: BlockHandler<Blockquote> = (node, ctx) => [
  { kind: 'quote', blocks: ctx.blocks(node.children, { ...ctx, atTop: false }), pos: posOf(node, ctx) },
];
