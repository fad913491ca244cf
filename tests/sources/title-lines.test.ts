/** Explicit line breaks in a title (src/sources/title-lines.ts): kept as lines, joined for the one-line title. */
import { describe, expect, it } from 'vitest';
import { titleText } from '../../src/sources/title-lines.js';
import { loadCollection } from '../../src/sources/index.js';
import { makeCollection, piece } from './helpers.js';

describe('titleText', () => {
  it('keeps the lines of a block scalar and joins them without a space between Han', () => {
    expect(titleText('以新型工业化为牵引\n加快构建现代化产业体系\n')).toEqual({
      title: '以新型工业化为牵引加快构建现代化产业体系',
      titleLines: ['以新型工业化为牵引', '加快构建现代化产业体系'],
    });
  });

  it('joins Latin words with one space, and leaves a one-line title without lines', () => {
    expect(titleText('Digital\nChongqing').title).toBe('Digital Chongqing');
    expect(titleText('数字重庆')).toEqual({ title: '数字重庆' });
    expect(titleText('数字重庆\n\n')).toEqual({ title: '数字重庆' });
  });
});

describe('titles written on several lines in the sources', () => {
  it('reads `title: |` and a quoted "\\n" in a piece and in collection.yaml', async () => {
    const dir = makeCollection({
      'collection.yaml': 'title: |\n  重庆市区县委书记和部门一把手\n  例会交流发言材料汇编\npieces: [a.md, b.md]\n',
      'a.md': piece('正文。', 'title: |\n  以新型工业化为牵引\n  加快构建现代化产业体系'),
      'b.md': piece('正文。', 'title: "坚持工业立区\\n制造强区"'),
    });
    const { collection } = await loadCollection(dir, { displayDir: 'col' });
    expect(collection.titleLines).toEqual(['重庆市区县委书记和部门一把手', '例会交流发言材料汇编']);
    expect(collection.title).toBe('重庆市区县委书记和部门一把手例会交流发言材料汇编');
    expect(collection.pieces[0]!.titleLines).toEqual(['以新型工业化为牵引', '加快构建现代化产业体系']);
    expect(collection.pieces[1]!.titleLines).toEqual(['坚持工业立区', '制造强区']);
    expect(collection.pieces[1]!.title).toBe('坚持工业立区制造强区');
  });
});
