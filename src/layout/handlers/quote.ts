/** A block quote: its blocks in the `quote` style, indented by the style's left and right indents. */
import type { BlockHandler } from './context.js';

export const quote: BlockHandler<'quote'> = (env, b, block, frame, addBlocks) => {
  const q = env.t.styles.quote;
  addBlocks(env, b, block.blocks, {
    leftPt: frame.leftPt + q.leftIndentPt,
    rightPt: frame.rightPt + q.rightIndentPt,
    paraStyle: { ...q, leftIndentPt: 0, rightIndentPt: 0 },
  });
};
