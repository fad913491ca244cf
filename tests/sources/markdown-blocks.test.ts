/**
 * Reading a long piece in blocks (src/sources/markdown.ts) gives the tree one parse
 * gives — nodes, identifiers and positions — whatever the block size: on the sample,
 * the source fixtures, texts built to straddle blocks (fences and HTML blocks across
 * blank lines, references defined in other blocks, lists and footnotes) and random
 * Markdown token soup (fast-check, fixed seed).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockStarts, parseMarkdown } from '../../src/sources/markdown.js';

const ROOT = join(__dirname, '../..');
const SIZES = [1, 40, 300];

function expectSameTree(text: string): void {
  const whole = parseMarkdown(text, Infinity);
  for (const size of SIZES) expect(parseMarkdown(text, size), `blocks of ${size}`).toEqual(whole);
}

const sample = readdirSync(join(ROOT, 'sources/chongqing-2023-10'))
  .filter((f) => /^\d.*\.md$/.test(f))
  .map((f) => join(ROOT, 'sources/chongqing-2023-10', f));
const fixtures = readdirSync(join(ROOT, 'tests/fixtures/sources')).map((d) =>
  join(ROOT, 'tests/fixtures/sources', d, 'input.md'),
);

describe('a piece read in blocks gives the tree of one parse', () => {
  it.each([...sample, ...fixtures].map((f) => [f.slice(ROOT.length + 1), f]))('%s', (_name, file) => {
    expectSameTree(readFileSync(file, 'utf8'));
  });

  it.each([
    [
      'a fence with blank lines and text lines inside',
      '---\ntitle: 标\n---\n\n甲。\n\n```\n代码\n\n乙行\n\n丙行\n```\n\n丁。\n',
    ],
    ['a fence never closed', '甲。\n\n~~~~\n代码\n\n乙行\n\n丙行\n'],
    ['an HTML comment across blank lines', '甲。\n\n<!--\n\n乙\n\n-->\n\n丙。\n'],
    [
      'references to definitions in other blocks',
      '[甲][a]和[^n1]。\n\n乙[b]。\n\n丙。\n\n[a]: http://x\n\n丁。\n\n[^n1]: 注。\n\n戊[^n1]。\n\n[B]: /y\n',
    ],
    ['an undefined reference stays text', '甲[^none]和[c]。\n\n乙。\n\n丙。\n'],
    ['a loose list and text after it', '- 甲\n\n- 乙\n\n1. 丙\n\n2. 丁\n\n戊。\n\n> 引\n\n己。\n'],
    ['a setext heading and a table', '标题\n===\n\n甲。\n\n|a|b|\n|-|-|\n|1|2|\n\n乙。\n'],
    ['CRLF line ends', '甲。\r\n\r\n乙。\r\n\r\n```\r\n码\r\n\r\n丙\r\n```\r\n\r\n丁。\r\n'],
  ])('%s', (_name, text) => {
    expectSameTree(text);
  });

  it('random Markdown token soup', () => {
    const tokens = [
      '甲',
      '乙丙',
      'abc',
      '**',
      '*',
      '`',
      '```\n',
      '~~~\n',
      '# ',
      '> ',
      '- ',
      '1. ',
      '  ',
      '\n',
      '\n\n',
      '[^n]',
      '[^n]: 注\n',
      '[x]',
      '[x]: /u\n',
      '<!--',
      '-->',
      '<div>',
      '|a|b|\n|-|-|\n',
      '\t',
      '    ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), (parts) => {
        expectSameTree(parts.join(''));
      }),
      { numRuns: 300, seed: 20231024 },
    );
  });

  it('blocks start only after a blank line, at a line that starts nothing', () => {
    const text = '---\ntitle: 标\n\n乙: 丙\n---\n\n甲。\n- 乙\n\n> 丙\n\n丁。\n\n    码\n\n戊。\n';
    const starts = blockStarts(text, 1);
    expect(starts.map((s) => text.slice(s, text.indexOf('\n', s)))).toEqual(['---', '甲。', '丁。', '戊。']);
  });
});
