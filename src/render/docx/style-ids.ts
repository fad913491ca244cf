/**
 * The style-name contract (docs/docx-styles.md): template style → DOCX style id and name.
 *
 * Built-in ids (ECMA-376 Part 1 §17.7.4.17 w:style; Word's latent built-in names such as
 * "heading 1" and "toc 1" are locale-independent) are used wherever Word has one, so a
 * refreshed contents and the navigation pane work in any Word locale; huibian's own
 * elements get `Huibian…` ids.
 */
import type { StyleName } from '../../template/index.js';

export interface DocxStyleRef {
  readonly id: string;
  readonly name: string;
  readonly type: 'paragraph' | 'character';
}

function p(id: string, name: string): DocxStyleRef {
  return { id, name, type: 'paragraph' };
}
function c(id: string, name: string): DocxStyleRef {
  return { id, name, type: 'character' };
}

/** Every template style and the DOCX style it becomes. */
export const DOCX_STYLES: Readonly<Record<StyleName, DocxStyleRef>> = {
  compilationTitle: p('Title', 'Title'),
  contentsTitle: p('TOCHeading', 'TOC Heading'),
  contentsPart: p('TOC1', 'toc 1'),
  contentsEntry: p('TOC2', 'toc 2'),
  bannerHeadline: p('HuibianBannerHeadline', 'Huibian Banner Headline'),
  bannerName: p('HuibianBannerName', 'Huibian Banner Name'),
  bannerSource: p('HuibianBannerSource', 'Huibian Banner Source'),
  partTitle: p('HuibianPartTitle', 'Huibian Part Title'),
  pieceTitle: p('HuibianPieceTitle', 'Huibian Piece Title'),
  subtitle: p('Subtitle', 'Subtitle'),
  byline: p('HuibianByline', 'Huibian Byline'),
  body: p('BodyText', 'Body Text'),
  lead: c('HuibianLead', 'Huibian Lead'),
  emphasis: c('HuibianEmphasis', 'Huibian Emphasis'),
  heading1: p('Heading1', 'heading 1'),
  heading2: p('Heading2', 'heading 2'),
  heading3: p('Heading3', 'heading 3'),
  heading4: p('Heading4', 'heading 4'),
  listItem: p('ListParagraph', 'List Paragraph'),
  quote: p('Quote', 'Quote'),
  tableText: p('HuibianTableText', 'Huibian Table Text'),
  tableHeader: p('HuibianTableHeader', 'Huibian Table Header'),
  caption: p('Caption', 'caption'),
  code: p('HuibianCode', 'Huibian Code'),
  footnote: p('FootnoteText', 'footnote text'),
  footnoteRef: c('FootnoteReference', 'footnote reference'),
  pageNumber: p('Footer', 'footer'),
  header: p('Header', 'header'),
};

/**
 * The contents styles: `TOC1` holds the top level of the contents (parts when the
 * collection has parts, else the piece entries), `TOC2`/`TOC3` the levels below.
 * Which template style fills each is decided per document in styles.ts.
 */
export const TOC_STYLE_IDS = ['TOC1', 'TOC2', 'TOC3'] as const;

/** Character style of links (HYPERLINK fields). */
export const HYPERLINK_STYLE: DocxStyleRef = c('Hyperlink', 'Hyperlink');

/** The style every paragraph falls back to: Normal, set from the body style. */
export const NORMAL_STYLE: DocxStyleRef = p('Normal', 'Normal');
