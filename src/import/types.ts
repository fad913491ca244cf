/**
 * Types of the importer (`huibian import`): the draft each input gives, what
 * `importText` returns, and the ledger it keeps so that no input character is lost
 * silently (every removed span is listed with its input position and the rule that
 * removed it).
 */

/** Names of the cleaning rules; each is counted in the summary. */
export type RuleName =
  | 'paywall-marker'
  | 'watermark'
  | 'advert'
  | 'repeated-line'
  | 'page-number'
  | 'contents'
  | 'count'
  | 'banner-provenance'
  | 'unplaced'
  | 'han-space'
  | 'indent'
  | 'hard-wrap-joined'
  | 'deletion'
  | 'field-instruction'
  | 'comment'
  | 'header-footer'
  | 'subtitle-dash'
  | 'byline-date';

/** Rules that remove text of plain-text inputs. */
const TEXT_REMOVING: readonly RuleName[] = ['paywall-marker', 'watermark', 'advert', 'repeated-line', 'page-number'];
/** Rules that remove text of a compilation's structure (contents, title count, banner, stray lines). */
const STRUCTURE_REMOVING: readonly RuleName[] = ['contents', 'count', 'banner-provenance', 'unplaced'];
/** Rules that remove text of Word files (what the accepted document does not show, marks the template prints). */
const WORD_REMOVING: readonly RuleName[] = [
  'deletion',
  'field-instruction',
  'comment',
  'header-footer',
  'subtitle-dash',
  'byline-date',
];

/** Rules that remove visible text (and so appear in `import-removed.txt`). */
export const REMOVING_RULES: readonly RuleName[] = [...TEXT_REMOVING, ...STRUCTURE_REMOVING, ...WORD_REMOVING];
/** Rules that apply to plain text (listed in its summary). */
export const TEXT_RULES: readonly RuleName[] = [
  ...TEXT_REMOVING,
  ...STRUCTURE_REMOVING,
  'subtitle-dash',
  'han-space',
  'indent',
  'hard-wrap-joined',
];
/** Rules that apply to Word files. */
export const WORD_RULES: readonly RuleName[] = [...WORD_REMOVING, ...STRUCTURE_REMOVING];

/** One span of input text that is not carried into the sources. `line`/`column` are 1-based, in the input. */
export interface RemovedSpan {
  /** Set for text outside the main document of a Word file (word/header1.xml …). */
  readonly part?: string;
  readonly line: number;
  readonly column: number;
  readonly rule: RuleName;
  readonly text: string;
}

/** Something the importer decided without being sure; printed for a human to check. */
export interface Guess {
  readonly line: number;
  readonly message: string;
}

export interface OutputFile {
  /** Relative to the output folder. */
  readonly path: string;
  /** Text (written as UTF-8) or bytes (images). */
  readonly content: string | Uint8Array;
}

export interface ImportResult {
  readonly files: readonly OutputFile[];
  readonly summary: string;
  readonly removed: readonly RemovedSpan[];
  readonly guesses: readonly Guess[];
  readonly counts: Readonly<Record<RuleName, number>>;
  readonly encoding: string;
  readonly pieceCount: number;
}

export interface ImportOptions {
  /** Input file name as the user gave it (for messages and the removed-text file). */
  readonly fileName: string;
  /** ISO date for every piece's `date`; defaults to the banner's date when the input has one. */
  readonly date?: string;
  /** Pieces that disagree with the contents list are a warning instead of an error. */
  readonly ignoreContents?: boolean;
}

/** A working line: cleaned text of one input line. `indented` = it began with U+3000 / spaces. */
export interface Line {
  /** 1-based input line number. */
  readonly n: number;
  text: string;
  readonly indented: boolean;
  /** 1-based column (code points) of the first character of `text` in the input line. */
  readonly col: number;
  /** A blank line came before it (in the input, ignoring removed lines). */
  readonly blankBefore: boolean;
}

/** Mutable ledger shared by the importer's passes. */
export class Ledger {
  readonly removed: RemovedSpan[] = [];
  readonly guesses: Guess[] = [];
  readonly counts = Object.fromEntries([...new Set([...TEXT_RULES, ...WORD_REMOVING])].map((r) => [r, 0])) as Record<
    RuleName,
    number
  >;

  /** Record a removed span (empty or whitespace-only spans are counted but not listed). */
  remove(line: number, column: number, rule: RuleName, text: string, part?: string): void {
    this.counts[rule]++;
    if (text.trim() !== '')
      this.removed.push(part === undefined ? { line, column, rule, text } : { part, line, column, rule, text });
  }

  count(rule: RuleName, by = 1): void {
    this.counts[rule] += by;
  }

  guess(line: number, message: string): void {
    this.guesses.push({ line, message });
  }
}

/** An image a piece refers to, read when the sources are written. */
export interface ImageOut {
  /** Path relative to the collection folder (images/…). */
  readonly path: string;
  readonly read: () => Promise<Uint8Array>;
}

/** A piece recognised in one input, before ids and file names are given. */
export interface DraftPiece {
  readonly title: string;
  readonly subtitle: string | null;
  readonly role: string | null;
  readonly author: string | null;
  /** ISO date, or null. */
  readonly date: string | null;
  /** Index into the input's `parts`, or -1. */
  readonly part: number;
  /** Position of the title in the input (line, or paragraph number in a Word file). */
  readonly line: number;
  /** The Markdown body and the images it refers to, for the id the piece is given. */
  readonly body: (id: string) => { readonly markdown: string; readonly images: readonly ImageOut[] };
}

export interface DraftPart {
  readonly title: string;
  readonly line: number;
}

export interface DraftBanner {
  readonly headline: string | null;
  readonly name: string | null;
  readonly source: string | null;
  readonly date: string | null;
  readonly line: number;
}

/** What one input file gave: its pieces, the compilation-level parts it carries, and its ledger. */
export interface DraftInput {
  readonly fileName: string;
  /** 'UTF-8', 'GB18030', … for text; 'Word' for a .docx. */
  readonly format: string;
  /** The cleaning rules that apply to this kind of input (listed in the summary). */
  readonly rules: readonly RuleName[];
  /** Compilation title the input carries (a compilation's title line), or null. */
  readonly title: string | null;
  /** “（N篇）” count in that title, or null. */
  readonly count: number | null;
  readonly banner: DraftBanner | null;
  readonly parts: readonly DraftPart[];
  readonly pieces: readonly DraftPiece[];
  /** Number of contents entries, or null without a contents block. */
  readonly contentsEntries: number | null;
  readonly ledger: Ledger;
}
