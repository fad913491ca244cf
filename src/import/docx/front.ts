/**
 * The head of one speech in a Word file: its title (the first paragraph in the
 * Title style, else Heading 1, else the leading centred paragraph(s) in the largest
 * size — two such paragraphs are one two-line title, the break kept), the subtitle
 * (a centred paragraph beginning with ——, the dash dropped: the template prints it
 * once), the byline (`role　name`, in a centred paragraph) and its date
 * (`（2023年10月24日）`).
 */
import { splitBylineSpaced } from '../byline.js';
import { SUBTITLE_DASH } from '../structure.js';
import { cpLength, SENTENCE_PUNCT } from '../chars.js';
import type { Ledger } from '../types.js';
import { paragraphSize, paragraphText, styleHeadingLevel } from './markdown.js';
import type { Block, ParagraphBlock } from './read.js';

/** The head is searched among this many leading non-empty blocks. */
const HEAD_MAX = 8;
/** Longest byline paragraph, code points. */
const BYLINE_MAX = 45;

export interface Front {
  /** Title lines (more than one for a title set in several paragraphs). */
  readonly title: readonly string[];
  /** Paragraph number of the title's first line (0 when none was found). */
  readonly line: number;
  readonly subtitle: string | null;
  readonly role: string | null;
  readonly author: string | null;
  /** ISO date. */
  readonly date: string | null;
  /** Blocks after the head. */
  readonly body: readonly Block[];
}

export const DATE_PAREN = /[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]\s*$/u;

const isTitleStyle = (name: string | null) => name !== null && /^(?:title|标题)$/iu.test(name.trim());
const isSubtitleStyle = (name: string | null) => name !== null && /^(?:subtitle|副标题)$/iu.test(name.trim());
const styleOf = (b: Block) => (b.kind === 'paragraph' ? (b.info?.format.styleName ?? null) : null);
const centred = (b: Block) => b.kind === 'paragraph' && b.info?.format.alignment === 'center';
const paraNo = (b: Block) => (b.kind === 'paragraph' ? (b.info?.n ?? 0) : 0);

export function isoDate(m: RegExpExecArray): string {
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

function nonEmpty(b: Block): boolean {
  return b.kind === 'table' || paragraphText(b) !== '' || b.inlines.some((i) => i.kind === 'image');
}

export function readFront(blocks: readonly Block[], ledger: Ledger): Front {
  const items = blocks.filter(nonEmpty);
  let head = 0;
  while (
    head < items.length &&
    head < HEAD_MAX &&
    items[head].kind === 'paragraph' &&
    (centred(items[head]) ||
      isTitleStyle(styleOf(items[head])) ||
      isSubtitleStyle(styleOf(items[head])) ||
      styleHeadingLevel(styleOf(items[head])) === 1)
  ) {
    head++;
  }
  const region = items.slice(0, head) as ParagraphBlock[];

  let start = region.findIndex((b) => isTitleStyle(styleOf(b)));
  let same: (b: ParagraphBlock) => boolean = (b) => isTitleStyle(styleOf(b));
  if (start < 0) {
    start = region.findIndex((b) => styleHeadingLevel(styleOf(b)) === 1);
    same = (b) => styleHeadingLevel(styleOf(b)) === 1;
  }
  if (start < 0 && region.length > 0) {
    const sizes = region.map(paragraphSize);
    const max = Math.max(...sizes);
    start = sizes.indexOf(max);
    same = (b) => centred(b) && paragraphSize(b) === max && !SUBTITLE_DASH.test(paragraphText(b));
  }
  if (start < 0) {
    // No centred or styled head: a short first paragraph without sentence punctuation is the title.
    const first = items[0];
    if (
      first &&
      first.kind === 'paragraph' &&
      cpLength(paragraphText(first)) <= 40 &&
      !SENTENCE_PUNCT.test(paragraphText(first))
    ) {
      ledger.guess(
        paraNo(first),
        `no centred or Title-style title; took the first paragraph “${paragraphText(first)}” as the title`,
      );
      return { ...readByline(items, 1, ledger), title: [paragraphText(first)], line: paraNo(first) };
    }
    return { title: [], line: 0, subtitle: null, role: null, author: null, date: null, body: items };
  }
  for (const b of region.slice(0, start)) {
    ledger.remove(paraNo(b), 1, 'unplaced', paragraphText(b));
    ledger.guess(paraNo(b), `“${paragraphText(b)}” stands before the title; listed in import-removed.txt`);
  }
  let end = start + 1;
  while (end < region.length && end - start < 3 && same(region[end]) && !isSubtitleStyle(styleOf(region[end]))) end++;
  const title = region.slice(start, end).map(paragraphText);
  if (title.length > 1)
    ledger.guess(
      paraNo(region[start]),
      `took ${title.map((t) => `“${t}”`).join(' and ')} as one title of ${title.length} lines`,
    );
  return { ...readByline(items, end, ledger), title, line: paraNo(region[start]) };
}

/** Subtitle, byline and date in the paragraphs from `from` on (centred, or the one right after the title). */
function readByline(items: readonly Block[], from: number, ledger: Ledger): Omit<Front, 'title' | 'line'> {
  let subtitle: string | null = null;
  let role: string | null = null;
  let author: string | null = null;
  let date: string | null = null;
  let k = from;
  for (; k < items.length && k < from + 4; k++) {
    const b = items[k];
    if (b.kind !== 'paragraph') break;
    const text = paragraphText(b);
    const n = paraNo(b);
    const dash = SUBTITLE_DASH.exec(text);
    if (subtitle === null && role === null && (isSubtitleStyle(styleOf(b)) || (dash && centred(b)))) {
      if (dash) ledger.remove(n, 1, 'subtitle-dash', dash[0]);
      subtitle = text.slice(dash ? dash[0].length : 0).replace(/[—－]+$/u, '');
      continue;
    }
    const d = DATE_PAREN.exec(text);
    if (role === null && cpLength(text) <= BYLINE_MAX) {
      const before = d ? text.slice(0, d.index).trim() : text;
      const by = splitBylineSpaced(before);
      if (by && (centred(b) || k === from)) {
        role = by.role;
        author = by.author;
        if (d) {
          date = isoDate(d);
          ledger.remove(n, cpLength(text.slice(0, d.index)) + 1, 'byline-date', d[0]);
        }
        continue;
      }
    }
    if (date === null && d && d.index === 0 && centred(b)) {
      date = isoDate(d);
      ledger.remove(n, 1, 'byline-date', text);
      continue;
    }
    break;
  }
  return { subtitle, role, author, date, body: items.slice(k) };
}
