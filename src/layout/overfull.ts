/**
 * Lines the setter had to set against the rules, each reported as a positioned
 * warning so the author can change the source:
 *
 * - overfull: an atom that is never cut (a two-em unit, one character) wider than
 *   the measure sticks out past the type area — `line is 23.4 pt wider than the
 *   measure`, at the text (span) holding the line's widest run;
 * - a last-resort break: a word, number or URL with no allowed break that fits was
 *   broken at a character — at the word's text;
 * - a line whose gaps stretched past the template's `maxGapStretch`, because no
 *   break kept it within — at the line's first text.
 *
 * A paragraph reports each message at a position once.
 */
import type { Diagnostics } from '../model/diagnostics.js';
import type { Pos } from '../model/types.js';
import { lineText, type ParagraphContent, type SetLine, type StyledSpan } from './paragraph-types.js';

/** How far a set line sticks out past its measure (0 when it fits), pt. */
function overflowPt(line: SetLine, widthPt: number, indentPt: number): number {
  return Math.max(0, line.widthPt - (widthPt - indentPt));
}

/** Source position of the span holding the concatenated text's `offset` (UTF-16 units). */
function posAt(spans: readonly StyledSpan[], offset: number): Pos | null {
  let at = 0;
  for (const s of spans) {
    if (offset < at + s.text.length) return s.pos;
    at += s.text.length;
  }
  return spans.length ? spans[spans.length - 1].pos : null;
}

/** Warn about the overfull, last-resort and over-stretched lines of a set paragraph. */
export function warnOverfull(
  diag: Diagnostics,
  content: readonly ParagraphContent[],
  lines: readonly SetLine[],
  widthPt: number,
  firstIndentPt: number,
  restIndentPt: number,
): void {
  if (!lines.some((l) => l.overfull || l.forcedBreak || l.overStretchEm !== undefined)) return;
  const said = new Set<string>();
  const warn = (pos: Pos, message: string): void => {
    const key = `${pos.file}:${pos.line}:${pos.column}:${message}`;
    if (said.has(key)) return;
    said.add(key);
    diag.warning(pos, message);
  };
  const spans = content.filter((c): c is StyledSpan => !('kind' in c));
  const full = spans.map((s) => s.text).join('');
  let cursor = 0; // where the next line's text starts in `full`
  lines.forEach((line, i) => {
    const text = lineText(line);
    const at = text ? full.indexOf(text.slice(0, 4), cursor) : -1;
    const start = at < 0 ? cursor : at;
    cursor = Math.min(full.length, start + text.length);
    if (line.forcedBreak) {
      const { word, pos } = line.forcedBreak;
      warn(pos, `"${word}" is broken at a character: no allowed break in it fits the measure`);
    }
    if (line.overStretchEm !== undefined) {
      const pos = posAt(spans, start);
      const em = line.overStretchEm.toFixed(2);
      if (pos)
        warn(pos, `a line is justified with gaps stretched by ${em} em, past maxGapStretch: no break keeps it within`);
    }
    if (!line.overfull) return;
    const excess = overflowPt(line, widthPt, i === 0 ? firstIndentPt : restIndentPt);
    // Point at the widest run of the line: the unbreakable atom that does not fit.
    const widest = line.runs.reduce((a, r) => (r.widthPt > a.widthPt ? r : a), line.runs[0]);
    const inLine = widest ? Math.max(0, text.indexOf(widest.text)) : 0;
    const pos = posAt(spans, start + inLine);
    if (pos && excess > 0.05) warn(pos, `line is ${excess.toFixed(1)} pt wider than the measure`);
  });
}
