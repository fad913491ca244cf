/**
 * Centred titles that wrap form a trapezoid (GB/T 9704-2012 §7.3.1: 标题“排列应当
 * 使用梯形或菱形”): the fewest lines the measure allows, balanced so that lengths
 * differ little and an upper line is never shorter than the one below it.
 *
 * Done here rather than in the setter: the title is set again on narrower
 * measures (the setter keeps every rule — no Latin word or number split, no
 * no-start mark at a line start) down to the narrowest that keeps the line count,
 * then widened in small steps until the lines read as a trapezoid. The lines are
 * centred on the full measure by the caller.
 */
import type { ParagraphContent, ParagraphOptions, SetLine, SetParagraph } from './paragraph-types.js';

export interface BalancedTitle {
  readonly lines: readonly SetLine[];
  /** The measure the lines were set on (≤ the full width). */
  readonly widthPt: number;
}

/** Step when widening a balanced measure to restore the trapezoid, em of the title size. */
const WIDEN_STEP_EM = 0.25;

const fits = (lines: readonly SetLine[]): boolean => lines.every((l) => !l.overfull);

/** Upper lines at least as long as the lines below them (within a hair). */
export function isTrapezoid(lines: readonly SetLine[]): boolean {
  for (let i = 1; i < lines.length; i++) if (lines[i].widthPt > lines[i - 1].widthPt + 0.01) return false;
  return true;
}

/**
 * Sets `content` centred on `options.widthPt`, balanced: for one line, as is; for
 * more, on the narrowest measure keeping the line count, widened until upper
 * lines are no shorter than lower ones.
 */
export function balanceCentred(set: SetParagraph, content: readonly ParagraphContent[], options: ParagraphOptions, emPt: number): BalancedTitle {
  const full = set(content, options);
  if (full.length < 2 || !fits(full)) return { lines: full, widthPt: options.widthPt };
  const n = full.length;
  const at = (w: number): readonly SetLine[] => set(content, { ...options, widthPt: w });
  const ok = (lines: readonly SetLine[]): boolean => lines.length === n && fits(lines);
  const natural = full.reduce((s, l) => s + l.widthPt, 0);
  let lo = Math.max(emPt, natural / n - emPt);
  let hi = options.widthPt;
  if (ok(at(lo))) hi = lo;
  for (let k = 0; k < 24 && hi - lo > 0.05; k++) {
    const mid = (lo + hi) / 2;
    if (ok(at(mid))) hi = mid;
    else lo = mid;
  }
  let w = hi;
  let lines = at(w);
  while (!isTrapezoid(lines) && w < options.widthPt) {
    w = Math.min(options.widthPt, w + WIDEN_STEP_EM * emPt);
    const next = at(w);
    if (!ok(next)) break;
    lines = next;
  }
  if (!ok(lines)) return { lines: full, widthPt: options.widthPt };
  return { lines, widthPt: w };
}
