/**
 * Reading what a measured run left behind, for bench/run.mjs and bench/sample-pdf.mjs:
 * huibian's report.json in its output folder, and the one JSON line the Typst peer
 * (bench/typst-peer.mjs) prints.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The build's report.json in `outDir`, or null when there is none (a failed build). */
export async function readReport(outDir) {
  try {
    return JSON.parse(await readFile(path.join(outDir, 'report.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** The Typst peer's result line: `{ pages, bytes, ms }`. */
export function peerResult(stdout) {
  return JSON.parse(stdout.trim().split('\n').pop());
}

const marks = (name) => [`<!-- ${name}: start -->`, `<!-- ${name}: end -->`];

/** The section `name` of a results file (between its two marks, marks included), or null. */
export function markedSection(md, name) {
  const [start, end] = marks(name);
  const a = md.indexOf(start);
  const b = md.indexOf(end);
  return a >= 0 && b > a ? md.slice(a, b + end.length) : null;
}

/** `md` with its section `name` replaced by `body` (appended when there is none). */
export function replaceSection(md, name, body) {
  const [start, end] = marks(name);
  const section = `${start}\n${body.trim()}\n${end}`;
  const old = markedSection(md, name);
  return old ? md.replace(old, section) : `${md.trimEnd()}\n\n${section}\n`;
}
