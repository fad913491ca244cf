/**
 * Tables (GFM; TableBlock) → flow boxes, one per row.
 *
 * Column widths as CSS 2.1 §17.5.2.2 automatic table layout does for a table of
 * `width: 100%`: each column's minimum is its widest unbreakable atom, its maximum
 * its natural one-line width (both measured by the paragraph setter itself, plus
 * cell padding); when the maxima fit they are widened in proportion to fill the
 * measure, else the measure above the minima is shared in proportion to
 * (max − min) — with short cells (≤ the template's `table.shortCell`) counted at
 * their natural width as long as those minima fit (“平稳”, “5.4%”, “序号” do not
 * break into one-character columns while a long column has room to give). Cell
 * padding, the space around a table and the rule width are the template's `table`. Cell text is set by the same setter and rules (clreq line breaking)
 * in `styles.tableText`, the header row in `styles.tableHeader`; alignment per
 * column from the Markdown (`TableBlock.align`), else the style's.
 *
 * Rows are never split across pages (a box each), except a row taller than a
 * page, which is cut between lines. Every row draws its top rule and the vertical
 * rules; the bottom rule is drawn by the table's last row, and by any row a page
 * break ends. The header row is kept with the first body row and repeated at the
 * top of every page the table continues on (ECMA-376 §17.4.49 w:tblHeader in DOCX).
 */
import type { CellAlign, TableBlock } from '../model/types.js';
import type { Style } from '../template/index.js';
import type { BlockEnv, Frame } from './blocks.js';
import type { FlowBuilder } from './builder.js';
import type { BoxLine, BoxRule, FlowBox } from './flow.js';
import { charPitchFor, pitchPt } from './geometry.js';
import { warnOverfull } from './overfull.js';
import type { ParagraphContent, SetLine } from './paragraph-types.js';
import { collectSpans } from './spans.js';

/**
 * Column widths filling `measurePt` from per-column minimum and maximum widths
 * (CSS automatic table layout, for a table as wide as the measure). When even the
 * minima do not fit, the minima are returned (the table overflows; the caller warns).
 */
export function columnWidthsPt(minPt: readonly number[], maxPt: readonly number[], measurePt: number): number[] {
  const max = maxPt.map((m, i) => Math.max(m, minPt[i]));
  const sumMin = minPt.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMin >= measurePt) return [...minPt];
  if (sumMax <= measurePt) {
    if (sumMax <= 0) return max.map(() => measurePt / max.length);
    return max.map((m) => m + ((measurePt - sumMax) * m) / sumMax);
  }
  const f = (measurePt - sumMin) / (sumMax - sumMin);
  return minPt.map((m, i) => m + (max[i] - m) * f);
}

interface CellInput {
  readonly content: ParagraphContent[];
  readonly style: Style;
  readonly align: Style['align'];
}

function setCell(env: BlockEnv, cell: CellInput, widthPt: number, noCharBreaks = false): readonly SetLine[] {
  return env.set(cell.content, {
    widthPt,
    firstIndentPt: 0,
    restIndentPt: 0,
    align: cell.align,
    kinsoku: env.t.kinsoku,
    maxGapStretchEm: env.t.maxGapStretchEm,
    fonts: env.fonts,
    trailer: null,
    charPitchPt: charPitchFor(env.t, cell.style),
    noCharBreaks,
  });
}

/**
 * Widest line when set on a (practically) zero measure, words kept whole, and on an
 * unlimited one: the cell's min and max content widths.
 */
function cellExtentsPt(env: BlockEnv, cell: CellInput): { minPt: number; maxPt: number } {
  const widest = (lines: readonly SetLine[]): number => lines.reduce((m, l) => Math.max(m, l.widthPt), 0);
  return { minPt: widest(setCell(env, cell, 0.01, true)), maxPt: widest(setCell(env, cell, 1e6)) };
}

const toAlign = (a: CellAlign, style: Style): Style['align'] => a ?? style.align;

interface SetRow {
  readonly cells: readonly (readonly SetLine[])[];
  readonly pitchPt: number;
}

export function addTable(env: BlockEnv, b: FlowBuilder, table: TableBlock, frame: Frame): void {
  const { t } = env;
  const text = t.styles.tableText;
  const head = t.styles.tableHeader;
  const cols = Math.max(1, ...table.rows.map((r) => r.length));
  const measurePt = env.area.widthPt - frame.leftPt - frame.rightPt;
  const padX = t.table.cellPaddingXPt;
  // On a grid the line pitch already holds the air, and rows stay whole grid lines.
  const padY = t.grid ? 0 : t.table.cellPaddingYPt;
  const aroundPt = Math.max(text.spaceBeforePt, t.table.spacePt);
  const rulePt = t.table.rulePt;

  const inputs: CellInput[][] = table.rows.map((row, ri) => {
    const style = ri === 0 ? head : text;
    return Array.from({ length: cols }, (_, ci) => ({
      content: row[ci] ? collectSpans(row[ci].inlines, style, t) : [],
      style,
      align: toAlign(table.align[ci] ?? null, style),
    }));
  });
  const minPt = new Array<number>(cols).fill(0);
  const maxPt = new Array<number>(cols).fill(0);
  const keepPt = new Array<number>(cols).fill(0);
  for (const row of inputs) {
    row.forEach((cell, ci) => {
      if (cell.content.length === 0) return;
      const e = cellExtentsPt(env, cell);
      minPt[ci] = Math.max(minPt[ci], e.minPt + 2 * padX);
      maxPt[ci] = Math.max(maxPt[ci], e.maxPt + 2 * padX);
      const short = e.maxPt <= t.table.shortCellPt + 0.01 ? e.maxPt : e.minPt;
      keepPt[ci] = Math.max(keepPt[ci], short + 2 * padX);
    });
  }
  const keepSum = keepPt.reduce((a, w) => a + w, 0);
  const widths = columnWidthsPt(keepSum <= measurePt ? keepPt : minPt, maxPt, measurePt);
  const tableWidth = widths.reduce((a, w) => a + w, 0);
  if (tableWidth > measurePt + 0.05)
    env.diag.warning(table.pos, `table is ${(tableWidth - measurePt).toFixed(1)} pt wider than the measure`);
  if (b.piece !== null && b.recordTables) env.tables?.push({ piece: b.piece, id: table.id, widthsPt: widths });
  const xs: number[] = [frame.leftPt];
  for (const w of widths) xs.push(xs[xs.length - 1] + w);

  const rows: SetRow[] = inputs.map((row, ri) => ({
    pitchPt: pitchPt(t, ri === 0 ? head : text),
    cells: row.map((cell, ci) => {
      const inner = widths[ci] - 2 * padX;
      const lines = setCell(env, cell, inner);
      const src = table.rows[ri][ci];
      if (src) warnOverfull(env.diag, cell.content, lines, inner, 0, 0);
      return lines;
    }),
  }));

  let header: FlowBox | null = null;
  const headerPt = rows.length > 1 ? rowHeight(rows[0], padY) : 0;
  const maxRowPt = env.area.heightPt - headerPt;
  rows.forEach((row, ri) => {
    const last = ri === rows.length - 1;
    for (const slice of sliceRow(row, padY, ri === 0 ? env.area.heightPt : maxRowPt)) {
      const rules: BoxRule[] = [];
      const h = slice.heightPt;
      if (slice.first) rules.push(hRule(xs, 0, rulePt));
      for (const x of xs) rules.push({ x1Pt: x, y1Pt: 0, x2Pt: x, y2Pt: h, widthPt: rulePt });
      const bottom = hRule(xs, h, rulePt);
      if (last && slice.last) rules.push(bottom);
      const lines: BoxLine[] = [];
      row.cells.forEach((cellLines, ci) => {
        const shown = cellLines.slice(slice.from, slice.to);
        // A whole row centres each cell's lines vertically; slices of a cut row stand at the top.
        const offset = slice.whole ? ((slice.lineCount - cellLines.length) * row.pitchPt) / 2 : 0;
        shown.forEach((line, k) =>
          lines.push({
            line,
            xPt: xs[ci] + padX,
            topPt: slice.topPadPt + offset + k * row.pitchPt,
            pitchPt: row.pitchPt,
          }),
        );
      });
      const box = b.addBox({
        heightPt: h,
        lines,
        rules,
        rulesWhenLast: last && slice.last ? [] : [bottom],
        repeat: ri === 0 ? null : header,
        spaceBeforePt: ri === 0 && slice.first ? aroundPt : 0,
        spaceAfterPt: last && slice.last ? aroundPt : 0,
        breakBefore: true,
        keepWithNext: ri === 0 && rows.length > 1,
      });
      if (ri === 0 && rows.length > 1) header = box;
    }
  });
}

const hRule = (xs: readonly number[], y: number, widthPt: number): BoxRule => ({
  x1Pt: xs[0],
  y1Pt: y,
  x2Pt: xs[xs.length - 1],
  y2Pt: y,
  widthPt,
});

function rowHeight(row: SetRow, padY: number): number {
  const n = Math.max(1, ...row.cells.map((c) => c.length));
  return n * row.pitchPt + 2 * padY;
}

interface RowSlice {
  readonly from: number;
  readonly to: number;
  readonly lineCount: number;
  readonly heightPt: number;
  readonly topPadPt: number;
  readonly first: boolean;
  readonly last: boolean;
  readonly whole: boolean;
}

/** The row as one slice, or — when taller than `maxPt` — cut between lines into slices that each fit. */
function sliceRow(row: SetRow, padY: number, maxPt: number): RowSlice[] {
  const n = Math.max(1, ...row.cells.map((c) => c.length));
  const total = n * row.pitchPt + 2 * padY;
  if (total <= maxPt + 0.01)
    return [{ from: 0, to: n, lineCount: n, heightPt: total, topPadPt: padY, first: true, last: true, whole: true }];
  const per = Math.max(1, Math.floor((maxPt - 2 * padY + 0.01) / row.pitchPt));
  const out: RowSlice[] = [];
  for (let from = 0; from < n; from += per) {
    const to = Math.min(n, from + per);
    const first = from === 0;
    const last = to === n;
    out.push({
      from,
      to,
      lineCount: to - from,
      heightPt: (to - from) * row.pitchPt + (first ? padY : 0) + (last ? padY : 0),
      topPadPt: first ? padY : 0,
      first,
      last,
      whole: false,
    });
  }
  return out;
}
