/** A subtitle's contents line keeps one ——, whether the author wrote it or the template adds it. */
import { describe, expect, it } from 'vitest';
import { subtitleLine } from '../../src/model/placeholders.js';

describe('subtitleLine', () => {
  it('adds the pattern’s dash to a plain subtitle', () => {
    expect(subtitleLine('——{subtitle}', { subtitle: '在区委全会上的发言' })).toBe('——在区委全会上的发言');
  });

  it('keeps the author’s own dash once', () => {
    expect(subtitleLine('——{subtitle}', { subtitle: '——在区委全会上的发言' })).toBe('——在区委全会上的发言');
    expect(subtitleLine('——{subtitle}', { subtitle: '⸺在区委全会上的发言' })).toBe('⸺在区委全会上的发言');
    expect(subtitleLine('（——{subtitle}）', { subtitle: '——在会上' })).toBe('（——在会上）');
  });

  it('leaves a pattern without a dash as written', () => {
    expect(subtitleLine('{subtitle}', { subtitle: '——在会上' })).toBe('——在会上');
    expect(subtitleLine('副题：{subtitle}', { subtitle: '在会上' })).toBe('副题：在会上');
  });
});
