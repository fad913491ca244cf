/**
 * Where a title may break: between words (docs/typography.md “Titles”).
 *
 * Words are found with jieba (`@node-rs/jieba`, its bundled dictionary): ICU's
 * `Intl.Segmenter` cuts 工业|化, 构|建, 营|商, jieba does not. The segmenter is
 * loaded on first use only — a native addon and a 5 MB dictionary (~120 ms to
 * load), needed only by a title or contents entry that does not fit on one line —
 * and texts it has cut before come from a memo file (src/fonts memo-file.ts, keyed
 * by jieba's version and the words added here), so a build of texts seen before
 * does not load it at all.
 *
 * jieba's words are then grouped into chunks a line never breaks inside:
 * - words the dictionary lacks (分析会, 推进会, 新时代, …) are added to it, so
 *   `分析会上` is not cut `分析|会上`;
 * - a one-character particle or postposition (的 之 地 得 着 了 过 们 上) stays with
 *   the word before it, a one-character preposition or conjunction (以 在 为 对 把
 *   将 向 从 于 与 和 及 同 被 由 按) with the word after it;
 * - digits or Latin letters stay with a one-character word after them (9篇, 2025年).
 * White space is a chunk of its own: a break opportunity the author placed.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { memoFile, type MemoCodec, type MemoFile } from '../fonts/index.js';
import { isOneHan } from '../model/cjk.js';

const require = createRequire(import.meta.url);

interface Cutter {
  cut(sentence: string, hmm?: boolean): string[];
}

/**
 * Words of official prose jieba's dictionary lacks (meeting names, 新时代 …), and the
 * frequency that makes them win over a split (`分析|会上`, `新|时代`) without taking
 * characters from a neighbour (`创新|时代` stays).
 */
const EXTRA_WORDS = [
  '新时代',
  '新征程',
  '新质生产力',
  '分析会',
  '推进会',
  '部署会',
  '学习会',
  '工作会',
  '调度会',
  '务虚会',
  '汇报会',
  '表彰会',
  '总结会',
  '启动会',
  '协调会',
  '联席会',
  '通报会',
  '观摩会',
  '培训会',
  '恳谈会',
  '评审会',
  '论证会',
  '誓师会',
  '见面会',
  '座谈会',
  '交流会',
  '动员会',
  '现场会',
  '研讨会',
  '报告会',
  '例会',
];
const EXTRA_FREQUENCY = 3000;

const ATTACH_TO_PREVIOUS = new Set([...'的之地得着了过们上']);
const ATTACH_TO_NEXT = new Set([...'以在为对把将向从于与和及同被由按']);
const SPACE = /^[\s\u3000]+$/u;
const DIGITS_OR_LATIN = /^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.,%]+$/u;

let cutter: Cutter | null = null;

function jieba(): Cutter {
  if (cutter === null) {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const j = Jieba.withDict(dict);
    j.loadDict(Buffer.from(EXTRA_WORDS.map((w) => `${w} ${EXTRA_FREQUENCY} n`).join('\n')));
    cutter = j;
  }
  return cutter;
}

/** Words that join back to their text, as stored in the memo file. */
const WORDS: MemoCodec<readonly string[]> = {
  encode: (words) => words,
  decode: (text, stored) =>
    Array.isArray(stored) && stored.every((w) => typeof w === 'string' && w !== '') && stored.join('') === text
      ? (stored as string[])
      : undefined,
};

let memoKey: string | null = null;

/** The memo file of jieba's cuts: its key names jieba's version (its dictionary) and the words added here. */
function wordMemo(): MemoFile<readonly string[]> {
  if (memoKey === null) {
    const { version } = require('@node-rs/jieba/package.json') as { version: string };
    memoKey = createHash('sha256')
      .update(`${version}\0${EXTRA_FREQUENCY}\0${EXTRA_WORDS.join('\n')}`)
      .digest('hex')
      .slice(0, 32);
  }
  return memoFile('words', memoKey, WORDS);
}

/** jieba's words of `text` (with its HMM for words the dictionary lacks); they join back to `text`. */
export function segmentWords(text: string): string[] {
  if (text === '') return [];
  const known = wordMemo().get(text);
  if (known) return [...known];
  const cut = jieba().cut(text, true);
  // The cutter returns the text's own characters; anything else would lose text, so fall back to characters.
  const words = cut.join('') === text ? cut : [...text];
  wordMemo().add(text, words);
  return words;
}

/**
 * `text` cut into the chunks a title line may break between (the module docblock):
 * they join back to `text`; white space runs are chunks of their own.
 */
export function titleChunks(text: string): string[] {
  const words = segmentWords(text);
  const out: string[] = [];
  let carry = '';
  for (const w of words) {
    const prev = out.length > 0 ? out[out.length - 1]! : null;
    if (SPACE.test(w)) {
      if (carry) out.push(carry);
      carry = '';
      if (prev !== null && SPACE.test(prev)) out[out.length - 1] = prev + w;
      else out.push(w);
      continue;
    }
    const word = carry + w;
    carry = '';
    if (ATTACH_TO_NEXT.has(word)) {
      carry = word;
    } else if (
      prev !== null &&
      !SPACE.test(prev) &&
      ((ATTACH_TO_PREVIOUS.has(word) && word === w) || (isOneHan(w) && word === w && DIGITS_OR_LATIN.test(prev)))
    ) {
      out[out.length - 1] = prev + word;
    } else {
      out.push(word);
    }
  }
  if (carry) {
    // A preposition at the very end stays with what comes before it.
    const prev = out.length > 0 ? out[out.length - 1]! : null;
    if (prev !== null && !SPACE.test(prev)) out[out.length - 1] = prev + carry;
    else out.push(carry);
  }
  return out;
}

/**
 * The phrases the author separated with spaces, each one chunk when `fitsLine` says
 * it fits on a line (else cut into its `titleChunks`), with the spaces as chunks
 * between them.
 */
export function phraseChunks(text: string, fitsLine: (phrase: string) => boolean): string[] {
  return text
    .split(/([\s\u3000]+)/u)
    .filter((s) => s !== '')
    .flatMap((s) => (SPACE.test(s) || fitsLine(s) ? [s] : titleChunks(s)));
}

/** True when `chunk` is white space (a break opportunity, not printed at a line end). */
export const isSpaceChunk = (chunk: string): boolean => SPACE.test(chunk);
