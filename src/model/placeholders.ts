/**
 * Template text patterns: `{name}` placeholders (contents entries, list numbers,
 * page numbers, running headers), the fields a piece fills them with, Chinese
 * numerals for `{cn}` (一、二、…, GB/T 9704-2012 §7.3.3 structural numbering) and
 * dates as printed. One definition for the layout, the DOCX and the coverage check,
 * so all three print (and check) the same text.
 */
import type { Collection, ListBlock, Piece } from './types.js';

/** Replaces every `{key}` with `vars[key]`; unknown keys are left as written. */
export function fillPattern(pattern: string, vars: Readonly<Record<string, string | number>>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(vars, key) ? String(vars[key]) : whole,
  );
}

/** Dashes a subtitle may begin with (——在…上的发言), as the contents pattern may put before it. */
const LEADING_DASHES = /^[—―⸺]+/u;

/**
 * The contents line of a subtitle: `pattern` (`——{subtitle}`) filled with the piece's
 * fields, the pattern's dashes before `{subtitle}` left out when the author began the
 * subtitle with its own (docs/typography.md “Two-em dashes and ellipses”: a subtitle written with its own —— keeps one), so
 * `——在…上的发言` and `在…上的发言` both print `——在…上的发言`.
 */
export function subtitleLine(pattern: string, vars: Readonly<Record<string, string | number>>): string {
  const own = LEADING_DASHES.test(String(vars.subtitle ?? ''));
  return fillPattern(own ? pattern.replace(/[—―⸺]+(?=\{subtitle\})/u, '') : pattern, vars);
}

/** A title as the layout sets it: its explicit lines (`Piece.titleLines`) joined by `\n`, else the title. */
export function brokenTitle(t: { readonly title: string; readonly titleLines?: readonly string[] }): string {
  return t.titleLines ? t.titleLines.join('\n') : t.title;
}

/** A piece's placeholder values for contents patterns (`{n}．{byline}：`, `{title}` with its explicit breaks, `——{subtitle}`). */
export function pieceFields(p: Piece): {
  n: number;
  byline: string;
  role: string;
  author: string;
  title: string;
  subtitle: string;
} {
  return {
    n: p.n,
    byline: p.byline,
    role: p.role ?? '',
    author: p.author ?? '',
    title: brokenTitle(p),
    subtitle: p.subtitle ?? '',
  };
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (counting form, up to 9999). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d) {
      if (zero) out += '零';
      out += DIGITS[d] + name;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest) out += (zero ? '零' : '') + DIGITS[rest];
  return out;
}

/** ISO date 2023-10-24 → 2023年10月24日 (GB/T 9704 §7.3.5.3 uses Arabic digits). */
export function chineseDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The running header's values (`{collection}`, `{source}`, `{date}`, `{title}`) on a page of `piece` (null: none). */
export function headerFields(
  c: Collection,
  piece: Piece | null,
): { collection: string; source: string; date: string; title: string } {
  return {
    collection: c.title,
    source: c.banner?.source ?? '',
    date: chineseDate(piece?.date ?? c.banner?.date ?? null),
    title: piece?.title ?? '',
  };
}

/** A template's list markers by depth (template `list:`): patterns for ordered lists, bullets for the rest. */
export interface ListMarkers {
  readonly numbering: readonly string[];
  readonly bullets: readonly string[];
}

/**
 * The marker of item `i` of `list`: the entry for its depth (a deeper list takes the last
 * entry), `{n}` and `{cn}` filled with the item's number.
 */
export function listMarker(
  markers: ListMarkers,
  list: Pick<ListBlock, 'ordered' | 'depth' | 'start'>,
  i: number,
): string {
  const entries = list.ordered ? markers.numbering : markers.bullets;
  const pattern = entries[Math.min(Math.max(1, list.depth), entries.length) - 1] ?? '';
  const n = list.start + i;
  return fillPattern(pattern, { n, cn: chineseNumeral(n) });
}
