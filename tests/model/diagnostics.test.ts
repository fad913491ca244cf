import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, formatDiagnostic, unknownKeyMessage, Diagnostics, SourceError } from '../../src/model/diagnostics.js';

describe('did-you-mean', () => {
  it('counts a swap of two adjacent letters as one edit', () => {
    expect(editDistance('tilte', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the close key and nothing for a far one', () => {
    expect(didYouMean('tilte', ['title', 'pieces', 'banner'])).toBe('title');
    expect(didYouMean('peices', ['title', 'pieces', 'banner'])).toBe('pieces');
    expect(didYouMean('colour', ['title', 'pieces'])).toBeNull();
    expect(unknownKeyMessage('key', 'tilte', ['title', 'pieces'])).toBe('unknown key "tilte" (did you mean "title"?)');
  });
});

describe('Diagnostics', () => {
  it('formats path:line:column: severity: message and throws all errors at once', () => {
    const d = new Diagnostics();
    d.error({ file: 'a.md', line: 3, column: 7 }, 'first');
    d.warning({ file: 'a.md', line: 4, column: 1 }, 'only a warning');
    d.error({ file: 'b.md', line: 1, column: 1 }, 'second');
    expect(formatDiagnostic(d.items[0])).toBe('a.md:3:7: error: first');
    try {
      d.throwIfErrors();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SourceError);
      expect((e as SourceError).diagnostics.map((x) => x.message)).toEqual(['first', 'second']);
    }
  });
});
