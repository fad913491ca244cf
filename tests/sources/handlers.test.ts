/** The mdast dispatch table: unknown node types are explicit positioned errors; soft-break rules. */
import { describe, expect, test } from 'vitest';
import type { Nodes } from 'mdast';
import { Diagnostics } from '../../src/model/diagnostics.js';
import { convertBlocks, convertInlines } from '../../src/sources/handlers/index.js';
import { FootnoteState, NodeIds, type Ctx } from '../../src/sources/handlers/context.js';
import { joinsWithoutSpace, parsePiece } from '../../src/sources/index.js';

function ctx(): Ctx {
  return {
    file: 'x.md',
    diags: new Diagnostics(),
    footnotes: new FootnoteState(),
    ids: new NodeIds('x'),
    definitions: new Map(),
    images: null,
    listDepth: 0,
    blocks: convertBlocks,
    inlines: convertInlines,
  };
}

const at = (line: number, column: number) => ({
  start: { line, column, offset: 0 },
  end: { line, column: column + 1, offset: 1 },
});

describe('dispatch', () => {
  test('an unknown block node type is a positioned error', () => {
    const c = ctx();
    const out = convertBlocks([{ type: 'math', value: 'x', position: at(3, 2) } as unknown as Nodes], c);
    expect(out).toEqual([]);
    expect(c.diags.items).toEqual([
      { severity: 'error', file: 'x.md', line: 3, column: 2, message: 'unsupported Markdown block "math"' },
    ]);
  });

  test('an unknown inline node type is a positioned error', () => {
    const c = ctx();
    convertInlines([{ type: 'textDirective', name: 'x', children: [], position: at(4, 7) } as unknown as Nodes], c);
    expect(c.diags.items.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '4:7: unsupported Markdown inline "textDirective"',
    ]);
  });

  test('images in a piece parsed without a collection folder are errors', () => {
    const { diagnostics } = parsePiece('---\ntitle: t\n---\n\n![a](a.png)\n', 'p.md', 1, { collectionDir: null });
    expect(diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '5:1: image "a.png" cannot be used here: images need a collection folder',
    ]);
  });
});

describe('soft breaks', () => {
  test.each([
    ['数', '科', true],
    ['，', '中', true],
    ['接', '“', true],
    ['”', '再', true],
    ['a', '“', false],
    ['中', '2', true],
    ['s', 'E', false],
    ['。', '）', true],
  ])('%s|%s joins without space: %s', (a, b, joins) => {
    expect(joinsWithoutSpace(a, b)).toBe(joins);
  });

  test('joining works across emphasis boundaries and drops the continuation indent', () => {
    const { piece } = parsePiece('---\ntitle: t\n---\n\n*强调*\n   文字\n和 *word*\nnext\n', 'p.md', 1, {
      collectionDir: null,
    });
    const p = piece.blocks[0];
    expect(p.kind === 'paragraph' ? p.inlines.map((i) => (i.kind === 'text' ? i.text : `<${i.kind}>`)) : []).toEqual([
      '<emphasis>',
      '文字和 ',
      '<emphasis>',
      ' next',
    ]);
  });
});
