/** A generated collection of many pieces of mixed lengths, from the sample's paragraphs, with a fixed seed. */
import { mulberry32 } from '../../helpers/prng.js';
import type { Block, Collection, Piece } from '../../../src/model/types.js';

export function generateCollection(sample: Collection, count: number, seed = 20231024): Collection {
  const rand = mulberry32(seed);
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
