/**
 * The characters a build's DOCX files embed (ECMA-376 Part 1 §17.8.3.3 w:embedRegular with
 * w:subsetted), so every face is subset once per build and the compilation and all its
 * handouts share the same subset bytes.
 *
 * Per face, the set is that face's share of the whole collection (what a compilation on the
 * template sets in it; render/docx/index.ts memoises it per collection and template) plus
 * the common set here: the template's literal strings (contents title and patterns,
 * page-number format, header, bullet, list labels — with 〇一二…十百 when Word counts in
 * Chinese, clreq §3.4 numbering), printable ASCII, common CJK punctuation and what a
 * running header prints. Pure.
 */
import type { Collection } from '../../model/types.js';
import type { ResolvedTemplate } from '../../template/index.js';

/** Printable ASCII (digits for page numbers, Latin in running text) and common CJK punctuation. */
const COMMON =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') +
  '\u3000、。，．：；！？（）《》〈〉「」『』“”‘’—…·●•☑☐－～';

/** Chinese counting digits Word draws for `chineseCounting` list levels. */
const CN_DIGITS = '〇一二三四五六七八九十百';

/** Literal characters of the template's strings (placeholders removed). */
export function templateChars(t: ResolvedTemplate): string {
  const c = t.contents;
  const strings = [
    c.title,
    c.entry,
    c.entryTitle,
    c.subtitleLine,
    c.countSuffix,
    c.leader,
    t.pageNumber.format,
    t.header?.text ?? '',
    ...t.list.bullets,
    ...t.list.numbering,
  ];
  const lits = strings.join('').replace(/\{\w+\}/g, '');
  return lits + (t.list.numbering.some((p) => p.includes('{cn}')) ? CN_DIGITS : '');
}

/**
 * The set every face of a build embeds besides its own share of the collection: printable
 * ASCII, common CJK punctuation, the template's literals, and the texts a running header can
 * print (collection title, source, dates) — so a handout template's header adds nothing
 * the compilation's subsets lack.
 */
export function commonSet(c: Collection, t: ResolvedTemplate): ReadonlySet<number> {
  const out = new Set<number>();
  const dates = [c.banner?.date ?? '', ...c.pieces.map((p) => p.date ?? '')].join('') + '年月日';
  for (const ch of COMMON + templateChars(t) + c.title + (c.banner?.source ?? '') + dates) out.add(ch.codePointAt(0)!);
  return out;
}
