import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/book.js';
import { checkCoverage, needsGlyph } from '../../src/fonts/coverage.js';
import type { FontBook } from '../../src/fonts/types.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';
import type { Block, Collection, Inline, Piece, Pos } from '../../src/model/types.js';
import type { ResolvedTemplate } from '../../src/template/types.js';
import { withNames } from './helpers/font-edit.js';
import { sans400, serif400, template, tempDir, tempProject } from './helpers/fixtures.js';

const at = (line: number, column: number, file = 'pieces/01-a.md'): Pos => ({ file, line, column });
const text = (t: string, pos: Pos): Inline => ({ kind: 'text', text: t, pos });
const para = (inlines: Inline[], pos: Pos): Block => ({ kind: 'paragraph', inlines, pos });

function piece(blocks: Block[], over: Partial<Piece> = {}): Piece {
  return {
    n: 1,
    id: 'a',
    file: 'pieces/01-a.md',
    title: '数字化变革',
    subtitle: null,
    role: null,
    author: null,
    byline: '',
    date: null,
    blocks,
    footnotes: [],
    pos: at(2, 8),
    ...over,
  };
}

function collection(pieces: Piece[], over: Partial<Collection> = {}): Collection {
  return {
    id: 'c',
    dir: '/c',
    title: '汇编',
    showCount: false,
    banner: null,
    template: null,
    lang: 'zh-CN',
    pieces,
    parts: [],
    pos: at(1, 1, 'collection.yaml'),
    ...over,
  };
}

let book: FontBook;
let tpl: ResolvedTemplate;

beforeAll(async () => {
  // 仿宋 (serif subset) lacks 堃 and 彧; 测试黑体 (sans subset) has them; nothing has 𠀾.
  const dir = tempProject({
    'fs.ttf': withNames(serif400(), { en: 'FangSong', zh: '仿宋', postscript: 'FangSong' }),
    'hei.ttf': withNames(sans400(), { en: 'Test Hei', zh: '测试黑体', postscript: 'TestHei' }),
  });
  tpl = template(
    { body: ['仿宋'], title: ['仿宋'], hei: ['测试黑体'], kai: ['仿宋'], song: ['仿宋'] },
    {
      fallback: ['测试黑体'],
      file: '/tpl/test.yaml',
      styles: { lead: { font: 'hei' }, emphasis: { font: 'kai' }, pieceTitle: { font: 'title' } },
    },
  );
  book = (await loadFontBook(tpl, { projectDir: dir, systemFonts: false, npmFonts: false, cacheDir: tempDir() })).book;
});

describe('checkCoverage', () => {
  it('accepts text every first face draws', () => {
    const d = checkCoverage(
      collection([piece([para([text('中国重庆数字化变革，高质量发展。ABC 123', at(5, 1))], at(5, 1))])]),
      tpl,
      book,
    );
    expect(d.items).toEqual([]);
  });

  it('puts a missing character’s error at its exact line and column', () => {
    const blocks = [
      para([text('中国𠀾编', at(7, 3))], at(7, 3)),
      // An astral character counts two columns (UTF-16, as remark counts).
      para([text('𠀾𠀾', at(9, 1))], at(9, 1)),
      // A newline inside the text moves to the next line, column 1.
      para([text('中国\n数字𠀾', at(11, 4))], at(11, 4)),
    ];
    const d = checkCoverage(collection([piece(blocks)]), tpl, book);
    expect(d.errors.map(formatDiagnostic)).toEqual([
      'pieces/01-a.md:7:5: error: 𠀾 (U+2003E) has no glyph in any font of role body (仿宋, 测试黑体)',
      'pieces/01-a.md:9:1: error: 𠀾 (U+2003E) has no glyph in any font of role body (仿宋, 测试黑体)',
      'pieces/01-a.md:9:3: error: 𠀾 (U+2003E) has no glyph in any font of role body (仿宋, 测试黑体)',
      'pieces/01-a.md:12:3: error: 𠀾 (U+2003E) has no glyph in any font of role body (仿宋, 测试黑体)',
    ]);
  });

  it('checks the piece title in its own role at exact columns, once per position', () => {
    const d = checkCoverage(collection([piece([], { title: '汇编𠀾' })]), tpl, book);
    expect(d.errors.map(formatDiagnostic)).toEqual([
      'pieces/01-a.md:2:10: error: 𠀾 (U+2003E) has no glyph in any font of role title (仿宋, 测试黑体)',
    ]);
  });

  it('warns once per role when characters fall back, listing each with its place', () => {
    const blocks = [
      para(
        [
          text('中国堃', at(5, 1)),
          { kind: 'lead', children: [text('堃', at(5, 6))], pos: at(5, 4) },
          { kind: 'emphasis', children: [text('彧彧', at(5, 10))], pos: at(5, 9) },
          text('堃', at(5, 14)),
        ],
        at(5, 1),
      ),
    ];
    const d = checkCoverage(collection([piece(blocks)]), tpl, book);
    expect(d.errors).toEqual([]);
    // The lead's role (hei) draws 堃 with its first face: no warning for it.
    expect(d.warnings.map(formatDiagnostic)).toEqual([
      'pieces/01-a.md:5:3: warning: 1 character of role body not in 仿宋, set in a fallback font: 堃 (U+5803, from 测试黑体) at pieces/01-a.md:5:3',
      'pieces/01-a.md:5:10: warning: 1 character of role kai not in 仿宋, set in a fallback font: 彧 (U+5F67, from 测试黑体) at pieces/01-a.md:5:10',
    ]);
  });

  it('needs no glyph for whitespace, controls, format characters and variation selectors', () => {
    for (const ch of [' ', '\u3000', '\t', '\u200b', '\ufeff', '\ufe0f', '\u00a0']) expect(needsGlyph(ch)).toBe(false);
    for (const ch of ['中', 'A', '，', '𠀾']) expect(needsGlyph(ch)).toBe(true);
    const d = checkCoverage(
      collection([piece([para([text('中\u3000国\u200b\ufe0f\t', at(5, 1))], at(5, 1))])]),
      tpl,
      book,
    );
    expect(d.items).toEqual([]);
  });

  it('checks furniture from the template at the template file, and fields without exact positions at their node', () => {
    const c = collection([piece([], { subtitle: '副题𠀾', byline: '作者', role: null, author: '作者' })], {
      showCount: true,
    });
    const d = checkCoverage(c, tpl, book);
    const msgs = d.errors.map(formatDiagnostic);
    // 篇 of “（{count}篇）” and 副/题/作/者 are not in the test fonts.
    expect(msgs).toContain(
      '/tpl/test.yaml:1:1: error: 篇 (U+7BC7) has no glyph in any font of role body (仿宋, 测试黑体) in contents.countSuffix',
    );
    expect(msgs).toContain(
      'pieces/01-a.md:2:8: error: 𠀾 (U+2003E) has no glyph in any font of role body (仿宋, 测试黑体) in the subtitle',
    );
    expect(msgs.some((m) => m.includes('作 (U+4F5C)') && m.includes('in the byline'))).toBe(true);
  });

  it('checks headings listed in the contents in the contents entry style too', async () => {
    const heading: Block = {
      kind: 'heading',
      id: 'p/h1',
      level: 1,
      inlines: [text('一、彧', at(4, 4))],
      pos: at(4, 1),
    };
    const styled = { ...tpl, styles: { ...tpl.styles, heading1: { ...tpl.styles.heading1, font: 'hei' as const } } };
    expect(checkCoverage(collection([piece([heading])]), styled, book).warnings).toEqual([]);
    const listed = { ...styled, contents: { ...styled.contents, headingLevels: 1 } };
    const w = checkCoverage(collection([piece([heading])]), listed, book).warnings;
    expect(w.map((d) => [d.line, d.column, d.message.split(':')[0]])).toEqual([
      [4, 6, '1 character of role body not in 仿宋, set in a fallback font'],
    ]);
  });

  it('walks lists, quotes, tables, footnotes and code', () => {
    const blocks: Block[] = [
      {
        kind: 'list',
        ordered: true,
        start: 1,
        depth: 1,
        pos: at(3, 1),
        items: [{ blocks: [para([text('𠀾', at(3, 4))], at(3, 4))], checked: null, pos: at(3, 1) }],
      },
      { kind: 'quote', pos: at(4, 1), blocks: [para([text('𠀾', at(4, 3))], at(4, 3))] },
      {
        kind: 'table',
        id: 'p/t1',
        pos: at(5, 1),
        align: [null],
        rows: [[{ inlines: [text('𠀾', at(5, 3))], pos: at(5, 1) }]],
      },
      { kind: 'code', pos: at(6, 1), lines: ['ab𠀾'] },
    ];
    const notes = [{ id: 'x', n: 1, pos: at(9, 1), blocks: [para([text('注𠀾', at(9, 7))], at(9, 7))] }];
    const d = checkCoverage(collection([piece(blocks, { footnotes: notes })]), tpl, book);
    expect(d.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['3:4', '4:3', '5:3', '7:3', '9:7', '9:8']);
  });
});
