/**
 * Embedding permissions from the OS/2 `fsType` field (OpenType spec, OS/2 table,
 * “fsType”), and what they mean for the outputs:
 *
 * - restricted (0x0002): may not be embedded at all — an error for the PDF and the OFD
 *   (a fixed-layout file without its fonts is not print-ready), a warning for the DOCX
 *   (the font is named in the styles but not embedded);
 * - preview & print (0x0004), editable (0x0008), installable (0): embeddable;
 * - no subsetting (0x0100): the whole font must be embedded;
 * - bitmap only (0x0200): outlines may not be embedded — treated as restricted.
 *
 * The spec says bits 0–3 are exclusive and, if several are set, the least
 * restrictive one applies.
 */
import type { Embedding } from './types.js';

export const FS_TYPE_RESTRICTED = 0x0002;
export const FS_TYPE_PREVIEW = 0x0004;
export const FS_TYPE_EDITABLE = 0x0008;
export const FS_TYPE_NO_SUBSET = 0x0100;
export const FS_TYPE_BITMAP_ONLY = 0x0200;

export function embeddingFromFsType(fsType: number): Embedding {
  if (fsType & FS_TYPE_BITMAP_ONLY) return 'restricted';
  if (fsType & FS_TYPE_EDITABLE) return 'editable';
  if (fsType & FS_TYPE_PREVIEW) return 'preview';
  if (fsType & FS_TYPE_RESTRICTED) return 'restricted';
  return 'installable';
}

export function noSubsetFromFsType(fsType: number): boolean {
  return (fsType & FS_TYPE_NO_SUBSET) !== 0;
}

export type OutputFormat = 'pdf' | 'docx' | 'ofd';

/** Whether the renderer of `format` may embed a face with this permission. */
export function mayEmbed(embedding: Embedding, _format: OutputFormat): boolean {
  return embedding !== 'restricted';
}
