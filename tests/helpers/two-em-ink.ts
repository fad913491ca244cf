/**
 * Two-em units as printed: where a PDF's ——, ……, ⋯⋯ and ⸺ stand (glyph quads from
 * stext.ts) and what their ink looks like (strips rendered by strip.ts): the extent of a
 * dash's rule and the largest hole along it, the centres of an ellipsis's dots. One strip
 * per line of units keeps a page with hundreds of them fast.
 */
import { readStext, type TextLine } from './stext.js';
import { dotCentres as dotCentresPx, inkColumns, inkRuns, renderStrip, type Strip } from './strip.js';

/** A two-em unit found on a page: its characters' quads joined, pt from the page's top left. */
export interface TwoEmUnit {
  readonly page: number;
  readonly text: string;
  readonly kind: 'rule' | 'dots';
  readonly x0Pt: number;
  readonly x1Pt: number;
  readonly topPt: number;
  readonly bottomPt: number;
  /** The em of the text around it: the quad width of the nearest Han character on its line, or null. */
  readonly emPt: number | null;
  /** The ems the unit should fill: one per character, two for ⸺. */
  readonly ems: number;
  /** Dots running up to a number that ends the line: a contents leader, not a unit of the text. */
  readonly leader: boolean;
}

const UNIT_CHARS = new Set(['—', '…', '⋯', '⸺']);
/** Fonts that draw ⋯ and … with one glyph map it back to one of them: both are an ellipsis here. */
const ellipsis = (c: string): string => (c === '⋯' ? '…' : c);
const isHan = (c: string): boolean => /\p{Script=Han}/u.test(c);

/** The two-em units of one line (a character of —…⋯ repeated, or ⸺), ⋯ read as …, leaders marked. */
function unitsOfLine(line: TextLine): TwoEmUnit[] {
  const out: TwoEmUnit[] = [];
  const glyphs = line.glyphs;
  for (let i = 0; i < glyphs.length;) {
    const c = ellipsis(glyphs[i]!.c);
    let j = i + 1;
    while (j < glyphs.length && ellipsis(glyphs[j]!.c) === c) j++;
    if (UNIT_CHARS.has(c) && (j - i > 1 || c === '⸺')) {
      const chars = glyphs.slice(i, j);
      const near = [...glyphs.slice(0, i), ...glyphs.slice(j)]
        .filter((g) => isHan(g.c))
        .sort((a, b) => Math.abs(a.x0 - chars[0]!.x0) - Math.abs(b.x0 - chars[0]!.x0))[0];
      out.push({
        page: line.page,
        text: c.repeat(j - i),
        kind: c === '…' ? 'dots' : 'rule',
        x0Pt: Math.min(...chars.map((g) => g.x0)),
        x1Pt: Math.max(...chars.map((g) => g.x1)),
        topPt: Math.min(...chars.map((g) => g.top)),
        bottomPt: Math.max(...chars.map((g) => g.bottom)),
        emPt: near ? near.x1 - near.x0 : null,
        ems: (j - i) * (c === '⸺' ? 2 : 1),
        leader:
          c === '…' &&
          /^\s*\d+\s*$/.test(
            glyphs
              .slice(j)
              .map((g) => g.c)
              .join(''),
          ),
      });
    }
    i = j;
  }
  return out;
}

/** Every two-em unit of a PDF, page by page. */
export function twoEmUnits(pdf: string): TwoEmUnit[] {
  return readStext(pdf).flatMap((p) => p.lines.flatMap(unitsOfLine));
}

/** The ink of a dash unit along its rule: where it starts and ends and its largest hole, pt. */
export interface DashInk {
  readonly inkFromPt: number;
  readonly inkToPt: number;
  readonly largestHolePt: number;
}

/** The columns of a strip that starts at `leftPt` lying inside [x0, x1] pt. */
function cut(s: Strip, leftPt: number, u: TwoEmUnit): Strip & { leftPt: number } {
  const px = s.dpi / 72;
  const from = Math.max(0, Math.round((u.x0Pt - leftPt) * px));
  const to = Math.min(s.width, Math.round((u.x1Pt - leftPt) * px));
  const width = Math.max(0, to - from);
  const data = new Uint8Array(width * s.height);
  for (let y = 0; y < s.height; y++)
    data.set(s.data.subarray(y * s.width + from, y * s.width + from + width), y * width);
  return { width, height: s.height, data, dpi: s.dpi, leftPt: leftPt + from / px };
}

function dashOf(s: Strip & { leftPt: number }): DashInk {
  const runs = inkRuns(inkColumns(s));
  if (runs.length === 0) return { inkFromPt: NaN, inkToPt: NaN, largestHolePt: Infinity };
  const pt = 72 / s.dpi;
  let hole = 0;
  for (let i = 1; i < runs.length; i++) hole = Math.max(hole, runs[i]![0] - runs[i - 1]![1]);
  return {
    inkFromPt: s.leftPt + runs[0]![0] * pt,
    inkToPt: s.leftPt + runs[runs.length - 1]![1] * pt,
    largestHolePt: hole * pt,
  };
}

function dotsOf(s: Strip & { leftPt: number }): number[] {
  return dotCentresPx(inkColumns(s)).map((x) => s.leftPt + (x * 72) / s.dpi);
}

/** The ink of each unit, one rendered strip per line of them: a dash's `DashInk`, an ellipsis's dot centres (pt). */
export function unitInks(pdf: string, units: readonly TwoEmUnit[], dpi = 600): (DashInk | number[])[] {
  const lines = new Map<string, TwoEmUnit[]>();
  for (const u of units) {
    const key = `${u.page}/${u.topPt}/${u.bottomPt}`;
    lines.set(key, [...(lines.get(key) ?? []), u]);
  }
  const ink = new Map<TwoEmUnit, DashInk | number[]>();
  for (const line of lines.values()) {
    const x0 = Math.min(...line.map((u) => u.x0Pt));
    const box = { x0, x1: Math.max(...line.map((u) => u.x1Pt)), top: line[0]!.topPt, bottom: line[0]!.bottomPt };
    const strip = renderStrip(pdf, line[0]!.page, box, dpi);
    const leftPt = (Math.floor((x0 * dpi) / 72) * 72) / dpi;
    for (const u of line) ink.set(u, u.kind === 'rule' ? dashOf(cut(strip, leftPt, u)) : dotsOf(cut(strip, leftPt, u)));
  }
  return units.map((u) => ink.get(u)!);
}
