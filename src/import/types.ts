/**
 * Types of the plain-text importer (`huibian import`, SPEC §2): what `importText`
 * returns and the ledger it keeps so that no input character is lost silently
 * (every removed span is listed with its input line and the rule that removed it).
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
  | 'hard-wrap-joined';

/** Rules that remove visible text (and so appear in `import-removed.txt`). */
export const REMOVING_RULES: readonly RuleName[] = [
  'paywall-marker',
  'watermark',
  'advert',
  'repeated-line',
  'page-number',
  'contents',
  'count',
  'banner-provenance',
  'unplaced',
];

/** One span of input text that is not carried into the sources. `line`/`column` are 1-based, in the input. */
export interface RemovedSpan {
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
  readonly content: string;
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
  readonly counts: Record<RuleName, number> = {
    'paywall-marker': 0,
    watermark: 0,
    advert: 0,
    'repeated-line': 0,
    'page-number': 0,
    contents: 0,
    count: 0,
    'banner-provenance': 0,
    unplaced: 0,
    'han-space': 0,
    indent: 0,
    'hard-wrap-joined': 0,
  };

  /** Record a removed span (empty or whitespace-only spans are counted but not listed). */
  remove(line: number, column: number, rule: RuleName, text: string): void {
    this.counts[rule]++;
    if (text.trim() !== '') this.removed.push({ line, column, rule, text });
  }

  count(rule: RuleName, by = 1): void {
    this.counts[rule] += by;
  }

  guess(line: number, message: string): void {
    this.guesses.push({ line, message });
  }
}
