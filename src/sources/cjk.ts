/**
 * Character classes for joining soft line breaks (clreq §3.1: no inter-word
 * spaces in Chinese; docs/sources.md “Soft line breaks”: soft breaks between Chinese characters join with
 * no space).
 *
 * "Strong" CJK characters: Han, kana, bopomofo, CJK symbols and punctuation
 * (U+3000–303F), full-width forms (U+FF00–FFEF), CJK compatibility and vertical
 * forms.
 */

const STRONG =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\ufe10-\ufe1f\ufe30-\ufe4f\u2e80-\u2fdf\u31c0-\u31ef]/u;

export function isStrongCjk(ch: string): boolean {
  return STRONG.test(ch);
}

/**
 * Whether a soft line break between `before` and `after` joins with no space: whenever
 * either side is Chinese. Between Han and Latin/digits the layout adds its own ¼ em
 * (docs/typography.md “Latin, digits and symbols in Han text”), so a hard-wrapped `中文⏎2023年` must not gain a real space.
 */
export function joinsWithoutSpace(before: string | null, after: string | null): boolean {
  if (before === null || after === null) return true;
  return isStrongCjk(before) || isStrongCjk(after);
}
