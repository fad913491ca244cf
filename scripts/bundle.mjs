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
 * wawoff2, @node-rs/jieba — a native addon and its dictionary file — and the font
 * packages' folders) stay outside the bundle and are found in node_modules at run time.
 *
 * Two libraries the libraries import are left out, each replaced by a stub
 * that throws if it is ever called, because loading them costs time on every
 * run (tables built or decompressed at import) for work huibian never asks for:
 * pdfkit's encryption (`@noble/ciphers/aes`: huibian writes no encrypted PDF) and
 * fontkit's WOFF2 decoder (`brotli`: src/fonts converts WOFF2 to TTF before
 * fontkit reads a font). (`linebreak`, pdfkit's text wrapper, is in: the
 * paragraph setter breaks Latin words with it.) tests/cli run the bundle, so a
 * stub that were reached would fail them.
 *
 * bin/huibian.js runs the bundle only when it is at least as new as
 * dist/cli/main.js, so a `tsc` without this step never runs stale code.
 *
 * Usage: node scripts/bundle.mjs   (part of `npm run build` and `prepare`)
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const LEFT_OUT = {
  '@noble/ciphers/aes': {
    why: 'PDF encryption: huibian writes no encrypted PDF',
    stub: 'export const cbc = () => { throw leftOut(); }; export const ecb = () => { throw leftOut(); };',
  },
  'brotli/decompress.js': {
    why: "fontkit's WOFF2 reader: src/fonts converts WOFF2 fonts to TTF first",
    stub: 'export default function decompress() { throw leftOut(); }',
  },
};

/** esbuild plugin: each LEFT_OUT import resolves to its stub. */
const leaveOut = {
  name: 'huibian-leave-out',
  setup(b) {
    const filter = new RegExp(
      `^(${Object.keys(LEFT_OUT)
        .map((k) => k.replace(/[./]/g, '\\$&'))
        .join('|')})$`,
    );
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      loader: 'js',
      contents: `const leftOut = () => new Error(${JSON.stringify(`${args.path} is not in huibian's bundle (${LEFT_OUT[args.path].why})`)});\n${LEFT_OUT[args.path].stub}\n`,
    }));
  },
};

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The handout worker's script is an entry of its own: src/app/pool.ts finds it beside its chunk.
  entryPoints: { main: 'dist/cli/main.js', 'handout-worker': 'dist/app/handout-worker.js' },
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
  plugins: [leaveOut],
  logLevel: 'warning',
});
