/**
 * Shared setup for the paragraph-setter tests: options with the fake font
 * (tests/helpers/fake-fonts.ts) at 10 pt (1 em = 10 pt), spans, and the glyph
 * positions and text of set lines.
 */
import type { ParagraphContent, ParagraphOptions, SetLine, StyledSpan } from '../../../src/layout/paragraph-types.js';
import { setParagraph } from '../../../src/layout/break/index.js';
import { fakeAdvanceEm, fakeBook } from '../../helpers/fake-fonts.js';

export function opts(over: Partial<ParagraphOptions> = {}): ParagraphOptions {
  return {
    widthPt: 100,
    firstIndentPt: 0,
    restIndentPt: 0,
    align: 'justify',
    kinsoku: 'gb',
    fonts: fakeBook(),
    trailer: null,
    charPitchPt: null,
    maxGapStretchEm: 0.5,
    ...over,
  };
}

export function set(
  text: string | readonly ParagraphContent[],
  over: Partial<ParagraphOptions> = {},
): readonly SetLine[] {
  const content = typeof text === 'string' ? [span(text)] : text;
  return setParagraph(content, opts(over));
}

export function span(text: string, over: Partial<StyledSpan> = {}): StyledSpan {
  return {
    text,
    role: 'body',
    sizePt: 10,
    bold: false,
    italic: false,
    letterSpacingPt: 0,
    risePt: 0,
    strike: false,
    url: null,
    pos: { file: 'test.md', line: 1, column: 1 },
    ...over,
  };
}

export interface Glyph {
  readonly ch: string;
  /** Glyph origin, pt from the measure's left edge. */
  readonly x: number;
  readonly fontKey: string;
}

/** Every character of a line with its drawn origin, as a PDF would place it from the runs. */
export function glyphsOf(
  runs: readonly { text: string; xPt: number; sizePt: number; charSpacingPt: number; fontKey: string }[],
): Glyph[] {
  const out: Glyph[] = [];
  for (const r of runs) {
    let x = r.xPt;
    for (const ch of r.text) {
      out.push({ ch, x, fontKey: r.fontKey });
      x += fakeAdvanceEm(ch.codePointAt(0)!) * r.sizePt + r.charSpacingPt;
    }
  }
  return out;
}

export const textOf = (line: { runs: readonly { text: string }[] }): string => line.runs.map((r) => r.text).join('');

/** Right edge of a line as drawn: the furthest run end. */
export const rightEdgeOf = (line: { runs: readonly { xPt: number; widthPt: number }[] }): number =>
  Math.max(...line.runs.map((r) => r.xPt + r.widthPt));
