/**
 * The one set of fake fonts for tests that want metrics simple enough to count by hand
 * (tests that need real glyphs use tests/helpers/fonts.ts): every wide character (Han,
 * full-width punctuation) 1 em, Latin letters and digits 0.5 em, the space 0.33 em,
 * curly quotes 0.5 em (proportional, as in many CJK fonts), the interpunct 0.25 em, the
 * em dash and ellipsis 1 em; ascent 0.88 em, descent 0.12 em.
 */
import type { FontBook, FontFace } from '../../src/fonts/types.js';
import type { FontRole } from '../../src/template/types.js';
import { FONT_ROLES } from '../../src/template/types.js';
import { isWide } from '../../src/model/cjk.js';

export const NARROW_QUOTES = new Set([0x201c, 0x201d, 0x2018, 0x2019]);

export function fakeAdvanceEm(cp: number): number {
  if (cp === 0x20) return 0.33;
  if (NARROW_QUOTES.has(cp)) return 0.5;
  if (cp === 0xb7) return 0.25;
  if (cp === 0x2014 || cp === 0x2026) return 1;
  if (isWide(cp)) return 1;
  return 0.5;
}

export interface FakeFaceOptions extends Partial<Pick<FontFace, 'weight' | 'italic' | 'ascentEm' | 'descentEm'>> {
  /** Which code points the face draws (default: all). */
  readonly covers?: (cp: number) => boolean;
}

/** A face named `key` with the fake metrics. */
export function fakeFace(key = 'fake', opts: FakeFaceOptions = {}): FontFace {
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

/** A book with one fake face per role (`fake-<role>`), so outputs show which role set a run. */
export function fakeFontBook(): FontBook {
  const byRole = new Map<FontRole, FontFace>(FONT_ROLES.map((role) => [role, fakeFace(`fake-${role}`)]));
  return {
    chain: (role) => [byRole.get(role)!],
    faceFor: (role) => byRole.get(role)!,
    faces: new Map([...byRole.values()].map((f) => [f.key, f])),
    report: [],
  };
}
