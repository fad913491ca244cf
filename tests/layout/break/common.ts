/** Shared setup for the paragraph-setter tests: options with the fake font at 10 pt (1 em = 10 pt). */
import type { ParagraphContent, ParagraphOptions, SetLine } from '../../../src/layout/paragraph-types.js';
import { setParagraph } from '../../../src/layout/break/index.js';
import { fakeBook, span } from './fake-fonts.js';

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
