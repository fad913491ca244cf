/** A paragraph: its inlines in the frame's paragraph style, splittable across pages. */
import { addParagraph } from '../blocks.js';
import { collectSpans } from '../spans.js';
import type { BlockHandler } from './context.js';

export const paragraph: BlockHandler<'paragraph'> = (env, b, block, frame) => {
  addParagraph(env, b, {
    content: collectSpans(block.inlines, frame.paraStyle, env.t),
    style: frame.paraStyle,
    frame,
    splittable: true,
    keepWithNext: false,
  });
};
