/**
 * The dispatch table: one handler per model block kind (as sources/handlers/ has one per
 * mdast node type). Nested blocks (quotes, list items, footnotes) come back through
 * `addBlocks`, which each handler receives, so handlers never import each other. Adding a
 * block kind to the model makes this table fail to type-check until it has a handler.
 */
import type { Block } from '../../model/types.js';
import type { FlowBuilder, NoteLookup } from '../builder.js';
import type { BlockEnv, Frame } from '../blocks.js';
import type { BlockHandler } from './context.js';
import { paragraph } from './paragraph.js';
import { heading } from './heading.js';
import { list } from './list.js';
import { quote } from './quote.js';
import { code } from './code.js';
import { thematicBreak } from './thematic-break.js';
import { image } from './image.js';
import { table } from './table.js';
import { pieceNotes as notesOf } from './footnote.js';
import type { Footnote } from '../../model/types.js';

const handlers: { readonly [K in Block['kind']]: BlockHandler<K> } = {
  paragraph,
  heading,
  list,
  quote,
  code,
  thematicBreak,
  image,
  table,
};

/** Sets blocks one after another into the flow, each by its kind's handler. */
export function addBlocks(env: BlockEnv, b: FlowBuilder, blocks: readonly Block[], frame: Frame): void {
  for (const block of blocks) (handlers[block.kind] as BlockHandler<Block['kind']>)(env, b, block, frame, addBlocks);
}

/** A piece's footnotes, each set once when first referenced (footnote.ts). */
export function pieceNotes(env: BlockEnv, piece: number, notes: readonly Footnote[]): NoteLookup {
  return notesOf(env, piece, notes, addBlocks);
}
