/**
 * Template tree → `ResolvedTemplate` (templates/README.md “Keys”): validates every key and converts
 * every length to pt (through `units.ts`), reporting all problems at once.
 *
 * Geometry follows GB/T 9704-2012 §5.2 when a grid is given: line pitch = type
 * area height / lines, rounded down to whole twips (225 mm / 22 → 28.95 pt);
 * character pitch = min(body size, type area width / chars), rounded down to
 * 0.05 pt (156 mm / 28 → 15.75 pt).
 */
import type { Diagnostics } from '../model/diagnostics.js';
import {
  FONT_ROLES,
  STYLE_NAMES,
  type ContentsSpec,
  type FootnoteSpec,
  type FontCandidate,
  type FontRole,
  type Grid,
  type HeaderSpec,
  type ListSpec,
  type Kinsoku,
  type PageGeometry,
  type PageNumberPosition,
  type PageNumberSpec,
  type ResolvedTemplate,
  type Style,
  type StyleName,
  type TableSpec,
} from './types.js';
import { get, type PMap, type PNode } from './tree.js';
import { Reader, describeNode, joinPath } from './reader.js';
import { collectRawStyles, rawSizePt, resolveStyle } from './styles.js';
import { PAPER_SIZES_MM, floorToStepPt, floorToTwipPt, formatPt, mmToPt } from './units.js';

export const TOP_KEYS = [
  'description',
  'extends',
  'page',
  'grid',
  'fonts',
  'styles',
  'kinsoku',
  'maxGapStretch',
  'contents',
  'pageNumber',
  'header',
  'pieceNewPage',
  'partTitlePage',
  'thematicBreak',
  'list',
  'table',
  'footnotes',
] as const;
const PAGE_KEYS = ['size', 'margins'];
const MARGIN_KEYS = ['top', 'bottom', 'left', 'right'] as const;
const GRID_KEYS = ['lines', 'chars'];
const FONT_KEYS = [...FONT_ROLES, 'fallback'];
const FONT_ENTRY_KEYS = ['family', 'weight'];
const CONTENTS_KEYS = [
  'title',
  'entry',
  'entryTitle',
  'subtitleLine',
  'countSuffix',
  'leader',
  'numberGap',
  'headingLevels',
  'newPageAfter',
];
const PAGE_NUMBER_KEYS = ['format', 'position', 'below', 'inset'];
const HEADER_KEYS = ['text', 'placement', 'gap', 'rule'];
const TABLE_KEYS = ['cellPadding', 'cellPaddingY', 'space', 'rule', 'shortCell'];
const FOOTNOTES_KEYS = ['ruleLength', 'rule'];
const LIST_KEYS = ['numbering', 'bullets'];
/** Keys of earlier versions, named where they now live. */
const MOVED_KEYS: Readonly<Record<string, string>> = { listNumbering: 'list.numbering', bullet: 'list.bullets' };
const KINSOKU: readonly Kinsoku[] = ['none', 'basic', 'gb', 'strict'];
const POSITIONS: readonly PageNumberPosition[] = ['center', 'outside', 'right', 'left'];

/** Used only to keep checking styles when the real grid is invalid (errors already reported). */
const STAND_IN_GRID: Grid = { lines: 1, chars: 1, linePitchPt: 1, charPitchPt: 1 };

/** Placeholders each pattern may use. */
export const ENTRY_PLACEHOLDERS = ['n', 'byline', 'role', 'author', 'title', 'subtitle'];
export const COUNT_PLACEHOLDERS = ['count'];
export const PAGE_NUMBER_PLACEHOLDERS = ['n'];
export const HEADER_PLACEHOLDERS = ['collection', 'source', 'date', 'title'];
export const LIST_PLACEHOLDERS = ['n', 'cn'];

/** Resolves a merged template tree; undefined when anything is wrong (all errors in `diags`). */
export function resolveTemplate(
  root: PMap,
  name: string,
  file: string,
  diags: Diagnostics,
): ResolvedTemplate | undefined {
  const r = new Reader(diags);
  r.checkKeys(root, TOP_KEYS, 'key', MOVED_KEYS);
  const description = get(root, 'description');
  if (description) r.string(description, 'description');

  // Body size first: the grid and `em` lengths depend on it.
  const stylesNode = r.field(root, 'styles', '', true);
  const stylesMap = stylesNode ? r.map(stylesNode, 'styles') : undefined;
  const raw = stylesMap ? collectRawStyles(stylesMap, r) : undefined;
  const bodyRaw = raw?.get('body');
  const bodySizePt = bodyRaw ? rawSizePt(bodyRaw, r) : undefined;
  const bodyNode = stylesMap ? get(stylesMap, 'body') : undefined;
  if (stylesMap && !bodyNode) r.error(stylesMap.pos, 'missing "body" in styles');

  const page = readPage(root, r);
  if (page && bodySizePt !== undefined && bodySizePt > 0) checkRoomForText(root, page, bodySizePt, r);
  const gridNode = get(root, 'grid');
  const noGrid = gridNode === undefined || (gridNode.kind === 'scalar' && gridNode.value === null);
  const grid = noGrid ? null : page && bodySizePt !== undefined ? readGrid(gridNode, page, bodySizePt, r) : undefined;

  // Styles are checked even when the body size or the grid is wrong, so that
  // their own problems are reported too; the stand-ins below never reach a result.
  const styles: Partial<Record<StyleName, Style>> = {};
  if (raw && stylesMap) {
    const gridForStyles = grid !== undefined ? grid : STAND_IN_GRID;
    for (const sn of STYLE_NAMES) {
      const rawStyle = raw.get(sn)!;
      const rootNode = get(stylesMap, rawStyle.root) ?? stylesMap;
      const s = resolveStyle(sn, rawStyle, { grid: gridForStyles, bodySizePt: bodySizePt ?? NaN }, r, rootNode);
      if (s) styles[sn] = s;
    }
  }
  const allStyles = STYLE_NAMES.every((sn) => styles[sn] !== undefined)
    ? (styles as Record<StyleName, Style>)
    : undefined;

  const fonts = readFonts(root, r);
  const contents = readContents(root, r, styles.contentsEntry?.sizePt);
  const pageNumber = readPageNumber(root, r, styles.pageNumber?.sizePt);
  const header = readHeader(root, r, styles.header?.sizePt);
  const table = readTable(root, r, styles.tableText?.sizePt);
  const footnotes = readFootnotes(root, r, styles.footnote?.sizePt);

  const kinsoku = optional(root, 'kinsoku', (n) => r.oneOf(n, 'kinsoku', KINSOKU), 'gb' as Kinsoku);
  const maxGapStretchEm = required(root, 'maxGapStretch', r, (n) => readGapStretch(n, r, bodySizePt));
  const pieceNewPage = required(root, 'pieceNewPage', r, (n) => r.bool(n, 'pieceNewPage'));
  const partTitlePage = optional(root, 'partTitlePage', (n) => r.bool(n, 'partTitlePage'), false);
  const thematicBreak = optional(
    root,
    'thematicBreak',
    (n) => r.oneOf(n, 'thematicBreak', ['space', 'page'] as const),
    'space' as const,
  );
  const list = readList(root, r);

  if (diags.hasErrors()) return undefined;
  if (
    !page ||
    grid === undefined ||
    !allStyles ||
    !fonts ||
    !contents ||
    !pageNumber ||
    header === undefined ||
    kinsoku === undefined ||
    maxGapStretchEm === undefined ||
    pieceNewPage === undefined ||
    partTitlePage === undefined ||
    thematicBreak === undefined ||
    !list ||
    !table ||
    !footnotes
  ) {
    return undefined;
  }
  return {
    name,
    file,
    page,
    grid,
    fonts: fonts.roles,
    fallback: fonts.fallback,
    styles: allStyles,
    kinsoku,
    maxGapStretchEm,
    contents,
    pageNumber,
    header,
    pieceNewPage,
    partTitlePage,
    thematicBreak,
    list,
    table,
    footnotes,
  };
}

function required<T>(map: PMap, key: string, r: Reader, read: (n: PNode) => T | undefined): T | undefined {
  const n = r.field(map, key, '', true);
  return n ? read(n) : undefined;
}

function optional<T>(map: PMap, key: string, read: (n: PNode) => T | undefined, dflt: T): T | undefined {
  const n = get(map, key);
  return n === undefined || (n.kind === 'scalar' && n.value === null) ? dflt : read(n);
}

/**
 * `maxGapStretch`: the most justification may widen one gap, in em of the text set
 * (a length in pt or mm counts in ems of the body size); greater than zero.
 */
function readGapStretch(node: PNode, r: Reader, bodySizePt: number | undefined): number | undefined {
  if (bodySizePt === undefined || !(bodySizePt > 0)) return undefined;
  const pt = r.length(node, 'maxGapStretch', { emPt: bodySizePt });
  if (pt === undefined) return undefined;
  if (pt <= 0) {
    r.error(node.pos, `maxGapStretch must be greater than zero, got ${describeNode(node)}`);
    return undefined;
  }
  return pt / bodySizePt;
}

// ------------------------------------------------------------------ page

function readPage(root: PMap, r: Reader): PageGeometry | undefined {
  const node = r.field(root, 'page', '', true);
  const map = node && r.map(node, 'page');
  if (!map) return undefined;
  r.checkKeys(map, PAGE_KEYS);

  const sizeNode = r.field(map, 'size', 'page', true);
  const size = sizeNode ? readPaperSize(sizeNode, r) : undefined;

  const marginsNode = r.field(map, 'margins', 'page', true);
  const margins = marginsNode ? readMargins(marginsNode, r) : undefined;
  if (!size || !margins || !marginsNode) return undefined;

  const geometry: PageGeometry = {
    widthPt: size[0],
    heightPt: size[1],
    marginTopPt: margins.top,
    marginBottomPt: margins.bottom,
    marginLeftPt: margins.left,
    marginRightPt: margins.right,
  };
  const w = typeAreaWidthPt(geometry);
  const h = typeAreaHeightPt(geometry);
  let ok = true;
  if (w <= 0) {
    r.error(
      marginsNode.pos,
      `type area is ${formatPt(w)} wide: the left and right margins leave no room on the ${formatPt(size[0])} wide page`,
    );
    ok = false;
  }
  if (h <= 0) {
    r.error(
      marginsNode.pos,
      `type area is ${formatPt(h)} high: the top and bottom margins leave no room on the ${formatPt(size[1])} high page`,
    );
    ok = false;
  }
  return ok ? geometry : undefined;
}

/**
 * A type area must hold at least one line of two body characters (robustness: a
 * 1 mm column made layout overflow every line, with a warning per character).
 */
function checkRoomForText(root: PMap, page: PageGeometry, bodySizePt: number, r: Reader): void {
  const pos = get(root, 'page')?.pos ?? root.pos;
  const w = typeAreaWidthPt(page);
  const h = typeAreaHeightPt(page);
  if (w > 0 && w < 2 * bodySizePt) {
    r.error(
      pos,
      `type area is ${formatPt(w)} wide: it cannot hold two characters of the ${formatPt(bodySizePt)} body size`,
    );
  }
  if (h > 0 && h < bodySizePt) {
    r.error(pos, `type area is ${formatPt(h)} high: it cannot hold one line of the ${formatPt(bodySizePt)} body size`);
  }
}

export function typeAreaWidthPt(p: PageGeometry): number {
  return p.widthPt - p.marginLeftPt - p.marginRightPt;
}

export function typeAreaHeightPt(p: PageGeometry): number {
  return p.heightPt - p.marginTopPt - p.marginBottomPt;
}

function readPaperSize(node: PNode, r: Reader): [number, number] | undefined {
  const names = Object.keys(PAPER_SIZES_MM);
  if (node.kind === 'scalar' && typeof node.value === 'string' && Object.hasOwn(PAPER_SIZES_MM, node.value)) {
    const [w, h] = PAPER_SIZES_MM[node.value];
    return [mmToPt(w), mmToPt(h)];
  }
  if (node.kind === 'seq' && node.items.length === 2) {
    const w = r.length(node.items[0], 'page.size width', {});
    const h = r.length(node.items[1], 'page.size height', {});
    if (w === undefined || h === undefined) return undefined;
    let ok = true;
    for (const [v, item, what] of [
      [w, node.items[0], 'width'],
      [h, node.items[1], 'height'],
    ] as const) {
      if (v <= 0) {
        r.error(item.pos, `page.size ${what} must be greater than zero, got ${describeNode(item)}`);
        ok = false;
      }
    }
    return ok ? [w, h] : undefined;
  }
  return r.typeError(node, 'page.size', `a paper name (${names.join(', ')}) or [width, height]`);
}

function readMargins(node: PNode, r: Reader): Record<(typeof MARGIN_KEYS)[number], number> | undefined {
  // `margins: 25mm` sets all four.
  if (node.kind === 'scalar') {
    const v = r.length(node, 'page.margins', {});
    if (v === undefined) return undefined;
    if (v < 0) {
      r.error(node.pos, `page.margins must not be negative, got ${describeNode(node)}`);
      return undefined;
    }
    return { top: v, bottom: v, left: v, right: v };
  }
  const map = r.map(node, 'page.margins');
  if (!map) return undefined;
  r.checkKeys(map, MARGIN_KEYS);
  const out: Partial<Record<(typeof MARGIN_KEYS)[number], number>> = {};
  let ok = true;
  for (const side of MARGIN_KEYS) {
    const path = `page.margins.${side}`;
    const n = r.field(map, side, 'page.margins', true);
    const v = n ? r.length(n, path, {}) : undefined;
    if (n && v !== undefined && v < 0) {
      r.error(n.pos, `${path} must not be negative, got ${describeNode(n)}`);
      ok = false;
    }
    if (v === undefined) ok = false;
    else out[side] = v;
  }
  return ok ? (out as Record<(typeof MARGIN_KEYS)[number], number>) : undefined;
}

// ------------------------------------------------------------------ grid

/** null = no grid; undefined = invalid (errors reported). */
function readGrid(node: PNode | undefined, page: PageGeometry, bodySizePt: number, r: Reader): Grid | null | undefined {
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return null;
  const map = r.map(node, 'grid');
  if (!map) return undefined;
  r.checkKeys(map, GRID_KEYS);
  const linesNode = r.field(map, 'lines', 'grid', true);
  const charsNode = r.field(map, 'chars', 'grid', true);
  const lines = linesNode && r.int(linesNode, 'grid.lines', 1, Infinity);
  const chars = charsNode && r.int(charsNode, 'grid.chars', 1, Infinity);
  if (!lines || !chars || !linesNode || !charsNode) return undefined;
  return computeGrid(page, bodySizePt, lines, chars, r, linesNode, charsNode);
}

function computeGrid(
  page: PageGeometry,
  bodySizePt: number,
  lines: number,
  chars: number,
  r: Reader,
  linesNode: PNode,
  charsNode: PNode,
): Grid | undefined {
  const linePitchPt = floorToTwipPt(typeAreaHeightPt(page) / lines);
  const rawCharPitchPt = floorToStepPt(typeAreaWidthPt(page) / chars, 0.05);
  let ok = true;
  if (linePitchPt < bodySizePt) {
    r.error(
      linesNode.pos,
      `grid.lines: ${lines} lines give a ${formatPt(linePitchPt)} line pitch, less than the ${formatPt(bodySizePt)} body size: a line cannot hold one character`,
    );
    ok = false;
  }
  if (rawCharPitchPt < bodySizePt / 2) {
    r.error(
      charsNode.pos,
      `grid.chars: ${chars} characters give a ${formatPt(rawCharPitchPt)} character pitch, less than half the ${formatPt(bodySizePt)} body size: a character cannot fit`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  return { lines, chars, linePitchPt, charPitchPt: Math.min(bodySizePt, rawCharPitchPt) };
}

// ------------------------------------------------------------------ fonts

function readFonts(
  root: PMap,
  r: Reader,
): { roles: Record<FontRole, FontCandidate[]>; fallback: FontCandidate[] } | undefined {
  const node = r.field(root, 'fonts', '', true);
  const map = node && r.map(node, 'fonts');
  if (!map) return undefined;
  r.checkKeys(map, FONT_KEYS, 'font role');
  const roles: Partial<Record<FontRole, FontCandidate[]>> = {};
  let ok = true;
  for (const role of FONT_ROLES) {
    const n = r.field(map, role, 'fonts', true);
    const list = n ? readFontList(n, `fonts.${role}`, r) : undefined;
    if (list) roles[role] = list;
    else ok = false;
  }
  const fbNode = get(map, 'fallback');
  const fallback = fbNode ? readFontList(fbNode, 'fonts.fallback', r) : [];
  if (!ok || !fallback) return undefined;
  return { roles: roles as Record<FontRole, FontCandidate[]>, fallback };
}

function readFontList(node: PNode, path: string, r: Reader): FontCandidate[] | undefined {
  const items = node.kind === 'seq' ? node.items : [node];
  if (items.length === 0) return r.typeError(node, path, 'a list of at least one font family');
  const out: FontCandidate[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const c = readFontCandidate(item, `${path}[${i}]`, r);
    if (c) out.push(c);
    else ok = false;
  });
  return ok ? out : undefined;
}

function readFontCandidate(node: PNode, path: string, r: Reader): FontCandidate | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.trim() !== '') {
    return { family: node.value.trim(), weight: 400 };
  }
  if (node.kind === 'map') {
    r.checkKeys(node, FONT_ENTRY_KEYS);
    const famNode = r.field(node, 'family', path, true);
    const family = famNode && r.string(famNode, `${path}.family`);
    const wNode = get(node, 'weight');
    const weight = wNode ? r.int(wNode, `${path}.weight`, 100, 900) : 400;
    if (family === undefined || weight === undefined) return undefined;
    return { family, weight };
  }
  return r.typeError(node, path, 'a family name or { family, weight }');
}

// ------------------------------------------------------------------ contents, page numbers, header

function readContents(root: PMap, r: Reader, entrySizePt: number | undefined): ContentsSpec | undefined {
  const node = r.field(root, 'contents', '', true);
  const map = node && r.map(node, 'contents');
  if (!map) return undefined;
  r.checkKeys(map, CONTENTS_KEYS);
  const p = (key: string) => joinPath('contents', key);
  const req = <T>(key: string, read: (n: PNode) => T | undefined): T | undefined => {
    const n = r.field(map, key, 'contents', true);
    return n ? read(n) : undefined;
  };
  const title = req('title', (n) => r.string(n, p('title')));
  const entry = req('entry', (n) => r.pattern(n, p('entry'), ENTRY_PLACEHOLDERS));
  const entryTitle = req('entryTitle', (n) => r.pattern(n, p('entryTitle'), ENTRY_PLACEHOLDERS));
  const subtitleLine = optional(map, 'subtitleLine', (n) => r.pattern(n, p('subtitleLine'), ENTRY_PLACEHOLDERS), '');
  const countSuffix = req('countSuffix', (n) => r.pattern(n, p('countSuffix'), COUNT_PLACEHOLDERS));
  const leader = req('leader', (n) => {
    const s = r.string(n, p('leader'));
    return s === '' ? r.typeError(n, p('leader'), 'one or more characters') : s;
  });
  const numberGapPt = req('numberGap', (n) =>
    entrySizePt === undefined
      ? undefined
      : nonNegative(n, p('numberGap'), r.length(n, p('numberGap'), { emPt: entrySizePt }), r),
  );
  const headingLevels = optional(map, 'headingLevels', (n) => r.int(n, p('headingLevels'), 0, 4), 0);
  const newPageAfter = optional(map, 'newPageAfter', (n) => r.bool(n, p('newPageAfter')), true);
  if (
    title === undefined ||
    entry === undefined ||
    entryTitle === undefined ||
    subtitleLine === undefined ||
    countSuffix === undefined ||
    leader === undefined ||
    numberGapPt === undefined ||
    headingLevels === undefined ||
    newPageAfter === undefined
  ) {
    return undefined;
  }
  return { title, entry, entryTitle, subtitleLine, countSuffix, leader, numberGapPt, headingLevels, newPageAfter };
}

function nonNegative(node: PNode, path: string, v: number | undefined, r: Reader): number | undefined {
  if (v !== undefined && v < 0) {
    r.error(node.pos, `${path} must not be negative, got ${describeNode(node)}`);
    return undefined;
  }
  return v;
}

function readPageNumber(root: PMap, r: Reader, sizePt: number | undefined): PageNumberSpec | undefined {
  const node = r.field(root, 'pageNumber', '', true);
  const map = node && r.map(node, 'pageNumber');
  if (!map) return undefined;
  r.checkKeys(map, PAGE_NUMBER_KEYS);
  const p = (key: string) => joinPath('pageNumber', key);
  const fNode = r.field(map, 'format', 'pageNumber', true);
  let format = fNode && r.pattern(fNode, p('format'), PAGE_NUMBER_PLACEHOLDERS);
  if (fNode && format !== undefined && !format.includes('{n}')) {
    r.error(fNode.pos, `${p('format')} must contain {n}, got "${format}"`);
    format = undefined;
  }
  const posNode = get(map, 'position');
  const position = posNode ? r.oneOf(posNode, p('position'), POSITIONS) : 'center';
  const emCtx = sizePt === undefined ? {} : { emPt: sizePt };
  const bNode = r.field(map, 'below', 'pageNumber', true);
  const belowTypeAreaPt = bNode && nonNegative(bNode, p('below'), r.length(bNode, p('below'), emCtx), r);
  const iNode = get(map, 'inset');
  const insetPt = iNode ? nonNegative(iNode, p('inset'), r.length(iNode, p('inset'), emCtx), r) : 0;
  if (format === undefined || position === undefined || belowTypeAreaPt === undefined || insetPt === undefined) {
    return undefined;
  }
  return { format, position, belowTypeAreaPt, insetPt };
}

/**
 * A required non-negative length of `map` (`em` = `sizePt`); not read while that
 * size is unknown (its style's errors are reported already).
 */
function lengthField(
  map: PMap,
  key: string,
  parent: string,
  r: Reader,
  sizePt: number | undefined,
): number | undefined {
  const node = r.field(map, key, parent, true);
  const path = joinPath(parent, key);
  return node && sizePt !== undefined ? nonNegative(node, path, r.length(node, path, { emPt: sizePt }), r) : undefined;
}

/** `table`: cell padding, space around, rules, short cells; `em` = the tableText size. */
function readTable(root: PMap, r: Reader, sizePt: number | undefined): TableSpec | undefined {
  const node = r.field(root, 'table', '', true);
  const map = node && r.map(node, 'table');
  if (!map) return undefined;
  r.checkKeys(map, TABLE_KEYS);
  const cellPaddingXPt = lengthField(map, 'cellPadding', 'table', r, sizePt);
  const cellPaddingYPt = lengthField(map, 'cellPaddingY', 'table', r, sizePt);
  const spacePt = lengthField(map, 'space', 'table', r, sizePt);
  const rulePt = lengthField(map, 'rule', 'table', r, sizePt);
  const shortCellPt = lengthField(map, 'shortCell', 'table', r, sizePt);
  if (
    cellPaddingXPt === undefined ||
    cellPaddingYPt === undefined ||
    spacePt === undefined ||
    rulePt === undefined ||
    shortCellPt === undefined
  )
    return undefined;
  return { cellPaddingXPt, cellPaddingYPt, spacePt, rulePt, shortCellPt };
}

/** `footnotes`: the separator rule's length (a percentage of the type area's width, or a length) and width. */
function readFootnotes(root: PMap, r: Reader, sizePt: number | undefined): FootnoteSpec | undefined {
  const node = r.field(root, 'footnotes', '', true);
  const map = node && r.map(node, 'footnotes');
  if (!map) return undefined;
  r.checkKeys(map, FOOTNOTES_KEYS);
  const lNode = r.field(map, 'ruleLength', 'footnotes', true);
  let ruleLength: FootnoteSpec['ruleLength'] | undefined;
  if (lNode) {
    const percent =
      lNode.kind === 'scalar' && typeof lNode.value === 'string' ? /^(\d+(?:\.\d+)?)\s*%$/.exec(lNode.value) : null;
    if (percent) {
      const fraction = Number(percent[1]) / 100;
      if (fraction > 1) r.error(lNode.pos, `footnotes.ruleLength must be at most 100%, got ${describeNode(lNode)}`);
      else ruleLength = { fraction };
    } else if (sizePt !== undefined) {
      const pt = nonNegative(
        lNode,
        'footnotes.ruleLength',
        r.length(lNode, 'footnotes.ruleLength', { emPt: sizePt }),
        r,
      );
      if (pt !== undefined) ruleLength = { pt };
    }
  }
  const rulePt = lengthField(map, 'rule', 'footnotes', r, sizePt);
  if (ruleLength === undefined || rulePt === undefined) return undefined;
  return { ruleLength, rulePt };
}

/** null = no header (absent or `header: null`); undefined = invalid. */
function readHeader(root: PMap, r: Reader, sizePt: number | undefined): HeaderSpec | null | undefined {
  const node = get(root, 'header');
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return null;
  const map = r.map(node, 'header');
  if (!map) return undefined;
  r.checkKeys(map, HEADER_KEYS);
  const p = (key: string) => joinPath('header', key);
  const tNode = r.field(map, 'text', 'header', true);
  const text = tNode && r.pattern(tNode, p('text'), HEADER_PLACEHOLDERS);
  const placement = optional(
    map,
    'placement',
    (n) => r.oneOf(n, p('placement'), ['header', 'footer'] as const),
    'header' as const,
  );
  const gNode = r.field(map, 'gap', 'header', true);
  const gapPt =
    gNode && nonNegative(gNode, p('gap'), r.length(gNode, p('gap'), sizePt === undefined ? {} : { emPt: sizePt }), r);
  const rule = optional(map, 'rule', (n) => r.bool(n, p('rule')), false);
  if (text === undefined || placement === undefined || gapPt === undefined || rule === undefined) return undefined;
  return { text, placement, gapPt, rule };
}

/** `list`: ordered-list patterns and bullets by depth, each a non-empty list of non-empty text. */
function readList(root: PMap, r: Reader): ListSpec | undefined {
  const node = r.field(root, 'list', '', true);
  const map = node && r.map(node, 'list');
  if (!map) return undefined;
  r.checkKeys(map, LIST_KEYS);
  const nNode = r.field(map, 'numbering', 'list', true);
  const numbering =
    nNode && readMarkers(nNode, 'list.numbering', r, (item, path) => r.pattern(item, path, LIST_PLACEHOLDERS));
  const bNode = r.field(map, 'bullets', 'list', true);
  const bullets = bNode && readMarkers(bNode, 'list.bullets', r, (item, path) => r.string(item, path));
  if (!numbering || !bullets) return undefined;
  return { numbering, bullets };
}

function readMarkers(
  node: PNode,
  path: string,
  r: Reader,
  read: (item: PNode, path: string) => string | undefined,
): string[] | undefined {
  if (node.kind !== 'seq' || node.items.length === 0)
    return r.typeError(node, path, 'a list of markers, one per depth');
  const out: string[] = [];
  let ok = true;
  node.items.forEach((item, i) => {
    const s = read(item, `${path}[${i}]`);
    if (s === '') r.error(item.pos, `${path}[${i}] must not be empty`);
    if (s === undefined || s === '') ok = false;
    else out.push(s);
  });
  return ok ? out : undefined;
}
