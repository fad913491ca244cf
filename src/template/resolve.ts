/**
 * Template tree → `ResolvedTemplate` (templates/README.md “Keys”): reads every
 * key through the schema (schema.ts), converting every length to pt (through `units.ts`) and reporting
 * all problems at once. What cannot be a plain field lives here: styles, page
 * and grid are read together first (the grid and `em` lengths depend on the body
 * size and the page), and the type area is checked against the body size; the
 * geometry itself (type area, grid pitches) is in geometry.ts.
 */
import type { Diagnostics } from '../model/diagnostics.js';
import {
  STYLE_NAMES,
  type Grid,
  type PageGeometry,
  type ResolvedTemplate,
  type Style,
  type StyleName,
} from './types.js';
import { get, type PMap, type PNode } from './tree.js';
import { Reader } from './reader.js';
import { readSection } from './fields.js';
import { GRID_FIELDS, MOVED_KEYS, PAGE_FIELDS, TOP_FIELDS, type Base } from './schema.js';
import { collectRawStyles, rawSizePt, resolveStyle } from './styles.js';
import { gridPitches, typeArea } from './geometry.js';
import { formatPt } from './units.js';

/** Used only to keep checking styles when the real grid is invalid (errors already reported). */
const STAND_IN_GRID: Grid = { lines: 1, chars: 1, linePitchPt: 1, charPitchPt: 1 };

/** Resolves a merged template tree; undefined when anything is wrong (all errors in `diags`). */
export function resolveTemplate(
  root: PMap,
  name: string,
  file: string,
  diags: Diagnostics,
): ResolvedTemplate | undefined {
  const r = new Reader(diags);
  let base: Base | undefined;
  const v = readSection(root, '', TOP_FIELDS, r, { base: () => (base ??= readBase(root, r)) }, { moved: MOVED_KEYS });
  if (diags.hasErrors() || !v) return undefined;
  const { description: _d, extends: _e, fonts, ...rest } = v;
  const { fallback, ...roles } = fonts;
  return { name, file, ...rest, fonts: roles, fallback };
}

/** Styles, page and grid: the body size first, then the page, then the grid, then every style. */
function readBase(root: PMap, r: Reader): Base {
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
  return { page, grid, bodySizePt, styles, allStyles };
}

// ------------------------------------------------------------------ page

function readPage(root: PMap, r: Reader): PageGeometry | undefined {
  const node = r.field(root, 'page', '', true);
  const map = node && r.map(node, 'page');
  if (!map) return undefined;
  const v = readSection(map, 'page', PAGE_FIELDS, r, undefined);
  if (!v) return undefined;
  const marginsNode = get(map, 'margins')!;
  const geometry: PageGeometry = {
    widthPt: v.size[0],
    heightPt: v.size[1],
    marginTopPt: v.margins.top,
    marginBottomPt: v.margins.bottom,
    marginLeftPt: v.margins.left,
    marginRightPt: v.margins.right,
  };
  const { widthPt: w, heightPt: h } = typeArea(geometry);
  let ok = true;
  if (w <= 0) {
    r.error(
      marginsNode.pos,
      `type area is ${formatPt(w)} wide: the left and right margins leave no room on the ${formatPt(v.size[0])} wide page`,
    );
    ok = false;
  }
  if (h <= 0) {
    r.error(
      marginsNode.pos,
      `type area is ${formatPt(h)} high: the top and bottom margins leave no room on the ${formatPt(v.size[1])} high page`,
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
  const { widthPt: w, heightPt: h } = typeArea(page);
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

// ------------------------------------------------------------------ grid

/** undefined = invalid (errors reported). */
function readGrid(node: PNode, page: PageGeometry, bodySizePt: number, r: Reader): Grid | undefined {
  const map = r.map(node, 'grid');
  if (!map) return undefined;
  const v = readSection(map, 'grid', GRID_FIELDS, r, undefined);
  if (!v) return undefined;
  const { lines, chars } = v;
  const { linePitchPt, rawCharPitchPt } = gridPitches(page, lines, chars);
  let ok = true;
  if (linePitchPt < bodySizePt) {
    r.error(
      get(map, 'lines')!.pos,
      `grid.lines: ${lines} lines give a ${formatPt(linePitchPt)} line pitch, less than the ${formatPt(bodySizePt)} body size: a line cannot hold one character`,
    );
    ok = false;
  }
  if (rawCharPitchPt < bodySizePt / 2) {
    r.error(
      get(map, 'chars')!.pos,
      `grid.chars: ${chars} characters give a ${formatPt(rawCharPitchPt)} character pitch, less than half the ${formatPt(bodySizePt)} body size: a character cannot fit`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  return { lines, chars, linePitchPt, charPitchPt: Math.min(bodySizePt, rawCharPitchPt) };
}
