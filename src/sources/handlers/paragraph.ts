/**
 * mdast `paragraph` → ParagraphBlock, or an ImageBlock when the paragraph is one
 * image and nothing else (CommonMark puts block images inside paragraphs).
 * Soft breaks are joined per docs/sources.md “Soft line breaks” (see ../soft-breaks.ts); indentation before the
 * text is dropped with a warning (../pasted.ts).
 */
import type { Paragraph } from 'mdast';
import type { Block } from '../../model/types.js';
import { resolveSoftBreaks } from '../soft-breaks.js';
import { imageBlock } from './image.js';
import { dropParagraphIndent } from '../pasted.js';
import { posOf, type BlockHandler } from './context.js';

export const paragraph: BlockHandler<Paragraph> = (node, ctx) => {
  const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (meaningful.length === 1 && (meaningful[0].type === 'image' || meaningful[0].type === 'imageReference')) {
    const img = imageBlock(meaningful[0], ctx);
    return img ? [img] : [];
  }
  dropParagraphIndent(node, ctx);
  const inlines = resolveSoftBreaks(ctx.inlines(node.children, ctx));
  const block: Block = { kind: 'paragraph', inlines, pos: posOf(node, ctx) };
  return [block];
};
