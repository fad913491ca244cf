/**
 * Layout: document model + resolved template + FontBook → page tree
 * (docs/design.md “The layout phase”: collect → measure → break → paginate → finalize). Pure: no files
 * are written and nothing is drawn; the PDF renderer paints the tree.
 */
import { setParagraph } from './break/index.js';
import { layoutWith, type LayoutInput, type LayoutResult } from './document.js';

export type { LayoutInput, LayoutResult, LayoutTarget } from './document.js';
export { MAX_PASSES } from './document.js';
export { findUrls, isUrl, markUrlBreaks, urlBreakOffsets, type UrlSpan } from './break/url-breaks.js';
export type * from './pagetree.js';
export { FactIndex, NO_FACTS, type LayoutFacts } from './facts.js';
// The layout's rules the DOCX writer applies too (it sets the same words, markers and
// header lines in Word): reached here, not in the layout's internals.
export { itemIndent, lineStartCutPt, type ItemIndent } from './list-indent.js';
export { measureLabelPt } from './measure.js';
export { contentsKey } from './compose.js';
export { fitHeaderText } from './header-text.js';

export function layoutDocument(input: LayoutInput): LayoutResult {
  return layoutWith(input, setParagraph);
}
