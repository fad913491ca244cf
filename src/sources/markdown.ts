/**
 * The Markdown reader for piece bodies: CommonMark (remark-parse) + YAML front
 * matter + GFM (tables, footnotes, strikethrough, task lists) + remark-cjk-friendly.
 *
 * remark-cjk-friendly makes `**一、培育壮大数字产业集群。**加快…` a strong node: in
 * plain CommonMark a closing `**` after CJK punctuation and before a Han character
 * is not right-flanking and stays literal.
 *
 * A long piece is read in blocks of about `BLOCK_CHARS` characters, so reading stays
 * linear: micromark rewrites its whole list of events each time a container (block
 * quote, list, footnote definition) closes, which makes one parse of a text with n
 * containers cost n² (2,000 footnotes: 2.5 s, 4,000: 5.9 s). The tree is the one a
 * single parse gives:
 *
 * - a block starts at a line after a blank line whose first character cannot continue
 *   anything before it (not white space, not a list, quote, table, definition, HTML or
 *   fence marker), so only a fenced code block or an HTML block can run across it; a
 *   block whose last node is a fenced code block left open, or an HTML block, is
 *   joined with the next and read again;
 * - a reference (`[text][label]`, `[^note]`) is only a reference when its label is
 *   defined somewhere in the text: a block that mentions labels defined in other
 *   blocks is read again with stand-in definitions of them, whose nodes are dropped;
 * - positions are moved to the block's place in the file.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Nodes, Root, RootContent } from 'mdast';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly);

/** Target length of a block read at once, in UTF-16 units. */
export const BLOCK_CHARS = 32_768;

function parseOnce(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/** Parses a piece file (front matter included) to mdast with positions. */
export function parseMarkdown(text: string, blockChars = BLOCK_CHARS): Root {
  if (text.length <= blockChars) return parseOnce(text);
  const starts = blockStarts(text, blockChars);
  if (starts.length === 1) return parseOnce(text);
  return parseBlocks(text, starts);
}

/** Characters that may start a block: anything that cannot continue or open a container, a fence or HTML. */
const NOT_A_BLOCK_START = /^[\s>\-+*0-9|[<`~=_:\\!&]/;

/** Where the text's blocks start (offsets of line starts; the first is 0). */
export function blockStarts(text: string, blockChars: number): number[] {
  const starts = [0];
  let at = 0;
  // Front matter is read with the first block: start looking after its closing fence.
  if (/^---\r?\n/.test(text)) {
    const close = /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(text.slice(4));
    if (!close) return starts;
    at = 4 + close.index + close[0].length;
  }
  let prevBlank = false;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    const blank = line.trim() === '';
    if (prevBlank && !blank && !NOT_A_BLOCK_START.test(line) && at - starts[starts.length - 1]! >= blockChars) {
      starts.push(at);
    }
    prevBlank = blank;
    at = end + 1;
  }
  return starts;
}

/** micromark's label normalisation (micromark-util-normalize-identifier), lower-cased as mdast's `identifier`. */
function identifier(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();
}

/** Link and footnote definitions anywhere in a tree: identifier → label as written. */
function definitions(tree: Root): { links: Map<string, string>; notes: Map<string, string> } {
  const links = new Map<string, string>();
  const notes = new Map<string, string>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') links.set(node.identifier, node.label ?? node.identifier);
    if (node.type === 'footnoteDefinition') notes.set(node.identifier, node.label ?? node.identifier);
    if ('children' in node) for (const c of node.children) stack.push(c as Nodes);
  }
  return { links, notes };
}

/** Identifiers the text may reference: every `[…]` without brackets inside (footnote calls as `^…`). */
function mentioned(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\[([^[\]]{1,999})\]/g)) {
    const inner = m[1]!;
    out.add(inner.startsWith('^') ? `^${identifier(inner.slice(1))}` : identifier(inner));
  }
  return out;
}

/** True when a block's reading ends inside something that may go on past it: an open fence or an HTML block. */
function endsOpen(tree: Root, text: string): boolean {
  let node: Nodes | undefined = tree.children[tree.children.length - 1];
  while (
    node &&
    'children' in node &&
    node.children.length > 0 &&
    node.type !== 'paragraph' &&
    node.type !== 'heading'
  ) {
    node = node.children[node.children.length - 1] as Nodes;
  }
  if (!node) return false;
  if (node.type === 'html') return true;
  if (node.type !== 'code' || !node.position) return false;
  const source = text.slice(node.position.start.offset, node.position.end.offset);
  const fence = /^[ \t>]*(`{3,}|~{3,})/.exec(source);
  if (!fence) return false; // indented code ends at any line that is not indented
  const lines = source.split('\n');
  const last = lines[lines.length - 1]!.replace(/^[ \t>]*/, '');
  return lines.length === 1 || !last.startsWith(fence[1]!) || last.replace(/[`~]/g, '').trim() !== '';
}

/** Moves every position in `node` by `lines` lines and `offset` characters (columns stay: blocks start lines). */
function shift(node: Nodes, lines: number, offset: number): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) {
      n.position.start.line += lines;
      n.position.end.line += lines;
      if (n.position.start.offset !== undefined) n.position.start.offset += offset;
      if (n.position.end.offset !== undefined) n.position.end.offset += offset;
    }
    if ('children' in n) for (const c of n.children) stack.push(c as Nodes);
  }
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

interface Block {
  readonly start: number;
  readonly end: number;
  tree: Root;
}

function parseBlocks(text: string, starts: readonly number[]): Root {
  // Read each block; a block that ends open is joined with the next.
  const blocks: Block[] = [];
  for (let k = 0; k < starts.length;) {
    let j = k + 1;
    let end = j < starts.length ? starts[j]! : text.length;
    let tree = parseOnce(text.slice(starts[k], end));
    while (j < starts.length && endsOpen(tree, text.slice(starts[k], end))) {
      j++;
      end = j < starts.length ? starts[j]! : text.length;
      tree = parseOnce(text.slice(starts[k], end));
    }
    blocks.push({ start: starts[k]!, end, tree });
    k = j;
  }
  // Read again, with stand-in definitions, the blocks that mention labels defined in others.
  const all = blocks.map((b) => definitions(b.tree));
  const links = new Map<string, string>();
  const notes = new Map<string, string>();
  for (const d of all) {
    for (const [id, label] of d.links) if (!links.has(id)) links.set(id, label);
    for (const [id, label] of d.notes) if (!notes.has(id)) notes.set(id, label);
  }
  blocks.forEach((b, k) => {
    const own = all[k]!;
    const body = text.slice(b.start, b.end);
    const stubs: string[] = [];
    for (const id of mentioned(body)) {
      if (id.startsWith('^')) {
        const label = notes.get(id.slice(1));
        if (label !== undefined && !own.notes.has(id.slice(1))) stubs.push(`[^${label}]: x`);
      } else {
        const label = links.get(id);
        if (label !== undefined && !own.links.has(id)) stubs.push(`[${label}]: #`);
      }
    }
    if (stubs.length === 0) return;
    if (k === 0) {
      // After the block (front matter must stay first); the first block ends before a blank line.
      const tree = parseOnce(`${body}\n\n${stubs.join('\n\n')}\n`);
      tree.children = tree.children.filter((c) => (c.position?.start.offset ?? 0) < body.length);
      b.tree = tree;
    } else {
      const head = `${stubs.join('\n\n')}\n\n`;
      const tree = parseOnce(head + body);
      tree.children = tree.children.filter((c) => (c.position?.start.offset ?? 0) >= head.length);
      const headLines = countLines(head, 0, head.length);
      for (const c of tree.children) shift(c, -headLines, -head.length);
      b.tree = tree;
    }
  });
  // One tree, positions in the file.
  const children: RootContent[] = [];
  let line = 0;
  let from = 0;
  for (const b of blocks) {
    line += countLines(text, from, b.start);
    from = b.start;
    for (const c of b.tree.children) {
      if (b.start > 0) shift(c, line, b.start);
      children.push(c);
    }
  }
  const last = countLines(text, 0, text.length);
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: last + 1, column: lastLine.length + 1, offset: text.length },
    },
  };
}

const fragmentProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

/** Parses a piece of body text (no front matter: a leading `---` is a thematic break) to mdast with positions. */
export function parseFragment(text: string): Root {
  return fragmentProcessor.runSync(fragmentProcessor.parse(text)) as Root;
}
