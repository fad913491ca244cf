/**
 * Section geometry, headers and footers (ECMA-376 Part 1 §17.6 sections):
 * page size and margins from the template (§17.6.13 w:pgSz, §17.6.11 w:pgMar), the body
 * numbered from 1 (§17.6.12 w:pgNumType w:start), footers with a PAGE field in the
 * template's format (`— {n} —`), odd pages right and even pages left for the `outside`
 * position of GB/T 9704-2012 §7.5 (w:evenAndOddHeaders in settings), the running header
 * of handouts, and the line pitch of the template's grid (§17.6.5 w:docGrid linePitch;
 * characters per line come from condensed run spacing, not docGrid charSpace).
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  SectionType,
  TextRun,
  type ISectionOptions,
} from 'docx';
import type { Collection, Piece } from '../../model/types.js';
import type { ResolvedTemplate } from '../../template/index.js';
import { DOCX_STYLES } from './style-ids.js';
import type { WriterState } from './state.js';
import { ptToTwip } from './units.js';
import { headerFields } from '../../model/placeholders.js';
import { fitHeaderText } from '../../layout/index.js';
import type { FontBook } from '../../fonts/index.js';

/**
 * Exact line of the page furniture (footer and header styles): at most 1.2 × the size. A
 * grid-snapped 28.95 pt footer line would reach above the bottom margin, and Word and
 * LibreOffice then shorten the body by a line (GB/T 9704's 22 lines would become 21).
 */
export function furnitureLinePt(sizePt: number, linePt: number): number {
  return Math.min(linePt, Math.ceil(sizePt * 1.2));
}

/** Descent (pt) of the face a furniture style is set in, for baseline placement. */
export interface FurnitureDescents {
  readonly pageNumberPt: number;
  readonly headerPt: number;
}

/**
 * w:pgSz / w:pgMar, with header and footer distances placing the texts' baselines where
 * the PDF puts them: Word and LibreOffice set text at the bottom of an exact line, so the
 * baseline sits one descent above the line's bottom. The footer's baseline is
 * `belowTypeAreaPt` under the type area (GB/T 9704-2012 §7.5: 7 mm), the header's `gapPt`
 * above it; neither box reaches into the type area.
 */
export function pageProperties(t: ResolvedTemplate, d: FurnitureDescents) {
  const hdr = t.styles.header;
  const footerPt = Math.max(0, t.page.marginBottomPt - t.pageNumber.belowTypeAreaPt - d.pageNumberPt);
  const headerLinePt = furnitureLinePt(hdr.sizePt, hdr.linePt);
  const headerPt =
    t.header && t.header.placement === 'header'
      ? Math.max(0, t.page.marginTopPt - t.header.gapPt + d.headerPt - headerLinePt)
      : Math.max(0, t.page.marginTopPt / 2);
  return {
    size: { width: ptToTwip(t.page.widthPt), height: ptToTwip(t.page.heightPt) },
    margin: {
      top: ptToTwip(t.page.marginTopPt),
      bottom: ptToTwip(t.page.marginBottomPt),
      left: ptToTwip(t.page.marginLeftPt),
      right: ptToTwip(t.page.marginRightPt),
      header: ptToTwip(headerPt),
      footer: ptToTwip(footerPt),
      gutter: 0,
    },
  };
}

function pageNumberRuns(t: ResolvedTemplate, st: WriterState): TextRun[] {
  const [before, after = ''] = t.pageNumber.format.split('{n}');
  st.use('pageNumber', before + after + '0123456789');
  return [new TextRun({ children: [before, PageNumber.CURRENT, after].filter((x) => x !== '') })];
}

/**
 * The running header's text, filled and shortened to the type area as the layout does it
 * (collection title, source, date of the piece; layout/header-text.ts).
 */
export function headerText(c: Collection, t: ResolvedTemplate, piece: Piece | null, fonts: FontBook): string {
  if (!t.header) return '';
  return fitHeaderText(fonts, t, headerFields(c, piece)).text;
}

function footerParagraph(t: ResolvedTemplate, st: WriterState, side: 'odd' | 'even'): Paragraph {
  const pos = t.pageNumber.position;
  const inset = ptToTwip(t.pageNumber.insetPt);
  const right = pos === 'right' || (pos === 'outside' && side === 'odd');
  const left = pos === 'left' || (pos === 'outside' && side === 'even');
  return new Paragraph({
    style: DOCX_STYLES.pageNumber.id,
    alignment: right ? AlignmentType.RIGHT : left ? AlignmentType.LEFT : AlignmentType.CENTER,
    indent: right ? { right: inset } : left ? { left: inset } : undefined,
    children: pageNumberRuns(t, st),
  });
}

export interface SectionParts {
  readonly headers?: ISectionOptions['headers'];
  readonly footers?: ISectionOptions['footers'];
}

/** Header and footers of a numbered section (the body, or a handout). */
export function numberedSectionParts(
  c: Collection,
  t: ResolvedTemplate,
  st: WriterState,
  piece: Piece | null,
): SectionParts {
  const text = headerText(c, t, piece, st.fonts);
  const ruleBorder = t.header?.rule ? { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } : undefined;
  const textPara = (placement: 'header' | 'footer') => {
    st.use('header', text);
    return new Paragraph({
      style: DOCX_STYLES.header.id,
      border: ruleBorder ? (placement === 'header' ? { bottom: ruleBorder } : { top: ruleBorder }) : undefined,
      children: [new TextRun(text)],
    });
  };
  const headers =
    text && t.header?.placement === 'header' ? { default: new Header({ children: [textPara('header')] }) } : undefined;
  const footerKids = (side: 'odd' | 'even') => [
    ...(text && t.header?.placement === 'footer' ? [textPara('footer')] : []),
    footerParagraph(t, st, side),
  ];
  const footers =
    t.pageNumber.position === 'outside'
      ? { default: new Footer({ children: footerKids('odd') }), even: new Footer({ children: footerKids('even') }) }
      : { default: new Footer({ children: footerKids('odd') }) };
  return {
    headers:
      headers && t.pageNumber.position === 'outside'
        ? { ...headers, even: new Header({ children: [textPara('header')] }) }
        : headers,
    footers,
  };
}

export function sectionProperties(
  t: ResolvedTemplate,
  numbered: boolean,
  newPage: boolean,
  descents: FurnitureDescents,
): ISectionOptions['properties'] {
  return {
    type: newPage ? SectionType.NEXT_PAGE : SectionType.CONTINUOUS,
    page: { ...pageProperties(t, descents), ...(numbered ? { pageNumbers: { start: 1 } } : {}) },
    ...(t.grid ? { grid: { linePitch: ptToTwip(t.grid.linePitchPt) } } : {}),
  };
}
