/**
 * Word's automatic numbering (ECMA-376 Part 1 §17.9): numbering.xml's instances
 * (`w:num`, with level overrides) of abstract definitions (`w:abstractNum`, linked
 * through numbering styles), each level's format (`w:numFmt`), pattern (`w:lvlText`,
 * “%1、”, “（%1）”) and start; counted in document order, a level restarting when a
 * shallower level of the same list advances. mammoth gives no list-number text, so
 * the text a reader sees (一、 （一） 1.) is produced here.
 */
import type { WordPackage } from './package.js';
import { wAttr, wChild, wChildren, wVal, type XmlEl } from './xml.js';

export interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
  /** The level's run properties (the number's font). */
  readonly rPr: XmlEl | null;
  /** `w:suff`: what follows the number (tab, space, nothing). */
  readonly suffix: 'tab' | 'space' | 'nothing';
  /** `w:isLgl`: shallower levels shown as decimal. */
  readonly legal: boolean;
}

export interface NumberLabel {
  /** The number as the reader sees it (“一、”, “（二）”, “3.”, “●”). */
  readonly text: string;
  readonly format: string;
  readonly numId: string;
  readonly level: number;
}

const HAN_DIGITS = '〇一二三四五六七八九';
const COUNTING_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 1–9999 in Chinese counting (十一, 二十, 一百零五); 十 stands alone for 10–19 with the common digits. */
export function chineseNumber(n: number, digits = COUNTING_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += (d === 1 && unit === units[1] && out === '' && digits === COUNTING_DIGITS ? '' : digits[d]) + unit;
  });
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function letters(n: number): string {
  const ch = String.fromCharCode(96 + (((n - 1) % 26) + 1));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Number `n` in the format `w:numFmt` names (§17.18.59); unknown formats fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n)
        .split('')
        .map((d) => HAN_DIGITS[Number(d)])
        .join('');
    case 'chineseLegalSimplified':
      return chineseNumber(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10];
    case 'ideographZodiac':
      return BRANCHES[(n - 1) % 12];
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

function readLevel(lvl: XmlEl): Level {
  const suff = wVal(lvl, 'suff');
  return {
    format: wVal(lvl, 'numFmt') ?? 'decimal',
    text: wVal(lvl, 'lvlText') ?? '',
    start: Number(wVal(lvl, 'start') ?? 1) || 0,
    rPr: wChild(lvl, 'rPr'),
    suffix: suff === 'space' ? 'space' : suff === 'nothing' ? 'nothing' : 'tab',
    legal: wChild(lvl, 'isLgl') !== null,
  };
}

function levelsOf(el: XmlEl): Map<number, Level> {
  const out = new Map<number, Level>();
  for (const lvl of wChildren(el, 'lvl')) out.set(Number(wAttr(lvl, 'ilvl') ?? 0), readLevel(lvl));
  return out;
}

/** The numbering definitions of a package and the running counters of each list. */
export class Numbering {
  private readonly abstracts = new Map<
    string,
    { levels: Map<number, Level>; numStyleLink: string | null; styleLink: string | null }
  >();
  private readonly nums = new Map<
    string,
    { abstractId: string; levels: Map<number, Level>; starts: Map<number, number> }
  >();
  /** numId → counters per level (undefined = not started). */
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    pkg: WordPackage,
    private readonly styleNumId: (styleId: string) => string | null,
  ) {
    const part = pkg.partOf('numbering');
    if (!pkg.has(part)) return;
    const root = pkg.xml(part).documentElement!;
    for (const a of wChildren(root, 'abstractNum')) {
      const id = wAttr(a, 'abstractNumId');
      if (id !== null)
        this.abstracts.set(id, {
          levels: levelsOf(a),
          numStyleLink: wVal(a, 'numStyleLink'),
          styleLink: wVal(a, 'styleLink'),
        });
    }
    for (const n of wChildren(root, 'num')) {
      const id = wAttr(n, 'numId');
      const abstractId = wVal(n, 'abstractNumId');
      if (id === null || abstractId === null) continue;
      const levels = new Map<number, Level>();
      const starts = new Map<number, number>();
      for (const o of wChildren(n, 'lvlOverride')) {
        const ilvl = Number(wAttr(o, 'ilvl') ?? 0);
        const start = wVal(o, 'startOverride');
        if (start !== null) starts.set(ilvl, Number(start));
        const lvl = wChild(o, 'lvl');
        if (lvl) levels.set(ilvl, readLevel(lvl));
      }
      this.nums.set(id, { abstractId, levels, starts });
    }
  }

  /** The level definition of list `numId` at `ilvl`, following numbering-style links. */
  level(numId: string, ilvl: number, seen = new Set<string>()): Level | null {
    const num = this.nums.get(numId);
    if (!num || seen.has(numId)) return null;
    seen.add(numId);
    const own = num.levels.get(ilvl);
    if (own) return own;
    const abs = this.abstracts.get(num.abstractId);
    if (!abs) return null;
    if (abs.levels.size === 0 && abs.numStyleLink) {
      const linked = this.styleNumId(abs.numStyleLink);
      return linked ? this.level(linked, ilvl, seen) : null;
    }
    return abs.levels.get(ilvl) ?? null;
  }

  /** Advance list `numId` at `ilvl` and return the label the reader sees, or null when undefined. */
  next(numId: string, ilvl: number): NumberLabel | null {
    const level = this.level(numId, ilvl);
    if (!level) return null;
    const counts = this.counters.get(numId) ?? [];
    this.counters.set(numId, counts);
    const startOf = (k: number) => this.nums.get(numId)?.starts.get(k) ?? this.level(numId, k)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    for (let k = ilvl + 1; k < counts.length; k++) counts[k] = undefined;
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const n = counts[k] ?? startOf(k);
      const fmt = k === ilvl ? level.format : level.legal ? 'decimal' : (this.level(numId, k)?.format ?? 'decimal');
      return formatNumber(n, fmt);
    });
    return { text, format: level.format, numId, level: ilvl };
  }
}
