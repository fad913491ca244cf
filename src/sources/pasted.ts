/**
 * Slips of text pasted from Word or web pages, which would change the print silently
 * (README, “Sources”): the style indents every paragraph, so
 *
 * - spaces, tabs or ideographic spaces (U+3000) before a paragraph's text are dropped, and
 *   ideographic spaces starting a line inside a paragraph;
 * - text indented by a tab or four spaces — an indented code block to CommonMark — is read
 *   as paragraphs (its `**lead**` and `*emphasis*` work); fenced code stays code.
 *
 * Each is reported as a positioned warning so the author can clean the source.
 */
import type { Code, Nodes, Paragraph, Root } from 'mdast';
import type { Pos } from '../model/types.js';
import { parseFragment } from './markdown.js';
import { posOf, type Ctx } from './handlers/context.js';

const LEADING = /^[ \t\u3000]+/;

/** `2 ideographic spaces`, `1 tab`, `3 spaces and 1 ideographic space`: what a run of indentation holds. */
export function describeIndent(run: string): string {
  const count = (re: RegExp) => (run.match(re) ?? []).length;
  const parts: string[] = [];
  const add = (n: number, one: string, many: string) => {
    if (n) parts.push(`${n} ${n === 1 ? one : many}`);
  };
  add(count(/ /g), 'space', 'spaces');
  add(count(/\t/g), 'tab', 'tabs');
  add(count(/\u3000/g), 'ideographic space', 'ideographic spaces');
  return parts.join(' and ');
}

/** Where each line of the last source asked about starts: one piece is read at a time, so one entry serves. */
let lineIndex: { source: string; starts: number[] } | null = null;

/** The source line (1-based) of `source`, without its line ending; constant time after a first pass over the source. */
function sourceLine(source: string, line: number): string {
  if (lineIndex?.source !== source) {
    const starts = [0];
    for (let nl = source.indexOf('\n'); nl >= 0; nl = source.indexOf('\n', nl + 1)) starts.push(nl + 1);
    lineIndex = { source, starts };
  }
  const at = lineIndex.starts[line - 1];
  if (at === undefined) return '';
  const next = lineIndex.starts[line];
  return source.slice(at, next === undefined ? source.length : next - 1).replace(/\r$/, '');
}

/**
 * Drops the indentation in front of a paragraph's text: ideographic spaces and tabs left in
 * its first text node, and — for a paragraph of the body itself — the ASCII spaces the
 * Markdown reader already skipped (seen in the source before the paragraph's column).
 */
export function dropParagraphIndent(node: Paragraph, ctx: Ctx): void {
  let run = '';
  let pos: Pos = posOf(node, ctx);
  if (ctx.atTop && ctx.source !== undefined && node.position) {
    const before = sourceLine(ctx.source, node.position.start.line).slice(0, node.position.start.column - 1);
    if (before !== '' && LEADING.exec(before)?.[0] === before) {
      run = before;
      pos = { ...pos, column: 1 };
    }
  }
  const first = node.children[0];
  if (first?.type === 'text') {
    const lead = LEADING.exec(first.value)?.[0] ?? '';
    if (lead) {
      first.value = first.value.slice(lead.length);
      run += lead;
    }
  }
  if (run) {
    ctx.diags.warning(
      pos,
      `paragraph starts with ${describeIndent(run)}, dropped: the style indents the first line (delete them from the source)`,
    );
  }
  dropLineIndents(node, ctx);
}

/**
 * Ideographic spaces at the start of a line inside a paragraph (Word paragraphs pasted one a
 * line, without the blank line between them) are dropped too, each line warned about: they
 * would print as a gap in the middle of the joined paragraph.
 */
function dropLineIndents(node: Paragraph, ctx: Ctx): void {
  for (const child of node.children) {
    if (child.type !== 'text' || !child.position || !child.value.includes('\n')) continue;
    const startLine = child.position.start.line;
    let line = startLine;
    child.value = child.value.replace(
      /\n([ \t]*)(\u3000[ \t\u3000]*)|\n/g,
      (whole, before: string, run: string | undefined) => {
        line++;
        if (run === undefined) return whole;
        const text = ctx.source === undefined ? '' : sourceLine(ctx.source, line);
        const at = text.indexOf('\u3000');
        ctx.diags.warning(
          { file: ctx.file, line, column: at < 0 ? 1 : at + 1 },
          `line starts with ${describeIndent(run)} inside a paragraph, dropped: a blank line before it starts a new paragraph`,
        );
        return '\n' + before;
      },
    );
  }
}

/** Whether a `code` node is indented text rather than a fenced block (``` or ~~~). */
export function isIndentedCode(node: Code, source: string): boolean {
  const start = node.position?.start.offset;
  if (start === undefined) return false;
  return !/^[ \t]*(```|~~~)/.test(source.slice(start, start + 16));
}

/** Moves every position in `node` (parsed from a fragment) to where its text stands in the piece. */
function relocate(node: Nodes, map: (line: number, column: number) => { line: number; column: number }): void {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      for (const end of [n.position.start, n.position.end]) {
        const to = map(end.line, end.column);
        end.line = to.line;
        end.column = to.column;
        end.offset = undefined;
      }
    }
    if ('children' in n) stack.push(...(n.children as Nodes[]));
  }
}

/**
 * Indented text → the blocks it reads as once its lines' indentation is removed (a
 * paragraph, or several separated by blank lines), positioned in the piece, with a warning.
 */
export function readIndentedText(node: Code, ctx: Ctx): Nodes[] {
  const source = ctx.source ?? '';
  const startLine = node.position?.start.line ?? 1;
  const lines = node.value.split(/\r?\n/).map((l) => l.replace(LEADING, ''));
  // Where each line's text starts in the source (column, 1-based).
  const columns = lines.map((text, i) => {
    const src = sourceLine(source, startLine + i);
    const at = text ? src.indexOf(text) : -1;
    return at < 0 ? 1 : at + 1;
  });
  const tree: Root = parseFragment(lines.join('\n'));
  relocate(tree, (line, column) => ({ line: startLine + line - 1, column: (columns[line - 1] ?? 1) + column - 1 }));
  // One warning per block read, at its first line's indentation.
  for (const block of tree.children) {
    const line = block.position?.start.line ?? startLine;
    const column = block.position?.start.column ?? 1;
    const indent = /[ \t\u3000]*$/.exec(sourceLine(source, line).slice(0, column - 1))?.[0] ?? '';
    ctx.diags.warning(
      { file: ctx.file, line, column: column - indent.length },
      `text indented by ${describeIndent(indent) || 'spaces'} read as a paragraph, not as code: delete the indentation (code goes between \`\`\` fences)`,
    );
  }
  return tree.children as Nodes[];
}
