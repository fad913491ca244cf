import { describe, expect, it } from 'vitest';
import { layoutWith } from '../../src/layout/document.js';
import type { Block } from '../../src/model/types.js';
import { fakeFontBook } from '../helpers/fake-fonts.js';
import { greedySetter } from './helpers/greedy-setter.js';
import { pageLines, pageOfDest, runs } from './helpers/inspect.js';
import { collection, hanLines, listOf, para, piece, pos } from './helpers/model.js';
import { testTemplate } from './helpers/template.js';

const fonts = fakeFontBook();

/** Piece n with paragraphs filling the given line counts. */
const pieceOf = (n: number, lines: number[]) =>
  piece(
    n,
    lines.map((l) => para(hanLines(l))),
  );

describe('layoutWith: compilation', () => {
  // Title + byline + 8 lines = one 10-line page; 3 pieces of 1, 2 and 3 pages.
  const c = collection([pieceOf(1, [4, 4]), pieceOf(2, [6, 6, 5]), pieceOf(3, [8, 8, 8, 2])]);
  const t = testTemplate();
  const { tree, warnings } = layoutWith(
    { collection: c, template: t, fonts, target: { kind: 'compilation' } },
    greedySetter,
  );

  it('puts the contents on unnumbered front pages and starts the body at 1', () => {
    expect(tree.frontPages).toBe(1);
    expect(tree.pages[0].number).toBeNull();
    expect(tree.pages.slice(1).map((p) => p.number)).toEqual(tree.pages.slice(1).map((_, i) => i + 1));
    expect(pageLines(tree.pages[0]).some((l) => l.includes('—'))).toBe(false);
    expect(pageLines(tree.pages[1]).at(-1)).toBe('— 1 —');
  });

  it('shows the count in the title and “目录”', () => {
    const lines = pageLines(tree.pages[0]);
    expect(lines[0]).toBe('汇编（3篇）');
    expect(lines[1]).toBe('目录');
    expect(lines[2]).toBe('1．书记作者1：');
  });

  it('starts each piece on a new page and records where each landed', () => {
    expect(tree.piecePages).toEqual([
      { n: 1, startPage: 1, endPage: 1 },
      { n: 2, startPage: 2, endPage: 3 },
      { n: 3, startPage: 4, endPage: 6 },
    ]);
    for (const pp of tree.piecePages)
      expect(pageOfDest(tree, `piece-${pp.n}`)).toBe(pp.startPage + tree.frontPages - 1);
  });

  it('settles the contents numbers in a second pass and links each entry', () => {
    expect(tree.passes).toBe(2);
    expect(warnings).toEqual([]);
    const numbers = runs(tree.pages[0])
      .filter((r) => /^\d+$/.test(r.text))
      .map((r) => Number(r.text));
    expect(numbers).toEqual(tree.piecePages.map((p) => p.startPage));
    const links = tree.pages[0].items.filter((i) => i.kind === 'link');
    expect(new Set(links.map((l) => (l.kind === 'link' ? l.dest : null)))).toEqual(
      new Set(['piece-1', 'piece-2', 'piece-3']),
    );
  });

  it('writes an outline of pieces', () => {
    expect(tree.outline.map((o) => [o.title, o.pageIndex])).toEqual([
      ['标题1', 1],
      ['标题2', 2],
      ['标题3', 4],
    ]);
  });

  it('keeps the body text complete and in order', () => {
    const text = tree.pages
      .slice(1)
      .flatMap(pageLines)
      .filter((l) => !l.startsWith('—'))
      .join('');
    const expected = c.pieces
      .map(
        (p) =>
          p.title +
          p.byline +
          p.blocks
            .map((b) => (b.kind === 'paragraph' && b.inlines[0].kind === 'text' ? b.inlines[0].text : ''))
            .join(''),
      )
      .join('');
    expect(text).toBe(expected);
  });
});

describe('layoutWith: pieces sharing pages and outside page numbers', () => {
  const c = collection([pieceOf(1, [2]), pieceOf(2, [2]), pieceOf(3, [2])]);
  const { tree } = layoutWith(
    { collection: c, template: testTemplate({ pieceNewPage: false }), fonts, target: { kind: 'compilation' } },
    greedySetter,
  );
  it('runs pieces on when pieceNewPage is off', () => {
    expect(tree.piecePages.map((p) => p.startPage)).toEqual([1, 1, 2]);
  });
  it('puts odd numbers right and even numbers left, inset from the type area', () => {
    const num = (i: number) => runs(tree.pages[i]).find((r) => r.text.startsWith('—'))!;
    const odd = num(1);
    const even = num(2);
    expect(odd.xPt).toBeGreaterThan(even.xPt);
    expect(even.xPt).toBe(20 + 10);
    expect(odd.yPt).toBe(40 + 200 + 20);
  });
});

describe('layoutWith: a long contents', () => {
  const pieces = Array.from({ length: 14 }, (_, i) => pieceOf(i + 1, [3]));
  const c = collection(pieces);
  const { tree } = layoutWith(
    { collection: c, template: testTemplate(), fonts, target: { kind: 'compilation' } },
    greedySetter,
  );
  it('spans several unnumbered pages and never splits an entry', () => {
    expect(tree.frontPages).toBeGreaterThan(2);
    for (let i = 0; i < tree.frontPages; i++) expect(tree.pages[i].number).toBeNull();
    for (const p of pieces) {
      const onPages = tree.pages.filter((pg) =>
        pg.items.some((it) => it.kind === 'link' && it.dest === `piece-${p.n}`),
      );
      expect(onPages.length).toBe(1);
    }
    expect(tree.piecePages.map((p) => p.startPage)).toEqual(pieces.map((_, i) => i + 1));
  });
});

describe('layoutWith: parts, banner, lists, headings', () => {
  const list = listOf(true, 1, [[para('项目')], [para('项目')], [para('项目')]]);
  const heading: Block = {
    kind: 'heading',
    id: 'p2/h1',
    level: 1,
    inlines: [{ kind: 'text', text: '一、标题', pos: pos() }],
    pos: pos(),
  };
  const c = collection(
    [piece(1, [list]), piece(2, [para(hanLines(7)), heading, para(hanLines(3))]), piece(3, [para('短')])],
    {
      banner: {
        headline: '横幅',
        name: '汇编',
        source: '重庆日报',
        date: '2023-10-24',
        provenance: '（日报）',
        pos: pos(),
      },
    },
    [
      { title: '第一篇', pieces: [1, 2], pos: pos() },
      { title: '第二篇', pieces: [3], pos: pos() },
    ],
  );
  const { tree } = layoutWith(
    { collection: c, template: testTemplate(), fonts, target: { kind: 'compilation' } },
    greedySetter,
  );

  it('lists parts in the contents with continuous numbering', () => {
    const lines = pageLines(tree.pages[0]);
    expect(lines.filter((l) => /^第.篇$/.test(l))).toEqual(['第一篇', '第二篇']);
    expect(lines.filter((l) => /^\d．/.test(l)).map((l) => l[0])).toEqual(['1', '2', '3']);
  });

  it('sets the banner before the first piece, numbers lists 1． below the sections’ 一、', () => {
    const first = pageLines(tree.pages[1]);
    expect(first.slice(0, 4)).toEqual(['横幅', '汇编', '（日报）', '第一篇']);
    expect(first.filter((l) => l.includes('项目'))).toEqual(['1．项目', '2．项目', '3．项目']);
  });

  it('keeps a heading with the lines after it', () => {
    // piece 2: title, byline, 7 lines → the heading would be the page's last line.
    const p = tree.piecePages.find((x) => x.n === 2)!;
    const second = pageLines(tree.pages[p.startPage + tree.frontPages]);
    expect(second[0]).toBe('一、标题');
  });

  it('nests pieces under parts in the outline and records part pages', () => {
    expect(tree.outline.map((o) => [o.title, o.children.map((ch) => ch.dest)])).toEqual([
      ['第一篇', ['piece-1', 'piece-2']],
      ['第二篇', ['piece-3']],
    ]);
    expect(tree.partPages).toEqual([1, tree.piecePages[2].startPage]);
  });
});

describe('layoutWith: lists as GB/T 9704 paragraphs', () => {
  const nested = listOf(true, 2, [[para(hanLines(2, '乙'))]]);
  const bullets = listOf(false, 1, [[para('丙')]]);
  const list = listOf(true, 1, [[para(hanLines(2, '甲')), nested]]);
  const { tree } = layoutWith(
    {
      collection: collection([piece(1, [list, bullets])]),
      template: testTemplate(),
      fonts,
      target: { kind: 'compilation' },
    },
    greedySetter,
  );
  const page = tree.pages[tree.frontPages];
  /** Each line's text and where it starts, pt from the type area's left (the test page's margin is 20 pt). */
  const lines = (() => {
    const byY = new Map<number, { text: string; xPt: number }[]>();
    for (const r of runs(page)) byY.set(r.yPt, [...(byY.get(r.yPt) ?? []), { text: r.text, xPt: r.xPt }]);
    return [...byY.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, rs]) => ({
        text: rs
          .sort((a, b) => a.xPt - b.xPt)
          .map((r) => r.text)
          .join(''),
        startPt: Math.min(...rs.map((r) => r.xPt)) - 20,
      }))
      .filter((l) => /[甲乙丙]/.test(l.text));
  })();

  it('numbers by depth (1． then （1）), the marker at the 2 em first-line indent, wrapped lines back at the margin', () => {
    expect(lines.map((l) => [l.text.slice(0, 4), l.startPt])).toEqual([
      ['1．甲甲', 20],
      ['甲甲甲甲', 0],
      ['甲甲', 0],
      ['（1）乙', 20],
      ['乙乙乙乙', 0],
      ['乙乙乙', 0],
      ['●丙', 20],
    ]);
  });
});

describe('layoutWith: handout', () => {
  const c = collection([pieceOf(1, [3]), pieceOf(2, [8, 8]), pieceOf(3, [3])], {
    banner: { headline: null, name: '汇编', source: '重庆日报', date: '2023-10-24', provenance: null, pos: pos() },
  });
  const t = testTemplate({ header: { text: '{source} {date}', placement: 'header', gapPt: 10, rule: true } });
  const { tree } = layoutWith(
    { collection: c, template: t, fonts, target: { kind: 'handout', piece: 2 } },
    greedySetter,
  );
  it('lays out one piece from page 1 with the running header and no contents', () => {
    expect(tree.frontPages).toBe(0);
    expect(tree.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(tree.piecePages).toEqual([{ n: 2, startPage: 1, endPage: 2 }]);
    const lines = pageLines(tree.pages[0]);
    expect(lines[0]).toBe('重庆日报 2023年10月24日');
    expect(lines[1]).toBe('标题2');
    expect(lines.join('')).not.toContain('目录');
    expect(tree.pages[0].items.some((i) => i.kind === 'rule')).toBe(true);
  });
});

describe('layoutWith: grid and errors', () => {
  it('puts every body line on the grid', () => {
    const t = testTemplate({ grid: { lines: 10, chars: 10, linePitchPt: 20, charPitchPt: 10 } });
    const styles = { ...t.styles, pieceTitle: { ...t.styles.pieceTitle, linePt: 30, spaceAfterPt: 7 } };
    const c = collection([pieceOf(1, [3, 3, 3])]);
    const { tree } = layoutWith(
      { collection: c, template: { ...t, styles }, fonts, target: { kind: 'compilation' } },
      greedySetter,
    );
    const body = runs(tree.pages[1]).filter((r) => r.text.startsWith('文'));
    const tops = [...new Set(body.map((r) => r.yPt))];
    // pitch 20, line boxes at whole grid multiples from the type-area top (40): baseline = top + 5 + 8.8
    for (const y of tops) expect(((y - 40 - 13.8) / 20) % 1).toBeCloseTo(0, 6);
  });
});
