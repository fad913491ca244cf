/**
 * Node ids (model/types.ts NodeId): the sources reader names every heading and table of a
 * piece `<piece id>/h<k>` / `<piece id>/t<k>` in the order it reads them (the body, then the
 * footnotes); the same sources always give the same ids, and no two nodes share one.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Collection } from '../../src/model/types.js';
import { loadCollection, parsePiece } from '../../src/sources/index.js';

function ids(c: Collection): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.kind === 'heading' || b.kind === 'table') out.push(b.id);
      if (b.kind === 'quote') walk(b.blocks);
      if (b.kind === 'list') for (const item of b.items) walk(item.blocks);
    }
  };
  for (const p of c.pieces) {
    walk(p.blocks);
    for (const f of p.footnotes) walk(f.blocks);
  }
  return out;
}

describe('node ids', () => {
  it('are the same for two reads of the same collection, and unique', async () => {
    const a = ids((await loadCollection('tests/fixtures/constructs')).collection);
    const b = ids((await loadCollection('tests/fixtures/constructs')).collection);
    expect(a.length).toBeGreaterThan(5);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('number headings and tables apart, nested ones in reading order, footnotes after the body', () => {
    const text = [
      '---',
      'title: 题',
      '---',
      '',
      '## 一、甲[^n]',
      '',
      '> ## 二、乙',
      '',
      '- ## 三、丙',
      '',
      '| a |',
      '| - |',
      '| 1 |',
      '',
      '[^n]: 注。',
      '',
      '    ## 注中标题',
    ].join('\n');
    const { piece } = parsePiece(text, 'x.md', 1, { collectionDir: null });
    const found = ids({ pieces: [piece] } as unknown as Collection);
    expect(found).toEqual(['x/h1', 'x/h2', 'x/h3', 'x/t1', 'x/h4']);
  });
});
