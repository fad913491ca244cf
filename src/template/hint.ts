/**
 * “Did you mean …” for template keys: the shared `unknownKeyMessage`
 * (model/diagnostics.ts, plain Levenshtein) plus swapped neighbours — `pgae`,
 * `szie`, `titel` are one slip of the fingers but two plain edits away.
 */
import { unknownKeyMessage } from '../model/diagnostics.js';

/** True when `b` is `a` with two adjacent characters swapped (case-insensitive). */
export function isTransposition(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.length !== y.length || x === y) return false;
  const diff: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && x[diff[0]] === y[diff[1]] && x[diff[1]] === y[diff[0]];
}

/** `unknown key "szie" (did you mean "size"?)`, else the list of known keys. */
export function unknownMessage(what: string, key: string, known: readonly string[]): string {
  const message = unknownKeyMessage(what, key, known);
  if (message.includes('did you mean')) return message;
  const swapped = known.find((k) => isTransposition(key, k));
  return swapped ? `unknown ${what} "${key}" (did you mean "${swapped}"?)` : message;
}
