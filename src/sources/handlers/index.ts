/**
 * The dispatch tables: one handler per mdast node type (unified/mdast habit),
 * blocks and phrasing apart. A node type with no handler is an explicit
 * positioned error, never silently dropped.
 */
import type { Nodes } from 'mdast';
import type { Block, Inline } from '../../model/types.js';
import { posOf, type BlockHandler, type Ctx, type InlineHandler } from './context.js';
import { paragraph } from './paragraph.js';
import { heading } from './heading.js';
import { list } from './list.js';
import { blockquote } from './blockquote.js';
import { table } from './table.js';
import { code, inlineCode } from './code.js';
import { thematicBreak } from './thematic-break.js';
import { html } from './html.js';
import { footnoteDefinition, footnoteReference } from './footnote.js';
import { emphasis, lineBreak, strikethrough, strong, text } from './phrasing.js';
import { link, linkReference } from './link.js';
import { inlineImage } from './image.js';

/** Nodes that carry no content of their own where they stand. */
const nothing = (): [] => [];

const blockHandlers: Record<string, BlockHandler<never>> = {
  paragraph,
  heading,
  list,
  blockquote,
  table,
  code,
  thematicBreak,
  html,
  footnoteDefinition,
  definition: nothing, // link reference definitions: read before the body
  yaml: nothing, // front matter: read by ../front-matter.ts
};

const inlineHandlers: Record<string, InlineHandler<never>> = {
  text,
  strong,
  emphasis,
  delete: strikethrough,
  inlineCode,
  break: lineBreak,
  link,
  linkReference,
  footnoteReference,
  html,
  image: inlineImage,
  imageReference: inlineImage,
};

const DESCRIBE: Record<string, string> = { math: 'math', inlineMath: 'math', mdxJsxFlowElement: 'JSX' };

function unknown(node: Nodes, ctx: Ctx, where: string): [] {
  ctx.diags.error(posOf(node, ctx), `unsupported Markdown ${where} "${DESCRIBE[node.type] ?? node.type}"`);
  return [];
}

export function convertBlocks(nodes: readonly Nodes[], ctx: Ctx): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const handler = blockHandlers[node.type] as BlockHandler<Nodes> | undefined;
    out.push(...(handler ? handler(node, ctx) : unknown(node, ctx, 'block')));
  }
  return out;
}

export function convertInlines(nodes: readonly Nodes[], ctx: Ctx): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const handler = inlineHandlers[node.type] as InlineHandler<Nodes> | undefined;
    out.push(...(handler ? handler(node, ctx) : unknown(node, ctx, 'inline')));
  }
  return out;
}
