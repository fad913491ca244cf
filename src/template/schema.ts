/**
 * The template's keys, each listed once: for every mapping, a record of fields
 * (resolved name → key, required or default, reader), read by `readSection`
 * (fields.ts). The records' key lists are what "unknown key" messages offer, and
 * their order is the order keys are read and problems reported. What each key
 * means is in templates/README.md “Keys”; a new key is one field here and one
 * member of its type in types.ts.
 */
import {
  FONT_ROLES,
  type FontCandidate,
  type FontRole,
  type FootnoteSpec,
  type Grid,
  type HeaderSpec,
  type Kinsoku,
  type PageGeometry,
  type PageNumberPosition,
  type Style,
  type StyleName,
} from './types.js';
import type { PNode } from './tree.js';
import { describeNode, type Reader } from './reader.js';
import {
  opt,
  optNonNull,
  own,
  req,
  readSection,
  type Field,
  type Fields,
  type ReadNode,
  type SectionOptions,
  type Values,
} from './fields.js';
import { PAPER_SIZES_MM, mmToPt } from './units.js';

/** Placeholders each pattern may use. */
const ENTRY_PLACEHOLDERS = ['n', 'byline', 'role', 'author', 'title', 'subtitle'];
const COUNT_PLACEHOLDERS = ['count'];
const PAGE_NUMBER_PLACEHOLDERS = ['n'];
const HEADER_PLACEHOLDERS = ['collection', 'source', 'date', 'title'];
const LIST_PLACEHOLDERS = ['n', 'cn'];

/** Keys of earlier versions, named where they now live. */
export const MOVED_KEYS: Readonly<Record<string, string>> = { listNumbering: 'list.numbering', bullet: 'list.bullets' };
const KINSOKU: readonly Kinsoku[] = ['none', 'basic', 'gb', 'strict'];
const POSITIONS: readonly PageNumberPosition[] = ['center', 'outside', 'right', 'left'];

// ------------------------------------------------------------------ readers

/** Readers that need no context. */
const text: ReadNode<string, unknown> = (n, path, r) => r.string(n, path);
const bool: ReadNode<boolean, unknown> = (n, path, r) => r.bool(n, path);
const oneOf =
  <T extends string>(choices: readonly T[]): ReadNode<T, unknown> =>
  (n, path, r) =>
    r.oneOf(n, path, choices);
const int =
  (min: number, max: number): ReadNode<number, unknown> =>
  (n, path, r) =>
    r.int(n, path, min, max);
const pattern =
  (allowed: readonly string[]): ReadNode<string, unknown> =>
  (n, path, r) =>
    r.pattern(n, path, allowed);

function nonNegative(node: PNode, path: string, v: number | undefined, r: Reader): number | undefined {
  if (v !== undefined && v < 0) {
    r.error(node.pos, `${path} must not be negative, got ${describeNode(node)}`);
    return undefined;
  }
  return v;
}

/** The size `em` counts in for a section (its style's size; undefined when that style is invalid). */
export interface EmContext {
  readonly sizePt: number | undefined;
}

/** A non-negative length in em of the section's size; not read while that size is unknown (its errors are reported). */
const emLength: ReadNode<number, EmContext> = (n, path, r, ctx) =>
  ctx.sizePt === undefined ? undefined : nonNegative(n, path, r.length(n, path, { emPt: ctx.sizePt }), r);

/** A non-negative length; `em` is refused while the section's size is unknown. */
const lengthOrEm: ReadNode<number, EmContext> = (n, path, r, ctx) =>
  nonNegative(n, path, r.length(n, path, ctx.sizePt === undefined ? {} : { emPt: ctx.sizePt }), r);

/** A non-negative absolute length. */
const plainLength: ReadNode<number, unknown> = (n, path, r) => nonNegative(n, path, r.length(n, path, {}), r);

// ------------------------------------------------------------------ page, grid

function paperSize(node: PNode, path: string, r: Reader): [number, number] | undefined {
  const names = Object.keys(PAPER_SIZES_MM);
  if (node.kind === 'scalar' && typeof node.value === 'string' && Object.hasOwn(PAPER_SIZES_MM, node.value)) {
    const [w, h] = PAPER_SIZES_MM[node.value];
    return [mmToPt(w), mmToPt(h)];
  }
  if (node.kind === 'seq' && node.items.length === 2) {
    const w = r.length(node.items[0], `${path} width`, {});
    const h = r.length(node.items[1], `${path} height`, {});
    if (w === undefined || h === undefined) return undefined;
    let ok = true;
    for (const [v, item, what] of [
      [w, node.items[0], 'width'],
      [h, node.items[1], 'height'],
    ] as const) {
      if (v <= 0) {
        r.error(item.pos, `${path} ${what} must be greater than zero, got ${describeNode(item)}`);
        ok = false;
      }
    }
    return ok ? [w, h] : undefined;
  }
  return r.typeError(node, path, `a paper name (${names.join(', ')}) or [width, height]`);
}

const MARGIN_FIELDS = {
  top: req('top', plainLength),
  bottom: req('bottom', plainLength),
  left: req('left', plainLength),
  right: req('right', plainLength),
};

/** `margins: 25mm` sets all four; else a mapping of the four sides. */
function margins(node: PNode, path: string, r: Reader) {
  if (node.kind === 'scalar') {
    const v = r.length(node, path, {});
    if (v === undefined) return undefined;
    if (v < 0) {
      r.error(node.pos, `${path} must not be negative, got ${describeNode(node)}`);
      return undefined;
    }
    return { top: v, bottom: v, left: v, right: v };
  }
  const map = r.map(node, path);
  return map && readSection(map, path, MARGIN_FIELDS, r, undefined);
}

export const PAGE_FIELDS = { size: req('size', paperSize), margins: req('margins', margins) };

export const GRID_FIELDS = { lines: req('lines', int(1, Infinity)), chars: req('chars', int(1, Infinity)) };

// ------------------------------------------------------------------ fonts

function fontCandidate(node: PNode, path: string, r: Reader): FontCandidate | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.trim() !== '') {
    return { family: node.value.trim(), weight: 400 };
  }
  if (node.kind === 'map') return readSection(node, path, FONT_ENTRY_FIELDS, r, undefined);
  return r.typeError(node, path, 'a family name or { family, weight }');
}

const FONT_ENTRY_FIELDS = { family: req('family', text), weight: optNonNull('weight', 400, int(100, 900)) };

const fontList: ReadNode<FontCandidate[], unknown> = (node, path, r) => {
  const items = node.kind === 'seq' ? node.items : [node];
  if (items.length === 0) return r.typeError(node, path, 'a list of at least one font family');
  const out: FontCandidate[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const c = fontCandidate(item, `${path}[${i}]`, r);
    if (c) out.push(c);
    else ok = false;
  });
  return ok ? out : undefined;
};

const FONT_FIELDS = {
  ...(Object.fromEntries(FONT_ROLES.map((role) => [role, req(role, fontList)])) as Record<
    FontRole,
    Field<FontCandidate[], unknown>
  >),
  fallback: optNonNull('fallback', [] as FontCandidate[], fontList),
};

// ------------------------------------------------------------------ contents, page numbers, header

const leader: ReadNode<string, unknown> = (n, path, r) => {
  const s = r.string(n, path);
  return s === '' ? r.typeError(n, path, 'one or more characters') : s;
};

/** `contents`; `em` = the contentsEntry size. */
export const CONTENTS_FIELDS = {
  title: req('title', text),
  entry: req('entry', pattern(ENTRY_PLACEHOLDERS)),
  entryTitle: req('entryTitle', pattern(ENTRY_PLACEHOLDERS)),
  subtitleLine: opt('subtitleLine', '', pattern(ENTRY_PLACEHOLDERS)),
  countSuffix: req('countSuffix', pattern(COUNT_PLACEHOLDERS)),
  leader: req('leader', leader),
  numberGapPt: req('numberGap', emLength),
  headingLevels: opt('headingLevels', 0, int(0, 4)),
  newPageAfter: opt('newPageAfter', true, bool),
};

const pageNumberFormat: ReadNode<string, unknown> = (n, path, r) => {
  const format = r.pattern(n, path, PAGE_NUMBER_PLACEHOLDERS);
  if (format !== undefined && !format.includes('{n}')) {
    r.error(n.pos, `${path} must contain {n}, got "${format}"`);
    return undefined;
  }
  return format;
};

/** `pageNumber`; `em` = the pageNumber size. */
export const PAGE_NUMBER_FIELDS = {
  format: req('format', pageNumberFormat),
  position: optNonNull('position', 'center' as PageNumberPosition, oneOf(POSITIONS)),
  belowTypeAreaPt: req('below', lengthOrEm),
  insetPt: optNonNull('inset', 0, lengthOrEm),
};

/** `header`; `em` = the header size. */
export const HEADER_FIELDS = {
  text: req('text', pattern(HEADER_PLACEHOLDERS)),
  placement: opt('placement', 'header' as 'header' | 'footer', oneOf(['header', 'footer'] as const)),
  gapPt: req('gap', lengthOrEm),
  rule: opt('rule', false, bool),
};

/** `table`: cell padding, space around, rules, short cells; `em` = the tableText size. */
export const TABLE_FIELDS = {
  cellPaddingXPt: req('cellPadding', emLength),
  cellPaddingYPt: req('cellPaddingY', emLength),
  spacePt: req('space', emLength),
  rulePt: req('rule', emLength),
  shortCellPt: req('shortCell', emLength),
};

/** The separator rule's length: a percentage of the type area's width, or a length. */
const ruleLength: ReadNode<FootnoteSpec['ruleLength'], EmContext> = (n, path, r, ctx) => {
  const percent = n.kind === 'scalar' && typeof n.value === 'string' ? /^(\d+(?:\.\d+)?)\s*%$/.exec(n.value) : null;
  if (percent) {
    const fraction = Number(percent[1]) / 100;
    if (fraction <= 1) return { fraction };
    r.error(n.pos, `${path} must be at most 100%, got ${describeNode(n)}`);
    return undefined;
  }
  const pt = emLength(n, path, r, ctx);
  return pt === undefined ? undefined : { pt };
};

/** `footnotes`: the separator rule; `em` = the footnote size. */
export const FOOTNOTES_FIELDS = { ruleLength: req('ruleLength', ruleLength), rulePt: req('rule', emLength) };

/** Markers by depth: a non-empty list of non-empty text. */
const markers =
  (read: (item: PNode, path: string, r: Reader) => string | undefined): ReadNode<string[], unknown> =>
  (node, path, r) => {
    if (node.kind !== 'seq' || node.items.length === 0)
      return r.typeError(node, path, 'a list of markers, one per depth');
    const out: string[] = [];
    let ok = true;
    node.items.forEach((item, i) => {
      const s = read(item, `${path}[${i}]`, r);
      if (s === '') r.error(item.pos, `${path}[${i}] must not be empty`);
      if (s === undefined || s === '') ok = false;
      else out.push(s);
    });
    return ok ? out : undefined;
  };

/** `list`: ordered-list patterns and bullets by depth. */
export const LIST_FIELDS = {
  numbering: req(
    'numbering',
    markers((item, path, r) => r.pattern(item, path, LIST_PLACEHOLDERS)),
  ),
  bullets: req(
    'bullets',
    markers((item, path, r) => r.string(item, path)),
  ),
};

// ------------------------------------------------------------------ the template

/**
 * Styles, page and grid, read together before the other keys: the grid and `em`
 * lengths depend on the body size and the page (resolve.ts). `styles` holds every
 * style that resolved, so sections can still be checked when another is wrong.
 */
export interface Base {
  readonly page: PageGeometry | undefined;
  /** null = no grid; undefined = invalid. */
  readonly grid: Grid | null | undefined;
  readonly bodySizePt: number | undefined;
  readonly styles: Partial<Record<StyleName, Style>>;
  /** Every style, when all resolved. */
  readonly allStyles: Record<StyleName, Style> | undefined;
}

export interface TopContext {
  /** The base, read once on first use (so its problems are reported where `page` is read). */
  readonly base: () => Base;
}

/** A mapping read with `fields`; `em` counts in the size of `style`. */
function section<S extends Fields<EmContext>>(
  fields: S,
  style?: StyleName,
  options: SectionOptions = {},
): ReadNode<Values<S>, TopContext> {
  return (n, path, r, ctx) => {
    const map = r.map(n, path);
    const sizePt = style === undefined ? undefined : ctx.base().styles[style]?.sizePt;
    return map && readSection(map, path, fields, r, { sizePt }, options);
  };
}

/**
 * `maxGapStretch`: the most justification may widen one gap, in em of the text set
 * (a length in pt or mm counts in ems of the body size); greater than zero.
 */
const gapStretch: ReadNode<number, TopContext> = (node, path, r, ctx) => {
  const bodySizePt = ctx.base().bodySizePt;
  if (bodySizePt === undefined || !(bodySizePt > 0)) return undefined;
  const pt = r.length(node, path, { emPt: bodySizePt });
  if (pt === undefined) return undefined;
  if (pt <= 0) {
    r.error(node.pos, `${path} must be greater than zero, got ${describeNode(node)}`);
    return undefined;
  }
  return pt / bodySizePt;
};

/** The top level, in the order keys are listed in messages and read. */
export const TOP_FIELDS = {
  description: optNonNull('description', '', text),
  /** Read by the loader, which merges the parent template first. */
  extends: own('extends', () => true),
  page: own('page', (_m, _r, ctx: TopContext) => ctx.base().page),
  grid: own('grid', (_m, _r, ctx: TopContext) => ctx.base().grid),
  fonts: req('fonts', section(FONT_FIELDS, undefined, { what: 'font role' })),
  styles: own('styles', (_m, _r, ctx: TopContext) => ctx.base().allStyles),
  kinsoku: opt('kinsoku', 'gb' as Kinsoku, oneOf(KINSOKU)),
  maxGapStretchEm: req('maxGapStretch', gapStretch),
  contents: req('contents', section(CONTENTS_FIELDS, 'contentsEntry')),
  pageNumber: req('pageNumber', section(PAGE_NUMBER_FIELDS, 'pageNumber')),
  header: opt('header', null as HeaderSpec | null, section(HEADER_FIELDS, 'header')),
  pieceNewPage: req('pieceNewPage', bool),
  partTitlePage: opt('partTitlePage', false, bool),
  thematicBreak: opt('thematicBreak', 'space' as 'space' | 'page', oneOf(['space', 'page'] as const)),
  list: req('list', section(LIST_FIELDS)),
  table: req('table', section(TABLE_FIELDS, 'tableText')),
  footnotes: req('footnotes', section(FOOTNOTES_FIELDS, 'footnote')),
};
