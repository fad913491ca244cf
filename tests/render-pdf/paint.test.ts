/**
 * The painter over a hand-made page tree with the official template's faces:
 * squeezed marks on a condensed grid come out of pdftotext as one line, glyphs
 * where the tree put them (pdftotext -bbox), one text object per line, faux bold,
 * strike rules, and line grouping.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GlyphRun, Page, PageItem, PageTree } from '../../src/layout/pagetree.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { continuesLine, groupLines } from '../../src/render/pdf/paint.js';
import type { FontBook } from '../../src/fonts/types.js';
import { FIXED_DATE, fontsFor, loadSample, templateNamed } from './helpers/pipeline.js';

const SIZE = 16;
const PITCH = 15.75;
const X0 = 79.37;

function glyphs(text: string, fontKey: string, xPt: number, yPt: number, extra: Partial<GlyphRun> = {}): GlyphRun {
  return {
    kind: 'glyphs',
    text,
    fontKey,
    sizePt: SIZE,
    xPt,
    yPt,
    charSpacingPt: PITCH - SIZE,
    fakeBold: false,
    fakeItalic: false,
    strike: false,
    ...extra,
  };
}

/** 三、做优“三大环境”，跑出经济 on the 15.75 pt grid: “ squeezed (drawn half a pitch early), ” and ， squeezed to half a pitch. */
function squeezedLine(key: string, y: number): GlyphRun[] {
  return [
    glyphs('三、做优', key, X0, y),
    glyphs('“', key, X0 + 4 * PITCH - PITCH / 2, y),
    glyphs('三大环境', key, X0 + 4.5 * PITCH, y),
    glyphs('”', key, X0 + 8.5 * PITCH, y),
    glyphs('，', key, X0 + 9 * PITCH, y),
    glyphs('跑出经济', key, X0 + 9.5 * PITCH, y),
  ];
}

let fonts: FontBook;
let file: string;
let content: string;
let bodyKey: string;

beforeAll(async () => {
  const sample = await loadSample();
  fonts = await fontsFor(await templateNamed('official', sample));
  bodyKey = fonts.chain('body', false)[0]!.key;
  const heiKey = fonts.chain('hei', false)[0]!.key;
  const items: PageItem[] = [
    ...squeezedLine(bodyKey, 120),
    glyphs('增长', heiKey, X0, 149, { fakeBold: true }),
    glyphs('4.6%', bodyKey, X0 + 2 * PITCH + 4, 149, { charSpacingPt: 0 }),
    glyphs('删去', bodyKey, X0 + 6 * PITCH, 149, { strike: true }),
    { kind: 'rule', x1Pt: X0, y1Pt: 160, x2Pt: X0 + 100, y2Pt: 160, widthPt: 0.5 },
    glyphs('——', bodyKey, X0, 178, { charSpacingPt: 0 }),
  ];
  const page: Page = { index: 0, number: 1, widthPt: 595.28, heightPt: 841.89, items };
  const tree: PageTree = { pages: [page], outline: [], piecePages: [], partPages: [], frontPages: 0, passes: 1 };
  const pdf = await renderPdf(tree, fonts, {
    title: 't',
    author: '',
    subject: 't',
    lang: 'zh-CN',
    creationDate: FIXED_DATE,
  });
  file = path.join(mkdtempSync(path.join(tmpdir(), 'huibian-paint-')), 'paint.pdf');
  writeFileSync(file, pdf);
  content = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], {
    encoding: 'latin1',
    maxBuffer: 64 << 20,
  });
}, 60_000);

describe('painting a page', () => {
  it('extracts a line with squeezed marks as one line, in order', () => {
    const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines[0]).toBe('三、做优“三大环境”，跑出经济');
    expect(lines[1]!.replace(/\s+/g, '')).toBe('增长4.6%删去');
    expect(lines[2]).toBe('——');
  });

  it('puts the glyphs where the tree says (pdftotext -bbox)', () => {
    const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const words = [
      ...xml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g),
    ].map((m) => ({
      xMin: Number(m[1]),
      xMax: Number(m[2]),
      text: m[3],
    }));
    const first = words.find((w) => w.text === '三、做优“三大环境”，跑出经济')!;
    expect(first.xMin).toBeCloseTo(X0, 2);
    // the last glyph's box: its origin on the grid plus the full em
    expect(first.xMax).toBeCloseTo(X0 + 12.5 * PITCH + SIZE, 2);
    const pct = words.find((w) => w.text === '4.6%')!;
    expect(pct.xMin).toBeCloseTo(X0 + 2 * PITCH + 4, 2);
  });

  it('writes each line as one text object with TJ, /ActualText over the squeezed clusters only', () => {
    expect(content.match(/^BT$/gm)).toHaveLength(3);
    expect(content).toMatch(/\] TJ/);
    expect(content).not.toMatch(/ Tc\b/);
    // qpdf --qdf writes hex strings in lower case
    const actual = [...content.matchAll(/\/ActualText <feff([0-9a-f]+)>/gi)].map((m) =>
      String.fromCharCode(...m[1]!.match(/.{4}/g)!.map((h) => parseInt(h, 16))),
    );
    expect(actual).toEqual(['优“', '”，跑']);
  });

  it('draws faux bold as fill and stroke, and a strike rule as long as the struck run', () => {
    expect(content).toMatch(/0\.48 w 2 Tr/);
    const x1 = X0 + 6 * PITCH;
    // pdfkit draws rules in its flipped space: look for the moveto/lineto of the strike at the run's ends
    const strike = new RegExp(
      `${x1.toFixed(2).slice(0, -1)}\\d* [\\d.]+ m\\s+${(x1 + 2 * PITCH).toFixed(2).slice(0, -1)}\\d* [\\d.]+ l`,
    );
    expect(content).toMatch(strike);
  });

  it('embeds subsets that copy and paste as the text (ToUnicode)', () => {
    const fontsOut = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fontsOut.length).toBe(2);
    for (const l of fontsOut) expect(l).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});

describe('groupLines', () => {
  const run = (xPt: number, yPt: number, sizePt = 16): GlyphRun => glyphs('字', 'k', xPt, yPt, { sizePt });
  it('keeps raised footnote marks on their line and starts a new line on a new baseline or a rule', () => {
    const items: PageItem[] = [
      run(10, 100),
      run(30, 100),
      run(46, 94, 9),
      { kind: 'link', xPt: 0, yPt: 0, widthPt: 1, heightPt: 1, dest: 'x', url: null },
      run(60, 100),
      run(10, 130),
      { kind: 'rule', x1Pt: 0, y1Pt: 135, x2Pt: 9, y2Pt: 135, widthPt: 1 },
      run(20, 130),
    ];
    const groups = groupLines(items).map((g) => (Array.isArray(g) ? g.map((r) => `${r.xPt}@${r.yPt}`) : g.kind));
    // the link draws nothing, so the line goes on past it
    expect(groups).toEqual([['10@100', '30@100', '46@94', '60@100'], 'link', ['10@130'], 'rule', ['20@130']]);
  });

  it('continues a line only forwards and near its baseline', () => {
    expect(continuesLine(run(10, 100), run(26, 100))).toBe(true);
    expect(continuesLine(run(26, 100), run(10, 100))).toBe(false);
    expect(continuesLine(run(10, 100), run(26, 129))).toBe(false);
  });
});
