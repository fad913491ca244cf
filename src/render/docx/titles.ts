/**
 * Centred titles broken where the PDF broke them: the layout balances a wrapped centred
 * title into a trapezoid (clreq; layout/titles.ts) and records its lines
 * (LayoutFacts.titleBreaks); Word and LibreOffice would break greedily, so the runs carry a
 * line break (ECMA-376 Part 1 §17.3.3.1 w:br) between those lines. Titles the layout did
 * not balance keep the lines the source gave them (one run when none).
 */
import { TextRun } from 'docx';
import type { WriterState } from './state.js';

/** The runs of a title: its balanced lines joined by w:br, or the text's own lines (`\n`). */
export function titleRuns(st: Pick<WriterState, 'facts'>, key: string, text: string): TextRun[] {
  const lines = st.facts.titleLines(key, text) ?? text.split('\n');
  return lines.map((line, i) => (i === 0 ? new TextRun(line) : new TextRun({ text: line, break: 1 })));
}
