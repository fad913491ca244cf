/**
 * A fake FontBook with simple metrics for the paragraph-setter tests: every wide
 * character (Han, full-width punctuation) 1 em, Latin letters and digits 0.5 em,
 * the space 0.33 em, curly quotes 0.5 em (proportional, as in many CJK fonts),
 * the interpunct 0.25 em, the em dash 1 em.
 */
import type { FontBook, FontFace } from '../../../src/fonts/types.js';
import type { FontRole } from '../../../src/template/types.js';
import type { StyledSpan } from '../../../src/layout/paragraph-types.js';
import { isWide } from '../../../src/model/cjk.js';

export const NARROW_QUOTES = new Set([0x201c, 0x201d, 0x2018, 0x2019]);

export function fakeAdvanceEm(cp: number): number {
  if (cp === 0x20) return 0.33;
  if (NARROW_QUOTES.has(cp)) return 0.5;
  if (cp === 0xb7) return 0.25;
  if (cp === 0x2014 || cp === 0x2026) return 1;
  if (isWide(cp)) return 1;
  return 0.5;
}

export function fakeFace(key = 'fake', opts: Partial<FontFace> & { covers?: (cp: number) => boolean } = {}): FontFace {
  const covers = opts.covers ?? (() => true);
  return {
    key,
    family: key,
    familyNames: [key],
    postscriptName: key,
    file: `/fonts/${key}.ttf`,
    collectionFace: null,
    origin: 'npm',
    weight: opts.weight ?? 400,
    italic: opts.italic ?? false,
    ascentEm: opts.ascentEm ?? 0.88,
    descentEm: opts.descentEm ?? 0.12,
    embedding: 'installable',
    noSubset: false,
    hasGlyph: covers,
    advanceEm: fakeAdvanceEm,
    measureEm: (text: string) => [...text].reduce((t, ch) => t + fakeAdvanceEm(ch.codePointAt(0)!), 0),
  };
}

/** A book whose every role has the given chain (default: one fake face). */
export function fakeBook(chain: readonly FontFace[] = [fakeFace()]): FontBook {
  const faces = new Map(chain.map((f) => [f.key, f]));
  return {
    chain: () => chain,
    faceFor: (_role: FontRole, _bold: boolean, cp: number) => chain.find((f) => f.hasGlyph(cp)) ?? null,
    faces,
    report: [],
  };
}

export function span(text: string, over: Partial<StyledSpan> = {}): StyledSpan {
  return {
    text,
    role: 'body',
    sizePt: 10,
    bold: false,
    italic: false,
    letterSpacingPt: 0,
    risePt: 0,
    strike: false,
    url: null,
    pos: { file: 'test.md', line: 1, column: 1 },
    ...over,
  };
}

export interface Glyph {
  readonly ch: string;
  /** Glyph origin, pt from the measure's left edge. */
  readonly x: number;
  readonly fontKey: string;
}

/** Every character of a line with its drawn origin, as a PDF would place it from the runs. */
export function glyphsOf(
  runs: readonly { text: string; xPt: number; sizePt: number; charSpacingPt: number; fontKey: string }[],
): Glyph[] {
  const out: Glyph[] = [];
  for (const r of runs) {
    let x = r.xPt;
    for (const ch of r.text) {
      out.push({ ch, x, fontKey: r.fontKey });
      x += fakeAdvanceEm(ch.codePointAt(0)!) * r.sizePt + r.charSpacingPt;
    }
  }
  return out;
}

export const textOf = (line: { runs: readonly { text: string }[] }): string => line.runs.map((r) => r.text).join('');

/** Right edge of a line as drawn: the furthest run end. */
export const rightEdgeOf = (line: { runs: readonly { xPt: number; widthPt: number }[] }): number =>
  Math.max(...line.runs.map((r) => r.xPt + r.widthPt));
