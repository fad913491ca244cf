/**
 * Style resolution: `styles:` in a template → one `Style` per `StyleName`.
 *
 * Inheritance: a style takes every key it does not set from its `base:` (default
 * `body`; `body` itself has none), so a template only writes differences. Keys
 * are merged first and converted afterwards, so `firstIndent: 2em` inherited from
 * `body` is 2 em of the inheriting style's own size (em = the style's size).
 *
 * Grid templates (GB/T 9704-2012 §5.2.2, 22 lines × 28 characters): every line
 * pitch is a whole number of grid lines (a length is rounded up to the next one;
 * `line` defaults to one grid line), and styles set at the body size get the
 * grid's condensation (char pitch − size, −0.25 pt for 16 pt on 15.75 pt) unless
 * they set `letterSpacing` themselves.
 */
import { FONT_ROLES, STYLE_NAMES, type Align, type FontRole, type Grid, type Style, type StyleName } from './types.js';
import type { PEntry, PMap, PNode } from './tree.js';
import { joinPath, type Reader } from './reader.js';
import { unknownMessage } from './hint.js';
import type { LengthContext } from './units.js';

export const STYLE_KEYS = [
  'base',
  'font',
  'size',
  'line',
  'align',
  'bold',
  'italic',
  'firstIndent',
  'leftIndent',
  'rightIndent',
  'spaceBefore',
  'spaceAfter',
  'letterSpacing',
  'keepWithNext',
] as const;

export const ALIGNS: readonly Align[] = ['justify', 'left', 'center', 'right'];

/** A style key's value and the style that wrote it (for the message path). */
interface Found {
  readonly node: PNode;
  readonly path: string;
}

/** A style's merged, unconverted keys and the end of its `base:` chain (where required keys belong). */
export interface RawStyle {
  readonly keys: ReadonlyMap<string, Found>;
  readonly root: StyleName;
  /** Its `base:` chain loops (already reported): nothing more to say about it. */
  readonly cyclic: boolean;
}

/** Raw (merged, unconverted) keys of every style, following `base:` chains. */
export type RawStyles = ReadonlyMap<StyleName, RawStyle>;

/** Reads `styles:`, checks names and keys, and follows `base:` chains. */
export function collectRawStyles(stylesMap: PMap, r: Reader): RawStyles {
  r.checkKeys(stylesMap, STYLE_NAMES, 'style');
  const own = new Map<StyleName, PMap>();
  for (const [name, entry] of stylesMap.entries) {
    if (!(STYLE_NAMES as readonly string[]).includes(name)) continue;
    const m = r.map(entry.value, joinPath('styles', name));
    if (!m) continue;
    r.checkKeys(m, STYLE_KEYS);
    own.set(name as StyleName, m);
  }

  const baseOf = (name: StyleName): { base: StyleName | null; entry?: PEntry } => {
    const m = own.get(name);
    const entry = m?.entries.get('base');
    if (!entry) return { base: name === 'body' ? null : 'body' };
    const v = entry.value;
    if (v.kind === 'scalar' && v.value === null) return { base: null };
    if (v.kind === 'scalar' && typeof v.value === 'string' && (STYLE_NAMES as readonly string[]).includes(v.value)) {
      return { base: v.value as StyleName, entry };
    }
    const path = joinPath(joinPath('styles', name), 'base');
    if (v.kind === 'scalar' && typeof v.value === 'string')
      r.error(v.pos, `${path}: ${unknownMessage('style', v.value, STYLE_NAMES)}`);
    else r.typeError(v, path, 'a style name');
    return { base: name === 'body' ? null : 'body' };
  };

  const raw = new Map<StyleName, RawStyle>();
  const reportedCycles = new Set<string>();
  for (const name of STYLE_NAMES) {
    const merged = new Map<string, Found>();
    const seen: StyleName[] = [];
    let cyclic = false;
    let cur: StyleName | null = name;
    while (cur !== null) {
      if (seen.includes(cur)) {
        cyclic = true;
        const cycle = seen.slice(seen.indexOf(cur));
        const key = [...cycle].sort().join(' ');
        if (!reportedCycles.has(key)) {
          reportedCycles.add(key);
          const pos = baseOf(seen[seen.length - 1]).entry?.value.pos ?? stylesMap.pos;
          r.error(pos, `styles: "base" goes round in a circle (${[...cycle, cur].join(' → ')})`);
        }
        break;
      }
      seen.push(cur);
      const m = own.get(cur);
      if (m) {
        for (const [key, e] of m.entries) {
          if (key !== 'base' && !merged.has(key))
            merged.set(key, { node: e.value, path: joinPath(joinPath('styles', cur), key) });
        }
      }
      cur = baseOf(cur).base;
    }
    raw.set(name, { keys: merged, root: seen[seen.length - 1], cyclic });
  }
  return raw;
}

/** Font size of a raw style in pt (undefined when missing or invalid; errors reported). */
export function rawSizePt(raw: RawStyle, r: Reader): number | undefined {
  const f = raw.keys.get('size');
  if (!f) return undefined;
  const pt = r.length(f.node, f.path, { zihao: true });
  if (pt === undefined) return undefined;
  if (pt <= 0) {
    r.error(f.node.pos, `${f.path} must be greater than zero, got ${describeScalar(f.node)}`);
    return undefined;
  }
  return pt;
}

function describeScalar(node: PNode): string {
  return node.kind === 'scalar'
    ? typeof node.value === 'string'
      ? `"${node.value}"`
      : String(node.value)
    : 'a mapping';
}

/** What the styles need from the rest of the template. */
export interface StyleContext {
  readonly grid: Grid | null;
  readonly bodySizePt: number;
}

/**
 * Converts one style. A missing `font`, `size` or `line` belongs to the end of
 * the style's `base:` chain (normally `body`) and is reported there, at
 * `rootNode`; returns undefined when invalid.
 */
export function resolveStyle(
  name: StyleName,
  rawStyle: RawStyle,
  ctx: StyleContext,
  r: Reader,
  rootNode: PNode,
): Style | undefined {
  const raw = rawStyle.keys;
  if (rawStyle.cyclic) return undefined;
  let ok = true;
  const need = (key: string): Found | undefined => {
    const f = raw.get(key);
    if (!f) {
      r.error(rootNode.pos, `missing "${key}" in styles.${rawStyle.root}`);
      ok = false;
    }
    return f;
  };

  const fontF = need('font');
  const font = fontF ? r.oneOf<FontRole>(fontF.node, fontF.path, FONT_ROLES) : undefined;
  const sizeF = need('size');
  const sizePt = sizeF ? rawSizePt(rawStyle, r) : undefined;
  if (!ctx.grid) need('line');
  if (font === undefined || sizePt === undefined) return undefined;

  const lenCtx: LengthContext = { emPt: sizePt, gridPt: ctx.grid?.linePitchPt };
  const len = (key: string, dflt: number): number => {
    const f = raw.get(key);
    if (!f) return dflt;
    const v = r.length(f.node, f.path, lenCtx);
    if (v === undefined) ok = false;
    return v ?? dflt;
  };
  const flag = (key: string): boolean => {
    const f = raw.get(key);
    if (!f) return false;
    const v = r.bool(f.node, f.path);
    if (v === undefined) ok = false;
    return v ?? false;
  };

  let linePt: number;
  if (ctx.grid) {
    const pitch = ctx.grid.linePitchPt;
    const given = raw.has('line') ? len('line', pitch) : pitch;
    linePt = Math.max(1, Math.ceil(given / pitch - 1e-6)) * pitch;
    linePt = Number(linePt.toFixed(4));
  } else {
    const lineF = raw.get('line');
    linePt = lineF ? len('line', 0) : 0;
    if (lineF && linePt <= 0 && ok) {
      r.error(lineF.node.pos, `${lineF.path} must be greater than zero, got ${describeScalar(lineF.node)}`);
      ok = false;
    }
  }

  const alignF = raw.get('align');
  const align = alignF ? r.oneOf<Align>(alignF.node, alignF.path, ALIGNS) : 'justify';
  if (align === undefined) ok = false;

  const gridSpacing =
    ctx.grid && (name === 'body' || Math.abs(sizePt - ctx.bodySizePt) < 1e-9) ? ctx.grid.charPitchPt - sizePt : 0;
  const letterSpacingPt = len('letterSpacing', Number(gridSpacing.toFixed(4)));

  const style: Style = {
    font,
    sizePt,
    linePt,
    align: align ?? 'justify',
    bold: flag('bold'),
    italic: flag('italic'),
    firstIndentPt: len('firstIndent', 0),
    leftIndentPt: len('leftIndent', 0),
    rightIndentPt: len('rightIndent', 0),
    spaceBeforePt: len('spaceBefore', 0),
    spaceAfterPt: len('spaceAfter', 0),
    letterSpacingPt,
    keepWithNext: flag('keepWithNext'),
  };
  for (const key of ['spaceBefore', 'spaceAfter'] as const) {
    const v = key === 'spaceBefore' ? style.spaceBeforePt : style.spaceAfterPt;
    const f = raw.get(key);
    if (f && v < 0) {
      r.error(f.node.pos, `${f.path} must not be negative, got ${describeScalar(f.node)}`);
      ok = false;
    }
  }
  return ok ? style : undefined;
}
