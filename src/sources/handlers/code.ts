/** mdast `code` (fenced or indented) → CodeBlock of preformatted lines; `inlineCode` → CodeInline. */
import type { Code, InlineCode } from 'mdast';
import { posOf, type BlockHandler, type InlineHandler } from './context.js';

export const code: BlockHandler<Code> = (node, ctx) => [
  { kind: 'code', lines: node.value.split(/\r?\n/), pos: posOf(node, ctx) },
];

export const inlineCode: InlineHandler<InlineCode> = (node, ctx) => [
  { kind: 'code', text: node.value, pos: posOf(node, ctx) },
];
