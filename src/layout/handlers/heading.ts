/**
 * A heading (levels 1–4, styles heading1…4): kept with what follows, balanced when centred,
 * and — in a piece's body — a destination found by the heading's node id (../headings.ts).
 */
import { addParagraph } from '../blocks.js';
import { collectSpans } from '../spans.js';
import type { BlockHandler } from './context.js';

export const heading: BlockHandler<'heading'> = (env, b, block, frame) => {
  const style = env.t.styles[`heading${block.level}` as const];
  // A heading of a piece's body is a destination (found by its id); a footnote's own headings are not.
  const dest = b.headingDests?.get(block.id);
  const anchors = dest === undefined ? [] : [{ kind: 'dest' as const, name: dest }];
  addParagraph(env, b, {
    content: collectSpans(block.inlines, style, env.t),
    style,
    frame,
    splittable: false,
    keepWithNext: true,
    anchors,
    balance: true,
  });
};
