/**
 * Units: the one place where template lengths become points (docs/design.md “Units”:
 * converted once, in one module).
 *
 * Accepted: `mm`, `cm`, `pt`, `in`, `em` (relative to a size the caller names,
 * usually the style's own font size), `grid` (multiples of the grid's line pitch,
 * only where a grid exists), and for font sizes the 字号 names of docs/typography.md
 * (初号 42 … 小五 9 pt; the traditional Chinese type-size scale, as used by
 * GB/T 9704-2012 §5.2: 三号 = 16 pt, 二号 = 22 pt, 四号 = 14 pt).
 *
 * Rounding follows the DOCX grid (ECMA-376 §17.18.81 ST_TwipsMeasure, 1 twip =
 * 1/20 pt): the grid line pitch is rounded down to whole twips so Word,
 * LibreOffice and the PDF agree (225 mm / 22 → 28.95 pt = 579 twip).
 * Every function here is pure.
 */

export const PT_PER_IN = 72;
export const MM_PER_IN = 25.4;
export const TWIP_PER_PT = 20;

export function mmToPt(mm: number): number {
  return (mm * PT_PER_IN) / MM_PER_IN;
}

export function ptToMm(pt: number): number {
  return (pt * MM_PER_IN) / PT_PER_IN;
}

/** Points per unit for absolute length units. */
const ABSOLUTE_UNITS_PT: Readonly<Record<string, number>> = {
  pt: 1,
  mm: PT_PER_IN / MM_PER_IN,
  cm: (10 * PT_PER_IN) / MM_PER_IN,
  in: PT_PER_IN,
};

/** 字号 names → pt (docs/typography.md “Font sizes (字号)”). */
export const ZIHAO_PT: Readonly<Record<string, number>> = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
};

/** Named paper sizes, portrait, in mm (ISO 216; B5 is ISO/GB B5, 176 × 250 mm). */
export const PAPER_SIZES_MM: Readonly<Record<string, readonly [number, number]>> = {
  A3: [297, 420],
  A4: [210, 297],
  A5: [148, 210],
  B5: [176, 250],
  Letter: [215.9, 279.4],
};

/** What a length may be relative to, when the unit needs it. */
export interface LengthContext {
  /** Size that `1em` stands for, pt; absent where `em` makes no sense. */
  readonly emPt?: number;
  /** Grid line pitch that `1grid` stands for, pt; absent without a grid. */
  readonly gridPt?: number;
  /** Accept 字号 names (font sizes only). */
  readonly zihao?: boolean;
}

/** Result of parsing: a number of points, or a message saying why not. */
export type LengthResult =
  { readonly ok: true; readonly pt: number } | { readonly ok: false; readonly message: string };

const LENGTH_RE = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-z]+)\s*$/i;

/** The units a context accepts, for messages: "mm, cm, pt, in or em". */
export function acceptedUnits(ctx: LengthContext): string {
  const units = ['mm', 'cm', 'pt', 'in'];
  if (ctx.emPt !== undefined) units.push('em');
  if (ctx.gridPt !== undefined) units.push('grid');
  const list = units.slice(0, -1).join(', ') + ' or ' + units[units.length - 1];
  return ctx.zihao ? `${list}, or a 字号 name such as 三号` : list;
}

/**
 * Parses `12pt`, `37mm`, `2em`, `1.5cm`, `0.5in`, `2grid`, `三号`, or a bare 0.
 * A bare non-zero number is rejected: the unit must be written.
 */
export function parseLength(value: unknown, ctx: LengthContext = {}): LengthResult {
  if (value === 0) return { ok: true, pt: 0 };
  const bad = (): LengthResult => ({
    ok: false,
    message: `${describeValue(value)} is not a length (use a number with ${acceptedUnits(ctx)})`,
  });
  if (typeof value !== 'string') return bad();
  const text = value.trim();
  if (ctx.zihao && Object.hasOwn(ZIHAO_PT, text)) return { ok: true, pt: ZIHAO_PT[text] };
  const m = LENGTH_RE.exec(text);
  if (!m) return bad();
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  if (Object.hasOwn(ABSOLUTE_UNITS_PT, unit)) return { ok: true, pt: n * ABSOLUTE_UNITS_PT[unit] };
  if (unit === 'em' && ctx.emPt !== undefined) return { ok: true, pt: n * ctx.emPt };
  if (unit === 'grid' && ctx.gridPt !== undefined) return { ok: true, pt: n * ctx.gridPt };
  if (unit === 'grid') return { ok: false, message: `"${text}" needs a grid, and this template has none` };
  return bad();
}

/** Rounds down to whole twips (1/20 pt), tolerant of float noise. */
export function floorToTwipPt(pt: number): number {
  return Math.floor(pt * TWIP_PER_PT + 1e-9) / TWIP_PER_PT;
}

/** Rounds down to a multiple of `stepPt` (e.g. 0.05 pt), tolerant of float noise. */
export function floorToStepPt(pt: number, stepPt: number): number {
  return Number((Math.floor(pt / stepPt + 1e-9) * stepPt).toFixed(6));
}

/** Rounds to 1/1000 pt to keep float noise (mm → pt) out of results. */
export function tidyPt(pt: number): number {
  return Math.round(pt * 1000) / 1000;
}

/** `16pt`, `28.95pt`, `-0.25pt` — for messages. */
export function formatPt(pt: number): string {
  return `${Number(pt.toFixed(2))}pt`;
}

/** A YAML value as a user would recognise it in a message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
