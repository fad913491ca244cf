/**
 * Headings inside pieces as the layout names them: the document-order walk lives in
 * the model (`model/headings.ts`, shared with the DOCX); `headingDest` is the PDF
 * destination of a piece's `index`-th heading.
 */
export { listedHeadings, pieceHeadings, type PieceHeading } from '../model/headings.js';

/** Destination of a piece's `index`-th heading. */
export const headingDest = (piece: number, index: number): string => `heading-${piece}-${index}`;
