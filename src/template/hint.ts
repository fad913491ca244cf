/**
 * “Did you mean …” for template keys: the shared `didYouMean` (model/diagnostics.ts,
 * plain Levenshtein) first, then swapped neighbours — `pgae`, `szie`, `titel` are one
 * slip of the fingers but two plain edits away, more than `didYouMean` allows for a
 * short word. When neither finds a key, the message lists the known keys.
 */
import { didYouMean, unknownKeyMessage } from '../model/diagnostics.js';

/** True when `b` is `a` with two adjacent characters swapped (case-insensitive). */
export function isTransposition(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.length !== y.length || x === y) return false;
  const diff: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && x[diff[0]] === y[diff[1]] && x[diff[1]] === y[diff[0]];
}

/**
 * `unknown key "szie" (did you mean "size"?)`, else the list of known keys. Only the
 * list can come from `unknownKeyMessage` here: its own hint is `didYouMean`'s, already
 * tried by `closest`.
 */
export function unknownMessage(what: string, key: string, known: readonly string[]): string {
  const hint = closest(key, known);
  return hint ? `unknown ${what} "${key}" (did you mean "${hint}"?)` : unknownKeyMessage(what, key, known);
}

/** The known word `word` was probably meant to be (typo or swapped letters), or null. */
export function closest(word: string, known: readonly string[]): string | null {
  return didYouMean(word, known) ?? known.find((k) => isTransposition(word, k)) ?? null;
}
