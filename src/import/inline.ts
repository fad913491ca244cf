/**
 * Inline markup of imported paragraphs (docs/sources.md “The Markdown subset”): a run-in lead (一、…。) becomes
 * `**lead**`; sub-point sentences (一是…、二是…) and short sub-topic sentences after a
 * lead become `*emphasis*`, only where the pattern is clear (two or more in the
 * paragraph). Everything else is escaped so that CommonMark reads it back verbatim.
 */
import { cpLength } from './chars.js';

const LEAD =
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^。！？!?]{1,40}?[。！？!?][”’」』]?/u;
const ORDINAL_POINT = /^[一二三四五六七八九十]是/u;
const SUBTOPIC_MAX = 16;

/** Escape CommonMark/GFM syntax in plain text placed at the start of a paragraph (`atStart`) or inside it. */
export function escapeMarkdown(text: string, atStart: boolean): string {
  let s = text.replace(/[\\`*_[\]<>~&]/g, (c) => `\\${c}`);
  if (atStart) {
    s = s.replace(/^([#>+\-=|])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  }
  return s;
}

/** Split after each sentence-final mark (with the closing quotes that follow it). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$/gu;
  for (const m of text.matchAll(re)) if (m[0] !== '') out.push(m[0]);
  return out;
}

function isSubtopic(s: string): boolean {
  return cpLength(s) <= SUBTOPIC_MAX && !/[，、；：,;:\d%％]/u.test(s) && /[。！？]$/u.test(s);
}

/** Markdown for one paragraph of body text. */
export function markupParagraph(text: string): string {
  const lead = LEAD.exec(text);
  const rest = lead ? text.slice(lead[0].length) : text;
  const sents = sentences(rest);
  const ordinal = sents.map((s) => ORDINAL_POINT.test(s) && cpLength(s) <= 40);
  const subtopic = sents.map(
    (s, i) => lead !== null && i < sents.length - 1 && isSubtopic(s) && !isSubtopic(sents[i + 1]),
  );
  const useOrdinal = ordinal.filter(Boolean).length >= 2;
  const useSubtopic = subtopic.filter(Boolean).length >= 2;
  const emph = sents.map((_, i) => (useOrdinal && ordinal[i]) || (useSubtopic && subtopic[i]));

  let md = lead ? `**${escapeMarkdown(lead[0], false)}**` : '';
  let i = 0;
  while (i < sents.length) {
    const atStart = md === '';
    if (emph[i]) {
      let run = '';
      while (i < sents.length && emph[i]) run += sents[i++];
      md += `*${escapeMarkdown(run, false)}*`;
    } else {
      let run = '';
      while (i < sents.length && !emph[i]) run += sents[i++];
      md += escapeMarkdown(run, atStart);
    }
  }
  return md;
}
