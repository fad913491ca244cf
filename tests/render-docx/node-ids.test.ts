/**
 * The DOCX finds a heading's page and a table's columns in the layout's facts by the node id
 * the sources reader gave it (layout/facts.ts), not by counting headings or tables in document
 * order: facts listed in another order still land on their nodes, and a heading or table added
 * before another (which the facts know nothing of) takes no other node's page or columns.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Collection, HeadingBlock, Piece, TableBlock } from '../../src/model/types.js';
import { parsePiece } from '../../src/sources/index.js';
import { NO_FACTS, type LayoutFacts } from '../../src/layout/index.js';
import { shippedTemplate, sampleCollection } from './helpers.js';
import { render } from './shared.js';

const SOURCE = `---
title: 标题
author: 某某
---

## 一、甲

正文。

| 左 | 右 |
| --- | --- |
| 一 | 二 |

## 二、乙

正文。

| 左 | 右 |
| --- | --- |
| 三 | 四 |
`;

function pieceOf(text: string): Piece {
  const { piece, diagnostics } = parsePiece(text, 'a.md', 1, { collectionDir: null });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return piece;
}

const collectionOf = async (piece: Piece): Promise<Collection> => ({
  ...(await sampleCollection()),
  pieces: [piece],
  parts: [],
});

const headingsOf = (p: Piece) => p.blocks.filter((b): b is HeadingBlock => b.kind === 'heading');
const tablesOf = (p: Piece) => p.blocks.filter((b): b is TableBlock => b.kind === 'table');

/** Facts for the piece: each heading's page and each table's widths, listed last node first. */
function factsFor(p: Piece, pages: Record<string, number>, widths: Record<string, number[]>): LayoutFacts {
  return {
    ...NO_FACTS,
    piecePages: [{ n: 1, startPage: 2, endPage: 9 }],
    frontPages: 1,
    bodyPages: 9,
    headingPages: headingsOf(p)
      .map((h, index) => ({ piece: 1, id: h.id, index, level: h.level, page: pages[h.id]! }))
      .reverse(),
    tableColumns: tablesOf(p)
      .map((t) => ({ piece: 1, id: t.id, widthsPt: widths[t.id]! }))
      .reverse(),
  };
}

const template = async () => {
  const t = await shippedTemplate('compilation');
  return { ...t, contents: { ...t.contents, headingLevels: 2 } };
};

/** Each listed heading's text → the page its contents entry caches. */
function contentsPages(xml: string): Map<string, number> {
  const pageOf = new Map(
    [...xml.matchAll(/PAGEREF (_TocHead\d+_\d+) \\h <\/w:instrText>.*?<w:t[^>]*>(\d+)<\/w:t>/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]),
  );
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<w:bookmarkStart w:name="(_TocHead\d+_\d+)" w:id="\d+"\/>.*?<w:t[^>]*>([^<]+)<\/w:t>/g))
    out.set(m[2]!, pageOf.get(m[1]!)!);
  return out;
}

/** Each table's grid column widths (twips), in document order. */
const grids = (xml: string): number[][] =>
  [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((g) =>
    [...g[1]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
  );

describe('node ids in the layout facts', () => {
  it('gives the same ids to the same sources, one per heading and table', () => {
    const a = pieceOf(SOURCE);
    const b = pieceOf(SOURCE);
    expect(headingsOf(a).map((h) => h.id)).toEqual(['a/h1', 'a/h2']);
    expect(tablesOf(a).map((t) => t.id)).toEqual(['a/t1', 'a/t2']);
    expect(headingsOf(b).map((h) => h.id)).toEqual(headingsOf(a).map((h) => h.id));
    expect(tablesOf(b).map((t) => t.id)).toEqual(tablesOf(a).map((t) => t.id));
  });

  it('finds each heading page and table columns by id, also with a heading and a table added before another', async () => {
    const piece = pieceOf(SOURCE);
    const [jia, yi] = headingsOf(piece);
    const [t1, t2] = tablesOf(piece);
    const facts = factsFor(piece, { [jia!.id]: 4, [yi!.id]: 7 }, { [t1!.id]: [100, 300], [t2!.id]: [250, 150] });
    const plain = await render({ collection: await collectionOf(piece), template: await template(), facts });
    const doc = plain.xml('word/document.xml');
    expect(contentsPages(doc)).toEqual(
      new Map([
        ['一、甲', 4],
        ['二、乙', 7],
      ]),
    );
    expect(grids(doc)).toEqual([
      [2000, 6000],
      [5000, 3000],
    ]);

    // A heading and a table the layout did not see, added before 乙 and its table: 乙 keeps its
    // page and its table its columns; the newcomers fall back to the piece's page and equal columns.
    const extraHeading: Block = {
      ...jia!,
      id: 'a/h-extra',
      inlines: [{ kind: 'text', text: '〇、新', pos: jia!.pos }],
    };
    const extraTable: Block = { ...t1!, id: 'a/t-extra' };
    const at = piece.blocks.indexOf(yi!);
    const grown = {
      ...piece,
      blocks: [...piece.blocks.slice(0, at), extraHeading, extraTable, ...piece.blocks.slice(at)],
    };
    const more = (await render({ collection: await collectionOf(grown), template: await template(), facts })).xml(
      'word/document.xml',
    );
    expect(contentsPages(more)).toEqual(
      new Map([
        ['一、甲', 4],
        ['〇、新', 2],
        ['二、乙', 7],
      ]),
    );
    const g = grids(more);
    expect(g[0]).toEqual([2000, 6000]);
    expect(g[1]![0]).toBe(g[1]![1]);
    expect(g[2]).toEqual([5000, 3000]);
  }, 60_000);
});
