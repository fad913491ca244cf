/**
 * Fonts (README “Fonts”): discovery, the font book per template, glyph coverage,
 * subsetting and embedding rules. Layout and the renderers import from here.
 */
import { clearDiscoveryCache } from './discover.js';
import { clearFaceCaches } from './face.js';
import { clearMemoFiles } from './memo-file.js';
import { clearSubsetCache } from './subset.js';

export type { Embedding, FontBook, FontFace, FontReportEntry } from './types.js';
export { loadFontBook, type LoadFontBookOptions } from './book.js';
export { checkCoverage, codePointLabel, inlineStyle, needsGlyph } from './coverage.js';
export { subsetFont } from './subset.js';
export {
  adoptFontFiles,
  fontProgramInfoOf,
  parsedFontkitFont,
  sfntMetricsOf,
  sharedFontFiles,
  trueTypeTablesOf,
  type FontFileShare,
} from './face.js';
export type { FontProgramInfo } from './program.js';
export {
  fitTwoEm,
  inkBoxOf,
  twoEmGlyphs,
  twoEmKind,
  unitGlyph,
  unitRule,
  type FittedGlyph,
  type InkBox,
  type TwoEmKind,
  type UnitFit,
  type UnitGlyph,
  type UnitRule,
} from './two-em.js';
export { shapedRun, type ShapedGlyph, type Shaper } from './shape.js';
export { memoFile, saveMemoFiles, type MemoCodec, type MemoFile } from './memo-file.js';
export { TrueTypeSubset, type GlyphSubset, type TrueTypeTables } from './ttf-subset.js';
export type { SfntMetrics } from './metrics.js';
export { needsFakeBold, matchCandidate, weightDistance, targetWeight, faceHasName } from './match.js';
export { embeddingFromFsType, mayEmbed, noSubsetFromFsType, type OutputFormat } from './embedding.js';
export { discoverFonts, npmFontFiles, systemFontDirs, type FaceInfo, type Discovery, type Origin } from './discover.js';
export { cachedSfnt, defaultFontCacheDir, type CachedFont } from './cache.js';
export { FAKE_BOLD_STROKE_EM, FAKE_ITALIC_SLANT, STRIKE_RISE_EM, STRIKE_WIDTH_EM } from './synthetic.js';

/**
 * Forgets what the process has read and parsed of font files (files, fontkit parses,
 * faces and their measurements, discovery, subsets), so that the next build starts
 * from the files as a new process would. Outputs do not change.
 */
export function clearFontCaches(): void {
  clearFaceCaches();
  clearDiscoveryCache();
  clearSubsetCache();
  clearMemoFiles();
}
