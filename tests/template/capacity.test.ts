/**
 * The compilation template's sizes are chosen so that each speech of the sample
 * (tests/fixtures/seed) fits on ONE page with at least three body lines to spare,
 * the first piece with the banner above it; a handout also takes one page. This estimates the page from the
 * resolved template: lines = ⌈(width + first-line indent) / characters a line⌉ per
 * paragraph, counting one character a line less than fits (room for kinsoku), and
 * half-width Latin/digits as ½ em.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate, typeAreaHeightPt, typeAreaWidthPt } from '../../src/template/index.js';
import type { ResolvedTemplate, Style } from '../../src/template/types.js';
import { TEMPLATES } from './helpers.js';

interface Piece {
  readonly title: string;
  readonly byline: string;
  readonly paragraphs: readonly string[];
}

const SEED = new URL('../fixtures/seed/chongqing-2023-10.txt', import.meta.url);

/** The nine pieces of the seed: title lines, byline, then the body split at 一、二、三、. */
function seedPieces(): Piece[] {
  const text = readFileSync(SEED, 'utf8').split('（重庆日报，2023年10月24日）')[1].split('【')[0];
  return text
    .split(/\n\s*\n\s*\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const lines = block.split('\n').filter((l) => l.trim() !== '');
      // The byline is the first line ending in an office and a name (…区委书记张安疆).
      const bylineAt = lines.findIndex((l) => /(书记|区长)\p{Script=Han}{2,3}$/u.test(l.trim()));
      const body = lines
        .slice(bylineAt + 1)
        .join('')
        .replace(/\s/g, '');
      return {
        title: lines
          .slice(0, bylineAt)
          .map((l) => l.trim())
          .join(''),
        byline: lines[bylineAt].trim(),
        paragraphs: body.split(/(?<=^|。)(?=[一二三]、)/),
      };
    });
}

function widthEm(s: string): number {
  return [...s].reduce((w, c) => w + (c.codePointAt(0)! < 0x2000 ? 0.5 : 1), 0);
}

function linesOf(text: string, style: Style, measureWidthPt: number): number {
  const perLine = Math.floor((measureWidthPt - style.leftIndentPt - style.rightIndentPt) / style.sizePt) - 1;
  return Math.ceil((widthEm(text) + style.firstIndentPt / style.sizePt) / perLine);
}

function blockPt(text: string, style: Style, widthPt: number): number {
  return style.spaceBeforePt + linesOf(text, style, widthPt) * style.linePt + style.spaceAfterPt;
}

/** Body lines left free on each piece's page (the first piece carries the banner when `banner`). */
function spareLines(t: ResolvedTemplate, pieces: readonly Piece[], banner: boolean): number[] {
  const w = typeAreaWidthPt(t.page);
  const h = typeAreaHeightPt(t.page);
  const s = t.styles;
  return pieces.map((p, i) => {
    let used = 0;
    if (banner && i === 0) {
      used += blockPt('以决战决胜姿态冲刺四季度、打好收官战', s.bannerHeadline, w);
      used += blockPt('重庆市区县委书记和部门一把手例会交流发言材料汇编', s.bannerName, w);
      used += blockPt('（重庆日报，2023年10月24日）', s.bannerSource, w);
    }
    used += blockPt(p.title, s.pieceTitle, w);
    used += blockPt(p.byline, s.byline, w);
    for (const para of p.paragraphs) used += blockPt(para, s.body, w);
    return (h - used) / s.body.linePt;
  });
}

describe('one speech a page', () => {
  let pieces: Piece[];
  beforeAll(() => {
    pieces = seedPieces();
  });

  it('reads the nine pieces of the sample (≈ 650–730 characters each)', () => {
    expect(pieces).toHaveLength(9);
    for (const p of pieces) {
      expect(p.paragraphs).toHaveLength(4);
      const chars = [...(p.title + p.byline + p.paragraphs.join(''))].length;
      expect(chars).toBeGreaterThan(600);
      expect(chars).toBeLessThan(800);
    }
  });

  it('compilation: each piece fits on one page with ≥ 3 spare body lines, the banner included', async () => {
    const t = await loadTemplate('compilation', { templatesDir: TEMPLATES, baseDir: '/' });
    const spare = spareLines(t, pieces, true);
    console.info('compilation: spare body lines per piece', spare.map((x) => x.toFixed(1)).join(' '));
    for (const x of spare) expect(x).toBeGreaterThanOrEqual(3);
  });

  it('handout: each piece fits on one page', async () => {
    const t = await loadTemplate('handout', { templatesDir: TEMPLATES, baseDir: '/' });
    const spare = spareLines(t, pieces, false);
    console.info('handout: spare body lines per piece', spare.map((x) => x.toFixed(1)).join(' '));
    for (const x of spare) expect(x).toBeGreaterThanOrEqual(0);
  });
});
