/**
 * Re-joining hard-wrapped lines into paragraphs. A line break inside a sentence is not
 * a paragraph break (docs/sources.md “Soft line breaks”: soft breaks between Han characters join with no space).
 * Decided by sentence-final punctuation (GB/T 15834 句末点号) and by structure: section
 * numbers (一、（一）1．) start paragraphs, and where the text marks paragraph starts
 * with indentation (U+3000) or blank lines, a missing mark after a full stop means the
 * line continues the paragraph.
 */
import { cpLength, endsSentence, enumeratorLevel, SENTENCE_PUNCT } from './chars.js';
import { Ledger, type Line } from './types.js';

export interface Paragraph {
  readonly text: string;
  /** Input line of the paragraph's first line. */
  readonly line: number;
  /** 1–4 for a short numbered line standing alone (一、/（一）/1．/（1）), else 0. */
  readonly heading: 0 | 1 | 2 | 3 | 4;
}

/** How the input marks paragraph starts; measured over all body lines. */
export interface ParagraphSignals {
  readonly indent: boolean;
  readonly blank: boolean;
}

export function measureSignals(lines: readonly Line[]): ParagraphSignals {
  if (lines.length === 0) return { indent: false, blank: false };
  const indented = lines.filter((l) => l.indented).length / lines.length;
  const blank = lines.filter((l) => l.blankBefore).length / lines.length;
  return { indent: indented >= 0.3 && indented < 1, blank: blank >= 0.05 && blank < 0.9 };
}

function headingLevel(text: string): 0 | 1 | 2 | 3 | 4 {
  const level = enumeratorLevel(text);
  if (level === 0 || SENTENCE_PUNCT.test(text) || endsSentence(text) || cpLength(text) > 30) return 0;
  return level;
}

/** Join `lines` (one piece's body) into paragraphs. */
export function joinParagraphs(lines: readonly Line[], signals: ParagraphSignals, ledger: Ledger): Paragraph[] {
  const out: { text: string; line: number }[] = [];
  const startSignal = (l: Line) => (signals.indent && l.indented) || (signals.blank && l.blankBefore);
  for (const l of lines) {
    const cur = out[out.length - 1];
    if (!cur || headingLevel(cur.text) > 0) {
      out.push({ text: l.text, line: l.n });
      continue;
    }
    if (!endsSentence(cur.text)) {
      ledger.count('hard-wrap-joined');
      if (startSignal(l))
        ledger.guess(
          l.n,
          `joined to the paragraph above although it looks like a paragraph start (the line above ends mid-sentence: “…${Array.from(cur.text).slice(-6).join('')}”)`,
        );
      cur.text += l.text;
      continue;
    }
    if (enumeratorLevel(l.text) > 0 || !(signals.indent || signals.blank) || startSignal(l)) {
      out.push({ text: l.text, line: l.n });
      continue;
    }
    ledger.count('hard-wrap-joined');
    if (signals.indent)
      ledger.guess(
        l.n,
        `joined “${Array.from(l.text).slice(0, 8).join('')}…” to the paragraph above (not indented, no section number)`,
      );
    cur.text += l.text;
  }
  return out.map((p) => {
    const heading = headingLevel(p.text);
    if (heading > 0) ledger.guess(p.line, `“${p.text}” taken as a level-${heading} heading`);
    return { ...p, heading };
  });
}
