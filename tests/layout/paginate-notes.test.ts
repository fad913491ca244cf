import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paginate } from '../../src/layout/paginate.js';
import type { FlowItem, FlowLine, FlowNote } from '../../src/layout/flow.js';
import { emptyLine } from './helpers/model.js';

const flowLine = (breakBefore: boolean, notes: FlowNote[] = []): FlowLine => ({
  kind: 'line',
  line: emptyLine(),
  xPt: 0,
  pitchPt: 20,
  spaceBeforePt: 0,
  breakBefore,
  piece: 1,
  front: false,
  anchors: [],
  ...(notes.length ? { notes } : {}),
});
const noteOf = (key: string, n: number): FlowNote => ({ key, lines: Array.from({ length: n }, () => flowLine(true)) });

const AREA = 200; // 10 lines of 20 pt
const SEP = 20;

/** Random flows: lines, some with a note of 1–`maxNote` lines, some breaks forbidden (kept groups). */
const flowArb = (maxNote: number) =>
  fc
    .array(
      fc.record({
        note: fc.option(fc.integer({ min: 1, max: maxNote }), { nil: null, freq: 3 }),
        breakBefore: fc.boolean(),
      }),
      { minLength: 1, maxLength: 60 },
    )
    .map((specs) =>
      specs.map((s, i) => flowLine(i === 0 || s.breakBefore || i % 4 === 0, s.note ? [noteOf(`n${i}`, s.note)] : [])),
    );

function check(flow: FlowItem[], strictOrder = true): void {
  const pages = paginate(flow, AREA, { separatorPt: SEP });
  // Every body item once, in order.
  const body = pages.flatMap((p) => p.placed.map((x) => x.item));
  expect(body).toEqual(flow);
  // Note lines once each, in order of reference.
  const noteLines = pages.flatMap((p) => (p.foot ? p.foot.lines.map((l) => l.item) : []));
  const notes = flow.flatMap((it) => (it.kind === 'line' ? (it.notes ?? []) : []));
  const expected = notes.flatMap((n) => n.lines);
  if (strictOrder) expect(noteLines).toEqual(expected);
  else {
    // A note continued overleaf may be interleaved with a later note that must start on its own reference's page.
    expect(noteLines.length).toBe(expected.length);
    expect(new Set(noteLines).size).toBe(expected.length);
    for (const n of notes) expect(noteLines.filter((l) => n.lines.includes(l))).toEqual(n.lines);
  }
  pages.forEach((p, k) => {
    const bottom = p.placed.reduce((m, x) => Math.max(m, x.topPt + (x.item.kind === 'line' ? x.item.pitchPt : 0)), 0);
    if (p.foot) {
      // The notes stand below the body, under their separator, and end at the type area's bottom.
      expect(p.foot.separatorTopPt, `page ${k}`).toBeGreaterThanOrEqual(bottom - 0.01);
      const last = p.foot.lines[p.foot.lines.length - 1];
      expect(last.topPt + last.item.pitchPt).toBeCloseTo(AREA, 6);
    } else {
      expect(bottom).toBeLessThanOrEqual(AREA + 0.01);
    }
  });
  // A note's first line is on the page of its reference.
  const pageOfItem = new Map<FlowItem, number>();
  pages.forEach((p, k) => p.placed.forEach((x) => pageOfItem.set(x.item, k)));
  const pageOfNoteLine = new Map<FlowLine, number>();
  pages.forEach((p, k) => p.foot?.lines.forEach((l) => pageOfNoteLine.set(l.item, k)));
  for (const it of flow) {
    if (it.kind !== 'line') continue;
    for (const n of it.notes ?? []) expect(pageOfNoteLine.get(n.lines[0])).toBe(pageOfItem.get(it));
  }
}

describe('paginate with footnotes', () => {
  it('keeps every note with its reference, never overlapping the body (notes that fit a page)', () => {
    fc.assert(
      fc.property(flowArb(6), (flow) => check(flow)),
      { numRuns: 300 },
    );
  });

  it('starts a note longer than a page on its reference’s page and continues it overleaf', () => {
    fc.assert(
      fc.property(flowArb(25), (flow) => check(flow, false)),
      { numRuns: 200 },
    );
  });

  it('still starts a later note on its own page when a long note is being continued', () => {
    // A 16-line note, then a line kept with the first (no break allowed) whose note has one line.
    const long = noteOf('long', 16);
    const short = noteOf('short', 1);
    const flow = [flowLine(true, [long]), flowLine(false, [short])];
    check(flow, false);
    const pages = paginate(flow, AREA, { separatorPt: SEP });
    expect(pages.length).toBe(3);
    expect(pages[1].foot!.lines.some((l) => l.item === short.lines[0])).toBe(true);
    expect(pages[2].foot!.lines.map((l) => l.item)).toEqual(long.lines.slice(15));
  });

  it('moves the referencing line on when its note does not fit below it', () => {
    // Nine free lines; the 9th references a 2-line note: line + separator + 2 lines > 10.
    const flow = [...Array.from({ length: 8 }, () => flowLine(true)), flowLine(true, [noteOf('a', 2)]), flowLine(true)];
    const pages = paginate(flow, AREA, { separatorPt: SEP });
    expect(pages[0].placed.length).toBe(8);
    expect(pages[0].foot ?? null).toBeNull();
    expect(pages[1].placed[0].item).toBe(flow[8]);
    expect(pages[1].foot!.lines.length).toBe(2);
  });

  it('repeats nothing: a note referenced twice is set once', () => {
    const n = noteOf('a', 1);
    const flow = [flowLine(true, [n]), flowLine(true, [n])];
    const pages = paginate(flow, AREA, { separatorPt: SEP });
    expect(pages[0].foot!.lines.length).toBe(1);
  });
});
