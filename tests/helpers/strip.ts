/**
 * Ink on the page: a strip of one PDF page rendered by poppler (`pdftoppm -gray`, cropped to
 * a box given in pt) and the measures read from it — which columns carry ink in the row band
 * where a rule or a row of dots runs, the holes between inked stretches, the dots' centres.
 * Used for what glyph quads cannot tell: whether —— prints as one unbroken rule and whether
 * dots (leaders, ……) stand at one pitch.
 */
import { execFileSync } from 'node:child_process';

/** A grey bitmap: 0 black … 255 white, rows top to bottom. */
export interface Strip {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
  readonly dpi: number;
}

/** Below this grey value a pixel counts as ink. */
export const INK_BELOW = 128;

/** Parses a binary PGM (P5, 8 bit). */
export function parsePgm(buf: Buffer): Strip & { dpi: 0 } {
  let pos = 0;
  const token = (): string => {
    while (/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    if (buf[pos] === 0x23) {
      while (buf[pos] !== 0x0a) pos++;
      return token();
    }
    const start = pos;
    while (!/\s/.test(String.fromCharCode(buf[pos]))) pos++;
    return buf.toString('latin1', start, pos);
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  if (max !== 255) throw new Error(`PGM max value ${max}, expected 255`);
  pos++;
  return { width, height, data: new Uint8Array(buf.subarray(pos, pos + width * height)), dpi: 0 };
}

/** The box (pt, from the page's top left) of page `page` rendered in grey at `dpi`. */
export function renderStrip(
  pdf: string,
  page: number,
  box: { x0: number; x1: number; top: number; bottom: number },
  dpi: number,
): Strip {
  const px = dpi / 72;
  const x = Math.max(0, Math.floor(box.x0 * px));
  const y = Math.max(0, Math.floor(box.top * px));
  const w = Math.max(1, Math.ceil(box.x1 * px) - x);
  const h = Math.max(1, Math.ceil(box.bottom * px) - y);
  const out = execFileSync(
    'pdftoppm',
    [
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
      pdf,
    ],
    { maxBuffer: 1 << 28 },
  );
  return { ...parsePgm(out), dpi };
}

/** Ink pixels per row. */
export function rowInk(s: Strip): number[] {
  const rows: number[] = [];
  for (let y = 0; y < s.height; y++) {
    let n = 0;
    for (let x = 0; x < s.width; x++) if (s.data[y * s.width + x] < INK_BELOW) n++;
    rows.push(n);
  }
  return rows;
}

/**
 * Which columns carry ink in the band of rows where the strip's ink runs: the rows holding
 * at least half as much ink as the inkiest row (the rule's thickness, the dots' middle).
 */
export function inkColumns(s: Strip): boolean[] {
  const rows = rowInk(s);
  const max = Math.max(0, ...rows);
  const cols = Array.from({ length: s.width }, () => false);
  if (max === 0) return cols;
  for (let y = 0; y < s.height; y++) {
    if (rows[y] < max / 2) continue;
    for (let x = 0; x < s.width; x++) if (s.data[y * s.width + x] < INK_BELOW) cols[x] = true;
  }
  return cols;
}

/** Maximal runs of inked columns, as [start, end) pixel ranges. */
export function inkRuns(cols: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let x = 0; x < cols.length; x++) {
    if (!cols[x]) continue;
    const start = x;
    while (x < cols.length && cols[x]) x++;
    runs.push([start, x]);
  }
  return runs;
}

/**
 * The widest run of blank columns between inked stretches of a rule, in pixels. Stretches
 * at either end narrower than `edgeMinPx` are left out (a neighbour's stroke reaching into
 * the box); 0 when the rule is unbroken.
 */
export function largestHolePx(cols: readonly boolean[], edgeMinPx: number): number {
  const runs = inkRuns(cols);
  while (runs.length > 1 && runs[0][1] - runs[0][0] < edgeMinPx) runs.shift();
  while (runs.length > 1 && runs[runs.length - 1][1] - runs[runs.length - 1][0] < edgeMinPx) runs.pop();
  let hole = 0;
  for (let i = 1; i < runs.length; i++) hole = Math.max(hole, runs[i][0] - runs[i - 1][1]);
  return hole;
}

/** Centres of the dots in a row of dots, in pixels from the strip's left edge. */
export function dotCentres(cols: readonly boolean[]): number[] {
  return inkRuns(cols).map(([a, b]) => (a + b) / 2);
}
