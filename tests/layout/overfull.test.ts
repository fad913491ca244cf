import { describe, expect, it } from 'vitest';
import { setParagraph } from '../../src/layout/break/index.js';
import { layoutWith } from '../../src/layout/document.js';
import type { Block } from '../../src/model/types.js';
import { fakeFontBook } from '../helpers/fake-fonts.js';
import { collection, piece } from './helpers/model.js';
import { testTemplate } from './helpers/template.js';

const fonts = fakeFontBook();
const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'; // 45 letters × 5 pt = 225 pt

describe('overfull lines', () => {
  it('breaks a word longer than the line at a character and warns at its source position, once', () => {
    const p: Block = {
      kind: 'paragraph',
      inlines: [
        { kind: 'text', text: '文字文字', pos: { file: 'a.md', line: 7, column: 1 } },
        { kind: 'code', text: word, pos: { file: 'a.md', line: 7, column: 6 } },
      ],
      pos: { file: 'a.md', line: 7, column: 1 },
    };
    const { warnings } = layoutWith(
      { collection: collection([piece(1, [p])]), template: testTemplate(), fonts, target: { kind: 'compilation' } },
      setParagraph,
    );
    // The word alone is 225 pt on a 100 pt measure: cut twice or more, one warning at the word's own span.
    expect(warnings).toEqual([
      expect.objectContaining({
        file: 'a.md',
        line: 7,
        column: 6,
        message: `"${word}" is broken at a character: no allowed break in it fits the measure`,
      }),
    ]);
  });

  it('says nothing when every line fits', () => {
    const p: Block = {
      kind: 'paragraph',
      inlines: [{ kind: 'text', text: '文字 word 文字', pos: { file: 'a.md', line: 1, column: 1 } }],
      pos: { file: 'a.md', line: 1, column: 1 },
    };
    const { warnings } = layoutWith(
      { collection: collection([piece(1, [p])]), template: testTemplate(), fonts, target: { kind: 'compilation' } },
      setParagraph,
    );
    expect(warnings).toEqual([]);
  });

  it('points at the code line that is broken, by its own line number', () => {
    const code: Block = { kind: 'code', lines: ['short', 'x'.repeat(60)], pos: { file: 'b.md', line: 10, column: 1 } };
    const { warnings } = layoutWith(
      { collection: collection([piece(1, [code])]), template: testTemplate(), fonts, target: { kind: 'compilation' } },
      setParagraph,
    );
    // Line 10 is the opening fence; the second code line is source line 12; 60 × 5 pt on a 100 pt measure.
    expect(warnings).toEqual([
      expect.objectContaining({
        file: 'b.md',
        line: 12,
        message: expect.stringMatching(/^"x{60}" is broken at a character/),
      }),
    ]);
  });
});
