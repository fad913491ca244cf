/**
 * The text object of a line: replaying its operators the way a PDF consumer does
 * (ISO 32000-1 §9.4.3: pen advances by /W width, TJ numbers move it back) must put
 * every glyph on the origin layout gave it; /ActualText spans (§14.9.4) wrap exactly
 * the glyphs whose boxes overlap the next origin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EncodedGlyph } from '../../src/render/pdf/encode.js';
import {
  glyphOriginsPt,
  num,
  runWidthPt,
  textObject,
  textStringHex,
  tightClusters,
  TIGHT_OVERLAP_EM,
  type TextRun,
} from '../../src/render/pdf/text-object.js';

const PAGE_H = 800;

interface Drawn {
  readonly code: string;
  readonly x: number;
  readonly y: number;
  readonly font: string;
  readonly size: number;
  readonly span: string | null;
}

/** Tokenise content-stream operators (the subset textObject writes). */
function tokens(ops: string): string[] {
  return ops.match(/<<|>>|\[|\]|<[0-9A-Fa-f]*>|\/[A-Za-z0-9]+|-?\d+(?:\.\d+)?|[A-Za-z]+/g) ?? [];
}

/** Replay a text object: where each glyph lands (pen x, y in PDF space), given each code's /W width. */
function replay(
  ops: string,
  widthOf: (font: string, code: string) => number,
): { drawn: Drawn[]; spans: string[]; bt: number } {
  const t = tokens(ops);
  const drawn: Drawn[] = [];
  const spans: string[] = [];
  const stack: unknown[] = [];
  let font = '';
  let size = 0;
  let x = 0;
  let y = 0;
  let span: string | null = null;
  let bt = 0;
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok === '[') {
      const arr: unknown[] = [];
      while (t[++i] !== ']') arr.push(t[i]);
      stack.push(arr);
    } else if (tok === '<<') {
      // /ActualText <hex> >>
      const key = t[++i];
      const val = t[++i]!;
      expect(key).toBe('/ActualText');
      expect(t[++i]).toBe('>>');
      stack.push(val);
    } else if (/^[A-Za-z]+$/.test(tok) || tok === 'BDC') {
      const args = stack.splice(0);
      switch (tok) {
        case 'BT':
          bt++;
          break;
        case 'Tf':
          font = (args[0] as string).slice(1);
          size = Number(args[1]);
          break;
        case 'Tm':
          x = Number(args[4]);
          y = Number(args[5]);
          break;
        case 'TJ':
          for (const el of args[0] as string[]) {
            if (el.startsWith('<')) {
              const hex = el.slice(1, -1);
              for (let k = 0; k < hex.length; k += 4) {
                const code = hex.slice(k, k + 4);
                drawn.push({ code, x, y, font, size, span });
                x += (widthOf(font, code) * size) / 1000;
              }
            } else x -= (Number(el) * size) / 1000;
          }
          break;
        case 'BDC':
          expect(args[0]).toBe('/Span');
          expect(span).toBeNull();
          span = args[1] as string;
          spans.push(span);
          break;
        case 'EMC':
          expect(span).not.toBeNull();
          span = null;
          break;
        case 'Tr':
        case 'w':
        case 'ET':
          break;
        default:
          throw new Error(`unexpected operator ${tok}`);
      }
    } else stack.push(tok);
  }
  expect(span).toBeNull();
  return { drawn, spans, bt };
}

function glyph(code: number, widthK: number, extra: Partial<EncodedGlyph> = {}): EncodedGlyph {
  return {
    code: code.toString(16).padStart(4, '0'),
    widthK,
    advanceK: widthK,
    nChars: 1,
    text: String.fromCodePoint(0x4e00 + code),
    offsetK: 0,
    ...extra,
  };
}

function run(
  fontId: string,
  sizePt: number,
  xPt: number,
  glyphs: EncodedGlyph[],
  extra: Partial<TextRun> = {},
): TextRun {
  return { fontId, sizePt, xPt, yPt: 100, charSpacingPt: 0, glyphs, strokePt: 0, skew: 0, ...extra };
}

/** Expected drawn origin of each glyph (centred ligatures moved by their offset). */
function expectedOrigins(runs: readonly TextRun[]): number[] {
  return runs.flatMap((r) => {
    const xs = glyphOriginsPt(r);
    return r.glyphs.map(
      (g, i) => xs[i]! + (g.offsetK === 0 ? 0 : (g.offsetK * r.sizePt) / 1000 + ((g.nChars - 1) * r.charSpacingPt) / 2),
    );
  });
}

function widthTable(runs: readonly TextRun[]): (font: string, code: string) => number {
  const m = new Map<string, number>();
  for (const r of runs) for (const g of r.glyphs) m.set(`${r.fontId}/${g.code}`, g.widthK);
  return (font, code) => m.get(`${font}/${code}`)!;
}

const decodeHex = (hex: string): string => {
  const h = hex.slice(1, -1);
  expect(h.startsWith('FEFF')).toBe(true);
  const units: number[] = [];
  for (let k = 4; k < h.length; k += 4) units.push(parseInt(h.slice(k, k + 4), 16));
  return String.fromCharCode(...units);
};

describe('textObject', () => {
  it('draws a condensed line as one text object whose TJ numbers give every glyph its pitch', () => {
    // 16 pt type on a 15.75 pt grid (official): −0.25 pt after every character.
    const r = run(
      'F1',
      16,
      79.37,
      Array.from({ length: 28 }, (_, i) => glyph(i + 1, 1000)),
      { charSpacingPt: -0.25 },
    );
    const ops = textObject([r], PAGE_H);
    const { drawn, spans, bt } = replay(ops, widthTable([r]));
    expect(bt).toBe(1);
    expect(spans).toEqual([]);
    expect(ops).not.toContain(' Tc');
    expect(ops).toContain('15.625');
    drawn.forEach((d, i) => {
      expect(d.x).toBeCloseTo(79.37 + i * 15.75, 3);
      expect(d.y).toBeCloseTo(PAGE_H - 100, 6);
    });
    expect(runWidthPt(r)).toBeCloseTo(28 * 15.75, 9);
  });

  it('wraps a squeezed mark and its overlapped neighbours in one /ActualText span', () => {
    // 优 | “ drawn half an em early (squeezed opening mark) | 三大 ; then ” | ， squeezed to half an em | 跑
    const a = run('F1', 16, 100, [glyph(1, 1000, { text: '优' })]);
    const open = run('F1', 16, 108, [glyph(2, 1000, { text: '“' })]);
    const b = run('F1', 16, 124, [
      glyph(3, 1000, { text: '三' }),
      glyph(4, 1000, { text: '大' }),
      glyph(5, 1000, { text: '”' }),
    ]);
    const comma = run('F1', 16, 164, [glyph(6, 1000, { text: '，' })]);
    const c = run('F1', 16, 172, [glyph(7, 1000, { text: '跑' })]);
    const runs = [a, open, b, comma, c];
    const { drawn, spans, bt } = replay(textObject(runs, PAGE_H), widthTable(runs));
    expect(bt).toBe(1);
    expect(spans.map(decodeHex)).toEqual(['优“', '”，跑']);
    expect(drawn.map((d) => d.x)).toEqual(expectedOrigins(runs).map((x) => expect.closeTo(x, 3)));
    expect(drawn.filter((d) => d.span !== null).map((d) => d.code)).toEqual(['0001', '0002', '0005', '0006', '0007']);
  });

  it('writes Tf only when the face or size changes and Tm only when the baseline does', () => {
    const runs = [
      run('F1', 16, 100, [glyph(1, 1000), glyph(2, 1000)]),
      run('F2', 16, 132, [glyph(3, 1000)]),
      run('F2', 10, 148, [glyph(4, 500)], { yPt: 94 }),
      run('F2', 16, 153, [glyph(5, 1000)]),
    ];
    const ops = textObject(runs, PAGE_H);
    expect(ops.match(/ Tf/g)).toHaveLength(4);
    expect(ops.match(/ Tm/g)).toHaveLength(3);
    const { drawn } = replay(ops, widthTable(runs));
    expect(drawn.map((d) => [d.x, d.y])).toEqual(
      expectedOrigins(runs).map((x, i) => [expect.closeTo(x, 3), expect.closeTo(PAGE_H - (i === 3 ? 94 : 100), 6)]),
    );
  });

  it('sets faux bold as render mode 2 with a line width, and back to fill', () => {
    const ops = textObject(
      [run('F1', 16, 0, [glyph(1, 1000)], { strokePt: 0.48 }), run('F1', 16, 16, [glyph(2, 1000)])],
      PAGE_H,
    );
    expect(ops).toMatch(/0\.48 w 2 Tr[\s\S]*TJ[\s\S]*0 Tr[\s\S]*TJ/);
  });

  it('slants faux italic with a skewed text matrix', () => {
    const ops = textObject([run('F1', 16, 10, [glyph(1, 1000)], { skew: Math.tan((12 * Math.PI) / 180) })], PAGE_H);
    expect(ops).toContain(`1 0 ${num(Math.tan((12 * Math.PI) / 180), 6)} 1 10 700 Tm`);
  });

  it('places every glyph of random lines on its layout origin, spans exactly over tight overlaps', () => {
    const glyphArb = fc.record({
      widthK: fc.constantFrom(1000, 890, 555, 327, 500),
      kernK: fc.integer({ min: -60, max: 20 }),
      lig: fc.boolean(),
    });
    const runArb = fc.record({
      size: fc.constantFrom(10.5, 12, 14, 16, 22),
      cs: fc.double({ min: -1, max: 3, noNaN: true }),
      gapEm: fc.oneof(fc.constant(0), fc.double({ min: -0.6, max: 1.5, noNaN: true })),
      rise: fc.constantFrom(0, 0, 0, -4),
      font: fc.constantFrom('F1', 'F2'),
      glyphs: fc.array(glyphArb, { minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(
        fc.array(runArb, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 20, max: 400, noNaN: true }),
        (specs, x0) => {
          let x = x0;
          let code = 1;
          const runs = specs.map((s) => {
            x += s.gapEm * s.size;
            const glyphs = s.glyphs.map((g) => {
              // codes are unique per line so the width table is unambiguous
              const lig = g.lig && g.widthK === 1000;
              return glyph(
                code++,
                g.widthK,
                lig ? { advanceK: 1780, nChars: 2, offsetK: 44, text: '——' } : { advanceK: g.widthK + g.kernK },
              );
            });
            const r = run(s.font, s.size, x, glyphs, { charSpacingPt: s.cs, yPt: 100 + s.rise });
            x += runWidthPt(r);
            return r;
          });
          const { drawn, spans, bt } = replay(textObject(runs, PAGE_H), widthTable(runs));
          expect(bt).toBe(1);
          const want = expectedOrigins(runs);
          expect(drawn).toHaveLength(want.length);
          drawn.forEach((d, i) => expect(Math.abs(d.x - want[i]!)).toBeLessThan(1e-3));
          // spans: exactly the clusters of tight overlaps
          const placed = runs.flatMap((r) => r.glyphs.map((g) => ({ r, g })));
          const boxes = placed.map(({ r, g }, i) => ({
            originPt: want[i]!,
            boxEndPt: want[i]! + (g.widthK * r.sizePt) / 1000,
            sizePt: r.sizePt,
            yPt: r.yPt,
          }));
          const clusters = tightClusters(boxes);
          expect(spans.map(decodeHex)).toEqual(
            clusters.map(([a, b]) =>
              placed
                .slice(a, b + 1)
                .map(({ g }) => g.text)
                .join(''),
            ),
          );
          for (let i = 0; i + 1 < boxes.length; i++) {
            const inSame = clusters.some(([a, b]) => a <= i && i + 1 <= b);
            const tight =
              boxes[i]!.yPt === boxes[i + 1]!.yPt &&
              boxes[i + 1]!.originPt < boxes[i]!.boxEndPt - TIGHT_OVERLAP_EM * boxes[i]!.sizePt;
            expect(inSame).toBe(tight);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('PDF numbers and text strings', () => {
  it('writes numbers without exponents, trailing zeros or negative zero', () => {
    expect(num(15.625, 3)).toBe('15.625');
    expect(num(1.23456)).toBe('1.2346');
    expect(num(-0.00001)).toBe('0');
    expect(num(42)).toBe('42');
    expect(num(-3.5)).toBe('-3.5');
    expect(num(0.00004)).toBe('0');
    expect(num(0.0001)).toBe('0.0001');
  });

  it('encodes /ActualText as UTF-16BE with a byte-order mark, astral characters as surrogate pairs', () => {
    expect(textStringHex('“中”')).toBe('<FEFF201C4E2D201D>');
    expect(textStringHex('𠀀')).toBe('<FEFFD840DC00>');
  });
});
