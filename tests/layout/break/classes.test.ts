import { describe, expect, it } from 'vitest';
import {
  classify,
  noEnd,
  noStart,
  prohibitedLineEndChars,
  prohibitedLineStartChars,
} from '../../../src/layout/break/index.js';

const cls = (ch: string) => classify(ch.codePointAt(0)!);

describe('classify', () => {
  it('puts each mark of the docs/typography.md table in its class', () => {
    for (const ch of '、。，．：；！？') expect(cls(ch)).toBe('stop');
    for (const ch of '”’）》〉」』】〗〕］｝') expect(cls(ch)).toBe('closing');
    for (const ch of '“‘（《〈「『【〖〔［｛') expect(cls(ch)).toBe('opening');
    for (const ch of '—⸺…⋯') expect(cls(ch)).toBe('twoEm');
    expect(cls('·')).toBe('interpunct');
    for (const ch of '-–～') expect(cls(ch)).toBe('connector');
    for (const ch of '/／') expect(cls(ch)).toBe('solidus');
    for (const ch of ',.;:!?)]}%‰℃°') expect(cls(ch)).toBe('latinCloser');
    for (const ch of '([{￥$£') expect(cls(ch)).toBe('latinOpener');
  });

  it('treats ideographs and full-width letters and digits as Han, ASCII as Latin', () => {
    expect(cls('中')).toBe('han');
    expect(cls('３')).toBe('han');
    expect(cls('Ａ')).toBe('han');
    expect(cls('A')).toBe('latin');
    expect(cls('8')).toBe('latin');
    expect(cls(' ')).toBe('space');
    expect(classify(0x20000)).toBe('han');
  });
});

describe('prohibitions by strictness', () => {
  it('none prohibits nothing; basic only stops/closings and openings', () => {
    expect(noStart('stop', 'none')).toBe(false);
    expect(noStart('stop', 'basic')).toBe(true);
    expect(noStart('closing', 'basic')).toBe(true);
    expect(noStart('interpunct', 'basic')).toBe(false);
    expect(noEnd('opening', 'basic')).toBe(true);
    expect(noEnd('latinOpener', 'basic')).toBe(false);
  });

  it('gb adds connectors, interpunct, solidus and Latin closers/openers; strict adds two-em units', () => {
    for (const c of ['connector', 'interpunct', 'solidus', 'latinCloser'] as const) expect(noStart(c, 'gb')).toBe(true);
    expect(noEnd('solidus', 'gb')).toBe(true);
    expect(noEnd('latinOpener', 'gb')).toBe(true);
    expect(noStart('twoEm', 'gb')).toBe(false);
    expect(noStart('twoEm', 'strict')).toBe(true);
  });

  it('gives the lists as strings for Word', () => {
    const start = prohibitedLineStartChars('gb');
    for (const ch of '，。”）·／%') expect(start).toContain(ch);
    expect(start).not.toContain('“');
    expect(start).not.toContain('—');
    expect(prohibitedLineStartChars('strict')).toContain('—');
    const end = prohibitedLineEndChars('gb');
    for (const ch of '“（《$/') expect(end).toContain(ch);
    expect(end).not.toContain('，');
    expect(prohibitedLineStartChars('none')).toBe('');
  });
});
