/**
 * The application facade's public face: what the CLI may call (cli → app → the phases).
 */
import type { Collection } from '../model/types.js';
import { loadCollection } from '../sources/index.js';

export {
  buildCollection,
  checkCollection,
  buildDate,
  outputDir,
  type BuildOptions,
  type BuildResult,
  type CheckResult,
} from './build.js';
export { watchBuild, type WatchHooks } from './watch.js';
export { startPreview, type PreviewServer } from './serve.js';
export { PROJECT_DIR } from './prepare.js';
export { clearFontCaches } from '../fonts/index.js';
export { runImport } from '../import/index.js';

/** The document model of a collection, for `huibian inspect`. */
export async function inspectCollection(dir: string): Promise<Collection> {
  return (await loadCollection(dir)).collection;
}
