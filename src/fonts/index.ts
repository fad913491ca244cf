/**
 * Fonts (SPEC §5): discovery, the font book per template, glyph coverage,
 * subsetting and embedding rules. Layout and the renderers import from here.
 */
export type { Embedding, FontBook, FontFace, FontReportEntry } from './types.js';
export { loadFontBook, type LoadFontBookOptions } from './book.js';
export { checkCoverage, codePointLabel, inlineStyle, needsGlyph } from './coverage.js';
export { subsetFont } from './subset.js';
export { parsedFontkitFont, sfntMetricsOf, trueTypeTablesOf } from './face.js';
export { TrueTypeSubset, type GlyphSubset, type TrueTypeTables } from './ttf-subset.js';
export type { SfntMetrics } from './metrics.js';
export { needsFakeBold, matchCandidate, weightDistance, targetWeight, faceHasName } from './match.js';
export { embeddingFromFsType, mayEmbed, noSubsetFromFsType, type OutputFormat } from './embedding.js';
export { discoverFonts, npmFontFiles, systemFontDirs, type FaceInfo, type Discovery, type Origin } from './discover.js';
export { cachedSfnt, defaultFontCacheDir, type CachedFont } from './cache.js';
