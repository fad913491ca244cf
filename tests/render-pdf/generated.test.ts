import { beforeAll, describe, expect, it } from 'vitest';
import { buildPdf, loadSample, type Built } from './helpers/pipeline.js';
import { compilationChecks, withPages } from './helpers/suite.js';
import { generateCollection } from './helpers/generate.js';

let compilation: { built: Built; pages: string[] };
let official: { built: Built; pages: string[] };

beforeAll(async () => {
  const c = generateCollection(await loadSample(), 50);
  compilation = await withPages(await buildPdf(c, 'compilation'));
  official = await withPages(await buildPdf(c, 'official'));
}, 180_000);

function entryChecks(get: () => { built: Built }): void {
  it('keeps every contents entry on one page and settles within the pass cap', () => {
    const { tree } = get().built;
    expect(tree.passes).toBeLessThanOrEqual(5);
    expect(get().built.warnings).toEqual([]);
    for (let n = 1; n <= 50; n++) {
      const pages = tree.pages.filter((p) => p.items.some((i) => i.kind === 'link' && i.dest === `piece-${n}`));
      expect(pages.length, `entry ${n}`).toBe(1);
      expect(pages[0].number).toBeNull();
    }
  });
}

describe('50 generated pieces on compilation', () => {
  compilationChecks(() => compilation, { identity: false });
  entryChecks(() => compilation);
  it('has a contents longer than one page and pieces of several pages', () => {
    expect(compilation.built.tree.frontPages).toBeGreaterThan(1);
    expect(compilation.built.tree.piecePages.some((p) => p.endPage > p.startPage)).toBe(true);
  });
});

describe('50 generated pieces on official', () => {
  compilationChecks(() => official, { identity: false });
  entryChecks(() => official);
});
