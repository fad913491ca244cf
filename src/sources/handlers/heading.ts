/**
 * mdast `heading` → HeadingBlock (docs/sources.md “The Markdown subset”): `##`…`#####` are a piece's levels 1–4;
 * `#` is an error (the piece's title comes from its front matter), and so is `######`.
 * Numbering (一、/（一）/1./（1）) is written in the text, never generated.
 */
import type { Heading } from 'mdast';
import { resolveSoftBreaks } from '../soft-breaks.js';
import { posOf, type BlockHandler } from './context.js';

export const heading: BlockHandler<Heading> = (node, ctx) => {
  const pos = posOf(node, ctx);
  if (node.depth === 1) {
    ctx.diags.error(pos, 'a "#" heading is not allowed in a piece: the title comes from the front matter (use "##" for a level-1 heading)');
    return [];
  }
  if (node.depth === 6) {
    ctx.diags.error(pos, 'a "######" heading is too deep: pieces have four heading levels, "##" to "#####"');
    return [];
  }
  const level = (node.depth - 1) as 1 | 2 | 3 | 4;
  return [{ kind: 'heading', level, inlines: resolveSoftBreaks(ctx.inlines(node.children, ctx)), pos }];
};
