/**
 * The writer's two kinds of memory, kept apart as pandoc's DOCX writer does:
 * `Context` is inherited down the tree (current paragraph style, list level) and never
 * mutated; `WriterState` accumulates across the document (footnotes, numbering instances,
 * bookmark ids, fonts used, warnings) and is owned by one render call.
 */
import type { Paragraph } from 'docx';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { FontBook } from '../../fonts/index.js';
import type { ResolvedTemplate, StyleName } from '../../template/index.js';
import type { Collection, Footnote, NodeId, Piece } from '../../model/types.js';
import { pieceHeadings } from '../../model/headings.js';
import { FontUsage, type StyleFont } from './fonts.js';
import type { StyleSheet } from './styles.js';
import { FactIndex } from '../../layout/index.js';

export interface Context {
  /** Template style of the paragraphs being written. */
  readonly paraStyle: StyleName;
  /** Template style of the character runs (null: the paragraph's). */
  readonly charStyle: StyleName | null;
  readonly strike: boolean;
  /** Numbering reference and instance of the enclosing list, and its level (0-based). */
  readonly list: { readonly reference: string; readonly instance: number; readonly level: number } | null;
  /** The piece being written (for its footnotes). */
  readonly piece: Piece | null;
  /**
   * Inside a block quote: its left (pt from the text area's left), where a list's items and
   * their further paragraphs start (layout/list-indent.ts).
   */
  readonly leftPt?: number;
}

export const rootContext: Context = { paraStyle: 'body', charStyle: null, strike: false, list: null, piece: null };

export interface NumberingLevelDef {
  readonly level: number;
  readonly format: string;
  readonly text: string;
  readonly start: number;
}

export class WriterState {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private nextFootnote = 1;
  private readonly footnoteIds = new Map<string, number>();
  /** Numbering definitions by reference (one per list kind and start number). */
  readonly numbering = new Map<string, readonly NumberingLevelDef[]>();
  private nextListInstance = 1;
  private nextBookmark = 1;
  readonly usage = new FontUsage();
  readonly warnings: Diagnostic[] = [];
  private readonly headingIndexes = new Map<Piece, ReadonlyMap<NodeId, number>>();

  constructor(
    readonly template: ResolvedTemplate,
    readonly fonts: FontBook,
    readonly sheet: StyleSheet,
    readonly collection: Collection,
    readonly facts: FactIndex = new FactIndex(),
  ) {}

  bookmarkId(): number {
    return this.nextBookmark++;
  }

  listInstance(): number {
    return this.nextListInstance++;
  }

  /**
   * The index (model/headings.ts: every level, footnotes excluded) of the piece's heading `id`,
   * which names its bookmark as the layout names its destination; null for a footnote's heading.
   */
  headingIndex(piece: Piece, id: NodeId): number | null {
    let byId = this.headingIndexes.get(piece);
    if (!byId) {
      byId = new Map(pieceHeadings(piece).map((h) => [h.block.id, h.index]));
      this.headingIndexes.set(piece, byId);
    }
    return byId.get(id) ?? null;
  }

  /** Word footnote id for a piece's footnote (ids run through the document). */
  footnoteId(piece: Piece, fn: Footnote): { id: number; fresh: boolean } {
    const key = `${piece.n}\u0000${fn.id}`;
    const known = this.footnoteIds.get(key);
    if (known !== undefined) return { id: known, fresh: false };
    const id = this.nextFootnote++;
    this.footnoteIds.set(key, id);
    return { id, fresh: true };
  }

  /** Records text set in a style's face, for the embedded subsets. */
  use(name: StyleName, text: string): void {
    this.usage.add(this.sheet.fontOf(name), text);
  }

  useFont(sf: StyleFont, text: string): void {
    this.usage.add(sf, text);
  }
}
