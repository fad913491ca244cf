import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/template/index.js';
import { TEMPLATES, loadText, tempFolder } from './helpers.js';

describe('extends: and base:', () => {
  it('a child changes one key of one style; everything else comes from the parent', async () => {
    const parent = await loadTemplate('compilation', { templatesDir: TEMPLATES, baseDir: '/' });
    const t = await loadText('extends: compilation\nstyles:\n  body: { size: 四号 }\n');
    expect(t.name).toBe('t');
    expect(t.styles.body).toEqual({ ...parent.styles.body, sizePt: 14, firstIndentPt: 28 });
    expect(t.page).toEqual(parent.page);
    expect(t.contents.title).toBe('目录');
    // Styles that inherit body's keys follow the new size, em included.
    expect(t.styles.heading3.sizePt).toBe(14);
    expect(t.styles.heading3.firstIndentPt).toBe(28);
    // A style that sets its own size keeps it.
    expect(t.styles.byline.sizePt).toBe(parent.styles.byline.sizePt);
  });

  it('lists replace, maps merge, null removes', async () => {
    const t = await loadText(
      'extends: ./g.yaml\ngrid: null\nstyles:\n  body: { line: 30pt }\nfonts:\n  kai: [Kaiti SC]\npage:\n  margins: { top: 37mm }\n',
      {
        'g.yaml':
          'extends: official\nstyles:\n  byline: { spaceAfter: 28.95pt }\n  compilationTitle: { spaceAfter: 0 }\n' +
          '  contentsTitle: { spaceAfter: 0 }\n  bannerSource: { spaceAfter: 0 }\n  partTitle: { spaceAfter: 0 }\n',
      },
    );
    expect(t.grid).toBeNull();
    expect(t.styles.body.linePt).toBe(30);
    expect(t.styles.body.letterSpacingPt).toBe(0);
    expect(t.styles.byline.spaceAfterPt).toBe(28.95);
    expect(t.fonts.kai).toEqual([{ family: 'Kaiti SC', weight: 400 }]);
    expect(t.fonts.hei.map((f) => f.family)).toEqual(['黑体', 'SimHei', 'Noto Sans SC']);
    expect(t.page.marginTopPt).toBeCloseTo(104.882, 3);
    expect(t.page.marginBottomPt).toBeCloseTo(99.213, 3);
  });

  it('extends chains through paths relative to the extending file', async () => {
    const dir = tempFolder({
      'a/base.yaml': 'extends: handout\nlist: { bullets: [○] }\n',
      'b/mid.yaml': 'extends: ../a/base.yaml\nstyles:\n  quote: { font: song }\n',
    });
    const t = await loadTemplate('b/mid.yaml', { templatesDir: TEMPLATES, baseDir: dir });
    expect(t.name).toBe('mid');
    expect(t.list.bullets).toEqual(['○']);
    expect(t.list.numbering).toEqual(['{n}．', '（{n}）']); // merged key by key: from compilation
    expect(t.styles.quote.font).toBe('song');
    expect(t.styles.body.sizePt).toBe(14); // from handout
    expect(t.header?.rule).toBe(true);
  });

  it('base: chains; em is resolved with the inheriting style’s own size', async () => {
    const t = await loadText(
      'extends: compilation\nstyles:\n  quote: { size: 10pt, firstIndent: 3em, leftIndent: 1em, align: right }\n' +
        '  heading3: { base: quote, size: 20pt }\n  heading4: { base: heading3, line: 1.5em }\n',
    );
    expect(t.styles.quote).toMatchObject({ sizePt: 10, firstIndentPt: 30, leftIndentPt: 10, align: 'right' });
    expect(t.styles.heading3).toMatchObject({
      sizePt: 20,
      firstIndentPt: 60,
      leftIndentPt: 20,
      align: 'right',
      font: 'kai',
    });
    expect(t.styles.heading4).toMatchObject({ sizePt: 20, linePt: 30, firstIndentPt: 60, keepWithNext: true });
    // A key the style sets itself wins over its base.
    expect(t.styles.heading3.keepWithNext).toBe(true);
  });

  it('grid: every line is whole grid lines and body-size styles are condensed', async () => {
    const t = await loadText(
      'extends: official\nstyles:\n  pieceTitle: { line: 2grid }\n  byline: { line: 30pt }\n  quote: { letterSpacing: 0 }\n' +
        '  footnote: { line: 10pt }\n',
    );
    const pitch = t.grid!.linePitchPt;
    expect(pitch).toBe(28.95);
    expect(t.styles.pieceTitle.linePt).toBe(57.9);
    expect(t.styles.byline.linePt).toBe(57.9); // 30 pt rounds up to 2 lines
    expect(t.styles.footnote.linePt).toBe(28.95);
    expect(t.styles.quote.letterSpacingPt).toBe(0);
    expect(t.styles.heading2.letterSpacingPt).toBe(-0.25);
    expect(t.styles.pieceTitle.letterSpacingPt).toBe(0);
    expect(t.styles.byline.spaceAfterPt).toBe(28.95);
  });

  it('grid pitch follows the page: 20 lines × 30 characters on A4 with 25 mm margins', async () => {
    const t = await loadText('extends: official\npage:\n  margins: 25mm\ngrid: { lines: 20, chars: 30 }\n');
    // 247 mm = 700.157 pt / 20 = 35.0078 → 35 pt (700 twip); 160 mm = 453.54 pt / 30 = 15.118 → 15.1 pt.
    expect(t.grid).toEqual({ lines: 20, chars: 30, linePitchPt: 35, charPitchPt: 15.1 });
    expect(t.styles.body.letterSpacingPt).toBeCloseTo(-0.9, 9);
    // A pitch wider than the body size never spreads the type.
    const wide = await loadText('extends: official\ngrid: { lines: 22, chars: 20 }\n');
    expect(wide.grid!.charPitchPt).toBe(16);
    expect(wide.styles.body.letterSpacingPt).toBe(0);
  });
});
