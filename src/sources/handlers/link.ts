/**
 * mdast `link` / `linkReference` → LinkInline (text kept; the URL becomes a link annotation / hyperlink).
 *
 * A bare URL in Chinese text is usually followed by Chinese with no space (`见https://a.cn/x，企业…`).
 * GFM's autolink literal runs until white space, so it swallows `，企业…` into the link. A URL holds only
 * ASCII (RFC 3986; non-ASCII must be percent-encoded), so a literal autolink is cut at its first
 * non-ASCII character, trailing punctuation trimmed as GFM trims it, and the rest is text again
 * (README, "Sources").
 */
import type { Link, LinkReference, Text } from 'mdast';
import type { Inline } from '../../model/types.js';
import { posOf, type Ctx, type InlineHandler } from './context.js';

export const link: InlineHandler<Link> = (node, ctx) =>
  literalAutolink(node, ctx) ?? [
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

/** Where a bare URL's text ends: before the first non-ASCII character, less trailing punctuation. */
export function urlLiteralEnd(text: string): number {
  const nonAscii = text.search(/[^\x21-\x7e]/);
  let end = nonAscii < 0 ? text.length : nonAscii;
  for (;;) {
    const last = text[end - 1];
    if (last !== undefined && '.,:;"\'!?*_~'.includes(last)) end--;
    else if (last === ')' && count(text.slice(0, end), '(') < count(text.slice(0, end), ')')) end--;
    else return end;
  }
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/**
 * A GFM autolink literal (its one text child spans exactly the link's source, no `[…]`/`<…>`) that runs on
 * into non-ASCII text: the link cut where the URL ends, the rest as text. Null for every other link.
 */
function literalAutolink(node: Link, ctx: Ctx): Inline[] | null {
  const child = node.children[0];
  if (node.children.length !== 1 || child?.type !== 'text') return null;
  const [ls, cs] = [node.position?.start.offset, child.position?.start.offset];
  if (ls === undefined || ls !== cs || node.position?.end.offset !== child.position?.end.offset) return null;
  const literal = (child as Text).value;
  const end = urlLiteralEnd(literal);
  if (end === literal.length || end === 0 || !node.url.endsWith(literal)) return null;
  const scheme = node.url.slice(0, node.url.length - literal.length);
  const pos = posOf(node, ctx);
  return [
    {
      kind: 'link',
      url: scheme + literal.slice(0, end),
      children: [{ kind: 'text', text: literal.slice(0, end), pos }],
      pos,
    },
    { kind: 'text', text: literal.slice(end), pos: { ...pos, column: pos.column + end } },
  ];
}
