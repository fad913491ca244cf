/** mdast `table` (GFM) → TableBlock: column alignment and rows of cells, `rows[0]` the header. */
import type { Table } from 'mdast';
import type { CellAlign, TableCell } from '../../model/types.js';
import { resolveSoftBreaks } from '../soft-breaks.js';
import { posOf, type BlockHandler } from './context.js';

export const table: BlockHandler<Table> = (node, ctx) => {
  const align: CellAlign[] = (node.align ?? []).map((a) => a ?? null);
  const rows: TableCell[][] = node.children.map((row) =>
    row.children.map((cell) => ({
      inlines: resolveSoftBreaks(ctx.inlines(cell.children, ctx)),
      pos: posOf(cell, ctx),
    })),
  );
  return [{ kind: 'table', id: ctx.ids.next('t'), align, rows, pos: posOf(node, ctx) }];
};
