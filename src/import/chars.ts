/**
 * Character classes the importer reasons with (clreq §3.1 punctuation classes,
 * GB/T 15834-2011): sentence-final marks, closing marks, section numbers. Which
 * characters are Chinese is model/cjk.ts's.
 */

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
