/** A generated collection of many pieces of mixed lengths, from the sample's paragraphs, with a fixed seed. */
import type { Block, Collection, Piece } from '../../../src/model/types.js';

/** mulberry32: a tiny seeded PRNG, so the collection is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCollection(sample: Collection, count: number, seed = 20231024): Collection {
  const rand = rng(seed);
  const pool: Block[] = sample.pieces.flatMap((p) => p.blocks.filter((b) => b.kind === 'paragraph'));
  const pieces: Piece[] = Array.from({ length: count }, (_, i) => {
    const model = sample.pieces[Math.floor(rand() * sample.pieces.length)];
    // Mostly short speeches, some long ones running over several pages.
    const paragraphs = rand() < 0.2 ? 8 + Math.floor(rand() * 20) : 1 + Math.floor(rand() * 6);
    const blocks = Array.from({ length: paragraphs }, () => pool[Math.floor(rand() * pool.length)]);
    return { ...model, n: i + 1, id: `g${i + 1}`, blocks, footnotes: [] };
  });
  return { ...sample, id: 'generated', title: sample.title, pieces, parts: [] };
}
