/**
 * Simple phrasing nodes: `text`, `strong` → lead (黑体 run-in lead, docs/sources.md “The Markdown subset”),
 * `emphasis` (楷体), `delete` (GFM strikethrough), `break` (hard line break).
 * Soft breaks inside text are resolved at paragraph level (../soft-breaks.ts).
 */
import type { Break, Delete, Emphasis, Strong, Text } from 'mdast';
import { posOf, type InlineHandler } from './context.js';
import { undefinedFootnoteCalls } from './footnote.js';

export const text: InlineHandler<Text> = (node, ctx) => {
  undefinedFootnoteCalls(node, ctx);
  return [{ kind: 'text', text: node.value, pos: posOf(node, ctx) }];
};

export const strong: InlineHandler<Strong> = (node, ctx) => [
  { kind: 'lead', children: ctx.inlines(node.children, ctx), pos: posOf(node, ctx) },
];

export const emphasis: InlineHandler<Emphasis> = (node, ctx) => [
  { kind: 'emphasis', children: ctx.inlines(node.children, ctx), pos: posOf(node, ctx) },
];

export const strikethrough: InlineHandler<Delete> = (node, ctx) => [
  { kind: 'delete', children: ctx.inlines(node.children, ctx), pos: posOf(node, ctx) },
];

export const lineBreak: InlineHandler<Break> = (node, ctx) => [{ kind: 'break', pos: posOf(node, ctx) }];
