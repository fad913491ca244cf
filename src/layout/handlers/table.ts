/** A GFM table: set by ../table.ts (columns, rows split across pages with the header repeated). */
import { addTable } from '../table.js';
import type { BlockHandler } from './context.js';

export const table: BlockHandler<'table'> = (env, b, block, frame) => addTable(env, b, block, frame);
