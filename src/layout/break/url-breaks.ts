/**
 * Where a URL or an e-mail address may break (docs/typography.md “Latin runs, URLs
 * and numbers”): after / ? & = # _ . and before @, never with a hyphen added, and
 * not between the two slashes of `//`. One rule for the PDF's line breaker and the
 * DOCX writer (which marks the same places with zero-width spaces), so both break
 * an address at the same places. Pure: strings in, offsets out.
 */

/** A URL or e-mail address found in running text: UTF-16 offsets, `end` exclusive. */
export interface UrlSpan {
  readonly start: number;
  readonly end: number;
}

/** Characters an address never contains here: white space, Chinese text and punctuation, quotes, brackets. */
const NOT_IN_ADDRESS = '\\s<>"“”‘’（）《》【】\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const ADDRESS = new RegExp(
  [
    // A URL with a scheme, or starting www.
    `(?:[a-z][a-z0-9+.-]*://|www\\.)[^${NOT_IN_ADDRESS}]+`,
    // An e-mail address.
    `[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+`,
    // A bare domain with a path: cq.gov.cn/zwgk/…
    `(?:[a-z0-9-]+\\.)+[a-z]{2,}/[^${NOT_IN_ADDRESS}]*`,
  ].join('|'),
  'giu',
);
/** Punctuation that ends a sentence after an address rather than belonging to it. */
const TRAILING = /[.,;:!?)\]'"]+$/u;

/** The URLs and e-mail addresses in `text`, in order, trailing sentence punctuation left out. */
export function findUrls(text: string): UrlSpan[] {
  const out: UrlSpan[] = [];
  for (const m of text.matchAll(ADDRESS)) {
    const body = m[0].replace(TRAILING, '');
    if (body.length > 0) out.push({ start: m.index, end: m.index + body.length });
  }
  return out;
}

/** Is `word` (a whole Latin run) a URL or an e-mail address? */
export function isUrl(word: string): boolean {
  const spans = findUrls(word);
  return spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === word.length;
}

const BREAK_AFTER = new Set(['/', '?', '&', '=', '#', '_', '.']);

/**
 * Offsets inside `url` (0 < k < length) where a line may break before `url[k]`:
 * after / ? & = # _ . (not between two slashes, nor before another such mark), and
 * before @.
 */
export function urlBreakOffsets(url: string): number[] {
  const out: number[] = [];
  for (let k = 1; k < url.length; k++) {
    const before = url[k - 1]!;
    const at = url[k]!;
    if (at === '@' || (BREAK_AFTER.has(before) && !BREAK_AFTER.has(at) && at !== '@')) out.push(k);
  }
  return out;
}

/** `text` with `mark` inserted at every place a URL or e-mail address in it may break. */
export function markUrlBreaks(text: string, mark: string): string {
  const spans = findUrls(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    const url = text.slice(s.start, s.end);
    out += text.slice(at, s.start);
    let from = 0;
    for (const k of urlBreakOffsets(url)) {
      out += url.slice(from, k) + mark;
      from = k;
    }
    out += url.slice(from);
    at = s.end;
  }
  return out + text.slice(at);
}
