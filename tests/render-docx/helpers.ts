/**
 * Test scaffolding for the DOCX renderer: a minimal FontBook over the npm Noto TTFs
 * (the one fake: no font discovery), the shipped templates and the sample collection
 * (sources/chongqing-2023-10) read by the real loaders.
 */
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import type { FontBook, FontFace } from '../../src/fonts/types.js';
import type { FontRole, ResolvedTemplate } from '../../src/template/index.js';
import { loadTemplate, templatesDir } from '../../src/template/index.js';
import type { Collection } from '../../src/model/types.js';
import { loadCollection } from '../../src/sources/index.js';

const ROOT = resolve(__dirname, '../..');
export const FIXTURE_DIR = join(ROOT, 'sources/chongqing-2023-10');
const NPM = join(ROOT, 'node_modules/@expo-google-fonts');
export const SERIF_400 = join(NPM, 'noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
export const SERIF_700 = join(NPM, 'noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');
export const SANS_400 = join(NPM, 'noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

// ------------------------------------------------------------------ fonts

function makeFace(
  key: string,
  file: string,
  weight: number,
  embedding: FontFace['embedding'] = 'installable',
): FontFace {
  const f = fontkit.openSync(file);
  const upm = f.unitsPerEm;
  return {
    key,
    family: f.familyName,
    familyNames: [f.familyName],
    postscriptName: f.postscriptName,
    file,
    collectionFace: null,
    origin: 'npm',
    weight,
    italic: false,
    ascentEm: f.ascent / upm,
    descentEm: -f.descent / upm,
    embedding,
    noSubset: false,
    hasGlyph: (cp: number) => f.hasGlyphForCodePoint(cp),
    advanceEm: (cp: number) => f.glyphForCodePoint(cp).advanceWidth / upm,
    measureEm: (t: string) => f.layout(t).advanceWidth / upm,
  };
}

let faceCache: Record<string, FontFace> | null = null;
function faces(): Record<string, FontFace> {
  faceCache ??= {
    serif: makeFace('F1', SERIF_400, 400),
    serifBold: makeFace('F2', SERIF_700, 700),
    sans: makeFace('F3', SANS_400, 400),
  };
  return faceCache;
}

/** title → Noto Serif SC Bold, body/kai/song → Noto Serif SC, hei → Noto Sans SC. */
export function makeFontBook(override: Partial<Record<FontRole, FontFace>> = {}): FontBook {
  const f = faces();
  const byRole: Record<FontRole, FontFace> = {
    title: f.serifBold,
    body: f.serif,
    kai: f.serif,
    song: f.serif,
    hei: f.sans,
    ...override,
  };
  const all = new Map<string, FontFace>();
  for (const face of Object.values(byRole)) all.set(face.key, face);
  return {
    chain: (role, bold) => [bold && role !== 'title' && role !== 'hei' ? f.serifBold : byRole[role]],
    faceFor: (role, _bold, cp) => (byRole[role].hasGlyph(cp) ? byRole[role] : null),
    faces: all,
    report: [],
  };
}

export function restrictedFace(): FontFace {
  return { ...makeFace('F9', SANS_400, 400, 'restricted') };
}

// ------------------------------------------------------------------ templates and sample

/** The shipped template `name` (templates/), read by the real loader. */
export function shippedTemplate(name: string): Promise<ResolvedTemplate> {
  return loadTemplate(name, { templatesDir: templatesDir(), baseDir: FIXTURE_DIR });
}

/** The nine-speech sample (sources/chongqing-2023-10), read by the real loader. */
export async function sampleCollection(): Promise<Collection> {
  return (await loadCollection(FIXTURE_DIR)).collection;
}

/** Page numbers for the XML-level tests: one piece per page, pages 1–9 (the LibreOffice tests use the real layout, pipeline.ts). */
export function onePiecePerPage(c: Collection) {
  return {
    piecePages: c.pieces.map((p) => ({ n: p.n, startPage: p.n, endPage: p.n })),
    partPages: [],
    frontPages: 1,
    bodyPages: c.pieces.length,
    headingPages: [],
    tableColumns: [],
    titleBreaks: [],
  };
}

export const FIXED_DATE = new Date('2023-10-24T00:00:00Z');
