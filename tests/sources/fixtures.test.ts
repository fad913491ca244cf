/**
 * Fixture folders tests/fixtures/sources/<construct>/input.md → expected.json
 * (the piece model with positions, plus any diagnostics). Regenerate with
 * UPDATE_FIXTURES=1 and review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePiece } from '../../src/sources/index.js';

const ROOT = path.resolve('tests/fixtures/sources');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const cases = fs
  .readdirSync(ROOT)
  .filter((d) => fs.existsSync(path.join(ROOT, d, 'input.md')))
  .sort();

describe('source fixtures', () => {
  test('every construct has a fixture', () => {
    for (const name of [
      'paragraph',
      'soft-break',
      'lead-emphasis',
      'headings',
      'lists',
      'quote',
      'table',
      'image',
      'footnotes',
      'hard-break',
      'thematic-break',
      'code',
      'link',
      'strikethrough',
      'pasted',
    ]) {
      expect(cases).toContain(name);
    }
  });

  test.each(cases)('%s', (name) => {
    const dir = path.join(ROOT, name);
    const text = fs.readFileSync(path.join(dir, 'input.md'), 'utf8');
    const { piece, diagnostics } = parsePiece(text, 'input.md', 1, { relFile: 'input.md', collectionDir: dir });
    const actual = JSON.parse(JSON.stringify({ piece, diagnostics }));
    const expectedFile = path.join(dir, 'expected.json');
    if (UPDATE || !fs.existsSync(expectedFile)) {
      if (!UPDATE) throw new Error(`${expectedFile} is missing: run with UPDATE_FIXTURES=1 and review it`);
      fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
    }
    expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
  });
});
