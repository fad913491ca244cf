/**
 * A deterministic collection of many pieces of mixed lengths, made from the sample's own
 * paragraphs with a fixed-seed PRNG (mulberry32): 1–6 paragraphs a piece, some pieces with
 * headings (一、… 黑体 level 1, （一）… 楷体 level 2), titles of one and two lines.
 */
import { mulberry32 } from '../helpers/prng.js';
import type { Block, Collection, Inline, Piece } from '../../src/model/types.js';

const CN = ['一', '二', '三', '四', '五', '六'];

function headingText(inlines: readonly Inline[]): string {
  const text = inlines.map((n) => ('text' in n ? n.text : 'children' in n ? headingText(n.children) : '')).join('');
  // The first clause of a paragraph makes a plausible heading.
  return text.split(/[，。；]/)[0].slice(0, 18);
}

export function generateCollection(sample: Collection, count: number, seed = 20231024): Collection {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const pool = sample.pieces.flatMap((p) =>
    p.blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph'),
  );
  const pieces: Piece[] = Array.from({ length: count }, (_, i) => {
    const model = pick(sample.pieces);
    const paragraphs = 1 + Math.floor(rand() * 6);
    const withHeadings = rand() < 0.3;
    const blocks: Block[] = [];
    for (let k = 0; k < paragraphs; k++) {
      const para = pick(pool);
      if (withHeadings && k > 0) {
        const level = rand() < 0.6 ? 1 : 2;
        const label = level === 1 ? `${CN[k % CN.length]}、` : `（${CN[k % CN.length]}）`;
        blocks.push({
          kind: 'heading',
          id: `g${i + 1}/h${k}`,
          level,
          inlines: [{ kind: 'text', text: label + headingText(para.inlines), pos: para.pos }],
          pos: para.pos,
        });
      }
      blocks.push(para);
    }
    // Titles of one line and of two (two sample titles joined).
    const title = rand() < 0.25 ? `${model.title}，${pick(sample.pieces).title}`.slice(0, 40) : model.title;
    return { ...model, n: i + 1, id: `g${String(i + 1).padStart(2, '0')}`, title, blocks, footnotes: [] };
  });
  return { ...sample, id: 'generated', pieces, parts: [] };
}
