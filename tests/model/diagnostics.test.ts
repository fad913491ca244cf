import { describe, expect, it } from 'vitest';
import {
  dedupeDiagnostics,
  didYouMean,
  editDistance,
  formatDiagnostic,
  forOutput,
  unknownKeyMessage,
  Diagnostics,
  SourceError,
} from '../../src/model/diagnostics.js';

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

describe('warnings of the outputs', () => {
  const at = { severity: 'warning' as const, file: 'a.md', line: 22, column: 4 };
  it('names the output a warning concerns', () => {
    const [w] = forOutput([{ ...at, message: 'line is 3.2 pt wider than the measure' }], 'compilation.pdf');
    expect(formatDiagnostic(w)).toBe('a.md:22:4: warning: line is 3.2 pt wider than the measure (compilation.pdf)');
  });

  it('keeps one warning per position, message and output, measured amounts aside', () => {
    const list = [
      ...forOutput([{ ...at, message: 'line is 3.2 pt wider than the measure' }], 'compilation.pdf'),
      ...forOutput([{ ...at, message: 'line is 3.2 pt wider than the measure' }], 'compilation.pdf'),
      ...forOutput([{ ...at, message: 'line is 12 pt wider than the measure' }], 'compilation.pdf'),
      ...forOutput([{ ...at, message: 'line is 5.0 pt wider than the measure' }], 'handouts/01-a.pdf'),
      ...forOutput([{ ...at, column: 5, message: 'line is 3.2 pt wider than the measure' }], 'compilation.pdf'),
      ...forOutput([{ ...at, message: 'another problem' }], 'compilation.pdf'),
      { ...at, message: 'character U+4E00 is missing' },
      { ...at, message: 'character U+4E01 is missing' },
    ];
    expect(dedupeDiagnostics(list).map(formatDiagnostic)).toEqual([
      'a.md:22:4: warning: line is 3.2 pt wider than the measure (compilation.pdf)',
      'a.md:22:4: warning: line is 5.0 pt wider than the measure (handouts/01-a.pdf)',
      'a.md:22:5: warning: line is 3.2 pt wider than the measure (compilation.pdf)',
      'a.md:22:4: warning: another problem (compilation.pdf)',
      'a.md:22:4: warning: character U+4E00 is missing',
      'a.md:22:4: warning: character U+4E01 is missing',
    ]);
  });
});
