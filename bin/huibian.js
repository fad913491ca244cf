#!/usr/bin/env node
// Entry point: runs the compiled CLI (built by `npm install` through the `prepare` script):
// the esbuild bundle in dist/bundle/ (scripts/bundle.mjs: a few files to load instead of
// hundreds of modules) when it is at least as new as tsc's output, else dist/cli/ itself.
import { statSync } from 'node:fs';

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
