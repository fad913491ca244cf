/**
 * The Markdown reader for piece bodies: CommonMark (remark-parse) + YAML front
 * matter + GFM (tables, footnotes, strikethrough, task lists) + remark-cjk-friendly.
 *
 * remark-cjk-friendly makes `**一、培育壮大数字产业集群。**加快…` a strong node: in
 * plain CommonMark a closing `**` after CJK punctuation and before a Han character
 * is not right-flanking and stays literal.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly);

const fragmentProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

/** Parses a piece file (front matter included) to mdast with positions. */
export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/** Parses a piece of body text (no front matter: a leading `---` is a thematic break) to mdast with positions. */
export function parseFragment(text: string): Root {
  return fragmentProcessor.runSync(fragmentProcessor.parse(text)) as Root;
}
