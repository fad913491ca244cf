import { describe, expect, it } from 'vitest';
import { layoutWith } from '../../src/layout/document.js';
import type { Block, Footnote, Inline, Piece } from '../../src/model/types.js';
import type { Page, PageTree, RuleItem } from '../../src/layout/pagetree.js';
import { fakeFontBook } from '../helpers/fake-fonts.js';
import { greedySetter } from './helpers/greedy-setter.js';
import { pageLines, pageOfDest, runs } from './helpers/inspect.js';
import { collection, hanLines, para, piece, pos } from './helpers/model.js';
import { style, testTemplate } from './helpers/template.js';

const fonts = fakeFontBook();
const base = testTemplate();
// Smaller reference figures so that they are raised (risePt = body size − reference size).
const t = {
  ...base,
  styles: { ...base.styles, footnoteRef: style({ sizePt: 6 }), footnote: style({ firstIndentPt: 0, align: 'left' }) },
};

const ref = (n: number): Inline => ({ kind: 'footnoteRef', id: `n${n}`, n, pos: pos() });
const text = (s: string): Inline => ({ kind: 'text', text: s, pos: pos() });
const paraWith = (...inlines: Inline[]): Block => ({ kind: 'paragraph', inlines, pos: pos() });
const note = (n: number, body: string): Footnote => ({
  id: `n${n}`,
  n,
  blocks: [para(body)],
  pos: pos('p.md', 40 + n),
});

function layout(pieces: Piece[]): PageTree {
  return layoutWith(
    { collection: collection(pieces), template: t, fonts, target: { kind: 'compilation' } },
    greedySetter,
  ).tree;
}
/** Page index of the reference (its link to the note). */
const refPage = (tree: PageTree, dest: string): number =>
  tree.pages.findIndex((p) => p.items.some((i) => i.kind === 'link' && i.dest === dest));
const separators = (p: Page) =>
  p.items.filter((i): i is RuleItem => i.kind === 'rule' && i.y1Pt === i.y2Pt && Math.abs(i.x2Pt - i.x1Pt - 25) < 0.01);

describe('footnotes at the foot of the page of their reference', () => {
  // Title, byline, then a reference on the 3rd body line of a 10-line page; the body runs on for 3 pages.
  const p = piece(
    1,
    [paraWith(text('文'.repeat(18)), ref(1), text('文'.repeat(40))), para(hanLines(12)), para(hanLines(8))],
    { footnotes: [note(1, '注释文字')] },
  );
  const tree = layout([p]);
  const notePage = pageOfDest(tree, 'fn-1-1');

  it('puts the note on the reference’s page, under a quarter-measure separator, at the bottom of the type area', () => {
    expect(notePage).toBe(refPage(tree, 'fn-1-1'));
    const page = tree.pages[notePage];
    expect(separators(page).length).toBe(1);
    const lines = pageLines(page);
    expect(lines[lines.length - 2]).toBe('1\u3000注释文字'); // then the page number
    const noteRun = runs(page).find((r) => r.text.includes('注释'))!;
    // 200 pt type area from y = 40: the last note line's box ends at 240.
    expect(noteRun.yPt).toBeCloseTo(240 - 20 + (20 - 10) / 2 + 8.8, 6);
    expect(separators(page)[0].y1Pt).toBeLessThan(noteRun.yPt - 8.8);
  });

  it('sets the reference as a raised figure linked to its note', () => {
    const page = tree.pages[notePage];
    const figure = runs(page).find((r) => r.text === '1' && r.sizePt === 6)!;
    const neighbour = runs(page).find((r) => r.text.startsWith('文') && Math.abs(r.yPt - figure.yPt) < 6)!;
    expect(figure.yPt).toBeCloseTo(neighbour.yPt - 4, 6);
  });

  it('no longer collects notes at the end of the piece', () => {
    const last = tree.pages[tree.pages.length - 1];
    expect(pageLines(last).some((l) => l.includes('注释文字'))).toBe(false);
    expect(separators(last).length).toBe(0);
  });
});

describe('a reference whose note does not fit', () => {
  // Title + byline + 8 body lines fill the page; the reference is on the 8th line.
  const p = piece(1, [para(hanLines(7)), paraWith(text('文'.repeat(3)), ref(1)), para(hanLines(3))], {
    footnotes: [note(1, '注释')],
  });
  const tree = layout([p]);
  it('moves the referencing line to the next page, with its note', () => {
    const page = refPage(tree, 'fn-1-1');
    expect(page).toBe(tree.frontPages + 1);
    expect(pageOfDest(tree, 'fn-1-1')).toBe(page);
    expect(separators(tree.pages[tree.frontPages]).length).toBe(0);
  });
});

describe('a note too long for one page', () => {
  const long = '长'.repeat(10 * 14 - 2); // 14 note lines: more than a page can hold with its reference
  const p = piece(1, [paraWith(text('文'.repeat(8)), ref(1)), para(hanLines(12))], { footnotes: [note(1, long)] });
  const tree = layout([p]);
  it('starts on the reference’s page and continues at the foot of the next', () => {
    const page = refPage(tree, 'fn-1-1');
    expect(pageOfDest(tree, 'fn-1-1')).toBe(page);
    const noteText = (i: number) =>
      pageLines(tree.pages[i])
        .filter((l) => l.includes('长'))
        .join('');
    const here = noteText(page);
    const next = noteText(page + 1);
    expect(here.length).toBeGreaterThan(0);
    expect(next.length).toBeGreaterThan(0);
    const all = tree.pages.map((_, i) => noteText(i)).join('');
    expect(all.replace(/^1\u3000/, '')).toBe(long);
    expect(separators(tree.pages[page + 1]).length).toBe(1);
  });
});

describe('numbering and repeats', () => {
  const a = piece(1, [paraWith(text('甲'), ref(1), text('乙'), ref(1))], { footnotes: [note(1, '第一篇的注')] });
  const b = piece(2, [paraWith(text('丙'), ref(1))], { footnotes: [note(1, '第二篇的注')] });
  const tree = layout([a, b]);
  it('numbers notes per piece and gives each its own destination', () => {
    expect(pageOfDest(tree, 'fn-1-1')).toBe(tree.frontPages);
    expect(pageOfDest(tree, 'fn-2-1')).toBe(tree.frontPages + 1);
    expect(pageLines(tree.pages[tree.frontPages + 1])).toContain('1\u3000第二篇的注');
  });
  it('sets a note referenced twice once', () => {
    const lines = pageLines(tree.pages[tree.frontPages]).filter((l) => l.includes('第一篇的注'));
    expect(lines).toEqual(['1\u3000第一篇的注']);
  });
});

describe('the footnote separator follows the template', () => {
  const p = piece(1, [paraWith(text('文'.repeat(18)), ref(1), text('文'.repeat(10)))], {
    footnotes: [note(1, '注释文字')],
  });
  const separatorOf = (footnotes: typeof t.footnotes) => {
    const tree = layoutWith(
      { collection: collection([p]), template: { ...t, footnotes }, fonts, target: { kind: 'compilation' } },
      greedySetter,
    ).tree;
    const page = tree.pages[pageOfDest(tree, 'fn-1-1')]!;
    const noteTop = runs(page).find((r) => r.text.includes('注释'))!.yPt;
    return page.items.find((i) => i.kind === 'rule' && i.y1Pt === i.y2Pt && i.y1Pt < noteTop)!;
  };

  it('is footnotes.ruleLength long — a share of the 100 pt measure or a length — and footnotes.rule wide', () => {
    const half = separatorOf({ ruleLength: { fraction: 0.5 }, rulePt: 1 });
    expect(half.kind === 'rule' && [half.x2Pt - half.x1Pt, half.widthPt]).toEqual([50, 1]);
    const fixed = separatorOf({ ruleLength: { pt: 30 }, rulePt: 0.25 });
    expect(fixed.kind === 'rule' && [fixed.x2Pt - fixed.x1Pt, fixed.widthPt]).toEqual([30, 0.25]);
  });
});
