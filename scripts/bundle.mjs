/**
 * Bundles the compiled CLI (dist/cli/main.js, written by tsc) and the libraries it
 * imports into a few ES-module files in dist/bundle/ with esbuild, so that a
 * `huibian` run reads and compiles five files instead of some seven hundred
 * (unified/micromark alone are hundreds of small modules). The lazily loaded
 * parts stay lazy: the PDF renderer, the DOCX renderer and the import command
 * are chunks of their own (code splitting), loaded only when a build needs them.
 *
 * dist/bundle/ sits at the same depth as dist/cli/, so the project-root paths
 * the code derives from its own location (templates/, package.json) still hold.
 * CommonJS libraries inside an ES-module bundle need `require`: the banner makes
 * one per chunk. Packages loaded with a `createRequire` of their own (subset-font,
 * wawoff2, the font packages' folders) stay outside the bundle and are found in
 * node_modules at run time.
 *
 * bin/huibian.js runs the bundle only when it is at least as new as
 * dist/cli/main.js, so a `tsc` without this step never runs stale code.
 *
 * Usage: node scripts/bundle.mjs   (part of `npm run build` and `prepare`)
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Smaller files to read and parse; identifiers keep their names, so profiles and stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  banner: { js: "import{createRequire as __hbRequire}from'node:module';const require=__hbRequire(import.meta.url);" },
  logLevel: 'warning',
});
