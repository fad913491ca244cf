/** A hand-built ResolvedTemplate for layout tests: small page, 10 pt type, simple numbers. */
import type { ResolvedTemplate, Style, StyleName } from '../../../src/template/types.js';
import { STYLE_NAMES } from '../../../src/template/types.js';
import { fixtureStyle, fixtureTemplate } from '../../helpers/template.js';

export function style(over: Partial<Style> = {}): Style {
  return fixtureStyle({ sizePt: 10, linePt: 20, firstIndentPt: 20, ...over });
}

/** Type area 100 pt wide (10 Han characters of 10 pt) × `lines` lines of 20 pt. */
export function testTemplate(over: Partial<ResolvedTemplate> = {}, lines = 10): ResolvedTemplate {
  const styles = Object.fromEntries(STYLE_NAMES.map((n) => [n, style()])) as Record<StyleName, Style>;
  const centred = style({ align: 'center', firstIndentPt: 0, keepWithNext: true, font: 'title' });
  Object.assign(styles, {
    compilationTitle: centred,
    contentsTitle: centred,
    pieceTitle: centred,
    partTitle: centred,
    subtitle: centred,
    byline: centred,
    bannerHeadline: centred,
    bannerName: centred,
    bannerSource: centred,
    heading1: style({ font: 'hei', keepWithNext: true }),
    contentsEntry: style({ firstIndentPt: 0, align: 'left' }),
    contentsPart: style({ firstIndentPt: 0, font: 'hei' }),
    pageNumber: style({ firstIndentPt: 0, align: 'left', font: 'song' }),
    header: style({ firstIndentPt: 0, sizePt: 8 }),
    lead: style({ font: 'hei' }),
    emphasis: style({ font: 'kai' }),
  });
  return fixtureTemplate({
    page: {
      widthPt: 140,
      heightPt: 40 + lines * 20 + 40,
      marginTopPt: 40,
      marginBottomPt: 40,
      marginLeftPt: 20,
      marginRightPt: 20,
    },
    styles,
    contents: { subtitleLine: '', numberGapPt: 10 },
    pageNumber: { format: '— {n} —', position: 'outside', belowTypeAreaPt: 20, insetPt: 10 },
    ...over,
  });
}
