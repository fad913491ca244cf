/**
 * Which characters are Chinese (CJK): the one module every phase asks. Each
 * predicate takes one code point and says what it is for, because the phases ask
 * different questions:
 *
 * - `isHan`: a Han ideograph — CJK Unified Ideographs, Extensions A–G and later,
 *   compatibility ideographs, radicals (Unicode's Script=Han, so new extensions
 *   come with the Unicode version).
 * - `isCjkPunctuation`: CJK punctuation and symbols, apart from the Han
 *   characters: CJK Symbols and Punctuation (U+3000–303F, less 々 〇 〡… and the
 *   ideographic space), vertical and compatibility forms (U+FE10–FE1F,
 *   U+FE30–FE4F), the full-width punctuation of U+FF00–FFEF (not its letters or
 *   digits).
 * - `isWide`: set one em wide in Chinese text (layout: the `han` class) — Han,
 *   kana, hangul, CJK symbols, full-width forms, by East Asian Width ranges.
 * - `isStrongCjk` / `joinsWithoutSpace`: a soft line break next to such a
 *   character joins with no space (sources; clreq §3.1: no inter-word spaces;
 *   docs/sources.md “Soft line breaks”).
 * - `isChineseTextChar`: Han or the punctuation of Chinese running text; the
 *   importer removes a space between two of them.
 */

const HAN = /^\p{Script=Han}$/u;

/** A Han ideograph (Script=Han). */
export function isHan(cp: number): boolean {
  return HAN.test(String.fromCodePoint(cp));
}

/** `s` is exactly one Han ideograph. */
export function isOneHan(s: string): boolean {
  return HAN.test(s);
}

const CJK_PUNCTUATION_BLOCKS = /^[\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]$/u;
const LETTER_DIGIT_OR_SPACE = /^[\p{L}\p{N}\s]$/u;

/** CJK punctuation or symbol (see the module docblock): no letter, digit or space, so never a Han character (々 〇 〡… are letters or numbers). */
export function isCjkPunctuation(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return CJK_PUNCTUATION_BLOCKS.test(ch) && !LETTER_DIGIT_OR_SPACE.test(ch);
}

/** True for code points set one em wide in Chinese text (ideographs, kana, hangul, full-width forms, CJK symbols). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * "Strong" CJK for joining soft line breaks: Han, kana, bopomofo, CJK symbols and
 * punctuation (U+3000–303F), full-width forms (U+FF00–FFEF), CJK compatibility and
 * vertical forms, radicals, strokes.
 */
const STRONG =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef\ufe10-\ufe1f\ufe30-\ufe4f\u2e80-\u2fdf\u31c0-\u31ef]$/u;

export function isStrongCjk(cp: number): boolean {
  return STRONG.test(String.fromCodePoint(cp));
}

/**
 * Whether a soft line break between the characters `before` and `after` joins with
 * no space: whenever either side is Chinese. Between Han and Latin/digits the layout
 * adds its own ¼ em (docs/typography.md “Latin, digits and symbols in Han text”), so a
 * hard-wrapped `中文⏎2023年` must not gain a real space.
 */
export function joinsWithoutSpace(before: string | null, after: string | null): boolean {
  if (before === null || after === null) return true;
  return strong(before) || strong(after);
}

function strong(ch: string): boolean {
  const cp = ch.codePointAt(0);
  return cp !== undefined && isStrongCjk(cp);
}

/** Han, or CJK punctuation U+3001–303F, a full-width form U+FF01–FFEF, — ‘ ’ “ ” (U+2014–201D) or …. */
export function isChineseTextChar(cp: number): boolean {
  if (isHan(cp)) return true;
  return (
    (cp >= 0x3001 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xffef) || (cp >= 0x2014 && cp <= 0x201d) || cp === 0x2026
  );
}
