/** mdast `html` (block or inline): raw HTML is an error in sources (docs/sources.md “The Markdown subset”). */
import type { Html } from 'mdast';
import { posOf, type Ctx } from './context.js';

export function html(node: Html, ctx: Ctx): [] {
  const snippet = node.value.split('\n')[0].slice(0, 40);
  ctx.diags.error(posOf(node, ctx), `raw HTML is not allowed: ${snippet}`);
  return [];
}
