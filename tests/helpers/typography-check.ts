/**
 * The typography checker: reads a finished PDF glyph by glyph (MuPDF structured text,
 * tests/helpers/stext.ts) and, where only ink can tell, as rendered strips
 * (tests/helpers/strip.ts), and reports every place that breaks a rule of
 * docs/typography.md, by class:
 *
 * - `overflow`: a glyph's ink past the measure (the type area's left or right edge);
 * - `line-start` / `line-end`: a line that begins with a mark that may not start one, or
 *   ends with one that may not end one (the class table; a solidus may end a line inside a
 *   URL or an e-mail address);
 * - `symbol-gap`: space beside a half-width symbol, a connector, a two-em unit or a
 *   footnote mark wider than 0.05 em beyond the line's own stretch between Han characters;
 * - `interpunct-width`: an interpunct between Han characters taking more than one cell;
 * - `unit-split`: —— or …… broken across two lines;
 * - `dash-hole`: —— not one unbroken rule (blank columns in its ink at the rule's height);
 * - `ellipsis-pitch` / `leader-pitch`: the dots of …… or of a contents leader not at one pitch;
 * - `title-split`: a title broken inside a word (jieba's words, HMM on).
 *
 * The glyph rules are pure functions of parsed pages (unit-tested on made-up lines); the
 * ink rules render a strip per dash, ellipsis and leader.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { makeLine, readStext, type Glyph, type StextPage, type TextLine } from './stext.js';
import { dotCentres, inkColumns, largestHolePx, renderStrip } from './strip.js';

export const CLASSES = [
  'overflow',
  'line-start',
  'line-end',
  'symbol-gap',
  'interpunct-width',
  'unit-split',
  'dash-hole',
  'ellipsis-pitch',
  'leader-pitch',
  'title-split',
] as const;
export type ViolationClass = (typeof CLASSES)[number];

export interface Violation {
  readonly cls: ViolationClass;
  readonly page: number;
  /** The line (or title) where it happens, with `|` at the spot where that helps. */
  readonly text: string;
  readonly detail: string;
}

export interface CheckOptions {
  /** The type area's left and right edges (pt from the page's left edge). */
  readonly measure: { readonly leftPt: number; readonly rightPt: number };
  /** Titles to find on the pages (collection, pieces, subtitles, banner): breaks only between words. */
  readonly titles?: readonly string[];
  /** Resolution of the rendered strips (default 600). */
  readonly dpi?: number;
}

/** Worst values found, for comparing outputs (bench/typography-vs-typst.mjs). */
export interface CheckStats {
  /** Largest space beside a symbol beyond the line's stretch, in em. */
  maxSymbolGapEm: number;
  /** Largest hole in a ——, in pixels at `dpi`. */
  maxDashHolePx: number;
  /** Largest spread of dot pitch in a leader or ……, as a fraction of its median pitch. */
  maxDotPitchSpread: number;
  dashesSeen: number;
  ellipsesSeen: number;
  leadersSeen: number;
  titlesSeen: number;
  dpi: number;
}

export interface CheckResult {
  readonly violations: Violation[];
  readonly stats: CheckStats;
}

// ------------------------------------------------------------------ character classes

const STOPS = '、。，．：；！？';
const CLOSING = '”’）》〉」』】〗〕］｝';
const OPENING = '“‘（《〈「『【〖〔［｛';
const LATIN_CLOSERS = ',.;:!?)]}%‰℃°';
const LATIN_OPENERS = '([{￥$£';
const CONNECTORS = '-–～·/／・';
const SOLIDUS = '/／';
/** Marks whose glyph sits in the left half of the em (the right half is adjustable). */
const LEFT_HALF = new Set([...STOPS, ...CLOSING]);
const RIGHT_HALF = new Set([...OPENING]);
const NO_START = new Set([...STOPS, ...CLOSING, ...LATIN_CLOSERS, ...CONNECTORS]);
const NO_END = new Set([...OPENING, ...LATIN_OPENERS, ...SOLIDUS]);
/** Half-width punctuation and symbols: no space beside them between Han characters. */
const HALF_SYMBOLS = new Set([...',.;:!?()[]{}/\\+×÷=%‰°℃·&*#~<>@_-–|']);
/** Full-width marks that stand in a one-em cell (a narrower glyph is centred in it). */
const CELL_MARKS = new Set([...'—～…⋯／・']);
const DASH = '—';
const DOTS = new Set([...'…⋯']);
const LEADER_GLYPHS = new Set([...'…⋯·.‧・']);
const INTERPUNCTS = new Set([...'·・•‧']);

const isHan = (c: string) => /\p{Script=Han}/u.test(c);
const isLatin = (c: string) => /[\p{L}\p{N}]/u.test(c) && !isHan(c);
const isDigit = (c: string) => /\d/.test(c);
const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/gu, '');

/** A page-number line (“— 3 —”, “3”): not body text. */
const isPageNumber = (l: TextLine) => /^[—\-–]?\d+[—\-–]?$/.test(l.text);

// ------------------------------------------------------------------ geometry helpers

/** The glyph's box widened to its one-em cell when it is a full-width mark set narrower. */
function cell(g: Glyph): { x0: number; x1: number } {
  const w = g.x1 - g.x0;
  if (!CELL_MARKS.has(g.c) || w >= g.sizePt) return g;
  const pad = (g.sizePt - w) / 2;
  return { x0: g.x0 - pad, x1: g.x1 + pad };
}

/** The stretch the line gives every gap between two Han characters (median, ≥ 0). */
function hanStretch(l: TextLine): number {
  const gaps: number[] = [];
  for (let i = 1; i < l.glyphs.length; i++) {
    const a = l.glyphs[i - 1];
    const b = l.glyphs[i];
    if (isHan(a.c) && isHan(b.c) && a.sizePt === b.sizePt) gaps.push(b.x0 - a.x1);
  }
  if (!gaps.length) return 0;
  gaps.sort((x, y) => x - y);
  return Math.max(0, gaps[Math.floor(gaps.length / 2)]);
}

/** A footnote mark: a small raised digit (or *) in a line of larger text. */
function isNoteMark(g: Glyph, l: TextLine): boolean {
  return /[\d*†]/.test(g.c) && g.sizePt < 0.85 * l.sizePt && g.baseline < l.baseline - 0.15 * l.sizePt;
}

/** Units of a line: a run of dashes, of ellipsis dots or of footnote-mark digits is one unit. */
interface Unit {
  readonly kind: 'two-em' | 'leader' | 'note' | 'symbol' | 'other';
  readonly from: number;
  readonly to: number; // exclusive
  readonly x0: number;
  readonly x1: number;
}

function units(l: TextLine): Unit[] {
  const out: Unit[] = [];
  const g = l.glyphs;
  for (let i = 0; i < g.length;) {
    let j = i + 1;
    let kind: Unit['kind'] = 'other';
    const rowEnd = (k: number) => {
      while (k < g.length && g[k].c === g[i].c) k++;
      return k;
    };
    const row = LEADER_GLYPHS.has(g[i].c) && !DOTS.has(g[i].c) ? rowEnd(i) : i;
    if (row - i >= 3 || (row - i >= 2 && row < g.length && g.slice(row).every((x) => isDigit(x.c)))) {
      // A row of three or more dots (., ·), or of two running into the page number, is a contents leader.
      j = row;
      kind = 'leader';
    } else if (g[i].c === DASH || DOTS.has(g[i].c) || g[i].c === '⸺') {
      while (j < g.length && g[j].c === g[i].c) j++;
      const toNumber = g.slice(j).every((x) => isDigit(x.c));
      // A run of dots longer than …… or ending at the page number is a contents leader.
      if (DOTS.has(g[i].c) && (j - i > 2 || (j < g.length && toNumber))) kind = 'leader';
      else kind = j - i >= 2 || g[i].c === '⸺' ? 'two-em' : 'symbol';
    } else if (isNoteMark(g[i], l)) {
      while (j < g.length && isNoteMark(g[j], l)) j++;
      kind = 'note';
    } else if (HALF_SYMBOLS.has(g[i].c) || CELL_MARKS.has(g[i].c)) kind = 'symbol';
    const cells = g.slice(i, j).map(cell);
    out.push({
      kind,
      from: i,
      to: j,
      x0: Math.min(...cells.map((c) => c.x0)),
      x1: Math.max(...cells.map((c) => c.x1)),
    });
    i = j;
  }
  return out;
}

// ------------------------------------------------------------------ glyph rules

/** Glyphs whose ink lies past the measure (a full-width mark's blank half does not count). */
export function overflowRule(pages: readonly StextPage[], measure: CheckOptions['measure']): Violation[] {
  const out: Violation[] = [];
  for (const p of pages) {
    for (const l of p.lines) {
      let worst = 0;
      let at = '';
      for (const g of l.glyphs) {
        const right = g.x1 - (LEFT_HALF.has(g.c) ? g.sizePt / 2 : 0) - measure.rightPt;
        const left = measure.leftPt - (g.x0 + (RIGHT_HALF.has(g.c) ? g.sizePt / 2 : 0));
        const over = Math.max(right, left);
        if (over > worst) {
          worst = over;
          at = g.c;
        }
      }
      if (worst > 0.5)
        out.push({
          cls: 'overflow',
          page: p.n,
          text: l.text,
          detail: `“${at}” ${worst.toFixed(1)} pt past the measure`,
        });
    }
  }
  return out;
}

/** The line below `l` on its page that continues it (nearest baseline below, overlapping horizontally). */
function nextLine(p: StextPage, l: TextLine): TextLine | null {
  let best: TextLine | null = null;
  for (const m of p.lines) {
    if (m === l || m.baseline <= l.baseline + 0.5 * l.sizePt || m.baseline > l.baseline + 3 * l.sizePt) continue;
    if (m.x1 < l.x0 || m.x0 > l.x1 || isPageNumber(m)) continue;
    if (!best || m.baseline < best.baseline || (m.baseline === best.baseline && m.x0 < best.x0)) best = m;
  }
  return best;
}

const URLISH = /:\/\/|www\.|@|[a-z0-9-]+\.[a-z]{2,}(\/|$)/i;
const URL_PATH = /^[\w.~%-]+(\/[\w.~%-]+)*\/$/;

/** The Latin token ending `l` joined to the one starting `next`: does it read as a URL or e-mail? */
function endsInUrl(l: TextLine, next: TextLine | null): boolean {
  const tail = /[\x21-\x7e]+$/.exec(l.text)?.[0] ?? '';
  const head = next ? (/^[\x21-\x7e]+/.exec(next.text)?.[0] ?? '') : '';
  // A URL's path continued from the line before ends a line at its solidus: `tjxx/2025/`.
  return tail !== '' && (URLISH.test(tail + head) || URL_PATH.test(tail));
}

/** Lines that begin with a mark that may not start one or end with one that may not end one. */
export function kinsokuRule(pages: readonly StextPage[]): Violation[] {
  const out: Violation[] = [];
  for (const p of pages) {
    for (const l of p.lines) {
      if (l.glyphs.length < 2 || isPageNumber(l)) continue;
      const first = l.glyphs[0].c;
      const second = l.glyphs[1].c;
      const lastG = l.glyphs[l.glyphs.length - 1];
      const last = lastG.c;
      // A lone — (not the first half of ——) is a connector: 1—9月, 江州北—成都东.
      if (NO_START.has(first) || (first === DASH && second !== DASH)) {
        out.push({ cls: 'line-start', page: p.n, text: l.text, detail: `line starts with “${first}”` });
      }
      if (NO_END.has(last) && !isNoteMark(lastG, l) && !(SOLIDUS.includes(last) && endsInUrl(l, nextLine(p, l)))) {
        out.push({ cls: 'line-end', page: p.n, text: l.text, detail: `line ends with “${last}”` });
      }
    }
  }
  return out;
}

/** —— or …… whose halves stand on two lines. */
export function unitSplitRule(pages: readonly StextPage[]): Violation[] {
  const out: Violation[] = [];
  for (const p of pages) {
    for (const l of p.lines) {
      const last = l.glyphs[l.glyphs.length - 1].c;
      if (last !== DASH && !DOTS.has(last)) continue;
      const next = nextLine(p, l);
      if (next && next.glyphs[0].c === last) {
        out.push({
          cls: 'unit-split',
          page: p.n,
          text: `${l.text} | ${next.text}`,
          detail: `${last}${last} split across lines`,
        });
      }
    }
  }
  return out;
}

export interface GapMeasure {
  readonly violations: Violation[];
  readonly maxGapEm: number;
}

/**
 * Space beside symbols, connectors, two-em units and footnote marks, beyond the stretch the
 * line gives between Han characters. A side next to a Latin letter or digit where the
 * symbol is Latin punctuation facing a word space (`Siemens, Bosch`) is not measured.
 */
export function symbolGapRule(pages: readonly StextPage[], limitEm = 0.05): GapMeasure {
  const out: Violation[] = [];
  let maxGapEm = 0;
  for (const p of pages) {
    for (const l of p.lines) {
      if (isPageNumber(l)) continue;
      const us = units(l);
      const stretch = hanStretch(l);
      const em = l.sizePt;
      let worst = 0;
      let where = '';
      for (let k = 0; k < us.length; k++) {
        const u = us[k];
        if (u.kind === 'other' || u.kind === 'leader') continue;
        const own = l.glyphs
          .slice(u.from, u.to)
          .map((g) => g.c)
          .join('');
        // An interpunct between Han characters is centred in up to one cell: interpunctRule measures it.
        if (INTERPUNCTS.has(own) && isHan(l.glyphs[u.from - 1]?.c ?? '') && isHan(l.glyphs[u.to]?.c ?? '')) continue;
        const sides: [Unit | undefined, 'left' | 'right'][] = [
          [us[k - 1], 'left'],
          [us[k + 1], 'right'],
        ];
        for (const [n, side] of sides) {
          if (!n) continue;
          const nc = side === 'left' ? l.glyphs[n.to - 1].c : l.glyphs[n.from].c;
          if (isLatin(nc) && side === 'right' && ',;:!?)]}'.includes(own)) continue;
          if (isLatin(nc) && side === 'left' && '([{'.includes(own)) continue;
          const gap = side === 'left' ? u.x0 - n.x1 : n.x0 - u.x1;
          const excess = (gap - stretch) / em;
          if (excess > worst) {
            worst = excess;
            where = side === 'left' ? `${nc}|${own}` : `${own}|${nc}`;
          }
        }
      }
      maxGapEm = Math.max(maxGapEm, worst);
      if (worst > limitEm)
        out.push({ cls: 'symbol-gap', page: p.n, text: l.text, detail: `${worst.toFixed(2)} em at “${where}”` });
    }
  }
  return { violations: out, maxGapEm };
}

/** An interpunct between two Han characters may take one cell (1 em) at most. */
export function interpunctRule(pages: readonly StextPage[]): Violation[] {
  const out: Violation[] = [];
  for (const p of pages) {
    for (const l of p.lines) {
      const stretch = hanStretch(l);
      for (let i = 1; i + 1 < l.glyphs.length; i++) {
        const [a, b, c] = [l.glyphs[i - 1], l.glyphs[i], l.glyphs[i + 1]];
        if (!INTERPUNCTS.has(b.c) || !isHan(a.c) || !isHan(c.c)) continue;
        const taken = (c.x0 - a.x1 - 2 * stretch) / l.sizePt;
        if (taken > 1.05)
          out.push({
            cls: 'interpunct-width',
            page: p.n,
            text: l.text,
            detail: `${a.c}${b.c}${c.c} takes ${taken.toFixed(2)} em`,
          });
      }
    }
  }
  return out;
}

let jieba: Jieba | null = null;

/** Positions (in the title without white space) where jieba puts a word boundary, plus the author's spaces. */
export function wordBoundaries(title: string): Set<number> {
  jieba ??= Jieba.withDict(dict);
  const bounds = new Set<number>();
  let at = 0;
  for (const w of jieba.cut(title, true)) {
    at += squash(w).length;
    bounds.add(at);
  }
  bounds.add(0);
  return bounds;
}

/** Titles broken inside a word: found on the page as consecutive lines, each line break checked against jieba's words. */
export function titleRule(
  pages: readonly StextPage[],
  titles: readonly string[],
): { violations: Violation[]; seen: number } {
  const out: Violation[] = [];
  let seen = 0;
  const wanted = [...new Set(titles.map((t) => t.replace(/^[—\s]+/u, '')).filter((t) => squash(t).length > 1))];
  for (const p of pages) {
    const lines = [...p.lines].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
    let text = '';
    const ends: number[] = [];
    for (const l of lines) {
      text += squash(l.text);
      ends.push(text.length);
    }
    for (const t of wanted) {
      const s = [...squash(t)].join('');
      const bounds = wordBoundaries(t);
      for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
        seen++;
        for (const e of ends) {
          const k = e - at;
          if (k <= 0 || k >= s.length || bounds.has(k)) continue;
          out.push({
            cls: 'title-split',
            page: p.n,
            text: `${s.slice(0, k)}|${s.slice(k)}`,
            detail: 'title broken inside a word',
          });
        }
      }
    }
  }
  return { violations: out, seen };
}

// ------------------------------------------------------------------ ink rules

/**
 * Lines as MuPDF gives them, with a row of leader dots MuPDF cut off at a wide gap joined
 * back to its line (same baseline, the join at a leader glyph).
 */
export function joinLeaderPieces(p: StextPage): TextLine[] {
  const sorted = [...p.lines].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const out: TextLine[] = [];
  for (const l of sorted) {
    const prev = out[out.length - 1];
    const joinable =
      prev &&
      Math.abs(prev.baseline - l.baseline) < 0.1 * l.sizePt &&
      l.x0 - prev.x1 < 3 * l.sizePt &&
      (LEADER_GLYPHS.has(prev.glyphs[prev.glyphs.length - 1].c) || LEADER_GLYPHS.has(l.glyphs[0].c));
    if (joinable) out[out.length - 1] = makeLine(p.n, [...prev.glyphs, ...l.glyphs]);
    else out.push(l);
  }
  return out;
}

/** A contents line's leader: the stretch between the text and the page number at its end. */
function leaderBox(l: TextLine): { x0: number; x1: number; top: number; bottom: number } | null {
  const g = l.glyphs;
  let n = g.length;
  while (n > 0 && isDigit(g[n - 1].c)) n--;
  if (n === g.length || n === 0) return null;
  let k = n;
  while (k > 0 && LEADER_GLYPHS.has(g[k - 1].c)) k--;
  // Two leader glyphs, or one ellipsis glyph (a short leader), before the number.
  const hasDots = n - k >= 2 || (n - k === 1 && DOTS.has(g[k].c));
  const gap = g[n].x0 - g[n - 1].x1;
  if (!hasDots && gap < 1.5 * l.sizePt) return null;
  const x0 = k > 0 ? g[k - 1].x1 + 0.5 : g[0].x0;
  const dots = g.slice(k, n + 1);
  return {
    x0,
    x1: g[n].x0 - 0.5,
    top: Math.min(...dots.map((d) => d.top)),
    bottom: Math.max(...dots.map((d) => d.bottom)),
  };
}

/** Spread of the pitch between dot centres, as a fraction of the median pitch. */
export function pitchSpread(centres: readonly number[]): number {
  if (centres.length < 3) return 0;
  const pitches = centres.slice(1).map((c, i) => c - centres[i]);
  const sorted = [...pitches].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return median > 0 ? (sorted[sorted.length - 1] - sorted[0]) / median : 0;
}

/** Dots at one pitch: the spread within 2 px or 15 % of the pitch, whichever is more. */
export function unevenDots(centres: readonly number[]): boolean {
  if (centres.length < 3) return false;
  const pitches = centres.slice(1).map((c, i) => c - centres[i]);
  const spreadPx = Math.max(...pitches) - Math.min(...pitches);
  const median = [...pitches].sort((a, b) => a - b)[Math.floor(pitches.length / 2)];
  return spreadPx > Math.max(2, 0.15 * median);
}

interface InkResult {
  violations: Violation[];
  maxDashHolePx: number;
  maxDotPitchSpread: number;
  dashesSeen: number;
  ellipsesSeen: number;
  leadersSeen: number;
}

function inkRules(pdf: string, pages: readonly StextPage[], dpi: number): InkResult {
  const r: InkResult = {
    violations: [],
    maxDashHolePx: 0,
    maxDotPitchSpread: 0,
    dashesSeen: 0,
    ellipsesSeen: 0,
    leadersSeen: 0,
  };
  const px = dpi / 72;
  /** Dots in `cols` at one pitch, or a violation of `cls`. */
  const dots = (cls: ViolationClass, l: TextLine, what: string, cols: boolean[]) => {
    const centres = dotCentres(cols);
    const spread = pitchSpread(centres);
    r.maxDotPitchSpread = Math.max(r.maxDotPitchSpread, spread);
    if (unevenDots(centres)) {
      r.violations.push({
        cls,
        page: l.page,
        text: l.text,
        detail: `${what}dot pitch spread ${(spread * 100).toFixed(0)} %`,
      });
    }
  };
  for (const p of pages) {
    for (const l of joinLeaderPieces(p)) {
      const leader = leaderBox(l);
      if (leader) {
        r.leadersSeen++;
        dots('leader-pitch', l, '', inkColumns(renderStrip(pdf, p.n, leader, dpi)));
      }
      for (const u of units(l)) {
        if (u.kind !== 'two-em') continue;
        const gs = l.glyphs.slice(u.from, u.to);
        if (leader && gs[0].x0 >= leader.x0 - 1) continue;
        const box = {
          x0: gs[0].x0,
          x1: gs[gs.length - 1].x1,
          top: Math.min(...gs.map((g) => g.top)),
          bottom: Math.max(...gs.map((g) => g.bottom)),
        };
        const cols = inkColumns(renderStrip(pdf, p.n, box, dpi));
        const own = gs.map((g) => g.c).join('');
        if (gs[0].c === DASH || gs[0].c === '⸺') {
          r.dashesSeen++;
          const hole = largestHolePx(cols, 0.15 * l.sizePt * px);
          r.maxDashHolePx = Math.max(r.maxDashHolePx, hole);
          if (hole > 1)
            r.violations.push({
              cls: 'dash-hole',
              page: p.n,
              text: l.text,
              detail: `${own}: ${hole} px blank at ${dpi} dpi`,
            });
        } else {
          r.ellipsesSeen++;
          dots('ellipsis-pitch', l, `${own}: `, cols);
        }
      }
    }
  }
  return r;
}

// ------------------------------------------------------------------ the checker

/** Every rule over parsed pages and the PDF they came from. */
export function checkPages(pdf: string, pages: readonly StextPage[], opts: CheckOptions): CheckResult {
  const dpi = opts.dpi ?? 600;
  const gaps = symbolGapRule(pages);
  const titles = titleRule(pages, opts.titles ?? []);
  const ink = inkRules(pdf, pages, dpi);
  const violations = [
    ...overflowRule(pages, opts.measure),
    ...kinsokuRule(pages),
    ...gaps.violations,
    ...interpunctRule(pages),
    ...unitSplitRule(pages),
    ...ink.violations,
    ...titles.violations,
  ];
  return {
    violations,
    stats: {
      maxSymbolGapEm: gaps.maxGapEm,
      maxDashHolePx: ink.maxDashHolePx,
      maxDotPitchSpread: ink.maxDotPitchSpread,
      dashesSeen: ink.dashesSeen,
      ellipsesSeen: ink.ellipsesSeen,
      leadersSeen: ink.leadersSeen,
      titlesSeen: titles.seen,
      dpi,
    },
  };
}

/** Reads `pdf` and checks it. */
export function checkTypography(pdf: string, opts: CheckOptions): CheckResult {
  return checkPages(pdf, readStext(pdf), opts);
}

/** Violations counted per class (every class present, 0 when clean). */
export function countByClass(violations: readonly Violation[]): Record<ViolationClass, number> {
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<ViolationClass, number>;
  for (const v of violations) counts[v.cls]++;
  return counts;
}

/** One line per violation, for test failure messages and reports. */
export function formatViolations(violations: readonly Violation[], label = ''): string {
  return violations.map((v) => `${label}p${v.page} ${v.cls}: ${v.detail} — ${v.text}`).join('\n');
}
