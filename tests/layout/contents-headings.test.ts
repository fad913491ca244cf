import { describe, expect, it } from 'vitest';
import { layoutWith } from '../../src/layout/document.js';
import type { Block } from '../../src/model/types.js';
import { fakeFontBook } from '../helpers/fake-fonts.js';
import { greedySetter } from './helpers/greedy-setter.js';
import { pageLines, pageOfDest, runs } from './helpers/inspect.js';
import { collection, hanLines, para, piece, pos } from './helpers/model.js';
import { testTemplate } from './helpers/template.js';

const fonts = fakeFontBook();
let headingsMade = 0;
const heading = (level: 1 | 2, text: string): Block => ({
  kind: 'heading',
  id: `h${++headingsMade}`,
  level,
  inlines: [{ kind: 'text', text, pos: pos() }],
  pos: pos(),
});
const base = testTemplate();
const t = { ...base, contents: { ...base.contents, headingLevels: 1 } };

// Piece 1: a level-1 heading on its first page, a level-2 heading, then a level-1 heading on its second page.
const c = collection([
  piece(1, [
    heading(1, '一、甲'),
    para(hanLines(3)),
    heading(2, '（一）乙'),
    para(hanLines(6)),
    heading(1, '二、丙'),
    para(hanLines(2)),
  ]),
  piece(2, [heading(1, '一、丁'), para(hanLines(2))]),
]);
const { tree, facts, warnings } = layoutWith(
  { collection: c, template: t, fonts, target: { kind: 'compilation' } },
  greedySetter,
);

describe('headings in the contents (contents.headingLevels)', () => {
  it('records the printed page of every heading in headingPages', () => {
    expect(facts.headingPages).toEqual([
      { piece: 1, id: 'h1', index: 0, level: 1, page: 1 },
      { piece: 1, id: 'h2', index: 1, level: 2, page: 1 },
      { piece: 1, id: 'h3', index: 2, level: 1, page: 2 },
      { piece: 2, id: 'h4', index: 0, level: 1, page: 3 },
    ]);
    for (const h of facts.headingPages)
      expect(pageOfDest(tree, `heading-${h.piece}-${h.index}`)).toBe(h.page + tree.frontPages - 1);
  });

  it('lists the headings of the chosen levels under their piece, with their page numbers, settled without warnings', () => {
    expect(warnings).toEqual([]);
    const front = tree.pages.slice(0, tree.frontPages).flatMap(pageLines);
    const at = (s: string) => front.findIndex((l) => l.startsWith(s));
    expect(at('一、甲')).toBeGreaterThan(at('标题1'));
    expect(at('二、丙')).toBeGreaterThan(at('一、甲'));
    expect(at('2．')).toBeGreaterThan(at('二、丙'));
    expect(at('一、丁')).toBeGreaterThan(at('2．'));
    expect(front.some((l) => l.includes('（一）乙'))).toBe(false); // level 2 is not listed
    expect(front[at('一、甲')]).toMatch(/…+1$/);
    expect(front[at('二、丙')]).toMatch(/…+2$/);
    expect(front[at('一、丁')]).toMatch(/…+3$/);
  });

  it('indents heading entries past the title line and links them to the heading', () => {
    const page = tree.pages[0];
    const x = (s: string) => runs(page).find((r) => r.text.startsWith(s))!.xPt;
    expect(x('一、甲')).toBeGreaterThan(x('标题1'));
    expect(page.items.some((i) => i.kind === 'link' && i.dest === 'heading-1-2')).toBe(true);
  });

  it('nests the listed headings under their piece in the outline', () => {
    expect(tree.outline[0].children.map((e) => [e.title, e.dest])).toEqual([
      ['一、甲', 'heading-1-0'],
      ['二、丙', 'heading-1-2'],
    ]);
  });
});
