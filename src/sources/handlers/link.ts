/** mdast `link` / `linkReference` → LinkInline (text kept; the URL becomes a link annotation / hyperlink). */
import type { Link, LinkReference } from 'mdast';
import { posOf, type InlineHandler } from './context.js';

export const link: InlineHandler<Link> = (node, ctx) => [
  { kind: 'link', url: node.url, children: ctx.inlines(node.children, ctx), pos: posOf(node, ctx) },
];

export const linkReference: InlineHandler<LinkReference> = (node, ctx) => {
  const def = ctx.definitions.get(node.identifier);
  const children = ctx.inlines(node.children, ctx);
  if (!def) {
    ctx.diags.error(posOf(node, ctx), `link reference "${node.label ?? node.identifier}" has no definition`);
    return children;
  }
  return [{ kind: 'link', url: def.url, children, pos: posOf(node, ctx) }];
};
