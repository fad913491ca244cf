/**
 * Templates (templates/README.md): YAML files under `templates/` → `ResolvedTemplate`, every
 * length in pt. The public face of `src/template/`.
 */
export { loadTemplate, templatesDir, listTemplates, isTemplatePath, type LoadTemplateOptions } from './load.js';
export { closest } from './hint.js';
export { typeArea, typeAreaWidthPt, typeAreaHeightPt, type TypeArea } from './geometry.js';
export { mmToPt, ptToMm, parseLength, ZIHAO_PT, PAPER_SIZES_MM } from './units.js';
export * from './types.js';
