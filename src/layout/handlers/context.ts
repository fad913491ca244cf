/**
 * What every block handler receives: the environment nobody changes (blocks.ts BlockEnv),
 * the flow being built, the block, the inherited frame, and `addBlocks` to set nested blocks
 * back through the dispatch table (index.ts), so handlers never import each other.
 */
import type { Block } from '../../model/types.js';
import type { FlowBuilder } from '../builder.js';
import type { BlockEnv, Frame } from '../blocks.js';

export type AddBlocks = (env: BlockEnv, b: FlowBuilder, blocks: readonly Block[], frame: Frame) => void;

export type BlockHandler<K extends Block['kind']> = (
  env: BlockEnv,
  b: FlowBuilder,
  block: Extract<Block, { kind: K }>,
  frame: Frame,
  addBlocks: AddBlocks,
) => void;
