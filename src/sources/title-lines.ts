/**
 * A title written on several lines in the source — a YAML block scalar
 * (`title: |`) or a quoted value with `\n` — keeps those lines as its explicit line
 * breaks (README “Sources”). The one-line title (headers, outline, metadata)
 * joins them as a soft break joins: no space beside a Chinese character, one space
 * between Latin words.
 */
import { joinsWithoutSpace } from '../model/cjk.js';

export interface TitleText {
  /** The title on one line. */
  readonly title: string;
  /** Its lines as written, when there are two or more. */
  readonly titleLines?: readonly string[];
}

export function titleText(raw: string): TitleText {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length < 2) return { title: lines[0] ?? raw.trim() };
  const title = lines.reduce(
    (acc, l) => acc + (joinsWithoutSpace([...acc].pop() ?? null, [...l][0] ?? null) ? '' : ' ') + l,
  );
  return { title, titleLines: lines };
}
