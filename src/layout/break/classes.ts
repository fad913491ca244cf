/**
 * Character classes for Chinese line composition (docs/typography.md “Punctuation
 * classes”; W3C clreq §3.1 “Punctuation marks”, §3.1.7 line-start/line-end
 * prohibition rules; GB/T 15834-2011 for which mark is which).
 *
 * `classify` is pure and table-driven; `noStart`/`noEnd` answer the prohibition
 * question for a strictness level; `prohibitedLineStartChars`/`…EndChars` give the
 * same lists as strings, which the tests use to check set lines. The DOCX does not
 * write them: it turns on Word's own line-breaking rules (`w:kinsoku` in the
 * document defaults, render/docx/styles.ts) without a custom list.
 */
import type { Kinsoku } from '../../template/index.js';
import { isWide } from '../../model/cjk.js';

export type CharClass =
  /** Han ideographs, kana, full-width letters and digits: one em, no adjustable space. */
  | 'han'
  /** 点号 、。，．：；！？ — glyph in the left half. */
  | 'stop'
  /** Closing quotes and brackets — glyph in the left half. */
  | 'closing'
  /** Opening quotes and brackets — glyph in the right half. */
  | 'opening'
  /** 间隔号 · — glyph centred, a quarter em adjustable each side. */
  | 'interpunct'
  /** Characters of the two-em units —— ⸺ …… ⋯⋯. */
  | 'twoEm'
  /** Connectors - – ～. */
  | 'connector'
  /** Solidus / ／. */
  | 'solidus'
  /** Latin closers and suffixes , . ; : ! ? ) ] } % ‰ ℃ °. */
  | 'latinCloser'
  /** Latin openers and prefixes ( [ { ￥ $ £. */
  | 'latinOpener'
  /** Latin letters, digits and other proportional characters. */
  | 'latin'
  /** White space between words. */
  | 'space';

export const STOP_CHARS = '、。，．：；！？';
export const CLOSING_CHARS = '”’）》〉」』】〗〕］｝';
export const OPENING_CHARS = '“‘（《〈「『【〖〔［｛';
export const INTERPUNCT_CHARS = '·・‧･';
export const TWO_EM_CHARS = '—⸺…⋯';
export const CONNECTOR_CHARS = '-–～〜';
export const SOLIDUS_CHARS = '/／';
export const LATIN_CLOSER_CHARS = ',.;:!?)]}%‰℃°％';
export const LATIN_OPENER_CHARS = '([{￥$£';

const TABLE = new Map<number, CharClass>();
function fill(chars: string, cls: CharClass): void {
  for (const ch of chars) TABLE.set(ch.codePointAt(0)!, cls);
}
fill(STOP_CHARS, 'stop');
fill('！？', 'stop');
fill(CLOSING_CHARS, 'closing');
fill(OPENING_CHARS, 'opening');
fill(INTERPUNCT_CHARS, 'interpunct');
fill(TWO_EM_CHARS, 'twoEm');
fill(CONNECTOR_CHARS, 'connector');
fill(SOLIDUS_CHARS, 'solidus');
fill(LATIN_CLOSER_CHARS, 'latinCloser');
fill(LATIN_OPENER_CHARS, 'latinOpener');

/** The class of one code point (docs/typography.md “Punctuation classes” table; full-width letters and digits behave as Han). */
export function classify(cp: number): CharClass {
  const cls = TABLE.get(cp);
  if (cls !== undefined) return cls;
  if (cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a)) {
    return 'space';
  }
  if (isWide(cp)) return 'han';
  return 'latin';
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The code point is a letter or a digit (the Han–Latin gap and the interpunct inside a word look for these). */
export function isLetterOrDigit(cp: number): boolean {
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** The class of a string's first or last code point. */
export function firstClass(text: string): CharClass {
  return classify(text.codePointAt(0)!);
}
export function lastClass(text: string): CharClass {
  const last = [...text].pop()!;
  return classify(last.codePointAt(0)!);
}

/** Classes that may not start a line at each strictness (clreq §3.1.7; docs/typography.md “Punctuation classes”). */
const NO_START: Record<Kinsoku, ReadonlySet<CharClass>> = {
  none: new Set(),
  basic: new Set(['stop', 'closing']),
  gb: new Set(['stop', 'closing', 'connector', 'interpunct', 'solidus', 'latinCloser']),
  strict: new Set(['stop', 'closing', 'connector', 'interpunct', 'solidus', 'latinCloser', 'twoEm']),
};

/** Classes that may not end a line at each strictness. */
const NO_END: Record<Kinsoku, ReadonlySet<CharClass>> = {
  none: new Set(),
  basic: new Set(['opening']),
  gb: new Set(['opening', 'solidus', 'latinOpener']),
  strict: new Set(['opening', 'solidus', 'latinOpener']),
};

export function noStart(cls: CharClass, kinsoku: Kinsoku): boolean {
  return NO_START[kinsoku].has(cls);
}

export function noEnd(cls: CharClass, kinsoku: Kinsoku): boolean {
  return NO_END[kinsoku].has(cls);
}

const ALL_CHARS =
  STOP_CHARS +
  CLOSING_CHARS +
  OPENING_CHARS +
  INTERPUNCT_CHARS +
  TWO_EM_CHARS +
  CONNECTOR_CHARS +
  SOLIDUS_CHARS +
  LATIN_CLOSER_CHARS +
  LATIN_OPENER_CHARS;

function charsWhere(pred: (cls: CharClass) => boolean): string {
  let out = '';
  for (const ch of new Set(ALL_CHARS)) if (pred(classify(ch.codePointAt(0)!))) out += ch;
  return out;
}

/** Characters that may not start a line, as one string. */
export function prohibitedLineStartChars(kinsoku: Kinsoku): string {
  return charsWhere((cls) => noStart(cls, kinsoku));
}

/** Characters that may not end a line, as one string. */
export function prohibitedLineEndChars(kinsoku: Kinsoku): string {
  return charsWhere((cls) => noEnd(cls, kinsoku));
}
