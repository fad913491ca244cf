/**
 * `importText`: a plain-text compilation (as copied from a newspaper, a material
 * platform or a PDF) → huibian sources; `assemble`: the pieces of any number of inputs
 * (text or Word, in the order given) → one collection with unique ids. Pure: returns
 * the files to write, the summary and the removed spans; nothing touches the disk.
 */
import { SourceError, type Diagnostic } from '../model/diagnostics.js';
import { splitLines, cleanLines } from './clean.js';
import { parseHead, removeContents, type Head } from './contents.js';
import { decodeInput } from './decode.js';
import { collectionFile, inputSummary, pieceFile, pieceFileName, removedFile } from './emit.js';
import { uniqueIds } from './ids.js';
import { escapeMarkdown, markupParagraph } from './inline.js';
import { joinParagraphs, measureSignals } from './paragraphs.js';
import { recognise, type PieceDraft, type Structure } from './structure.js';
import {
  Ledger,
  TEXT_RULES,
  type DraftInput,
  type DraftPiece,
  type ImageOut,
  type ImportOptions,
  type ImportResult,
  type Line,
  type OutputFile,
  type RuleName,
} from './types.js';

/**
 * The contents list and the pieces found must agree: an entry not found in the body is
 * an error naming both (a speech would otherwise be swallowed by the one before it),
 * or a warning with `ignoreContents`.
 */
export function checkContents(
  head: Head,
  structure: Structure,
  found: readonly number[],
  ledger: Ledger,
  opts: ImportOptions,
): void {
  if (!head.hasContents || head.entries.length === structure.pieces.length) return;
  const missing = head.entries.filter((e) => !found.includes(e.n));
  const where = (e: (typeof missing)[number]) => head.contentsLines[e.lines[0]]?.line.n ?? 1;
  const names = missing.map((e) => `entry ${e.n} “${e.title}” (line ${where(e)})`).join(', ');
  const message = `the contents lists ${head.entries.length} entries but ${structure.pieces.length} pieces were found${names ? `; not found in the body: ${names}` : ''}`;
  const line = head.contentsLines[0]?.line.n ?? 1;
  if (opts.ignoreContents) {
    ledger.guess(line, message);
    return;
  }
  const diagnostic: Diagnostic = {
    severity: 'error',
    file: opts.fileName,
    line,
    column: 1,
    message: `${message} (check the text, or import with --ignore-contents to keep the pieces found)`,
  };
  throw new SourceError([diagnostic]);
}

/** What a compilation's lines give: everything of a `DraftInput` but the input's name, format, rules and ledger. */
export type CompilationDraft = Omit<DraftInput, 'fileName' | 'format' | 'rules' | 'ledger'>;

/**
 * Split the lines of a compilation (title line, contents, banner, parts, pieces) into
 * draft pieces; `bodies` writes each piece's body from its lines.
 */
export function splitCompilation(
  lines: Line[],
  ledger: Ledger,
  opts: ImportOptions,
  bodies: (pieces: readonly PieceDraft[]) => DraftPiece['body'][],
): CompilationDraft {
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
  if (head.count !== null && head.count !== structure.pieces.length) {
    ledger.guess(
      head.titleLine?.n ?? 1,
      `the title says ${head.count} pieces but ${structure.pieces.length} were found`,
    );
  }
  checkContents(head, structure, structure.entries, ledger, opts);

  const date = opts.date ?? structure.banner?.date ?? null;
  const made = bodies(structure.pieces);
  const pieces: DraftPiece[] = structure.pieces.map((p, i) => ({
    title: p.title,
    subtitle: p.subtitle,
    role: p.role,
    author: p.author,
    date,
    part: p.part,
    line: p.titleLine,
    body: made[i],
  }));
  return {
    title: head.title,
    count: head.count,
    banner: structure.banner,
    parts: structure.parts,
    pieces,
    contentsEntries: head.hasContents ? head.entries.length : null,
  };
}

/** Read a plain-text compilation into draft pieces. Throws `SourceError` for undecodable input or a contents disagreement. */
export function readText(input: Uint8Array, opts: ImportOptions): DraftInput {
  const decoded = decodeInput(input);
  if (!decoded.ok) {
    throw new SourceError([
      { severity: 'error', file: opts.fileName, line: decoded.line, column: decoded.column, message: decoded.message },
    ]);
  }
  const ledger = new Ledger();
  const text = decoded.text.replace(/^\uFEFF/, '');
  const lines = cleanLines(splitLines(text), ledger);
  const found = splitCompilation(lines, ledger, opts, (pieces) => {
    const signals = measureSignals(pieces.flatMap((p) => p.body));
    return pieces.map((p) => {
      const paragraphs = joinParagraphs(p.body, signals, ledger);
      if (paragraphs.length === 0) ledger.guess(p.titleLine, `piece “${p.title}” has no body text`);
      const markdown = paragraphs
        .map((q) =>
          q.heading > 0 ? `${'#'.repeat(q.heading + 1)} ${escapeMarkdown(q.text, false)}` : markupParagraph(q.text),
        )
        .join('\n\n');
      return () => ({ markdown, images: [] });
    });
  });
  return { fileName: opts.fileName, format: decoded.encoding, rules: TEXT_RULES, ledger, ...found };
}

export interface Assembled {
  readonly result: ImportResult;
  /** Images to read and write with the files. */
  readonly images: readonly ImageOut[];
}

/**
 * One collection from the inputs' pieces in order: ids from the bylines' places
 * (unique), `NN-<id>.md` files, collection.yaml (the first compilation title and
 * banner an input carries, else `fallback.title`), import-removed.txt, the summary.
 */
export function assemble(
  inputs: readonly DraftInput[],
  fallback: { readonly title: string; readonly from: string },
): Assembled {
  const pieces = inputs.flatMap((i) => i.pieces);
  const ids = uniqueIds(pieces);
  const names = pieces.map((p, i) => pieceFileName(i + 1, ids[i]));
  const titled = inputs.find((i) => i.title !== null) ?? null;
  const first = inputs[0];
  let title = titled?.title ?? null;
  if (title === null) {
    title = fallback.title;
    first?.ledger.guess(1, `no compilation title line; used ${fallback.from} “${title}” (not counted as input text)`);
  }
  const banner = inputs.find((i) => i.banner !== null)?.banner ?? null;

  // Parts of all inputs in order; a piece from an input without parts joins the part before it.
  const parts = inputs.flatMap((i) => i.parts);
  const pieceParts: number[] = [];
  let offset = 0;
  for (const input of inputs) {
    for (const p of input.pieces) pieceParts.push(p.part >= 0 ? p.part + offset : -1);
    offset += input.parts.length;
  }
  if (parts.length > 0 && pieceParts.includes(-1)) {
    let last = 0;
    pieceParts.forEach((p, i) => {
      if (p >= 0) last = p;
      else pieceParts[i] = last;
    });
    first?.ledger.guess(
      1,
      `pieces from inputs without parts were put in the part before them (or the first): check collection.yaml`,
    );
  }

  const files: OutputFile[] = [
    collectionFile(title, titled ? titled.count !== null : true, banner, parts, pieceParts, names),
  ];
  const images: ImageOut[] = [];
  pieces.forEach((p, i) => {
    const body = p.body(ids[i]);
    images.push(...body.images);
    files.push(pieceFile(names[i], { ...p, id: ids[i] }, body.markdown));
  });
  files.push(removedFile(inputs.map((i) => ({ fileName: i.fileName, format: i.format, removed: i.ledger.removed }))));

  let k = 0;
  const summaries = inputs.map((input) => {
    const s = inputSummary(input, ids.slice(k, k + input.pieces.length));
    k += input.pieces.length;
    return s;
  });
  const counts = {} as Record<RuleName, number>;
  for (const input of inputs)
    for (const [n, c] of Object.entries(input.ledger.counts)) counts[n as RuleName] = (counts[n as RuleName] ?? 0) + c;
  const summary =
    inputs.length > 1
      ? `${summaries.join('\n\n')}\n\ncollection: ${pieces.length} pieces from ${inputs.length} files`
      : summaries.join('');
  return {
    result: {
      files,
      summary,
      removed: inputs.flatMap((i) => i.ledger.removed),
      guesses: inputs.flatMap((i) => i.ledger.guesses),
      counts,
      encoding: first?.format ?? '',
      pieceCount: pieces.length,
    },
    images,
  };
}

/** The file name without folder and extension. */
export function stem(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/** Turn the bytes of a plain-text compilation into source files. Throws `SourceError` for undecodable input. */
export function importText(input: Uint8Array, opts: ImportOptions): ImportResult {
  return assemble([readText(input, opts)], { title: stem(opts.fileName), from: 'the file name' }).result;
}
