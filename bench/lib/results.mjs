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
