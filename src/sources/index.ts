/**
 * sources/: collection.yaml + piece files → the document model (docs/sources.md), with
 * every problem reported as a positioned diagnostic.
 */
export {
  loadCollection,
  COLLECTION_KEYS,
  BANNER_KEYS,
  PART_KEYS,
  type LoadOptions,
  type LoadedCollection,
} from './collection.js';
export { PieceParseCache, type ParseKey } from './parse-cache.js';
export { parsePiece, type PieceContext, type ParsedPiece } from './piece.js';
export { PIECE_KEYS } from './front-matter.js';
export { decodeSource } from './encoding.js';
export { provenance } from './banner.js';
export { joinsWithoutSpace } from '../model/cjk.js';
