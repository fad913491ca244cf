/**
 * Which changes keep the watch mode's parse cache: piece text, YAML and editors' scratch
 * files do; anything else (an image a piece may show) clears it.
 */
import { describe, expect, it } from 'vitest';
import { keepsParses } from '../../src/app/watch.js';

describe('keepsParses', () => {
  it('keeps parses for pieces, YAML and scratch files', () => {
    for (const f of [
      '03-changshou.md',
      'sub/a.markdown',
      'collection.yaml',
      'sedAb12Cd',
      '.03.md.swp',
      '4913',
      'a.md~',
      '.#a.md',
    ])
      expect([f, keepsParses(f)]).toEqual([f, true]);
  });
  it('clears them for anything else', () => {
    for (const f of ['images/photo.png', 'logo.jpg', 'figure', 'sed', 'notes.txt'])
      expect([f, keepsParses(f)]).toEqual([f, false]);
  });
});
