#!/usr/bin/env node
// Entry point: runs the compiled CLI (built by `npm install` through the `prepare` script):
// the esbuild bundle in dist/bundle/ (scripts/bundle.mjs: a few files to load instead of
// hundreds of modules) when it is at least as new as tsc's output, else dist/cli/ itself.
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// WebAssembly (harfbuzz, which subsets the DOCX fonts) is compiled by V8's baseline
// compiler only: a build calls it a few times, and the optimising tier's background
// compilation of the whole module cost more CPU than it saved and held the event loop
// up to 300 ms at the end of the first DOCX (full sample build ~15 % faster).
setFlagsFromString('--liftoff-only');

const mtime = (rel) => {
  try {
    return statSync(new URL(rel, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};
const compiled = mtime('../dist/cli/main.js');
const bundled = mtime('../dist/bundle/main.js');
const { main } = await import(bundled >= compiled && bundled >= 0 ? '../dist/bundle/main.js' : '../dist/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`huibian: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 3;
  },
);
