/**
 * A piece's headings in document order (GB/T 9704-2012 §7.3.3 levels 一、/（一）/1./（1）,
 * `##`…`#####`): top-level blocks, then inside block quotes and list items; footnotes
 * excluded. `index` (0-based, every level counted) is how the PDF layout
 * (`LayoutFacts.headingPages`, destinations) and the DOCX (bookmarks) name the same heading.
 */
import type { Block, HeadingBlock, Piece } from './types.js';

export interface PieceHeading {
  readonly index: number;
  readonly block: HeadingBlock;
}

export function pieceHeadings(piece: Piece): PieceHeading[] {
  const out: PieceHeading[] = [];
  const walk = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.kind === 'heading') out.push({ index: out.length, block: b });
      else if (b.kind === 'quote') walk(b.blocks);
      else if (b.kind === 'list') for (const item of b.items) walk(item.blocks);
    }
  };
  walk(piece.blocks);
  return out;
}

/** The headings a contents lists: levels 1…`levels` (template `contents.headingLevels`; none for 0). */
export function listedHeadings(piece: Piece, levels: number): PieceHeading[] {
  return levels > 0 ? pieceHeadings(piece).filter((h) => h.block.level <= levels) : [];
}
