/** Reading a page tree back as text lines, for assertions. */
import type { GlyphRun, Page, PageTree } from '../../../src/layout/pagetree.js';

export function runs(page: Page): GlyphRun[] {
  return page.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
}

/** The page's text, one string per baseline, top to bottom. */
export function pageLines(page: Page): string[] {
  const byY = new Map<number, GlyphRun[]>();
  for (const r of runs(page)) {
    const y = Math.round(r.yPt * 100) / 100;
    byY.set(y, [...(byY.get(y) ?? []), r]);
  }
  return [...byY.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, rs]) =>
      rs
        .sort((a, b) => a.xPt - b.xPt)
        .map((r) => r.text)
        .join(''),
    );
}

export function pageOfDest(tree: PageTree, name: string): number {
  return tree.pages.findIndex((p) => p.items.some((i) => i.kind === 'dest' && i.name === name));
}
