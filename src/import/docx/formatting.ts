/**
 * Effective formatting of Word paragraphs and runs, resolved from the package the way
 * Word applies it (ECMA-376 Part 1 §17.7.2, style hierarchy): document defaults (with
 * the theme's fonts, §20.1.4.1) → the paragraph style and its `basedOn` chain → the
 * character style and its chain → direct formatting. Each property (each font slot
 * too) is overridden separately, so a run that sets only `w:eastAsia="黑体"` keeps the
 * size its style gives it. mammoth reads only a run's direct `w:ascii` font, bold and
 * size, which is why this is done here.
 */
import type { WordPackage } from './package.js';
import { A_NS, childElements, descendantsNs, wAttr, wChild, wChildren, wOnOff, wVal, type XmlEl } from './xml.js';

/** Run properties after resolution; null = not set at any level. */
export interface RunFormat {
  /** Font of East Asian (Han) text: `w:eastAsia` or the theme font `w:eastAsiaTheme` names. */
  readonly eastAsiaFont: string | null;
  /** Font of Latin text: `w:ascii` / `w:asciiTheme`. */
  readonly asciiFont: string | null;
  readonly bold: boolean;
  readonly italic: boolean;
  /** `w:sz`, half-points. */
  readonly sizeHalfPt: number | null;
}

export type Alignment = 'center' | 'left' | 'right' | 'both' | 'distribute' | null;

export interface ParagraphFormat {
  readonly styleId: string | null;
  readonly styleName: string | null;
  readonly alignment: Alignment;
  /** `w:numPr` from the paragraph or its style chain; ilvl defaults to 0. */
  readonly numbering: { readonly numId: string; readonly ilvl: number } | null;
  /** `w:outlineLvl` (0 = level 1), from the paragraph or its style chain. */
  readonly outlineLevel: number | null;
  /** Run properties the paragraph's style chain gives its runs (defaults included). */
  readonly runBase: RunFormat;
}

interface Style {
  readonly id: string;
  readonly type: string;
  readonly name: string | null;
  readonly basedOn: string | null;
  readonly pPr: XmlEl | null;
  readonly rPr: XmlEl | null;
  readonly isDefault: boolean;
}

interface MutableRun {
  eastAsiaFont: string | null;
  asciiFont: string | null;
  bold: boolean;
  italic: boolean;
  sizeHalfPt: number | null;
}

/** Theme font slots (`minorEastAsia`, `majorHAnsi`, …) → typeface. */
type ThemeFonts = ReadonlyMap<string, string>;

function readTheme(pkg: WordPackage, script: string): ThemeFonts {
  const out = new Map<string, string>();
  const part = pkg.partOf('theme');
  if (!pkg.has(part)) return out;
  const doc = pkg.xml(part);
  for (const [which, prefix] of [
    ['majorFont', 'major'],
    ['minorFont', 'minor'],
  ] as const) {
    const font = descendantsNs(doc, A_NS, which)[0];
    if (!font) continue;
    const kids = childElements(font);
    const latin = kids.find((k) => k.localName === 'latin')?.getAttribute('typeface') ?? '';
    const ea = kids.find((k) => k.localName === 'ea')?.getAttribute('typeface') ?? '';
    const scripted =
      kids.find((k) => k.localName === 'font' && k.getAttribute('script') === script)?.getAttribute('typeface') ?? '';
    const eastAsia = ea !== '' ? ea : scripted;
    if (latin) {
      out.set(`${prefix}Ascii`, latin);
      out.set(`${prefix}HAnsi`, latin);
    }
    if (eastAsia) out.set(`${prefix}EastAsia`, eastAsia);
  }
  return out;
}

/** Theme script for East Asian fonts from settings.xml `w:themeFontLang/@w:eastAsia` (zh-CN → Hans). */
function themeScript(pkg: WordPackage): string {
  const part = pkg.partOf('settings');
  const lang = pkg.has(part) ? wAttr(wChild(pkg.xml(part).documentElement, 'themeFontLang'), 'eastAsia') : null;
  if (lang === null) return 'Hans';
  if (/^zh-(?:TW|HK|MO)/i.test(lang)) return 'Hant';
  if (/^ja/i.test(lang)) return 'Jpan';
  if (/^ko/i.test(lang)) return 'Hang';
  return 'Hans';
}

export class FormatResolver {
  private readonly styles = new Map<string, Style>();
  private readonly theme: ThemeFonts;
  private readonly defaults: MutableRun;
  private readonly defaultAlignment: Alignment;
  private readonly defaultParagraphStyle: string | null;
  private readonly paragraphMemo = new Map<string, ParagraphFormat>();

  constructor(pkg: WordPackage) {
    this.theme = readTheme(pkg, themeScript(pkg));
    this.defaults = { eastAsiaFont: null, asciiFont: null, bold: false, italic: false, sizeHalfPt: null };
    let defaultAlignment: Alignment = null;
    let defaultParagraphStyle: string | null = null;
    const part = pkg.partOf('styles');
    if (pkg.has(part)) {
      const root = pkg.xml(part).documentElement!;
      const docDefaults = wChild(root, 'docDefaults');
      this.applyRun(this.defaults, wChild(wChild(docDefaults, 'rPrDefault'), 'rPr'));
      defaultAlignment = alignmentOf(wVal(wChild(wChild(docDefaults, 'pPrDefault'), 'pPr'), 'jc'));
      for (const s of wChildren(root, 'style')) {
        const id = wAttr(s, 'styleId');
        if (id === null) continue;
        const style: Style = {
          id,
          type: wAttr(s, 'type') ?? 'paragraph',
          name: wVal(s, 'name'),
          basedOn: wVal(s, 'basedOn'),
          pPr: wChild(s, 'pPr'),
          rPr: wChild(s, 'rPr'),
          isDefault: ['1', 'true', 'on'].includes(wAttr(s, 'default') ?? ''),
        };
        this.styles.set(id, style);
        if (style.type === 'paragraph' && style.isDefault) defaultParagraphStyle = id;
      }
    }
    this.defaultAlignment = defaultAlignment;
    this.defaultParagraphStyle = defaultParagraphStyle;
  }

  /** `numId` a numbering style (`w:type="numbering"`) applies, or null. */
  numberingStyleNumId(id: string): string | null {
    return wVal(wChild(this.styles.get(id)?.pPr ?? null, 'numPr'), 'numId');
  }

  /** Style name of a style id (as the package names it: “heading 1”, “标题 1”, “Title”). */
  styleName(id: string | null): string | null {
    return id === null ? null : (this.styles.get(id)?.name ?? null);
  }

  /** The style and its `basedOn` ancestors, base first (cycles cut). */
  private chain(id: string | null, type: string): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    for (
      let s = id === null ? undefined : this.styles.get(id);
      s && !seen.has(s.id) && s.type === type;
      s = s.basedOn ? this.styles.get(s.basedOn) : undefined
    ) {
      seen.add(s.id);
      out.unshift(s);
    }
    return out;
  }

  /** Apply the run properties of one level (`w:rPr`) over `into`. */
  private applyRun(into: MutableRun, rPr: XmlEl | null): void {
    if (!rPr) return;
    const fonts = wChild(rPr, 'rFonts');
    if (fonts) {
      const slot = (explicit: string, themed: string): string | null => {
        const theme = wAttr(fonts, themed);
        if (theme !== null && this.theme.has(theme)) return this.theme.get(theme)!;
        return wAttr(fonts, explicit);
      };
      const ea = slot('eastAsia', 'eastAsiaTheme');
      if (ea !== null) into.eastAsiaFont = ea;
      const ascii = slot('ascii', 'asciiTheme');
      if (ascii !== null) into.asciiFont = ascii;
    }
    const b = wOnOff(rPr, 'b');
    if (b !== null) into.bold = b;
    const i = wOnOff(rPr, 'i');
    if (i !== null) into.italic = i;
    const sz = Number(wVal(rPr, 'sz'));
    if (wVal(rPr, 'sz') !== null && Number.isFinite(sz) && sz > 0) into.sizeHalfPt = sz;
  }

  /** Effective paragraph formatting of `w:p`'s `w:pPr` (memoised per style id + direct properties). */
  paragraph(pPr: XmlEl | null): ParagraphFormat {
    const styleId = wVal(pPr, 'pStyle') ?? this.defaultParagraphStyle;
    const direct = { jc: wVal(pPr, 'jc'), numPr: wChild(pPr, 'numPr'), outline: wVal(pPr, 'outlineLvl') };
    const key = `${styleId ?? ''}\u0000${direct.jc ?? ''}\u0000${direct.outline ?? ''}`;
    let base = this.paragraphMemo.get(key);
    if (!base) {
      const run: MutableRun = { ...this.defaults };
      let alignment = this.defaultAlignment;
      let numbering: ParagraphFormat['numbering'] = null;
      let outlineLevel: number | null = null;
      for (const s of this.chain(styleId, 'paragraph')) {
        alignment = alignmentOf(wVal(s.pPr, 'jc')) ?? alignment;
        numbering = numberingOf(wChild(s.pPr, 'numPr'), numbering);
        const o = wVal(s.pPr, 'outlineLvl');
        if (o !== null) outlineLevel = Number(o);
        this.applyRun(run, s.rPr);
      }
      if (direct.jc !== null) alignment = alignmentOf(direct.jc) ?? alignment;
      if (direct.outline !== null) outlineLevel = Number(direct.outline);
      base = { styleId, styleName: this.styleName(styleId), alignment, numbering, outlineLevel, runBase: run };
      this.paragraphMemo.set(key, base);
    }
    // Direct numbering (numId 0 switches the style's numbering off).
    if (!direct.numPr) return base;
    return { ...base, numbering: numberingOf(direct.numPr, base.numbering) };
  }

  /** Effective formatting of a run (`w:rPr`) in a paragraph of format `para`. */
  run(para: ParagraphFormat, rPr: XmlEl | null): RunFormat {
    const out: MutableRun = { ...para.runBase };
    for (const s of this.chain(wVal(rPr, 'rStyle'), 'character')) this.applyRun(out, s.rPr);
    this.applyRun(out, rPr);
    return out;
  }

  /** Run properties of a numbering level's `w:rPr` over the paragraph's (the number's own formatting). */
  numberRun(para: ParagraphFormat, lvlRPr: XmlEl | null): RunFormat {
    const out: MutableRun = { ...para.runBase };
    this.applyRun(out, lvlRPr);
    return out;
  }
}

function alignmentOf(v: string | null): Alignment {
  switch (v) {
    case 'center':
      return 'center';
    case 'left':
    case 'start':
      return 'left';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'justify':
      return 'both';
    case 'distribute':
      return 'distribute';
    default:
      return null;
  }
}

function numberingOf(numPr: XmlEl | null, inherited: ParagraphFormat['numbering']): ParagraphFormat['numbering'] {
  if (!numPr) return inherited;
  const numId = wVal(numPr, 'numId') ?? inherited?.numId ?? null;
  const ilvl = Number(wVal(numPr, 'ilvl') ?? inherited?.ilvl ?? 0);
  if (numId === null || numId === '0') return null;
  return { numId, ilvl: Number.isFinite(ilvl) ? ilvl : 0 };
}
