/** A FontBook with fixed metrics: Han and full-width forms 1 em, everything else 0.5 em. */
import type { FontBook, FontFace } from '../../../src/fonts/types.js';
import type { FontRole } from '../../../src/template/types.js';
import { FONT_ROLES } from '../../../src/template/types.js';

export function fakeFace(role: FontRole, weight = 400): FontFace {
  const adv = (cp: number): number => (cp >= 0x2e80 || cp === 0x201c || cp === 0x201d || cp === 0x2014 ? 1 : 0.5);
  return {
    key: `fake-${role}-${weight}`,
    family: `Fake ${role}`,
    familyNames: [`Fake ${role}`],
    postscriptName: `Fake-${role}`,
    file: '/nonexistent.ttf',
    collectionFace: null,
    origin: 'npm',
    weight,
    italic: false,
    ascentEm: 0.88,
    descentEm: 0.12,
    embedding: 'installable',
    noSubset: false,
    hasGlyph: () => true,
    advanceEm: adv,
    measureEm: (text: string) => [...text].reduce((w, ch) => w + adv(ch.codePointAt(0)!), 0),
  };
}

export function fakeFontBook(): FontBook {
  const faces = new Map<string, FontFace>();
  const byRole = new Map<FontRole, FontFace>();
  for (const role of FONT_ROLES) {
    const f = fakeFace(role);
    faces.set(f.key, f);
    byRole.set(role, f);
  }
  return {
    chain: (role) => [byRole.get(role)!],
    faceFor: (role) => byRole.get(role)!,
    faces,
    report: [],
  };
}
