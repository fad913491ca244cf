/**
 * Nesting bounds for piece bodies (robustness: no input may crash or stall a build).
 *
 * CommonMark containers (block quotes, lists; CommonMark §5) nest without limit.
 * The block handlers recurse once per level, so 3,000 nested `>` overflowed the
 * stack (exit 3), and the Markdown parser slows sharply on deep indentation
 * (1,000 nested list levels, 1 MB of leading spaces, took minutes). Two checks keep
 * both bounded, each a positioned error:
 *
 * - before parsing, a line's container prefix (spaces, tabs, `>`, list markers) may
 *   be at most `MAX_PREFIX_CHARS` long;
 * - after parsing, block quotes and lists may nest at most `MAX_NESTING` deep
 *   (counted without recursion).
 *
 * Both are far beyond anything printable: each level indents by 2 em.
 */
import type { Nodes, Root } from 'mdast';
import type { Diagnostics } from '../model/diagnostics.js';

export const MAX_NESTING = 100;
export const MAX_PREFIX_CHARS = 400;

const PREFIX = /^(?:[ \t>]|[-+*][ \t]|\d{1,9}[.)][ \t])*/;

/**
 * Reports the first line whose container prefix is too long (and how many more); returns
 * those lines' numbers (1-based), none when the text may be parsed as it is.
 */
export function checkPrefixes(text: string, file: string, diags: Diagnostics): readonly number[] {
  const deep: number[] = [];
  let line = 0;
  for (const l of text.split('\n')) {
    line++;
    if (l.length > MAX_PREFIX_CHARS && PREFIX.exec(l.slice(0, MAX_PREFIX_CHARS + 1))![0].length > MAX_PREFIX_CHARS)
      deep.push(line);
  }
  if (deep.length === 0) return deep;
  const more = deep.length > 1 ? ` (and ${deep.length - 1} more lines)` : '';
  diags.error(
    { file, line: deep[0], column: 1 },
    `line is indented or nested by more than ${MAX_PREFIX_CHARS} characters of spaces, ">" and list markers${more}; nesting that deep cannot be printed`,
  );
  return deep;
}

/** Reports the first block quote or list nested deeper than `MAX_NESTING`; true when within bounds. */
export function checkNesting(tree: Root, file: string, diags: Diagnostics): boolean {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const d = node.type === 'blockquote' || node.type === 'list' ? depth + 1 : depth;
    if (d > MAX_NESTING) {
      const p = node.position?.start;
      diags.error(
        { file, line: p?.line ?? 1, column: p?.column ?? 1 },
        `block quotes and lists are nested more than ${MAX_NESTING} levels deep here; nesting that deep cannot be printed`,
      );
      return false;
    }
    if ('children' in node) for (const c of node.children) stack.push([c as Nodes, d]);
  }
  return true;
}
