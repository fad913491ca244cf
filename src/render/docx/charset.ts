/**
 * The characters a build's DOCX files embed (ECMA-376 Part 1 §17.8.3.3 w:embedRegular with
 * w:subsetted): one set per collection and template, so every face is subset once per build
 * and the compilation and all its handouts share the same subset bytes.
 *
 * The set is the collection's text (titles, bylines, banner, parts, every block and
 * footnote), the template's own literal strings (contents title and patterns, page-number
 * format, header, bullet, list labels — with 〇一二…十百 when Word counts in Chinese,
 * clreq §3.4 numbering), printable ASCII and the common CJK punctuation. Pure, memoised
 * per collection object and template.
 */
import type { Collection } from '../../model/types.js';
import type { ResolvedTemplate } from '../../template/types.js';

/** Printable ASCII (digits for page numbers, Latin in running text) and common CJK punctuation. */
const COMMON =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') +
  '\u3000、。，．：；！？（）《》〈〉「」『』“”‘’—…·●•☑☐－～';

/** Chinese counting digits Word draws for `chineseCounting` list levels. */
const CN_DIGITS = '〇一二三四五六七八九十百';

/** Model fields holding printed text. */
const TEXT_KEYS = new Set([
  'text',
  'title',
  'subtitle',
  'byline',
  'role',
  'author',
  'headline',
  'name',
  'source',
  'provenance',
  'date',
  'caption',
  'alt',
  'lines',
]);

function collect(node: unknown, out: Set<string>, textual: boolean): void {
  if (typeof node === 'string') {
    if (textual) for (const ch of node) out.add(ch);
    return;
  }
  if (Array.isArray(node)) {
    for (const x of node) collect(x, out, textual);
    return;
  }
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pos') continue;
      collect(v, out, TEXT_KEYS.has(k));
    }
  }
}

const byCollection = new WeakMap<Collection, ReadonlySet<string>>();

/** Every character of the collection's printed text. */
export function collectionChars(c: Collection): ReadonlySet<string> {
  let s = byCollection.get(c);
  if (!s) {
    const out = new Set<string>();
    collect({ title: c.title, banner: c.banner, parts: c.parts.map((p) => ({ title: p.title })) }, out, false);
    for (const p of c.pieces) collect(p, out, false);
    s = out;
    byCollection.set(c, s);
  }
  return s;
}

/** Literal characters of the template's strings (placeholders removed). */
export function templateChars(t: ResolvedTemplate): string {
  const c = t.contents;
  const strings = [c.title, c.entry, c.entryTitle, c.subtitleLine, c.countSuffix, c.leader, t.pageNumber.format, t.header?.text ?? '', t.bullet, ...t.listNumbering];
  const lits = strings.join('').replace(/\{\w+\}/g, '');
  return lits + (t.listNumbering.some((p) => p.includes('{cn}')) ? CN_DIGITS : '');
}

/** The build-wide embedding set of a collection on a template: sorted, deduplicated code points. */
export function embeddingSet(c: Collection, t: ResolvedTemplate): ReadonlySet<number> {
  const out = new Set<number>();
  for (const ch of collectionChars(c)) out.add(ch.codePointAt(0)!);
  for (const ch of COMMON + templateChars(t)) out.add(ch.codePointAt(0)!);
  return out;
}
