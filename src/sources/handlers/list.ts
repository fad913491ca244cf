/**
 * mdast `list` / `listItem` → ListBlock with nested depth (1 = top level),
 * ordered start number and GFM task state.
 */
import type { List } from 'mdast';
import type { ListItem } from '../../model/types.js';
import { posOf, type BlockHandler } from './context.js';

export const list: BlockHandler<List> = (node, ctx) => {
  const depth = ctx.listDepth + 1;
  const inner = { ...ctx, listDepth: depth, atTop: false };
  const items: ListItem[] = node.children.map((item) => ({
    blocks: ctx.blocks(item.children, inner),
    checked: item.checked ?? null,
    pos: posOf(item, ctx),
  }));
  return [
    { kind: 'list', ordered: node.ordered ?? false, start: node.start ?? 1, depth, items, pos: posOf(node, ctx) },
  ];
};
