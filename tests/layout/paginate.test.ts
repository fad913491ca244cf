import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FlowBuilder } from '../../src/layout/builder.js';
import { paginate } from '../../src/layout/paginate.js';
import type { FlowItem } from '../../src/layout/flow.js';
import { emptyLine } from './helpers/model.js';
import { testTemplate } from './helpers/template.js';

interface Meta {
  block: number;
  line: number;
  count: number;
  kind: 'para' | 'heading' | 'entry';
}

/** Builds a flow of blocks (20 pt lines) and remembers which block and line each item is. */
function build(
  blocks: { kind: Meta['kind']; lines: number }[],
  spaceBeforePt = 0,
): { flow: FlowItem[]; meta: Map<FlowItem, Meta> } {
  const b = new FlowBuilder(testTemplate(), 1, false);
  const meta = new Map<FlowItem, Meta>();
  blocks.forEach((blk, k) => {
    const before = b.items.length;
    b.addLines(Array.from({ length: blk.lines }, emptyLine), {
      xPt: 0,
      pitchPt: 20,
      spaceBeforePt,
      spaceAfterPt: 0,
      splittable: blk.kind === 'para',
      keepWithNext: blk.kind === 'heading',
    });
    b.items.slice(before).forEach((it, i) => meta.set(it, { block: k, line: i, count: blk.lines, kind: blk.kind }));
  });
  return { flow: b.items, meta };
}

/** How many items each page of 200 pt holds, for a flow of these blocks. */
const itemsPerPage = (blocks: { kind: Meta['kind']; lines: number }[]): number[] =>
  paginate(build(blocks).flow, 200).map((p) => p.placed.length);

const blockArb = fc.oneof(
  fc.record({ kind: fc.constant<'para'>('para'), lines: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant<'heading'>('heading'), lines: fc.constant(1) }),
  fc.record({ kind: fc.constant<'entry'>('entry'), lines: fc.integer({ min: 1, max: 3 }) }),
);
/** No two headings in a row, so every rule can be kept on a 10-line page. */
const flowArb = fc
  .array(blockArb, { minLength: 1, maxLength: 40 })
  .map((bs) => bs.filter((b, i) => !(b.kind === 'heading' && bs[i - 1]?.kind === 'heading')));

describe('paginate', () => {
  it('keeps every rule: no widow, no orphan, headings never last, entries whole, nothing lost, type area never overrun', () => {
    fc.assert(
      fc.property(flowArb, fc.constantFrom(0, 5), (blocks, space) => {
        const { flow, meta } = build(blocks, space);
        const pages = paginate(flow, 200);
        const placed = pages.flatMap((p) => p.placed.map((x) => x.item));
        expect(placed).toEqual(flow);
        for (const page of pages) {
          const first = meta.get(page.placed[0].item)!;
          const last = meta.get(page.placed[page.placed.length - 1].item)!;
          const bottom = page.placed[page.placed.length - 1];
          expect(bottom.topPt + 20).toBeLessThanOrEqual(200 + 1e-6);
          expect(page.placed[0].topPt).toBe(0);
          if (page !== pages[pages.length - 1]) {
            // the page's last line is not a paragraph's first line (orphan) nor a heading
            if (last.kind === 'para') expect(last.line === 0 && last.count > 1).toBe(false);
            expect(last.kind === 'heading').toBe(false);
            if (last.kind === 'entry') expect(last.line).toBe(last.count - 1);
          }
          if (page !== pages[0]) {
            // the page's first line is not a paragraph's last line (widow)
            if (first.kind === 'para') expect(first.line === first.count - 1 && first.count > 1).toBe(false);
            if (first.kind === 'entry') expect(first.line).toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('moves a heading left alone at a page foot to the next page', () => {
    expect(
      itemsPerPage([
        { kind: 'para', lines: 9 },
        { kind: 'heading', lines: 1 },
        { kind: 'para', lines: 4 },
      ]),
    ).toEqual([9, 5]);
  });

  it('pulls a line down rather than leave a widow, and leaves no orphan', () => {
    // 9 + 2 lines: the 2-line paragraph cannot split, so it moves whole.
    expect(
      itemsPerPage([
        { kind: 'para', lines: 9 },
        { kind: 'para', lines: 2 },
      ]),
    ).toEqual([9, 2]);
    // 11 lines: the page would end before the last line; it ends one earlier.
    expect(itemsPerPage([{ kind: 'para', lines: 11 }])).toEqual([9, 2]);
    // 9 + 4: the second paragraph's first line would be alone at the foot.
    expect(
      itemsPerPage([
        { kind: 'para', lines: 9 },
        { kind: 'para', lines: 4 },
      ]),
    ).toEqual([9, 4]);
  });

  it('starts a new page at a forced break and drops space at a page top', () => {
    const b = new FlowBuilder(testTemplate(), 1, false);
    const line = { xPt: 0, pitchPt: 20, spaceBeforePt: 15, spaceAfterPt: 0, splittable: true, keepWithNext: false };
    b.addLines([emptyLine()], line);
    b.pageBreak();
    b.addLines([emptyLine()], line);
    b.addLines([emptyLine()], line);
    const pages = paginate(b.items, 200);
    expect(pages.length).toBe(2);
    expect(pages[1].placed.map((p) => p.topPt)).toEqual([0, 35]);
  });

  it('breaks a rule rather than overrun the page when no allowed break exists', () => {
    expect(itemsPerPage([{ kind: 'entry', lines: 14 }])).toEqual([10, 4]);
  });
});
