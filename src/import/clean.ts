/**
 * Line-level cleaning of text copied from newspapers, material platforms and PDFs.
 * Each rule is named and counted in the ledger; every removed span keeps its input
 * line and column (docs/import.md: never silent loss).
 *
 * Rules: paywall-marker (`##paidbegin##`), watermark (alphanumeric id + 整理),
 * advert (【…素材库】, 欢迎加入…, 添加客服…), page-number, repeated-line,
 * han-space (spaces between CJK characters, clreq §3.2: Han text has no word spaces),
 * indent (U+3000 ideographic spaces used as first-line indentation).
 */
import { enumeratorLevel, SENTENCE_PUNCT } from './chars.js';
import { isChineseTextChar } from '../model/cjk.js';
import { Ledger, type Line } from './types.js';

/** CRLF / CR → LF, then split. */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** 1-based code-point column of UTF-16 index `idx` in `s`. */
function column(s: string, idx: number): number {
  return Array.from(s.slice(0, idx)).length + 1;
}

const PAYWALL = /##\s*paid\s*(?:begin|end)\s*##/gi;
/** An id of ≥ 5 letters/digits containing a digit, then 整理, then an optional full stop. */
const WATERMARK = /(?=[A-Za-z\d]*\d)[A-Za-z\d]{5,}\s*整理[。．.]?/g;

const ADVERT_LINE = [
  /^【[^】]{0,16}(?:素材|代笔|文库|资料库|材料库|公文)[^】]{0,16}】/,
  /欢迎加入/,
  /添加客服/,
  /有意加入/,
  /谨防假冒/,
  /扫码(?:关注|加入)/,
  /(?:客服|微信|QQ|VX|vx)\s*[：:]\s*[A-Za-z\d]/,
  /关注公众号/,
];

const PAGE_NUMBER =
  /^(?:第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?|[-—–－]\s*\d{1,3}\s*[-—–－]|\d{1,3}|\d{1,3}\s*[/／]\s*\d{1,3}|page\s*\d{1,3}(?:\s*of\s*\d{1,3})?)$/i;

interface Span {
  start: number;
  end: number;
  rule: 'paywall-marker' | 'watermark';
}

/** Inline spans to remove from one raw line. */
function inlineSpans(raw: string): Span[] {
  const spans: Span[] = [];
  for (const m of raw.matchAll(PAYWALL))
    spans.push({ start: m.index, end: m.index + m[0].length, rule: 'paywall-marker' });
  for (const m of raw.matchAll(WATERMARK)) {
    let end = m.index + m[0].length;
    const before = raw.slice(0, m.index).trimEnd();
    const last = before.slice(-1);
    // The trailing full stop belongs to the watermark only when the sentence before had already ended.
    if (/[。．.]$/.test(m[0]) && before !== '' && !/[。！？；…”）]/.test(last)) end--;
    spans.push({ start: m.index, end, rule: 'watermark' });
  }
  spans.sort((a, b) => a.start - b.start);
  return spans.filter((s, i) => i === 0 || s.start >= spans[i - 1].end);
}

/**
 * A running header or footer: a short line without sentence punctuation or section
 * number that occurs three or more times (page furniture of a PDF).
 */
function isRunningHeader(text: string, occurrences: number): boolean {
  return occurrences >= 3 && Array.from(text).length <= 20 && !SENTENCE_PUNCT.test(text) && enumeratorLevel(text) === 0;
}

/** One character ('' at either end of the text) that is Han or punctuation of Chinese running text. */
function chinese(ch: string): boolean {
  return ch !== '' && isChineseTextChar(ch.codePointAt(0)!);
}

/** Remove spaces between two CJK characters; counts each removed run. */
export function removeHanSpaces(text: string, ledger: Ledger): string {
  return text.replace(/(?<=\S)[ \t\u3000\u00a0]+(?=\S)/gu, (run, offset: number, whole: string) => {
    const before = Array.from(whole.slice(0, offset)).pop() ?? '';
    const after = Array.from(whole.slice(offset + run.length))[0] ?? '';
    if (chinese(before) && chinese(after)) {
      ledger.count('han-space');
      return '';
    }
    return run.replace(/\u3000/g, ' ');
  });
}

/**
 * Clean raw lines into working lines. Empty lines disappear (recorded as `blankBefore`
 * of the next line); advert, page-number and repeated lines are removed whole.
 */
export function cleanLines(raw: readonly string[], ledger: Ledger): Line[] {
  const out: Line[] = [];
  let blank = false;
  const seen = new Map<string, number>();
  const stripped: { n: number; text: string; indented: boolean; col: number }[] = [];

  raw.forEach((rawLine, i) => {
    const n = i + 1;
    let text = '';
    let cursor = 0;
    let firstKept = -1;
    const keep = (from: number, to: number) => {
      const chunk = rawLine.slice(from, to);
      const lead = chunk.search(/[^\s\u3000\u00a0]/u);
      if (firstKept < 0 && lead >= 0) firstKept = from + lead;
      text += chunk;
    };
    for (const s of inlineSpans(rawLine)) {
      keep(cursor, s.start);
      ledger.remove(n, column(rawLine, s.start), s.rule, rawLine.slice(s.start, s.end));
      cursor = s.end;
    }
    keep(cursor, rawLine.length);
    const lead = /^[\s\u3000\u00a0]*/u.exec(text)![0];
    const col = firstKept < 0 ? 1 : column(rawLine, firstKept);
    stripped.push({ n, text: text.trim(), indented: lead !== '' && text.trim() !== '', col });
  });

  for (const s of stripped) if (s.text !== '') seen.set(s.text, (seen.get(s.text) ?? 0) + 1);
  const headersNoted = new Set<string>();
  let previous = '';

  for (const s of stripped) {
    if (s.text === '') {
      blank = true;
      continue;
    }
    const col = s.col;
    if (ADVERT_LINE.some((re) => re.test(s.text))) {
      ledger.remove(s.n, col, 'advert', s.text);
      continue;
    }
    if (PAGE_NUMBER.test(s.text)) {
      ledger.remove(s.n, col, 'page-number', s.text);
      continue;
    }
    const repeatedAdjacent = s.text === previous && Array.from(s.text).length >= 2;
    if (repeatedAdjacent || isRunningHeader(s.text, seen.get(s.text) ?? 0)) {
      ledger.remove(s.n, col, 'repeated-line', s.text);
      if (!repeatedAdjacent && !headersNoted.has(s.text)) {
        headersNoted.add(s.text);
        ledger.guess(s.n, `“${s.text}” occurs ${seen.get(s.text)} times: removed everywhere as a running header`);
      }
      continue;
    }
    previous = s.text;
    if (s.indented) ledger.count('indent');
    const text = removeHanSpaces(s.text, ledger).replace(/\u3000/g, ' ');
    out.push({ n: s.n, text, indented: s.indented, col, blankBefore: blank });
    blank = false;
  }
  return out;
}
