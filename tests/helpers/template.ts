/**
 * Hand-made resolved templates and styles for unit tests that need no YAML: the choices the
 * shipped templates make that a test rarely varies — contents patterns, list
 * numbering, table padding and rules as em of the table text, the footnote
 * separator, no header — around the page, styles and fonts each test folder
 * sets for itself (tests/layout, tests/render-docx, tests/fonts).
 */
import type { ContentsSpec, ResolvedTemplate, Style } from '../../src/template/types.js';

/** A style with nothing set but what the caller gives: body font, justified, no indents, spacing or emphasis. */
export function fixtureStyle(s: Partial<Style> & Pick<Style, 'sizePt' | 'linePt'>): Style {
  return {
    font: 'body',
    align: 'justify',
    bold: false,
    italic: false,
    firstIndentPt: 0,
    leftIndentPt: 0,
    rightIndentPt: 0,
    spaceBeforePt: 0,
    spaceAfterPt: 0,
    letterSpacingPt: 0,
    keepWithNext: false,
    ...s,
  };
}

export type TemplateParts = Pick<ResolvedTemplate, 'page' | 'styles' | 'pageNumber'> &
  Partial<Omit<ResolvedTemplate, 'contents'>> & { readonly contents?: Partial<ContentsSpec> };

/** A complete template from `parts`; table values are 0.5, 0.25, 0.5 and 4 em of `styles.tableText`, as the shipped templates say. */
export function fixtureTemplate(parts: TemplateParts): ResolvedTemplate {
  const em = parts.styles.tableText.sizePt;
  return {
    name: 'test',
    file: '/templates/test.yaml',
    grid: null,
    fonts: { title: [], body: [], hei: [], kai: [], song: [] },
    fallback: [],
    kinsoku: 'gb',
    maxGapStretchEm: 0.5,
    header: null,
    pieceNewPage: true,
    partTitlePage: false,
    thematicBreak: 'space',
    list: { numbering: ['{n}．', '（{n}）'], bullets: ['●', '○'] },
    table: { cellPaddingXPt: 0.5 * em, cellPaddingYPt: 0.25 * em, spacePt: 0.5 * em, rulePt: 0.5, shortCellPt: 4 * em },
    footnotes: { ruleLength: { fraction: 0.25 }, rulePt: 0.5 },
    ...parts,
    contents: {
      title: '目录',
      entry: '{n}．{byline}：',
      entryTitle: '{title}',
      subtitleLine: '——{subtitle}',
      countSuffix: '（{count}篇）',
      leader: '…',
      numberGapPt: 12,
      headingLevels: 0,
      newPageAfter: true,
      ...parts.contents,
    },
  };
}
