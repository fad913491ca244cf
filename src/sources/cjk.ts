/**
 * Character classes for joining soft line breaks (clreq §3.1: no inter-word
 * spaces in Chinese; SPEC §1: soft breaks between Chinese characters join with
 * no space).
 *
 * "Strong" CJK characters: Han, kana, bopomofo, CJK symbols and punctuation
 * (U+3000–303F), full-width forms (U+FF00–FFEF), CJK compatibility and vertical
 * forms. "Weak" ones are shared with Western text (“ ” ‘ ’ — … ·) and count as
 * CJK only next to a strong one.
 */

const STRONG =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\ufe10-\ufe1f\ufe30-\ufe4f\u2e80-\u2fdf\u31c0-\u31ef]/u;
const WEAK = /[\u201c\u201d\u2018\u2019\u2014\u2026\u00b7\u2015\u2e3a]/u;

export function isStrongCjk(ch: string): boolean {
  return STRONG.test(ch);
}

export function isWeakCjk(ch: string): boolean {
  return WEAK.test(ch);
}

/** Whether a soft line break between `before` and `after` joins with no space. */
export function joinsWithoutSpace(before: string | null, after: string | null): boolean {
  if (before === null || after === null) return true;
  const sb = isStrongCjk(before);
  const sa = isStrongCjk(after);
  return (sb && (sa || isWeakCjk(after))) || (sa && isWeakCjk(before));
}
