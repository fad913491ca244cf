/**
 * Diagnostics: positioned errors and warnings, shared by every phase.
 *
 * A phase collects every problem it finds into a `Diagnostics` list and only then
 * throws a `SourceError` carrying all of them (docs/sources.md “Diagnostics and exit codes”:
 * all problems at once, each once). The CLI prints them as `path:line:column: error: message`
 * and exits 1. Anything else thrown is a bug (exit 3).
 */
import type { Pos } from './types.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /**
   * The output file it concerns (`compilation.pdf`, `handouts/01-gaoxin.pdf`), for what one
   * layout or writer found; absent for problems of the sources, template or fonts.
   */
  readonly output?: string;
}

/** `path:line:column: error: message` (`… (compilation.pdf)` naming an output) — the one format users and CI parse. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}` + (d.output ? ` (${d.output})` : '');
}

/** The diagnostics naming `output`. */
export function forOutput(list: readonly Diagnostic[], output: string): Diagnostic[] {
  return list.map((d) => ({ ...d, output }));
}

/**
 * Each diagnostic once: the same severity and message at the same position for the same
 * output is one problem, the first kept — a layout that sets a paragraph again, two fonts
 * lacking one character, two overfull lines of one source text that differ only in how far
 * they stick out (a measured amount such as `3.2 pt`).
 */
export function dedupeDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const message = d.message.replace(/\d+(?:\.\d+)?\s*(pt|mm|em)\b/g, '# $1');
    const key = JSON.stringify([d.file, d.line, d.column, d.severity, message, d.output ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Thrown when input (sources, template, fonts, output path) is invalid: exit code 1, nothing written. */
export class SourceError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'SourceError';
    this.diagnostics = diagnostics;
  }
}

/**
 * Thrown for a bad command line (an unknown `--template`, an `--only` naming no piece):
 * exit code 2, with the valid choices in the message. It has no position: the
 * problem is in what was typed, not in a file.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Collects diagnostics in order; `throwIfErrors` raises them all at once. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(pos: Pos, message: string): void {
    this.items.push({ severity: 'error', file: pos.file, line: pos.line, column: pos.column, message });
  }

  warning(pos: Pos, message: string): void {
    this.items.push({ severity: 'warning', file: pos.file, line: pos.line, column: pos.column, message });
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Throws a SourceError holding every error (warnings stay in `items`). */
  throwIfErrors(): void {
    if (this.hasErrors()) throw new SourceError(this.errors);
  }
}

/** Position for a whole file (line 1, column 1). */
export function filePos(file: string): Pos {
  return { file, line: 1, column: 1 };
}

/** Edit distance with adjacent transpositions (optimal string alignment), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** The closest known key when it is plausibly a typo (distance ≤ max(1, ⌊len/3⌋)), else null. */
export function didYouMean(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(1, Math.floor(key.length / 3)) ? best : null;
}

/** `unknown key "tilte" (did you mean "title"?)` style message tail. */
export function unknownKeyMessage(what: string, key: string, known: readonly string[]): string {
  const hint = didYouMean(key, known);
  return `unknown ${what} "${key}"` + (hint ? ` (did you mean "${hint}"?)` : ` (known: ${known.join(', ')})`);
}
