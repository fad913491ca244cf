/**
 * Diagnostics: positioned errors and warnings, shared by every phase.
 *
 * A phase collects every problem it finds into a `Diagnostics` list and only then
 * throws a `SourceError` carrying all of them (SPEC §2: "one per problem, all
 * problems at once"). The CLI prints them as `path:line:column: error: message`
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
}

/** `path:line:column: error: message` — the one format users and CI parse. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
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

/** Damerau-free Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
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
