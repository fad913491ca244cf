/** Hand-built document models (and set lines) for layout tests. */
import type { SetLine } from '../../../src/layout/paragraph-types.js';
import type { Block, Collection, Part, Piece, Pos } from '../../../src/model/types.js';

/** A set line with no text, 8.8 pt above and 1.2 pt below the baseline (10 pt type): pagination tests count lines. */
export const emptyLine = (): SetLine => ({
  runs: [],
  hasTrailer: false,
  ascentPt: 8.8,
  descentPt: 1.2,
  widthPt: 0,
  overfull: false,
});

export const pos = (file = 'p.md', line = 1): Pos => ({ file, line, column: 1 });

/** A paragraph of `chars` Han characters (10 per line of the test template → ⌈chars/10⌉ lines with a 2-char indent). */
export function para(text: string): Block {
  return { kind: 'paragraph', inlines: [{ kind: 'text', text, pos: pos() }], pos: pos() };
}

/** A list at `depth` (numbered from 1 when `ordered`) whose items hold the given blocks. */
export function listOf(ordered: boolean, depth: number, items: Block[][]): Block {
  return {
    kind: 'list',
    ordered,
    start: 1,
    depth,
    pos: pos(),
    items: items.map((blocks) => ({ blocks, checked: null, pos: pos() })),
  };
}

/** `n` Han characters that fill exactly `lines` lines after the 2 em first-line indent (8 + 10·(lines−1)). */
export function hanLines(lines: number, ch = '文'): string {
  return ch.repeat(8 + 10 * (lines - 1));
}

export function piece(n: number, blocks: Block[], over: Partial<Piece> = {}): Piece {
  return {
    n,
    id: `p${n}`,
    file: `${String(n).padStart(2, '0')}.md`,
    title: `标题${n}`,
    subtitle: null,
    role: '书记',
    author: `作者${n}`,
    byline: `书记作者${n}`,
    date: null,
    blocks,
    footnotes: [],
    pos: pos(`${n}.md`),
    ...over,
  };
}

export function collection(pieces: Piece[], over: Partial<Collection> = {}, parts: Part[] = []): Collection {
  return {
    id: 'test',
    dir: '/tmp/test-collection',
    title: '汇编',
    showCount: true,
    banner: null,
    template: null,
    lang: 'zh-CN',
    pieces,
    parts,
    pos: pos('collection.yaml'),
    ...over,
  };
}
