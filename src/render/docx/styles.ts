/**
 * Template styles → DOCX named styles (ECMA-376 Part 1 §17.7 styles), no direct formatting.
 *
 * Each style carries w:rFonts (eastAsia = ascii = hAnsi = the role's face, see fonts.ts),
 * w:lang eastAsia, size (half-points), condensed w:spacing (twips; −5 for the 28-character
 * grid), exact line spacing equal to the PDF's pitch (§17.3.1.33 lineRule="exact"),
 * first-line indent, alignment, keep-with-next and, for piece and part titles and
 * headings, w:outlineLvl (§17.3.1.20) so a refreshed TOC \o works in any Word locale.
 * Document defaults carry the clreq switches: w:kinsoku on, w:overflowPunct off (no
 * hanging punctuation, mainland practice), w:autoSpaceDE/w:autoSpaceDN on (Han–Latin spacing).
 */
import {
  ImportedXmlComponent,
  type IParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IStylesOptions,
} from 'docx';
import type { FontBook } from '../../fonts/index.js';
import { typeArea, type ResolvedTemplate, type Style, type StyleName, type Align } from '../../template/index.js';
import { ptToHalfPt, ptToTwip } from './units.js';
import { el, serialize } from '../package/index.js';
import { DOCX_STYLES, HYPERLINK_STYLE, NORMAL_STYLE } from './style-ids.js';
import { styleFontOf, type StyleFont } from './fonts.js';
import { furnitureLinePt } from './sections.js';

const ALIGN: Record<Align, 'both' | 'left' | 'center' | 'right'> = {
  justify: 'both',
  left: 'left',
  center: 'center',
  right: 'right',
};

export interface StyleSheetInput {
  readonly template: ResolvedTemplate;
  readonly fonts: FontBook;
  readonly lang: string;
  /** Collection has parts: parts are outline level 1, pieces level 2. */
  readonly hasParts: boolean;
}

/** The style sheet and the face each style is set in (for font usage and the font table). */
export interface StyleSheet {
  readonly options: IStylesOptions;
  readonly fontOf: (name: StyleName) => StyleFont;
  /** Outline level (0-based, as w:outlineLvl) of piece titles. */
  readonly pieceOutlineLevel: number;
  /** Families named anywhere in the style sheet, in first-use order. */
  readonly families: readonly string[];
}

function runProps(style: Style, sf: StyleFont, lang: string) {
  return {
    font: { eastAsia: sf.family, ascii: sf.family, hAnsi: sf.family, cs: sf.family },
    size: ptToHalfPt(style.sizePt),
    sizeComplexScript: ptToHalfPt(style.sizePt),
    bold: sf.bold,
    italic: style.italic,
    ...(style.letterSpacingPt !== 0 ? { characterSpacing: ptToTwip(style.letterSpacingPt) } : {}),
    language: { eastAsia: lang },
  };
}

function paraProps(style: Style, extra: { outlineLevel?: number; textWidthPt: number; tocLeader?: string }) {
  const indent: Record<string, number> = {};
  if (style.firstIndentPt > 0) indent.firstLine = ptToTwip(style.firstIndentPt);
  if (style.firstIndentPt < 0) indent.hanging = ptToTwip(-style.firstIndentPt);
  if (style.leftIndentPt) indent.left = ptToTwip(style.leftIndentPt);
  if (style.rightIndentPt) indent.right = ptToTwip(style.rightIndentPt);
  return {
    alignment: ALIGN[style.align],
    spacing: {
      line: ptToTwip(style.linePt),
      lineRule: 'exact' as const,
      before: ptToTwip(style.spaceBeforePt),
      after: ptToTwip(style.spaceAfterPt),
    },
    indent,
    keepNext: style.keepWithNext,
    widowControl: true,
    ...(extra.outlineLevel !== undefined ? { outlineLevel: extra.outlineLevel } : {}),
    ...(extra.tocLeader !== undefined
      ? {
          tabStops: [
            {
              type: 'right' as const,
              position: ptToTwip(extra.textWidthPt - style.rightIndentPt),
              leader: leaderOf(extra.tocLeader),
            },
          ],
        }
      : {}),
  };
}

/** Word's tab leaders (§17.18.83 ST_TabTlc) for the template's leader character. */
export function leaderOf(ch: string): 'dot' | 'middleDot' | 'hyphen' | 'underscore' {
  if (ch === '·' || ch === '・') return 'middleDot';
  if (ch === '-' || ch === '－') return 'hyphen';
  if (ch === '_') return 'underscore';
  return 'dot';
}

/** Document defaults with the clreq line-breaking switches, built as an ImportedXmlComponent. */
function docDefaults(body: Style, sf: StyleFont, lang: string): ImportedXmlComponent {
  const xml = el('w:docDefaults', {}, [
    el('w:rPrDefault', {}, [
      el('w:rPr', {}, [
        el('w:rFonts', { 'w:ascii': sf.family, 'w:eastAsia': sf.family, 'w:hAnsi': sf.family, 'w:cs': sf.family }),
        el('w:sz', { 'w:val': ptToHalfPt(body.sizePt) }),
        el('w:szCs', { 'w:val': ptToHalfPt(body.sizePt) }),
        el('w:lang', { 'w:eastAsia': lang }),
      ]),
    ]),
    el('w:pPrDefault', {}, [
      el('w:pPr', {}, [
        el('w:kinsoku'),
        el('w:overflowPunct', { 'w:val': '0' }),
        el('w:autoSpaceDE'),
        el('w:autoSpaceDN'),
        el('w:spacing', { 'w:line': ptToTwip(body.linePt), 'w:lineRule': 'exact' }),
      ]),
    ]),
  ]);
  return ImportedXmlComponent.fromXmlString(serialize(xml));
}

export function buildStyleSheet(input: StyleSheetInput): StyleSheet {
  const { template, fonts, lang, hasParts } = input;
  const textWidthPt = typeArea(template.page).widthPt;
  const fontCache = new Map<StyleName, StyleFont>();
  const families: string[] = [];
  const fontOf = (name: StyleName): StyleFont => {
    let sf = fontCache.get(name);
    if (!sf) {
      sf = styleFontOf(fonts, template.styles[name]);
      fontCache.set(name, sf);
    }
    if (!families.includes(sf.family)) families.push(sf.family);
    return sf;
  };
  const pieceOutlineLevel = hasParts ? 1 : 0;
  const outline: Partial<Record<StyleName, number>> = {
    partTitle: 0,
    pieceTitle: pieceOutlineLevel,
    heading1: pieceOutlineLevel + 1,
    heading2: pieceOutlineLevel + 2,
    heading3: pieceOutlineLevel + 3,
    heading4: pieceOutlineLevel + 4,
  };

  const paragraphStyles: IParagraphStyleOptions[] = [];
  const characterStyles: ICharacterStyleOptions[] = [];
  const bodyStyle = template.styles.body;

  paragraphStyles.push({
    id: NORMAL_STYLE.id,
    name: NORMAL_STYLE.name,
    quickFormat: true,
    run: runProps(bodyStyle, fontOf('body'), lang),
    paragraph: { ...paraProps({ ...bodyStyle, firstIndentPt: 0, keepWithNext: false }, { textWidthPt }) },
  });

  const tocSources: [string, string, StyleName][] = hasParts
    ? [
        ['TOC1', 'toc 1', 'contentsPart'],
        ['TOC2', 'toc 2', 'contentsEntry'],
        ['TOC3', 'toc 3', 'contentsEntry'],
      ]
    : [
        ['TOC1', 'toc 1', 'contentsEntry'],
        ['TOC2', 'toc 2', 'contentsEntry'],
      ];
  // Headings listed in the contents (contents.headingLevels) take the TOC levels below the pieces'.
  const deepest = Math.min(9, pieceOutlineLevel + 1 + Math.max(0, Math.min(4, template.contents.headingLevels)));
  for (let k = tocSources.length + 1; k <= deepest; k++) tocSources.push([`TOC${k}`, `toc ${k}`, 'contentsEntry']);

  for (const name of Object.keys(DOCX_STYLES) as StyleName[]) {
    const ref = DOCX_STYLES[name];
    if (name === 'contentsPart' || name === 'contentsEntry') continue; // TOC1–3 below
    const style = template.styles[name];
    const sf = fontOf(name);
    if (ref.type === 'character') {
      characterStyles.push({
        id: ref.id,
        name: ref.name,
        run: {
          ...runProps(style, sf, lang),
          ...(name === 'footnoteRef' ? { superScript: true } : {}),
        },
      });
    } else {
      // Footer and header lines stay short enough to keep out of the type area (sections.ts).
      const pStyle =
        name === 'pageNumber' || name === 'header'
          ? { ...style, linePt: furnitureLinePt(style.sizePt, style.linePt) }
          : style;
      paragraphStyles.push({
        id: ref.id,
        name: ref.name,
        basedOn: NORMAL_STYLE.id,
        quickFormat: true,
        run: runProps(style, sf, lang),
        paragraph: paraProps(pStyle, { outlineLevel: outline[name], textWidthPt }),
      });
    }
  }
  // No right indent for the number column: LibreOffice 7.4 drops a page number whose right
  // tab stands past the paragraph's right indent (measured), so entries wrap at the full width.
  for (const [id, label, src] of tocSources) {
    const style = template.styles[src];
    paragraphStyles.push({
      id,
      name: label,
      basedOn: NORMAL_STYLE.id,
      run: runProps(style, fontOf(src), lang),
      paragraph: paraProps(style, { textWidthPt, tocLeader: template.contents.leader }),
    });
  }
  characterStyles.push({ id: HYPERLINK_STYLE.id, name: HYPERLINK_STYLE.name, run: {} });

  return {
    options: {
      importedStyles: [docDefaults(bodyStyle, fontOf('body'), lang)],
      paragraphStyles,
      characterStyles,
    },
    fontOf,
    pieceOutlineLevel,
    families,
  };
}
