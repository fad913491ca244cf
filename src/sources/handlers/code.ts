/**
 * mdast `code` → CodeBlock of preformatted lines when fenced; indented “code” in a speech
 * is pasted text and is read as paragraphs, with a warning (../pasted.ts). `inlineCode` → CodeInline.
 */
import type { Code, InlineCode } from 'mdast';
import { isIndentedCode, readIndentedText } from '../pasted.js';
import { posOf, type BlockHandler, type InlineHandler } from './context.js';

export const code: BlockHandler<Code> = (node, ctx) => {
  if (ctx.source !== undefined && isIndentedCode(node, ctx.source)) {
    return ctx.blocks(readIndentedText(node, ctx), { ...ctx, atTop: false });
  }
  return [{ kind: 'code', lines: node.value.split(/\r?\n/), pos: posOf(node, ctx) }];
};

export const inlineCode: InlineHandler<InlineCode> = (node, ctx) => [
  { kind: 'code', text: node.value, pos: posOf(node, ctx) },
];
