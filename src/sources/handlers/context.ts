/**
 * What every mdast handler receives: the file being read, the diagnostics list,
 * the piece-wide accumulated state (footnote numbering, link definitions) and the
 * inherited state (list depth). Conversion of child nodes goes back through the
 * dispatch table (`ctx.blocks`, `ctx.inlines`), so handlers never import each other.
 */
import type { Definition, FootnoteDefinition, Nodes } from 'mdast';
import type { Block, Inline, NodeId, Pos } from '../../model/types.js';
import type { Diagnostics } from '../../model/diagnostics.js';
import type { ImageScope } from '../image-path.js';

/** Footnotes of one piece: numbered in order of first reference. */
export class FootnoteState {
  readonly definitions = new Map<string, FootnoteDefinition>();
  readonly numbers = new Map<string, number>();

  /** The number of footnote `id`, assigning the next one at its first reference. */
  number(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(id, n);
    }
    return n;
  }
}

/** The ids of one piece's headings and tables, in the order they are read (model/types.ts NodeId). */
export class NodeIds {
  private readonly met = { h: 0, t: 0 };

  constructor(private readonly pieceId: string) {}

  next(kind: 'h' | 't'): NodeId {
    return `${this.pieceId}/${kind}${++this.met[kind]}`;
  }
}

export interface Ctx {
  /** The file as the user named it, for positions. */
  readonly file: string;
  readonly diags: Diagnostics;
  readonly footnotes: FootnoteState;
  /** Ids for the piece's headings and tables (piece-wide, shared by every nested context). */
  readonly ids: NodeIds;
  readonly definitions: ReadonlyMap<string, Definition>;
  /** Where images are resolved; null when the piece is not read from a collection folder. */
  readonly images: ImageScope | null;
  /** Nesting depth of the list being read (0 outside lists). */
  readonly listDepth: number;
  /**
   * The piece's text as read (positions index it): tells fenced code from indented text
   * and shows a paragraph's indentation (../pasted.ts). Absent: neither is looked at.
   */
  readonly source?: string;
  /** Reading the body's own blocks, not inside a list, quote or footnote (where indentation is markup). */
  readonly atTop?: boolean;
  readonly blocks: (nodes: readonly Nodes[], ctx: Ctx) => Block[];
  readonly inlines: (nodes: readonly Nodes[], ctx: Ctx) => Inline[];
}

export type BlockHandler<N> = (node: N, ctx: Ctx) => Block[];
export type InlineHandler<N> = (node: N, ctx: Ctx) => Inline[];

/** Start of an mdast node as a model position. */
export function posOf(node: { position?: { start: { line: number; column: number } } }, ctx: Ctx): Pos {
  const start = node.position?.start;
  return { file: ctx.file, line: start?.line ?? 1, column: start?.column ?? 1 };
}
