/**
 * What the rest of huibian sees of a font: metrics for layout, a file for the
 * renderers, licence bits for embedding. Implemented in src/fonts/ over fontkit;
 * layout and the renderers depend only on these interfaces.
 *
 * Units: metrics are in em (font units / unitsPerEm); multiply by the size in pt.
 */
import type { FontRole } from '../template/index.js';

/** OS/2 fsType embedding permission (OpenType spec, OS/2 table). */
export type Embedding = 'installable' | 'editable' | 'preview' | 'restricted';

export interface FontFace {
  /** Stable, deterministic key for this face in one build (used as the PDF font name and DOCX font key). */
  readonly key: string;
  /** Family name as the template named it when matched, else the font's own (English) family. */
  readonly family: string;
  /** Every family name the name table carries (all languages), e.g. ['仿宋_GB2312', 'FangSong_GB2312']. */
  readonly familyNames: readonly string[];
  readonly postscriptName: string;
  /** Absolute path of a TTF/OTF file pdfkit and subset-font can read (WOFF/WOFF2 already converted and cached). */
  readonly file: string;
  /** Face inside a .ttc collection (its postscript name), or null for single-face files. */
  readonly collectionFace: string | null;
  /** Where it was found: the project's fonts/ folder, the system, or the npm defaults. */
  readonly origin: 'project' | 'system' | 'npm';
  readonly weight: number;
  readonly italic: boolean;
  readonly ascentEm: number;
  /** Positive distance below the baseline. */
  readonly descentEm: number;
  readonly embedding: Embedding;
  /** fsType bit 0x0100: no subsetting allowed. */
  readonly noSubset: boolean;
  hasGlyph(codePoint: number): boolean;
  /** Advance width of one code point's glyph, em. Cached. */
  advanceEm(codePoint: number): number;
  /** Advance of a shaped run (Latin word, digits), em, including kerning. Cached. */
  measureEm(text: string): number;
}

/** The faces chosen for one build, shared by the compilation and every handout. */
export interface FontBook {
  /** Faces for a role, in order: the role's candidates found, then the template fallback. Never empty. */
  chain(role: FontRole, bold: boolean): readonly FontFace[];
  /** First face of the chain that draws `codePoint`, or null. */
  faceFor(role: FontRole, bold: boolean, codePoint: number): FontFace | null;
  /** Every face in the book, by key. */
  readonly faces: ReadonlyMap<string, FontFace>;
  /** What was chosen, for report.json. */
  readonly report: readonly FontReportEntry[];
}

export interface FontReportEntry {
  readonly role: FontRole;
  readonly weight: number;
  readonly family: string;
  readonly file: string;
  readonly origin: 'project' | 'system' | 'npm';
  readonly embedded: boolean;
  /** Candidates of the template that were not found, in order, before this one was taken. */
  readonly fallbacksTaken: readonly string[];
}
