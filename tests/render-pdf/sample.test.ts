import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdf, loadSample, type Built } from './helpers/pipeline.js';
import { compilationChecks, withPages } from './helpers/suite.js';
import { qpdfJson } from './helpers/checks.js';

let compilation: { built: Built; pages: string[] };
let official: { built: Built; pages: string[] };

beforeAll(async () => {
  const c = await loadSample();
  compilation = await withPages(await buildPdf(c, 'compilation'));
  official = await withPages(await buildPdf(c, 'official'));
}, 120_000);

describe('sample on compilation', () => {
  compilationChecks(() => compilation);

  it('is a contents page plus nine one-page speeches numbered 1–9', () => {
    const { tree } = compilation.built;
    expect(tree.frontPages).toBe(1);
    expect(tree.pages.length).toBe(10);
    expect(tree.piecePages).toEqual(
      Array.from({ length: 9 }, (_, i) => ({ n: i + 1, startPage: i + 1, endPage: i + 1 })),
    );
    expect(compilation.built.warnings).toEqual([]);
  });

  it('sets the banner on the first body page, before the first title', () => {
    const first = compilation.pages[1].replace(/\s+/g, '');
    const banner = compilation.built.collection.banner!;
    expect(first.indexOf(banner.headline!)).toBeGreaterThanOrEqual(0);
    expect(first.indexOf(banner.provenance!.replace(/\s+/g, ''))).toBeLessThan(
      first.indexOf(compilation.built.collection.pieces[0].title),
    );
  });

  it('writes bookmarks to every piece and link annotations from the contents', () => {
    const outlines = qpdfJson(compilation.built.file, 'outlines') as { title: string; destpageposfrom1: number }[];
    expect(outlines.map((o) => o.title)).toEqual(compilation.built.collection.pieces.map((p) => p.title));
    expect(outlines.map((o) => o.destpageposfrom1)).toEqual(Array.from({ length: 9 }, (_, i) => i + 2));
    const links = compilation.built.tree.pages[0].items.filter((i) => i.kind === 'link');
    expect(new Set(links.map((l) => (l.kind === 'link' ? l.dest : '')))).toEqual(
      new Set(compilation.built.collection.pieces.map((p) => `piece-${p.n}`)),
    );
  });
});

describe('sample on official', () => {
  compilationChecks(() => official);

  it('spans two pages per piece with the numbers outside', () => {
    const { tree } = official.built;
    for (const pp of tree.piecePages) expect(pp.endPage - pp.startPage).toBe(1);
    // odd pages right, even pages left: the number's x differs by parity
    const body = tree.pages.filter((p) => p.number !== null);
    const xOf = (n: number) => body[n - 1].items.filter((i) => i.kind === 'glyphs').at(-1)!;
    expect((xOf(1) as { xPt: number }).xPt).toBeGreaterThan((xOf(2) as { xPt: number }).xPt);
  });
});
