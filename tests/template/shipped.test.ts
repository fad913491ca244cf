import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadTemplate, listTemplates, mmToPt, typeAreaHeightPt, typeAreaWidthPt } from '../../src/template/index.js';
import { STYLE_NAMES, type ResolvedTemplate } from '../../src/template/types.js';
import { TEMPLATES } from './helpers.js';

const loaded: Record<string, ResolvedTemplate> = {};
beforeAll(async () => {
  for (const name of ['compilation', 'official', 'handout']) {
    loaded[name] = await loadTemplate(name, { templatesDir: TEMPLATES, baseDir: '/nonexistent' });
  }
});

describe('shipped templates', () => {
  it('are the three of templates/README.md and all resolve every style', async () => {
    expect(await listTemplates(TEMPLATES)).toEqual(['compilation', 'handout', 'official']);
    for (const [name, t] of Object.entries(loaded)) {
      expect(t.name).toBe(name);
      expect(t.file).toBe(path.join(TEMPLATES, `${name}.yaml`));
      expect(Object.keys(t.styles).sort()).toEqual([...STYLE_NAMES].sort());
      for (const s of Object.values(t.styles)) {
        expect(s.sizePt).toBeGreaterThan(0);
        expect(s.linePt).toBeGreaterThanOrEqual(s.sizePt);
      }
      expect(t.page.widthPt).toBeCloseTo(mmToPt(210), 6);
      expect(t.page.heightPt).toBeCloseTo(mmToPt(297), 6);
      // Justification widens no gap by more than half an em.
      expect(t.maxGapStretchEm).toBe(0.5);
    }
  });

  it('official follows GB/T 9704-2012', () => {
    const t = loaded.official;
    expect(t.page.marginTopPt).toBeCloseTo(104.882, 3);
    expect(t.page.marginBottomPt).toBeCloseTo(99.213, 3);
    expect(t.page.marginLeftPt).toBeCloseTo(79.37, 3);
    expect(t.page.marginRightPt).toBeCloseTo(73.701, 3);
    expect(typeAreaWidthPt(t.page)).toBeCloseTo(mmToPt(156), 6);
    expect(typeAreaHeightPt(t.page)).toBeCloseTo(mmToPt(225), 6);
    expect(t.grid).toEqual({ lines: 22, chars: 28, linePitchPt: 28.95, charPitchPt: 15.75 });
    // 22 lines fit; 28 characters at the condensed pitch fit the line.
    expect(22 * t.grid!.linePitchPt).toBeLessThanOrEqual(typeAreaHeightPt(t.page));
    expect(28 * t.grid!.charPitchPt).toBeLessThanOrEqual(typeAreaWidthPt(t.page));

    expect(t.styles.body).toMatchObject({
      font: 'body',
      sizePt: 16,
      linePt: 28.95,
      align: 'justify',
      firstIndentPt: 32,
      letterSpacingPt: -0.25,
    });
    expect(t.styles.pieceTitle).toMatchObject({ font: 'title', sizePt: 22, align: 'center', firstIndentPt: 0 });
    expect(t.styles.heading1).toMatchObject({ font: 'hei', sizePt: 16, letterSpacingPt: -0.25 });
    expect(t.styles.heading2).toMatchObject({ font: 'kai', sizePt: 16 });
    expect(t.styles.heading3).toMatchObject({ font: 'body', sizePt: 16 });
    expect(t.styles.heading4).toMatchObject({ font: 'body', sizePt: 16 });
    expect(t.styles.pageNumber).toMatchObject({ font: 'song', sizePt: 14, letterSpacingPt: 0 });
    expect(t.pageNumber.format).toBe('— {n} —');
    expect(t.pageNumber.position).toBe('outside');
    expect(t.pageNumber.belowTypeAreaPt).toBeCloseTo(mmToPt(7), 9);
    expect(t.pageNumber.insetPt).toBe(16);
    // Every line pitch is a whole number of grid lines.
    for (const s of Object.values(t.styles)) {
      const lines = s.linePt / 28.95;
      expect(Math.abs(lines - Math.round(lines))).toBeLessThan(1e-9);
    }
  });

  it('compilation matches the printed original', () => {
    const t = loaded.compilation;
    expect(t.grid).toBeNull();
    expect(typeAreaWidthPt(t.page)).toBeCloseTo(mmToPt(156), 6);
    expect(typeAreaHeightPt(t.page)).toBeCloseTo(mmToPt(240), 6);
    expect(t.styles.body).toMatchObject({ font: 'body', sizePt: 12, linePt: 20, firstIndentPt: 24 });
    expect(t.styles.pieceTitle.font).toBe('title');
    expect(t.styles.byline.font).toBe('kai');
    expect(t.styles.lead.font).toBe('hei');
    expect(t.styles.emphasis.font).toBe('kai');
    expect(t.contents).toEqual({
      title: '目录',
      entry: '{n}．{byline}：',
      entryTitle: '{title}',
      subtitleLine: '——{subtitle}',
      countSuffix: '（{count}篇）',
      leader: '·',
      numberGapPt: 12,
      headingLevels: 0,
      newPageAfter: true,
    });
    expect(t.pieceNewPage).toBe(true);
    expect(t.pageNumber.position).toBe('center');
    expect(t.header).toBeNull();
    expect(t.fonts.title.map((f) => f.family)).toEqual([
      '方正小标宋简体',
      'FZXiaoBiaoSong-B05S',
      '小标宋',
      'Noto Serif SC',
    ]);
    expect(t.fonts.title[3].weight).toBe(900);
    expect(t.fonts.body.map((f) => f.family)).toEqual([
      '仿宋_GB2312',
      'FangSong_GB2312',
      '仿宋',
      'FangSong',
      'STFangsong',
      'Noto Serif SC',
    ]);
    expect(t.fonts.hei).toEqual([
      { family: '黑体', weight: 400 },
      { family: 'SimHei', weight: 400 },
      { family: 'Noto Sans SC', weight: 500 },
    ]);
    expect(t.fonts.kai.at(-1)).toEqual({ family: 'LXGW WenKai', weight: 400 });
    expect(t.fonts.song.map((f) => f.family)).toEqual(['宋体', 'SimSun', 'Noto Serif SC']);
    expect(t.fallback).toEqual([
      { family: 'Noto Serif SC', weight: 400 },
      { family: 'Noto Sans SC', weight: 400 },
    ]);
  });

  it('handout extends compilation with a larger body and a running header', () => {
    const t = loaded.handout;
    const c = loaded.compilation;
    expect(t.styles.body).toMatchObject({ font: 'body', sizePt: 14, linePt: 22, firstIndentPt: 28 });
    expect(t.styles.pieceTitle.sizePt).toBe(22);
    expect(t.header).toEqual({
      text: '{collection}　{source} {date}',
      placement: 'header',
      gapPt: mmToPt(4),
      rule: true,
    });
    expect(t.pageNumber).toMatchObject({ format: '{n}', position: 'center' });
    expect(t.fonts).toEqual(c.fonts);
    // numberGap: 1em is one em of the (now 14 pt) contents entry.
    expect(t.contents).toEqual({ ...c.contents, numberGapPt: 14 });
    expect(typeAreaWidthPt(t.page)).toBeLessThan(typeAreaWidthPt(c.page));
  });
});
