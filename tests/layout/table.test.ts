import { describe, expect, it } from 'vitest';
import { layoutWith } from '../../src/layout/document.js';
import { columnWidthsPt } from '../../src/layout/table.js';
import type { Block, CellAlign, TableBlock } from '../../src/model/types.js';
import type { GlyphRun, Page, RuleItem } from '../../src/layout/pagetree.js';
import { fakeFontBook } from '../helpers/fake-fonts.js';
import { greedySetter } from './helpers/greedy-setter.js';
import { pageLines, runs } from './helpers/inspect.js';
import { collection, para, piece, pos } from './helpers/model.js';
import { testTemplate } from './helpers/template.js';

const fonts = fakeFontBook();

function table(rows: string[][], align: CellAlign[] = rows[0].map(() => null)): TableBlock {
  return {
    kind: 'table',
    id: 'p1/t1',
    align,
    rows: rows.map((r) =>
      r.map((text) => ({ inlines: text ? [{ kind: 'text' as const, text, pos: pos() }] : [], pos: pos() })),
    ),
    pos: pos('t.md', 5),
  };
}

const layout = (blocks: Block[]) =>
  layoutWith(
    { collection: collection([piece(1, blocks)]), template: testTemplate(), fonts, target: { kind: 'compilation' } },
    greedySetter,
  );
const rules = (p: Page): RuleItem[] => p.items.filter((i): i is RuleItem => i.kind === 'rule');
const run = (p: Page, text: string): GlyphRun | undefined => runs(p).find((r) => r.text === text);
/** Distinct x of the vertical rules (column edges), left to right. */
const columnEdges = (p: Page): number[] =>
  [
    ...new Set(
      rules(p)
        .filter((r) => r.x1Pt === r.x2Pt)
        .map((r) => r.x1Pt),
    ),
  ].sort((a, b) => a - b);
/** Distinct y of the horizontal rules (row edges), top down. */
const rowEdges = (p: Page): number[] =>
  [
    ...new Set(
      rules(p)
        .filter((r) => r.y1Pt === r.y2Pt)
        .map((r) => r.y1Pt),
    ),
  ].sort((a, b) => a - b);

describe('columnWidthsPt (CSS automatic table layout, table as wide as the measure)', () => {
  it('widens the maxima in proportion when they fit', () => {
    expect(columnWidthsPt([10, 10], [20, 60], 160)).toEqual([40, 120]);
  });
  it('shares the room above the minima in proportion to (max − min) when the maxima do not fit', () => {
    const w = columnWidthsPt([10, 20], [110, 220], 130);
    expect(w[0]).toBeCloseTo(10 + 100 * (100 / 300), 6);
    expect(w[1]).toBeCloseTo(20 + 200 * (100 / 300), 6);
    expect(w[0] + w[1]).toBeCloseTo(130, 6);
  });
  it('returns the minima when even they overflow', () => {
    expect(columnWidthsPt([80, 40], [90, 50], 100)).toEqual([80, 40]);
  });
});

describe('tables: widths, wrapping, rules and alignment', () => {
  // Type area 100 pt wide; cells padded 5 pt each side; 10 pt characters; pitch 20 + 2 × 2.5 pt padding.
  const t = table(
    [
      ['项', '说明', '数'],
      ['甲', '这是一段需要在单元格里折行的较长说明文字', '12'],
    ],
    ['left', null, 'right'],
  );
  const { tree, facts, warnings } = layout([t]);
  const page = tree.pages[tree.frontPages];

  it('sets the table without errors or warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('gives the long column the room and wraps its text with the setter', () => {
    const lines = pageLines(page);
    const wrapped = lines.filter((l) => l.includes('说明文字') || l.startsWith('这是'));
    expect(wrapped.length).toBeGreaterThan(0);
    const all = lines.join('');
    expect(all).toContain('需要');
    const cellRuns = runs(page).filter(
      (r) => /[这是一段需要在单元格里折行的较长说明文字]/.test(r.text[0]) && r.text !== '说明',
    );
    expect(new Set(cellRuns.map((r) => r.yPt)).size).toBeGreaterThan(1); // it wrapped
  });

  it('draws rules around every cell: vertical rules at the column edges spanning the table, horizontals at row edges', () => {
    const rs = rules(page);
    const vertical = rs.filter((r) => r.x1Pt === r.x2Pt);
    const xs = [...new Set(vertical.map((r) => Math.round(r.x1Pt * 100) / 100))].sort((a, b) => a - b);
    expect(xs.length).toBe(4); // 3 columns
    expect(xs[0]).toBeCloseTo(20, 6); // type area left
    expect(xs[3]).toBeCloseTo(120, 6); // type area right: the table fills the measure
    const horizontal = rs.filter((r) => r.y1Pt === r.y2Pt && r.x1Pt === xs[0]);
    expect(new Set(horizontal.map((r) => Math.round(r.y1Pt * 100))).size).toBe(3); // top, between rows, bottom
  });

  it('exposes the column widths in the page tree for the DOCX', () => {
    expect(facts.tableColumns.length).toBe(1);
    const { piece: n, id, widthsPt } = facts.tableColumns[0];
    expect([n, id]).toEqual([1, 'p1/t1']);
    expect(widthsPt.reduce((a, w) => a + w, 0)).toBeCloseTo(100, 6);
    expect(widthsPt[1]).toBeGreaterThan(widthsPt[0]);
    expect(widthsPt[1]).toBeGreaterThan(widthsPt[2]);
  });

  it('aligns the columns as the Markdown says', () => {
    const xs = columnEdges(page);
    const num = run(page, '12')!;
    expect(num.xPt + 10).toBeCloseTo(xs[3] - 5, 6); // right-aligned, 5 pt padding
    const first = run(page, '甲')!;
    expect(first.xPt).toBeCloseTo(xs[0] + 5, 6); // left
  });
});

describe('tables across pages', () => {
  // 10-line page of 200 pt: title and byline take 40 pt, rows are 25 pt.
  const rows = [['序号', '名称']];
  for (let i = 1; i <= 14; i++) rows.push([String(i), `第${i}行`]);
  const { tree } = layout([para('文'.repeat(8)), table(rows)]);
  const body = tree.pages.slice(tree.frontPages);

  it('crosses a page and repeats the header row at the top of the continuation page', () => {
    expect(body.length).toBeGreaterThan(1);
    expect(pageLines(body[0]).filter((l) => l === '序号名称').length).toBe(1);
    for (const p of body.slice(1)) expect(pageLines(p)[0]).toBe('序号名称');
  });

  it('never splits a row and keeps every row once, in order', () => {
    const seen = body.flatMap((p) => pageLines(p).filter((l) => /^\d+第/.test(l)));
    expect(seen).toEqual(rows.slice(1).map((r) => r.join('')));
  });

  it('closes each page’s part of the table with a bottom rule', () => {
    for (const p of body) {
      const hs = rules(p).filter((r) => r.y1Pt === r.y2Pt);
      const lastText = Math.max(
        ...runs(p)
          .filter((r) => /第/.test(r.text))
          .map((r) => r.yPt),
      );
      expect(hs.some((r) => r.y1Pt > lastText)).toBe(true);
    }
  });
});

describe('a row taller than a page', () => {
  const tall = '长'.repeat(5 * 30); // 5 characters a line in its column → 30 lines
  const { tree } = layout([
    table([
      ['甲', '乙'],
      ['短', tall],
    ]),
  ]);
  const body = tree.pages.slice(tree.frontPages);
  it('is cut between lines and continues under a repeated header', () => {
    expect(body.length).toBeGreaterThan(2);
    const text = body
      .flatMap((p) => pageLines(p))
      .join('')
      .replace(/[甲乙短]/g, '')
      .replace(/—\s*\d+\s*—|标题1|书记作者1/g, '');
    expect(text).toBe(tall);
    for (const p of body.slice(1)) expect(pageLines(p)[0]).toBe('甲乙');
  });
});

describe('a footnote referenced in a table cell', () => {
  const rows = [['甲', '乙']];
  for (let i = 1; i <= 12; i++) rows.push([String(i), `行${i}`]);
  const t = table(rows);
  const cells = t.rows.map((r, ri) =>
    ri === 9
      ? [r[0], { ...r[1], inlines: [...r[1].inlines, { kind: 'footnoteRef' as const, id: 'a', n: 1, pos: pos() }] }]
      : r,
  );
  const p = piece(1, [{ ...t, rows: cells }], { footnotes: [{ id: 'a', n: 1, blocks: [para('表注')], pos: pos() }] });
  const { tree } = layoutWith(
    { collection: collection([p]), template: testTemplate(), fonts, target: { kind: 'compilation' } },
    greedySetter,
  );
  it('puts the note at the foot of the page its row lands on', () => {
    const rowPage = tree.pages.findIndex((pg) => pageLines(pg).some((l) => l.startsWith('9行9')));
    expect(rowPage).toBeGreaterThan(tree.frontPages); // the table crossed a page before row 9
    expect(pageLines(tree.pages[rowPage]).some((l) => l.includes('表注'))).toBe(true);
  });
});

describe('tables take their padding, space and rules from the template', () => {
  const t = table([
    ['项', '说明'],
    ['甲', '乙'],
  ]);
  const setWith = (over: Partial<ReturnType<typeof testTemplate>['table']>) => {
    const base = testTemplate();
    const r = layoutWith(
      {
        collection: collection([piece(1, [t])]),
        template: { ...base, table: { ...base.table, ...over } },
        fonts,
        target: { kind: 'compilation' },
      },
      greedySetter,
    );
    return r.tree.pages[r.tree.frontPages]!;
  };

  it('draws the rules at table.rule', () => {
    expect(new Set(rules(setWith({ rulePt: 1.5 })).map((r) => r.widthPt))).toEqual(new Set([1.5]));
  });

  it('puts the text table.cellPadding in from the column edge', () => {
    for (const pad of [5, 9]) {
      const p = setWith({ cellPaddingXPt: pad });
      const left = Math.min(
        ...rules(p)
          .filter((r) => r.x1Pt === r.x2Pt)
          .map((r) => r.x1Pt),
      );
      expect(run(p, '项')!.xPt - left, `padding ${pad}`).toBeCloseTo(pad, 6);
    }
  });

  it('makes rows table.cellPaddingY taller above and below the text', () => {
    const rowTop = (p: Page) => {
      const ys = rowEdges(p);
      return ys[1]! - ys[0]!;
    };
    expect(rowTop(setWith({ cellPaddingYPt: 8 })) - rowTop(setWith({ cellPaddingYPt: 2 }))).toBeCloseTo(12, 6);
  });
});
