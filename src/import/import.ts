/**
 * `importText`: a plain-text compilation (as copied from a newspaper, a material
 * platform or a PDF) → huibian sources (SPEC §1, §2 `huibian import`). Pure: returns
 * the files to write, the summary and the removed spans; nothing touches the disk.
 */
import { SourceError } from '../model/diagnostics.js';
import { splitLines, cleanLines } from './clean.js';
import { parseHead, removeContents } from './contents.js';
import { decodeInput } from './decode.js';
import { collectionFile, pieceFile, removedFile, summaryText } from './emit.js';
import { joinParagraphs, measureSignals } from './paragraphs.js';
import { recognise } from './structure.js';
import { Ledger, type ImportOptions, type ImportResult, type OutputFile } from './types.js';

/** Turn the bytes of a plain-text compilation into source files. Throws `SourceError` for undecodable input. */
export function importText(input: Uint8Array, opts: ImportOptions): ImportResult {
  const decoded = decodeInput(input);
  if (!decoded.ok) {
    throw new SourceError([{ severity: 'error', file: opts.fileName, line: decoded.line, column: decoded.column, message: decoded.message }]);
  }
  const ledger = new Ledger();
  const text = decoded.text.replace(/^\uFEFF/, '');
  const lines = cleanLines(splitLines(text), ledger);
  const head = parseHead(lines, ledger);
  const body = lines.slice(head.bodyStart);
  const structure = recognise(body, head, ledger);
  removeContents(head, ledger);

  // Lines before the first piece that neither the head nor the banner took are accounted for in recognise();
  // with no piece at all, everything after the head is unplaced.
  if (structure.pieces.length === 0) {
    for (const l of body) ledger.remove(l.n, l.col, 'unplaced', l.text);
    ledger.guess(body[0]?.n ?? 1, 'no piece found (no contents entries matched and no byline lines)');
  }

  let title = head.title;
  if (title === null) {
    title = opts.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
    ledger.guess(1, `no compilation title line; used the file name “${title}” (not counted as input text)`);
  }
  if (head.count !== null && head.count !== structure.pieces.length) {
    ledger.guess(head.titleLine?.n ?? 1, `the title says ${head.count} pieces but ${structure.pieces.length} were found`);
  }
  if (head.hasContents && head.entries.length !== structure.pieces.length) {
    ledger.guess(head.contentsLines[0]?.line.n ?? 1, `the contents lists ${head.entries.length} entries but ${structure.pieces.length} pieces were found`);
  }

  const signals = measureSignals(structure.pieces.flatMap((p) => p.body));
  const date = opts.date ?? structure.banner?.date ?? null;
  const files: OutputFile[] = [];
  structure.pieces.forEach((p, i) => {
    const paragraphs = joinParagraphs(p.body, signals, ledger);
    if (paragraphs.length === 0) ledger.guess(p.titleLine, `piece “${p.title}” has no body text`);
    files.push(pieceFile(p, i + 1, paragraphs, date));
  });
  files.unshift(collectionFile(title, head.count !== null, structure.banner, structure.parts, structure.pieces.map((p) => p.part)));
  files.push(removedFile(opts.fileName, decoded.encoding, ledger.removed));

  const summary = summaryText({
    fileName: opts.fileName,
    encoding: decoded.encoding,
    pieces: structure.pieces,
    contentsEntries: head.hasContents ? head.entries.length : null,
    titleCount: head.count,
    parts: structure.parts.length,
    counts: ledger.counts,
    guesses: ledger.guesses,
  });
  return {
    files,
    summary,
    removed: ledger.removed,
    guesses: ledger.guesses,
    counts: ledger.counts,
    encoding: decoded.encoding,
    pieceCount: structure.pieces.length,
  };
}
