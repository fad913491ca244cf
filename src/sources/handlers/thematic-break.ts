/** mdast `thematicBreak` (`---`) → ThematicBreakBlock: a break between sections of a piece. */
import type { ThematicBreak } from 'mdast';
import { posOf, type BlockHandler } from './context.js';

export const thematicBreak: BlockHandler<ThematicBreak> = (node, ctx) => [
  { kind: 'thematicBreak', pos: posOf(node, ctx) },
];
