/**
 * Recognising the structure of a compilation body: the banner (headline, name,
 * “（source，date）”), part headings (一、…篇), and each piece's title, subtitle and
 * byline, using the contents entries as the map when there is a contents block and
 * the bylines as anchors when there is none.
 */
import { isBylineLine, splitByline } from './byline.js';
import { cpLength, endsSentence, SENTENCE_PUNCT } from './chars.js';
import { PART_HEADING, useFromEntry, type ContentsEntry, type Head } from './contents.js';
import { Ledger, type Line } from './types.js';

export interface PieceDraft {
  readonly title: string;
  readonly titleLine: number;
  readonly subtitle: string | null;
  readonly role: string | null;
  readonly author: string | null;
  readonly body: readonly Line[];
  /** Index into `Structure.parts`, or -1. */
  readonly part: number;
}

export interface PartDraft {
  readonly title: string;
  readonly line: number;
}

export interface BannerDraft {
  readonly headline: string | null;
  readonly name: string | null;
  readonly source: string | null;
  readonly date: string | null;
  readonly line: number;
}

export interface Structure {
  readonly pieces: readonly PieceDraft[];
  /** Numbers of the contents entries found in the body. */
  readonly entries: readonly number[];
  readonly parts: readonly PartDraft[];
  readonly banner: BannerDraft | null;
}

/** Text compared without whitespace and punctuation (contents and body print marks differently). */
export function norm(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '');
}

function isTitleLike(line: Line | undefined): boolean {
  return line !== undefined && !endsSentence(line.text) && !SENTENCE_PUNCT.test(line.text) && cpLength(line.text) <= 40;
}

const PROVENANCE = /^[（(]\s*([^，,（）()]+?)\s*[，,、]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]$/u;

interface Start {
  index: number;
  titleLen: number;
  entry: ContentsEntry | null;
}

/** Find piece starts from the contents entries. */
function startsFromContents(lines: readonly Line[], head: Head, ledger: Ledger): Start[] {
  const starts: Start[] = [];
  let cursor = 0;
  for (const entry of head.entries) {
    const want = norm(entry.title);
    let found: Start | null = null;
    for (let k = cursor; k < lines.length && !found; k++) {
      let acc = '';
      for (let len = 1; len <= 3 && k + len <= lines.length; len++) {
        acc += norm(lines[k + len - 1].text);
        if (acc === want) {
          found = { index: k, titleLen: len, entry };
          break;
        }
        if (!want.startsWith(acc)) break;
      }
    }
    if (!found && entry.byline !== '') {
      const by = norm(entry.byline);
      for (let k = cursor + 1; k < lines.length && !found; k++) {
        if (norm(lines[k].text) === by && isTitleLike(lines[k - 1])) {
          found = { index: k - 1, titleLen: 1, entry };
          ledger.guess(
            lines[k - 1].n,
            `contents entry ${entry.n} “${entry.title}” not found verbatim; took “${lines[k - 1].text}” before its byline as the title`,
          );
        }
      }
    }
    if (!found) {
      const line = head.contentsLines[entry.lines[0]].line.n;
      ledger.guess(line, `contents entry ${entry.n} “${entry.title}” not found in the body`);
      continue;
    }
    starts.push(found);
    cursor = found.index + found.titleLen;
  }
  return starts;
}

/** A subtitle line's leading dash (——在…上的发言); the template prints it once. */
export const SUBTITLE_DASH = /^[—－─━]{1,4}\s*/u;

/**
 * Find piece starts from byline lines when there is no contents block. Above a byline
 * stands the title, possibly with a subtitle (——…) between them; a title of two lines
 * is joined when its first line follows the end of a sentence (the previous piece's
 * last paragraph) or wraps a long line.
 */
function startsFromBylines(lines: readonly Line[], title: string | null, ledger: Ledger): Start[] {
  const starts: Start[] = [];
  let floor = 0;
  const usable = (k: number) =>
    k >= floor &&
    isTitleLike(lines[k]) &&
    !isBylineLine(lines[k].text) &&
    lines[k].text !== title &&
    !/汇编|选编/.test(lines[k].text) &&
    !(PART_HEADING.test(lines[k].text) && /(?:篇|部分)$/u.test(lines[k].text));
  const afterSentence = (k: number) => k === floor || (k > 0 && endsSentence(lines[k - 1].text));
  for (let k = 1; k < lines.length; k++) {
    if (!isBylineLine(lines[k].text)) continue;
    let last = k - 1;
    if (SUBTITLE_DASH.test(lines[last]?.text ?? '') && usable(last - 1)) last--;
    if (!usable(last)) continue;
    let index = last;
    const above = lines[last - 1];
    const wrapped = usable(last - 1) && cpLength(above.text) >= 20 && cpLength(lines[last].text) < cpLength(above.text);
    if (wrapped || (usable(last - 1) && afterSentence(last - 1) && !SUBTITLE_DASH.test(lines[last].text))) {
      index = last - 1;
      ledger.guess(above.n, `joined “${above.text}” and “${lines[last].text}” as one title of two lines`);
    }
    starts.push({ index, titleLen: last - index + 1, entry: null });
    floor = k + 1;
  }
  return starts;
}

/** Parse the banner lines before the first piece; lines that fit nowhere are removed as `unplaced`. */
function parseBanner(region: readonly Line[], title: string | null, ledger: Ledger): BannerDraft | null {
  if (region.length === 0) return null;
  const p = region.findIndex((l) => PROVENANCE.test(l.text));
  const unplaced = (ls: readonly Line[], why: string) => {
    for (const l of ls) {
      ledger.remove(l.n, l.col, 'unplaced', l.text);
      ledger.guess(l.n, `“${l.text}” ${why}; listed in import-removed.txt`);
    }
  };
  if (p >= 0) {
    const prov = region[p];
    const m = PROVENANCE.exec(prov.text)!;
    const date = `${m[2]}-${m[3].padStart(2, '0')}-${m[4].padStart(2, '0')}`;
    // The provenance is restated as source + ISO date; the rest of its text is listed as removed.
    const at = prov.text.indexOf(m[1]);
    ledger.remove(prov.n, prov.col, 'banner-provenance', prov.text.slice(0, at));
    ledger.remove(
      prov.n,
      prov.col + cpLength(prov.text.slice(0, at + m[1].length)),
      'banner-provenance',
      prov.text.slice(at + m[1].length),
    );
    const name = p >= 1 ? region[p - 1] : null;
    const headline = p >= 2 ? region[p - 2] : null;
    unplaced(region.slice(0, Math.max(0, p - 2)), 'stands before the banner');
    unplaced(region.slice(p + 1), 'stands between the banner and the first piece');
    return {
      headline: headline?.text ?? null,
      name: name?.text ?? null,
      source: m[1],
      date,
      line: (headline ?? name ?? prov).n,
    };
  }
  if (region.length <= 2 && region.every((l) => isTitleLike(l))) {
    const nameIdx = region.findIndex((l) => l.text === title);
    const name = nameIdx >= 0 ? region[nameIdx] : region.length === 2 ? region[1] : null;
    const headline = region.find((l) => l !== name) ?? null;
    ledger.guess(
      region[0].n,
      `took ${region.map((l) => `“${l.text}”`).join(' and ')} as the banner (no “（source，date）” line)`,
    );
    return { headline: headline?.text ?? null, name: name?.text ?? null, source: null, date: null, line: region[0].n };
  }
  unplaced(region, 'stands before the first piece and is not a banner');
  return null;
}

/** Recognise banner, parts and pieces in the body lines (after the head). */
export function recognise(lines: readonly Line[], head: Head, ledger: Ledger): Structure {
  const starts =
    head.entries.length > 0 ? startsFromContents(lines, head, ledger) : startsFromBylines(lines, head.title, ledger);
  const partTitles = new Set(head.parts.map((p) => norm(p.title)));
  const isPartLine = (l: Line) =>
    partTitles.has(norm(l.text)) ||
    (head.parts.length === 0 && PART_HEADING.test(l.text) && /(?:篇|部分)$/u.test(l.text));

  // Part headings sit immediately before a piece start.
  const parts: PartDraft[] = [];
  const partAtStart = starts.map((st, s) => {
    const floor = s === 0 ? 0 : starts[s - 1].index + starts[s - 1].titleLen;
    const l = lines[st.index - 1];
    if (st.index - 1 < floor || l === undefined || !isPartLine(l)) return -1;
    parts.push({ title: l.text, line: l.n });
    return parts.length - 1;
  });
  const regionEnd = (s: number) =>
    s >= starts.length ? lines.length : starts[s].index - (partAtStart[s] >= 0 ? 1 : 0);
  const fromContents = parts.length === 0 && head.parts.length > 0;
  if (fromContents) {
    // The body has no part headings: their titles come from the contents.
    for (const p of head.parts) {
      const cl = head.contentsLines[p.lineIndex];
      cl.used.push([0, cl.line.text.length]);
      parts.push({ title: p.title, line: cl.line.n });
    }
  }

  const pieces: PieceDraft[] = [];
  const banner = starts.length > 0 ? parseBanner(lines.slice(0, regionEnd(0)), head.title, ledger) : null;
  let currentPart = -1;

  starts.forEach((st, s) => {
    const next = { end: regionEnd(s + 1) };
    if (partAtStart[s] >= 0) currentPart = partAtStart[s];
    const entry = st.entry;
    const title = lines
      .slice(st.index, st.index + st.titleLen)
      .map((l) => l.text)
      .join('');
    let k = st.index + st.titleLen;
    let subtitle: string | null = null;
    let bylineText: string | null = null;
    let bylineLineNo = lines[st.index].n;
    const isBy = (l: Line | undefined) =>
      l !== undefined &&
      (isBylineLine(l.text) ||
        (entry !== null && entry.byline !== '' && norm(entry.byline).endsWith(norm(l.text)) && isTitleLike(l)));
    if (k < next.end && isBy(lines[k])) {
      bylineText = lines[k].text;
      bylineLineNo = lines[k].n;
      k++;
    } else if (k + 1 < next.end && isTitleLike(lines[k]) && isBy(lines[k + 1])) {
      const dash = SUBTITLE_DASH.exec(lines[k].text);
      if (dash) ledger.remove(lines[k].n, lines[k].col, 'subtitle-dash', dash[0]);
      subtitle = lines[k].text.slice(dash ? dash[0].length : 0);
      bylineText = lines[k + 1].text;
      bylineLineNo = lines[k + 1].n;
      k += 2;
    } else if (entry && entry.byline !== '') {
      bylineText = entry.byline;
      useFromEntry(head, entry, entry.byline);
      ledger.guess(lines[st.index].n, `no byline under “${title}”; took “${entry.byline}” from the contents`);
    }
    let role: string | null = null;
    let author: string | null = null;
    if (bylineText !== null) {
      const contentsBy = entry ? norm(entry.byline) : '';
      const bodyBy = norm(bylineText);
      if (subtitle === null && entry && contentsBy !== bodyBy && contentsBy.endsWith(bodyBy) && bodyBy !== '') {
        // The contents carries subtitle + byline: recover the subtitle from it.
        const extra = entry.byline.slice(0, entry.byline.length - bylineText.length);
        if (useFromEntry(head, entry, extra)) subtitle = extra;
      }
      const parts2 = splitByline(bylineText);
      role = parts2.role;
      author = parts2.author;
      if (subtitle === null && parts2.subtitle !== null) subtitle = parts2.subtitle;
      if (parts2.guess) ledger.guess(bylineLineNo, parts2.guess);
    }
    const part = fromContents ? (entry?.part ?? -1) : currentPart;
    pieces.push({ title, titleLine: lines[st.index].n, subtitle, role, author, body: lines.slice(k, next.end), part });
  });

  if (parts.length > 0 && pieces.some((p) => p.part < 0)) {
    const firstOrphan = pieces.find((p) => p.part < 0)!;
    ledger.guess(
      firstOrphan.titleLine,
      `“${firstOrphan.title}” stands before the first part heading; put in the first part`,
    );
    for (let i = 0; i < pieces.length; i++) if (pieces[i].part < 0) pieces[i] = { ...pieces[i], part: 0 };
  }
  return { pieces, entries: starts.flatMap((s) => (s.entry ? [s.entry.n] : [])), parts, banner };
}
