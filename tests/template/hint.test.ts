import { describe, expect, it } from 'vitest';
import { closest, isTransposition, unknownMessage } from '../../src/template/hint.js';

describe('did-you-mean', () => {
  it('recognises two swapped neighbours and nothing else', () => {
    expect(isTransposition('pgae', 'page')).toBe(true);
    expect(isTransposition('Szie', 'size')).toBe(true);
    expect(isTransposition('page', 'page')).toBe(false);
    expect(isTransposition('pgea', 'page')).toBe(false); // two swaps apart
    expect(isTransposition('paeg', 'page')).toBe(true);
    expect(isTransposition('pag', 'page')).toBe(false);
    expect(isTransposition('gape', 'page')).toBe(false); // not neighbours
  });

  it('suggests typos and swaps, and lists the known keys otherwise', () => {
    expect(closest('bdy', ['body', 'byline'])).toBe('body');
    expect(closest('titel', ['title', 'body'])).toBe('title');
    expect(closest('colour', ['title', 'body'])).toBeNull();
    expect(unknownMessage('key', 'lien', ['line', 'size'])).toBe('unknown key "lien" (did you mean "line"?)');
    expect(unknownMessage('key', 'colour', ['line', 'size'])).toBe('unknown key "colour" (known: line, size)');
  });
});
