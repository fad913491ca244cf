/**
 * `huibian import` (docs/import.md): plain-text compilation → huibian sources. Public API.
 */
export { importText } from './import.js';
export { runImport } from './run.js';
export type { ImportResult, ImportOptions, RemovedSpan, Guess, OutputFile, RuleName } from './types.js';
