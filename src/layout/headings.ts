/**
 * Headings inside pieces as the layout names them: the document-order walk lives in
 * the model (`model/headings.ts`, shared with the DOCX); `headingDest` is the PDF
 * destination of a piece's `index`-th heading.
 */
import { pieceHeadings } from '../model/headings.js';
import type { NodeId, Piece } from '../model/types.js';

export { listedHeadings, pieceHeadings, type PieceHeading } from '../model/headings.js';

/** Destination of a piece's `index`-th heading. */
export const headingDest = (piece: number, index: number): string => `heading-${piece}-${index}`;

/** The destination of each of a piece's headings, by node id. */
export function headingDests(piece: Piece): Map<NodeId, string> {
  return new Map(pieceHeadings(piece).map((h) => [h.block.id, headingDest(piece.n, h.index)]));
}
