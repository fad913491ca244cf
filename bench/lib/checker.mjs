/**
 * The typography checker (tests/helpers/typography-check.ts) for the bench scripts, which
 * run on plain Node: esbuild bundles the TypeScript module once into bench/.cache/ (git
 * ignores it; packages stay in node_modules) and the bundle is imported from there.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The checker module's exports: checkTypography, countByClass, CLASSES, formatViolations… */
export async function loadChecker(root) {
  const outfile = path.join(root, 'bench/.cache/typography-check.mjs');
  await build({
    entryPoints: [path.join(root, 'tests/helpers/typography-check.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
