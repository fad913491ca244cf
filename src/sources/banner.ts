/**
 * The banner's provenance line (docs/sources.md “collection.yaml”, `banner`): source and date as printed in
 * the original, “（重庆日报，2023年10月24日）” — full-width parentheses and comma,
 * the date as 年/月/日 without leading zeros (GB/T 15834 §4.1.2-style Chinese date).
 */
import { chineseDate } from '../model/placeholders.js';

/** The provenance line, or null when neither source nor date is given. */
export function provenance(source: string | null, date: string | null): string | null {
  const parts = [source, date === null ? null : chineseDate(date)].filter((x): x is string => x !== null);
  return parts.length ? `（${parts.join('，')}）` : null;
}
