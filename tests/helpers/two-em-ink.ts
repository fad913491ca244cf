/**
 * Two-em units as printed: where a PDF's ——, ……, ⋯⋯ and ⸺ stand (MuPDF's
 * `mutool draw -F stext` character quads) and what their ink looks like (a strip of
 * the page rendered by poppler's `pdftoppm`): the extent of a dash's rule and the
 * largest hole along it, the dots of an ellipsis and their centres. For any test
 * that reads a finished PDF back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One character of MuPDF's structured text, pt from the page's top-left corner. */
export interface StextChar {
  readonly c: string;
  readonly x0Pt: number;
  readonly x1Pt: number;
  readonly topPt: number;
  readonly bottomPt: number;
  /** The font size MuPDF reports (a horizontally scaled glyph reports its scaled size). */
  readonly sizePt: number;
}

const decodeEntities = (s: string): string =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The characters of page `page` (1-based), line by line as MuPDF groups them. */
export function stextLines(pdf: string, page: number): StextChar[][] {
  const xml = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', pdf, String(page)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 << 20,
  });
  const lines: StextChar[][] = [];
  for (const line of xml.split('<line ').slice(1)) {
    const chars: StextChar[] = [];
    let size = 0;
    for (const m of line.matchAll(/<font [^>]*size="([\d.]+)"|<char quad="([^"]+)"[^>]*c="([^"]*)"/g)) {
      if (m[1] !== undefined) {
        size = Number(m[1]);
        continue;
      }
      const q = m[2]!.split(' ').map(Number);
      const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
      const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
      chars.push({
        c: decodeEntities(m[3]!),
        x0Pt: Math.min(...xs),
        x1Pt: Math.max(...xs),
        topPt: Math.min(...ys),
        bottomPt: Math.max(...ys),
        sizePt: size,
      });
    }
    if (chars.length > 0) lines.push(chars);
  }
  return lines;
}

/** A two-em unit found on a page: its characters' quads joined. */
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

/** Every two-em unit of page `page` (a character of —…⋯ repeated, or ⸺), ⋯ read as …, leaders marked. */
export function twoEmUnits(pdf: string, page: number): TwoEmUnit[] {
  const out: TwoEmUnit[] = [];
  for (const line of stextLines(pdf, page)) {
    for (let i = 0; i < line.length;) {
      const c = ellipsis(line[i]!.c);
      let j = i + 1;
      while (j < line.length && ellipsis(line[j]!.c) === c) j++;
      if (UNIT_CHARS.has(c) && (j - i > 1 || c === '⸺')) {
        const chars = line.slice(i, j);
        const near = [...line.slice(0, i).reverse(), ...line.slice(j)]
          .filter((ch) => isHan(ch.c))
          .sort((a, b) => Math.abs(a.x0Pt - chars[0]!.x0Pt) - Math.abs(b.x0Pt - chars[0]!.x0Pt))[0];
        out.push({
          page,
          text: c.repeat(j - i),
          kind: c === '…' || c === '⋯' ? 'dots' : 'rule',
          x0Pt: Math.min(...chars.map((ch) => ch.x0Pt)),
          x1Pt: Math.max(...chars.map((ch) => ch.x1Pt)),
          topPt: Math.min(...chars.map((ch) => ch.topPt)),
          bottomPt: Math.max(...chars.map((ch) => ch.bottomPt)),
          emPt: near ? near.x1Pt - near.x0Pt : null,
          ems: (j - i) * (c === '⸺' ? 2 : 1),
          leader:
            c === '…' &&
            /^\s*\d+\s*$/.test(
              line
                .slice(j)
                .map((ch) => ch.c)
                .join(''),
            ),
        });
      }
      i = j;
    }
  }
  return out;
}

/** A grey strip of a page: `dark[row][col]`, and the pt each pixel stands for. */
export interface Strip {
  readonly dark: boolean[][];
  readonly leftPt: number;
  readonly topPt: number;
  readonly pxPt: number;
}

/** Render [x0, x1] × [top, bottom] (pt) of page `page` at `dpi`, pixels darker than mid-grey as ink. */
export function renderStrip(
  pdf: string,
  page: number,
  box: { x0Pt: number; x1Pt: number; topPt: number; bottomPt: number },
  dpi = 600,
): Strip {
  const px = dpi / 72;
  const x = Math.floor(box.x0Pt * px);
  const y = Math.floor(box.topPt * px);
  const w = Math.max(1, Math.ceil(box.x1Pt * px) - x);
  const h = Math.max(1, Math.ceil(box.bottomPt * px) - y);
  const dir = mkdtempSync(join(tmpdir(), 'huibian-strip-'));
  try {
    const root = join(dir, 'strip');
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-x',
      String(x),
      '-y',
      String(y),
      '-W',
      String(w),
      '-H',
      String(h),
      '-gray',
      '-singlefile',
      pdf,
      root,
    ]);
    const data = readFileSync(`${root}.pgm`);
    // P5 header: magic, width, height, maxval, each followed by one white-space byte.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm gave no PGM');
    const [width, height, max] = [Number(header[1]), Number(header[2]), Number(header[3])];
    const pixels = data.subarray(header[0].length);
    const dark = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => pixels[r * width + c]! < max / 2),
    );
    return { dark, leftPt: x / px, topPt: y / px, pxPt: 1 / px };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The row with the most ink. */
function inkiestRow(strip: Strip): boolean[] {
  let best = strip.dark[0] ?? [];
  let count = -1;
  for (const row of strip.dark) {
    const n = row.filter(Boolean).length;
    if (n > count) [best, count] = [row, n];
  }
  return best;
}

/** Runs of ink along a row: [first, last] pixel columns. */
function inkRuns(row: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  row.forEach((d, i) => {
    if (!d) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

/** The ink of a dash unit along its inkiest row: where it starts and ends and its largest hole, pt. */
export interface DashInk {
  readonly inkFromPt: number;
  readonly inkToPt: number;
  readonly largestHolePt: number;
}

/** The columns of `strip` inside [x0, x1] pt, row by row. */
function cut(strip: Strip, unit: TwoEmUnit): Strip {
  const from = Math.max(0, Math.round((unit.x0Pt - strip.leftPt) / strip.pxPt));
  const to = Math.round((unit.x1Pt - strip.leftPt) / strip.pxPt);
  return { ...strip, dark: strip.dark.map((row) => row.slice(from, to)), leftPt: strip.leftPt + from * strip.pxPt };
}

function dashOf(strip: Strip): DashInk {
  const runs = inkRuns(inkiestRow(strip));
  if (runs.length === 0) return { inkFromPt: NaN, inkToPt: NaN, largestHolePt: Infinity };
  let hole = 0;
  for (let i = 1; i < runs.length; i++) hole = Math.max(hole, runs[i]![0] - runs[i - 1]![1] - 1);
  return {
    inkFromPt: strip.leftPt + runs[0]![0] * strip.pxPt,
    inkToPt: strip.leftPt + (runs[runs.length - 1]![1] + 1) * strip.pxPt,
    largestHolePt: hole * strip.pxPt,
  };
}

function dotsOf(strip: Strip): number[] {
  return inkRuns(inkiestRow(strip)).map(([a, b]) => strip.leftPt + ((a + b + 1) / 2) * strip.pxPt);
}

export function dashInk(pdf: string, unit: TwoEmUnit, dpi = 600): DashInk {
  return dashOf(renderStrip(pdf, unit.page, unit, dpi));
}

/** The centres of an ellipsis unit's dots along its inkiest row, pt. */
export function dotCentres(pdf: string, unit: TwoEmUnit, dpi = 600): number[] {
  return dotsOf(renderStrip(pdf, unit.page, unit, dpi));
}

/** The ink of many units, one rendered strip per line of them: a dash's `DashInk`, an ellipsis's dot centres. */
export function unitInks(pdf: string, units: readonly TwoEmUnit[], dpi = 600): (DashInk | number[])[] {
  const lines = new Map<string, TwoEmUnit[]>();
  for (const u of units) {
    const key = `${u.page}/${u.topPt}/${u.bottomPt}`;
    lines.set(key, [...(lines.get(key) ?? []), u]);
  }
  const ink = new Map<TwoEmUnit, DashInk | number[]>();
  for (const line of lines.values()) {
    const box = {
      x0Pt: Math.min(...line.map((u) => u.x0Pt)),
      x1Pt: Math.max(...line.map((u) => u.x1Pt)),
      topPt: line[0]!.topPt,
      bottomPt: line[0]!.bottomPt,
    };
    const strip = renderStrip(pdf, line[0]!.page, box, dpi);
    for (const u of line) ink.set(u, u.kind === 'rule' ? dashOf(cut(strip, u)) : dotsOf(cut(strip, u)));
  }
  return units.map((u) => ink.get(u)!);
}
