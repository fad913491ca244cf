/**
 * Where a Latin word may break (docs/typography.md “Latin runs, URLs and
 * numbers”): a word here is a run of Latin letters, digits and half-width
 * symbols between spaces, Han characters and full-width marks.
 *
 * - An ordinary word breaks where Unicode line breaking (UAX #14, the `linebreak`
 *   package) allows — after a hyphen, say — but never beside a solidus (`km/h`,
 *   `1/3`: the solidus may neither start nor end a line). UAX #14 keeps numbers
 *   whole (`1,286.4`, `12.8%`, `5G`).
 * - A URL or e-mail address breaks where url-breaks.ts says — after `/ ? & = # _ .`
 *   (after the last of a row of them: `https://` stays whole) and before `@`, never
 *   with an added hyphen — the same places the DOCX marks. Inside it these rules win
 *   over the solidus rule.
 *
 * A word with no break that fits the measure is broken at a character as the last
 * resort (lastresort.ts), not here.
 */
import LineBreaker from 'linebreak';
import { findUrls, urlBreakOffsets } from './url-breaks.js';

/**
 * Break offsets (UTF-16, strictly inside the word) of a word that starts with a URL or e-mail
 * address: the places url-breaks.ts allows inside the address (the DOCX marks the same ones);
 * sentence punctuation after it stays with it. Null for a word that does not start with one.
 */
function urlBreaks(word: string): number[] | null {
  const span = findUrls(word)[0];
  return span?.start === 0 ? urlBreakOffsets(word.slice(0, span.end)) : null;
}

const SOLIDUS = /[/／]/;

/** Break offsets (UTF-16, strictly inside the word) of an ordinary word by UAX #14, none beside a solidus. */
function unicodeBreaks(word: string): number[] {
  const out: number[] = [];
  const breaker = new LineBreaker(word);
  for (let b = breaker.nextBreak(); b !== null; b = breaker.nextBreak()) {
    const k = b.position;
    if (k <= 0 || k >= word.length) continue;
    if (SOLIDUS.test(word[k - 1]!) || SOLIDUS.test(word[k]!)) continue;
    out.push(k);
  }
  return out;
}

/** Letters and digits only: UAX #14 finds no break inside (classes AL and NU throughout). */
const PLAIN_WORD = /^[A-Za-z0-9]*$/;

/** Answers by word, kept for the run: the same words recur through a collection. */
const memo = new Map<string, readonly number[]>();
const MEMO_LIMIT = 10_000;

/** Offsets (UTF-16 units, 0 < k < word.length, ascending) where `word` may break: a URL's places, else UAX #14's. */
export function wordBreaks(word: string): readonly number[] {
  if (PLAIN_WORD.test(word)) return [];
  let hit = memo.get(word);
  if (hit === undefined) {
    hit = urlBreaks(word) ?? unicodeBreaks(word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, hit);
  }
  return hit;
}
