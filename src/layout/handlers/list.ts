/** A list: each item a paragraph of the `listItem` style opening with its marker (GB/T 9704); nested blocks through `addBlocks`. */
import { listMarker } from '../../model/placeholders.js';
import { addParagraph, type Frame } from '../blocks.js';
import { collectSpans, spanOf } from '../spans.js';
import type { BlockHandler } from './context.js';

/**
 * A list as GB/T 9704 sets numbered paragraphs: each item is a paragraph of the
 * `listItem` style whose text begins with its marker — the style's first-line indent
 * (2 em) before the marker, wrapped lines back at the style's left (the margin), no
 * hanging indent. A nested list is set the same way (its markers tell the depth); an
 * item's further blocks are paragraphs of the same style.
 */
export const list: BlockHandler<'list'> = (env, b, list, frame, addBlocks) => {
  const style = env.t.styles.listItem;
  const inner: Frame = { ...frame, paraStyle: style };
  list.items.forEach((item, i) => {
    const marker = spanOf(listMarker(env.t.list, list, i), style, item.pos);
    const [first, ...rest] = item.blocks;
    if (first && first.kind === 'paragraph') {
      addParagraph(env, b, {
        content: [marker, ...collectSpans(first.inlines, style, env.t)],
        style,
        frame,
        splittable: true,
        keepWithNext: false,
      });
      addBlocks(env, b, rest, inner);
    } else {
      addParagraph(env, b, { content: [marker], style, frame, splittable: false, keepWithNext: true });
      addBlocks(env, b, item.blocks, inner);
    }
  });
};
