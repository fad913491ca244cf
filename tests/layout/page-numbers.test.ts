/**
 * The contents' passes compare page numbers without building pages
 * (finalize.pageNumbers): for any drafts they must be exactly the numbers the
 * finished page tree reports — headings, footnotes continued over pages, parts,
 * front matter included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockEnv } from '../../src/layout/blocks.js';
import { composeBody, composeContents } from '../../src/layout/compose.js';
import { finalize, pageNumbers } from '../../src/layout/finalize.js';
import { pitchPt, typeArea } from '../../src/layout/geometry.js';
import { paginate } from '../../src/layout/paginate.js';
import { Diagnostics } from '../../src/model/diagnostics.js';
import type { Block, Footnote, Inline, Piece } from '../../src/model/types.js';
import { fakeFontBook } from '../helpers/fake-fonts.js';
import { greedySetter } from './helpers/greedy-setter.js';
import { collection, hanLines, piece, pos } from './helpers/model.js';
import { testTemplate } from './helpers/template.js';

const fonts = fakeFontBook();
const base = testTemplate();
const t = { ...base, contents: { ...base.contents, headingLevels: 2 } };

const text = (s: string): Inline => ({ kind: 'text', text: s, pos: pos() });
const ref = (n: number): Inline => ({ kind: 'footnoteRef', id: `n${n}`, n, pos: pos() });
let headingsMade = 0;
const heading = (level: 1 | 2, s: string): Block => ({
  kind: 'heading',
  id: `h${++headingsMade}`,
  level,
  inlines: [text(s)],
  pos: pos(),
});

const blockArb = fc.oneof(
  fc.record({ kind: fc.constant('para' as const), lines: fc.integer({ min: 1, max: 14 }), note: fc.boolean() }),
  fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const) }),
);
const pieceArb = fc.record({
  blocks: fc.array(blockArb, { minLength: 1, maxLength: 6 }),
  noteLines: fc.integer({ min: 1, max: 16 }),
});
type PieceSpec = typeof pieceArb extends fc.Arbitrary<infer T> ? T : never;

function build(specs: PieceSpec[], parts: boolean) {
  const pieces: Piece[] = specs.map((spec, i) => {
    let notes = 0;
    const blocks: Block[] = spec.blocks.map((b, k) => {
      if (b.kind === 'heading') return heading(b.level, `标题${k}`);
      const inlines: Inline[] = [text(hanLines(b.lines))];
      if (b.note) inlines.push(ref(++notes));
      return { kind: 'paragraph', inlines, pos: pos() };
    });
    const footnotes: Footnote[] = Array.from({ length: notes }, (_, k) => ({
      id: `n${k + 1}`,
      n: k + 1,
      blocks: [{ kind: 'paragraph', inlines: [text(hanLines(spec.noteLines, '注'))], pos: pos() }],
      pos: pos(),
    }));
    return piece(i + 1, blocks, { footnotes });
  });
  const half = Math.ceil(pieces.length / 2);
  const partList = parts
    ? [
        { title: '第一部分', pieces: pieces.slice(0, half).map((p) => p.n), pos: pos() },
        { title: '第二部分', pieces: pieces.slice(half).map((p) => p.n), pos: pos() },
      ].filter((p) => p.pieces.length > 0)
    : [];
  return collection(pieces, {}, partList);
}

describe('pageNumbers (page numbers of a pass without its pages)', () => {
  it('equals the piece and heading pages of the finalized tree', () => {
    fc.assert(
      fc.property(
        fc.array(pieceArb, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 30 }),
        (specs, parts, shift) => {
          const c = build(specs, parts);
          const env: BlockEnv = {
            t,
            fonts,
            set: greedySetter,
            area: typeArea(t),
            diag: new Diagnostics(),
            dir: c.dir,
            tables: [],
          };
          const body = composeBody(env, c);
          // Contents numbers that are off (as on a first pass) move the body like a real pass does.
          const numbers = new Map(c.pieces.map((p) => [p.n, p.n * 7 + shift]));
          const front = composeContents(env, c, numbers, new Map());
          const drafts = paginate([...front, ...body], env.area.heightPt, {
            separatorPt: pitchPt(t, t.styles.footnote),
          });
          const all = c.pieces.map((p) => p.n);
          const { tree, facts } = finalize({ env, collection: c, drafts, pieces: all, passes: 1 });
          const got = pageNumbers(c, drafts, all);
          expect(got.piecePages).toEqual(tree.piecePages);
          expect(got.headingPages).toEqual(facts.headingPages);
          expect(tree.piecePages.every((p) => p.startPage >= 1)).toBe(true);
        },
      ),
      { seed: 20231024, numRuns: 60 },
    );
  });
});
