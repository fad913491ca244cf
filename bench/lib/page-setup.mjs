/**
 * The page setup the peers copy from huibian's `compilation` template
 * (templates/README.md; docs/typography.md “Official documents (GB/T 9704-2012)”: A4, GB/T 9704 margins, exact line pitch, 2 em indent).
 *
 * Read through huibian's own template loader (`dist/template/load.js`) when it is
 * built, so the peers follow whatever the template says; otherwise the fallback
 * below (stated in RESULTS.md) is used. All lengths in pt.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const MM_PT = 72 / 25.4;

/** Used only when the template loader is not built yet. */
export const FALLBACK_SETUP = {
  source: 'fallback (A4, 37/35/28/26 mm, 12 pt body on a 20 pt pitch, 2 em indent, 22 pt title)',
  page: {
    widthPt: 210 * MM_PT,
    heightPt: 297 * MM_PT,
    marginTopPt: 37 * MM_PT,
    marginBottomPt: 35 * MM_PT,
    marginLeftPt: 28 * MM_PT,
    marginRightPt: 26 * MM_PT,
  },
  body: { sizePt: 12, linePt: 20, firstIndentPt: 24 },
  title: { sizePt: 22, linePt: 32 },
  pageNumberSizePt: 10.5,
};

/** Page setup of template `name` as huibian resolves it, or the fallback. */
export async function loadPageSetup(root, name = 'compilation') {
  const loader = path.join(root, 'dist/template/load.js');
  if (!existsSync(loader)) return FALLBACK_SETUP;
  try {
    const mod = await import(pathToFileURL(loader).href);
    const templatesDir = path.join(root, 'templates');
    const t = await mod.loadTemplate(name, { templatesDir, baseDir: root });
    const s = t.styles;
    return {
      source: `templates/${name}.yaml via huibian's loader`,
      page: { ...t.page },
      body: { sizePt: s.body.sizePt, linePt: s.body.linePt, firstIndentPt: s.body.firstIndentPt },
      title: { sizePt: s.pieceTitle.sizePt, linePt: s.pieceTitle.linePt },
      pageNumberSizePt: s.pageNumber.sizePt,
    };
  } catch (e) {
    return { ...FALLBACK_SETUP, source: `${FALLBACK_SETUP.source}; loader failed: ${e.message}` };
  }
}

/** Human-readable summary for RESULTS.md. */
export function describeSetup(setup) {
  const p = setup.page;
  const mm = (pt) => (pt / MM_PT).toFixed(1);
  return (
    `${mm(p.widthPt)} × ${mm(p.heightPt)} mm, margins ${mm(p.marginTopPt)}/${mm(p.marginBottomPt)}/` +
    `${mm(p.marginLeftPt)}/${mm(p.marginRightPt)} mm (top/bottom/left/right), body ${setup.body.sizePt} pt on ` +
    `${setup.body.linePt} pt pitch, first-line indent ${setup.body.firstIndentPt} pt, title ${setup.title.sizePt} pt — from ${setup.source}`
  );
}
