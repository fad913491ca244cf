/**
 * Character classes the importer reasons with (clreq §3.1 punctuation classes,
 * GB/T 15834-2011): Han characters, sentence-final marks, closing marks.
 */

const HAN = /[\p{Script=Han}]/u;

/** A Han character or full-width CJK punctuation / letter (U+3000–U+303F, U+FF00–U+FFEF, U+2014–U+201D, U+2026). */
export function isCjk(ch: string): boolean {
  if (HAN.test(ch)) return true;
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x3001 && c <= 0x303f) || (c >= 0xff01 && c <= 0xffef) || (c >= 0x2014 && c <= 0x201d) || c === 0x2026;
}

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** Marks that end a sentence (GB/T 15834 句末点号) plus the colon and semicolon, which end a line of a list. */
const FINAL = new Set(['。', '！', '？', '!', '?', '；', '：', '…', '.']);
/** Closing quotes and brackets that may follow a final mark (。” ！）). */
const CLOSERS = new Set(['”', '’', '）', ')', '」', '』', '》', '】', '〕']);

/** Does `text` end a sentence (final mark, optionally followed by closing quotes/brackets)? */
export function endsSentence(text: string): boolean {
  const chars = Array.from(text.trimEnd());
  let i = chars.length - 1;
  while (i >= 0 && CLOSERS.has(chars[i])) i--;
  if (i < 0) return false;
  if (chars[i] === '.') {
    // a Latin full stop ends a sentence only after a non-digit (not "3.")
    return i > 0 && !/\d/.test(chars[i - 1]);
  }
  return FINAL.has(chars[i]);
}

/** Sentence punctuation that a title or byline line does not contain. */
export const SENTENCE_PUNCT = /[。，；！？,;!?]/;

/** Count of code points. */
export function cpLength(s: string): number {
  return Array.from(s).length;
}

/** Leading section numbers of Chinese official writing: 一、 （一） 1． 1. （1）. Returns the heading level 1–4 or 0. */
export function enumeratorLevel(text: string): 0 | 1 | 2 | 3 | 4 {
  if (/^[一二三四五六七八九十]{1,3}、/.test(text)) return 1;
  if (/^[（(][一二三四五六七八九十]{1,3}[）)]/.test(text)) return 2;
  if (/^\d{1,2}[．.](?!\d)/.test(text)) return 3;
  if (/^[（(]\d{1,2}[）)]/.test(text)) return 4;
  return 0;
}
