/**
 * The running header's text fitted to the type area (docs/typography.md “Headers”):
 * when the filled pattern is wider than the type area, the collection title — then
 * the piece title — is shortened with an ellipsis (……) in its middle, keeping as
 * much of its head and tail as fits. The full title stays in the PDF metadata and
 * the outline. One function for the PDF (furniture.ts) and the DOCX header, so both
 * print the same text; measured as the setter sets it on one line.
 */
import type { FontBook } from '../fonts/index.js';
import type { ResolvedTemplate } from '../template/index.js';
import { fillPattern } from '../model/placeholders.js';
import { setParagraph } from './break/index.js';
import { spanOf } from './spans.js';
import { typeArea } from './geometry.js';

export const HEADER_ELLIPSIS = '……';

export interface FittedHeader {
  readonly text: string;
  /** The field shortened (`collection` or `title`), or null when the text fits as it is. */
  readonly shortened: 'collection' | 'title' | null;
  /** The text as the pattern fills it, before any shortening. */
  readonly full: string;
}

/** Width of `text` set on one line in the header style by the paragraph setter (Han–Latin gaps included). */
function naturalWidthPt(fonts: FontBook, t: ResolvedTemplate, text: string): number {
  const line = setParagraph([spanOf(text, t.styles.header, { file: t.file, line: 1, column: 1 })], {
    widthPt: Number.MAX_SAFE_INTEGER,
    firstIndentPt: 0,
    restIndentPt: 0,
    align: 'left',
    kinsoku: t.kinsoku,
    maxGapStretchEm: t.maxGapStretchEm,
    fonts,
    trailer: null,
    charPitchPt: null,
  })[0];
  return line?.widthPt ?? 0;
}

/** `value` with its middle replaced by the ellipsis, `keep` characters kept (head gets the odd one). */
function middleCut(value: string, keep: number): string {
  const chars = [...value];
  const head = Math.ceil(keep / 2);
  return chars.slice(0, head).join('') + HEADER_ELLIPSIS + chars.slice(chars.length - (keep - head)).join('');
}

/** The header text for `vars`, shortened to the type-area width as the module docblock says. */
export function fitHeaderText(
  fonts: FontBook,
  t: ResolvedTemplate,
  vars: Readonly<Record<string, string>>,
): FittedHeader {
  const pattern = t.header?.text ?? '';
  const full = fillPattern(pattern, vars);
  const widthPt = typeArea(t).widthPt;
  const fits = (s: string): boolean => naturalWidthPt(fonts, t, s) <= widthPt + 1e-6;
  if (fits(full)) return { text: full, shortened: null, full };
  let current: Record<string, string> = { ...vars };
  for (const field of ['collection', 'title'] as const) {
    const value = vars[field];
    if (!value || !pattern.includes(`{${field}}`)) continue;
    const n = [...value].length;
    // The most characters kept that still fit (fewer kept is always narrower).
    let lo = 0;
    let hi = n - 1;
    const at = (keep: number) => fillPattern(pattern, { ...current, [field]: middleCut(value, keep) });
    if (!fits(at(0))) {
      current = { ...current, [field]: HEADER_ELLIPSIS };
      continue;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (fits(at(mid))) lo = mid;
      else hi = mid - 1;
    }
    return { text: at(lo), shortened: field, full };
  }
  return { text: fillPattern(pattern, current), shortened: 'collection', full };
}
