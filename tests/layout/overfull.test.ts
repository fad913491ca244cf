import { describe, expect, it } from 'vitest';
import { setParagraph } from '../../src/layout/break/index.js';
import { layoutWith } from '../../src/layout/document.js';
import type { Block } from '../../src/model/types.js';
import { fakeFontBook } from './helpers/fake-fonts.js';
import { collection, piece } from './helpers/model.js';
import { testTemplate } from './helpers/template.js';

const fonts = fakeFontBook();
const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'; // 45 letters × 5 pt = 225 pt

describe('overfull lines', () => {
  it('warns with the source position and by how much a line overruns the measure', () => {
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
    const w = warnings.filter((d) => d.message.includes('wider than the measure'));
    expect(w.length).toBe(1);
    // The word alone is 225 pt on a 100 pt measure: at least 125 pt too wide, pointed at the word's own span.
    expect(w[0]).toMatchObject({ file: 'a.md', line: 7, column: 6 });
    const m = /^line is (\d+\.\d) pt wider than the measure$/.exec(w[0].message);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(125);
    expect(Number(m![1])).toBeLessThanOrEqual(225 + 40 + 5 - 80); // at worst beside the first line’s Han text, after its 20 pt indent
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

  it('points at the code line that overruns, by its own line number', () => {
    const code: Block = { kind: 'code', lines: ['short', 'x'.repeat(60)], pos: { file: 'b.md', line: 10, column: 1 } };
    const { warnings } = layoutWith(
      { collection: collection([piece(1, [code])]), template: testTemplate(), fonts, target: { kind: 'compilation' } },
      setParagraph,
    );
    // Line 10 is the opening fence; the second code line is source line 12; 60 × 5 pt on a 100 pt measure.
    expect(warnings).toEqual([
      expect.objectContaining({ file: 'b.md', line: 12, message: 'line is 200.0 pt wider than the measure' }),
    ]);
  });
});
