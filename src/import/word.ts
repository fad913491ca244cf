/**
 * A Word (.docx) file → draft pieces. One file is one speech (its head read by
 * docx/front.ts), unless it holds a whole compilation — a title, a contents list
 * (目录) and several speeches — which is then split as plain text is, over the
 * paragraphs' text, each piece's body still written from the Word formatting.
 * Positions in messages and in import-removed.txt are paragraph numbers (every
 * `w:p` of the main document counted, table cells included).
 */
import { SourceError } from '../model/diagnostics.js';
import { cpLength } from './chars.js';
import { runFontClass, type FontClass } from './docx/fonts.js';
import { readFront } from './docx/front.js';
import { BodyWriter, inlineText, paragraphText, styleHeadingLevel } from './docx/markdown.js';
import { readWord, type Block, type WordDocument } from './docx/read.js';
import { splitCompilation, stem, type CompilationDraft } from './import.js';
import {
  Ledger,
  WORD_RULES,
  type DraftInput,
  type DraftPiece,
  type ImageOut,
  type ImportOptions,
  type Line,
} from './types.js';

/** A compilation's contents heading is looked for among this many leading paragraphs. */
const CONTENTS_WITHIN = 6;
const CONTENTS_HEADING = /^目\s*录$/u;

/** The font most of the text is set in: runs in it are not marked as leads or emphasis. */
function dominantFont(blocks: readonly Block[]): FontClass {
  const count = new Map<FontClass, number>();
  const walk = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.kind === 'table') {
        for (const r of b.rows) for (const c of r.cells) walk(c.blocks);
        continue;
      }
      for (const i of b.inlines) {
        if (i.kind === 'text')
          count.set(runFontClass(i.format), (count.get(runFontClass(i.format)) ?? 0) + cpLength(i.text.trim()));
      }
    }
  };
  walk(blocks);
  let best: FontClass = 'other';
  for (const [k, v] of count) if (v > (count.get(best) ?? 0)) best = k;
  return best;
}

/** 1 when Heading 1 is used in the body (so Heading 1 → `##`), else 0 (Heading 2 → `##`). */
function headingShift(blocks: readonly Block[]): number {
  return blocks.some((b) => b.kind === 'paragraph' && styleHeadingLevel(b.info?.format.styleName ?? null) === 1)
    ? 1
    : 0;
}

function bodyOf(blocks: readonly Block[], bodyFont: FontClass, ledger: Ledger, line: number): DraftPiece['body'] {
  return (id: string) => {
    const w = new BodyWriter({ bodyFont, headingShift: headingShift(blocks), imageStem: id });
    const markdown = w.blocks(blocks);
    for (const type of w.skipped)
      ledger.guess(
        line,
        `a picture of type ${type} in “${id}” was left out (PNG and JPEG only): save it as PNG and add it by hand`,
      );
    const images: ImageOut[] = w.images.map((i) => ({
      path: i.path,
      read: async () => new Uint8Array(await i.read()),
    }));
    return { markdown, images };
  };
}

function paraNumber(b: Block): number | null {
  if (b.kind === 'paragraph') return b.info?.n ?? null;
  for (const r of b.rows)
    for (const c of r.cells) for (const x of c.blocks) if (paraNumber(x) !== null) return paraNumber(x);
  return null;
}

/** Plain-text lines of the blocks (a table as its cells' text), for the compilation splitter. */
function linesOf(blocks: readonly Block[]): { lines: Line[]; byLine: Map<number, Block> } {
  const lines: Line[] = [];
  const byLine = new Map<number, Block>();
  let last = 0;
  for (const b of blocks) {
    const n = Math.max(paraNumber(b) ?? last + 1, last + 1);
    last = n;
    const text =
      b.kind === 'paragraph'
        ? paragraphText(b)
        : b.rows
            .map((r) =>
              r.cells
                .map((c) => c.blocks.map((x) => (x.kind === 'paragraph' ? inlineText(x.inlines) : '')).join(''))
                .join('，'),
            )
            .join('，') + '。';
    if (text === '' && !(b.kind === 'paragraph' && b.inlines.some((i) => i.kind === 'image'))) continue;
    lines.push({ n, text, indented: false, col: 1, blankBefore: false });
    byLine.set(n, b);
  }
  return { lines, byLine };
}

function compilation(doc: WordDocument, ledger: Ledger, opts: ImportOptions, bodyFont: FontClass): CompilationDraft {
  const { lines, byLine } = linesOf(doc.blocks);
  return splitCompilation(lines, ledger, opts, (pieces) =>
    pieces.map((p) =>
      bodyOf(
        p.body.map((l) => byLine.get(l.n)!),
        bodyFont,
        ledger,
        p.titleLine,
      ),
    ),
  );
}

function onePiece(doc: WordDocument, ledger: Ledger, opts: ImportOptions, bodyFont: FontClass): CompilationDraft {
  const front = readFront(doc.blocks, ledger);
  let title = front.title.join('\n');
  if (title === '') {
    title = stem(opts.fileName);
    ledger.guess(
      1,
      `no title found (no Title or Heading 1 style, no centred head); used the file name “${title}” (not counted as input text)`,
    );
  }
  if (front.role === null)
    ledger.guess(front.line || 1, `no byline (role　name) under the title “${title.replace(/\n/g, '')}”`);
  const piece: DraftPiece = {
    title,
    subtitle: front.subtitle,
    role: front.role,
    author: front.author,
    date: opts.date ?? front.date,
    part: -1,
    line: front.line || 1,
    body: bodyOf(front.body, bodyFont, ledger, front.line || 1),
  };
  return { title: null, count: null, banner: null, parts: [], pieces: [piece], contentsEntries: null };
}

/** Read one Word file. Throws `SourceError` when it is not a readable .docx or its contents list disagrees. */
export async function readWordInput(bytes: Uint8Array, opts: ImportOptions): Promise<DraftInput> {
  let doc: WordDocument;
  try {
    doc = await readWord(bytes);
  } catch (e) {
    throw new SourceError([
      {
        severity: 'error',
        file: opts.fileName,
        line: 1,
        column: 1,
        message: `not a readable Word (.docx) file: ${(e as Error).message}`,
      },
    ]);
  }
  const ledger = new Ledger();
  for (const h of doc.hidden)
    ledger.remove(h.n, 1, h.rule, h.text, h.part.endsWith('document.xml') ? undefined : h.part);
  for (const w of doc.warnings) ledger.guess(1, `the Word reader: ${w}`);
  const bodyFont = dominantFont(doc.blocks);
  const leading = doc.blocks.filter((b) => b.kind === 'paragraph' && paragraphText(b) !== '').slice(0, CONTENTS_WITHIN);
  const isCompilation = leading.some((b) => b.kind === 'paragraph' && CONTENTS_HEADING.test(paragraphText(b)));
  const found = isCompilation ? compilation(doc, ledger, opts, bodyFont) : onePiece(doc, ledger, opts, bodyFont);
  return { fileName: opts.fileName, format: 'Word', rules: WORD_RULES, ledger, ...found };
}
