/**
 * The application facade's public face: what the CLI may call (cli → app → the phases).
 */
import type { Collection } from '../model/types.js';
import { loadCollection } from '../sources/index.js';
import type { runImport as RunImport } from '../import/index.js';

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

/**
 * `huibian import`: the Word reader (mammoth, jszip, xmldom, pinyin-pro — some 800 KB
 * of the bundle) is loaded only by this command, not by every build.
 */
export async function runImport(...args: Parameters<typeof RunImport>): Promise<Awaited<ReturnType<typeof RunImport>>> {
  const { runImport: run } = await import('../import/index.js');
  return run(...args);
}

/** The document model of a collection, for `huibian inspect`. */
export async function inspectCollection(dir: string): Promise<Collection> {
  return (await loadCollection(dir)).collection;
}
