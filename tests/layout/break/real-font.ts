/**
 * The real Noto Serif SC (npm) as a FontFace and a one-face FontBook, through
 * src/fonts' own fontkit adapter, and the sample's body paragraphs, for tests
 * that set real text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontBook, FontFace } from '../../../src/fonts/types.js';
import { readFaceInfos } from '../../../src/fonts/discover.js';
import { faceFromInfo } from '../../../src/fonts/face.js';

const require = createRequire(import.meta.url);
export const NOTO_SERIF_SC = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

export async function notoSerifBook(): Promise<{ face: FontFace; book: FontBook }> {
  const [info] = await readFaceInfos(NOTO_SERIF_SC, 'npm');
  const face = faceFromInfo(info!, 'Noto Serif SC');
  const book: FontBook = {
    chain: () => [face],
    faceFor: (_r, _b, cp) => (face.hasGlyph(cp) ? face : null),
    faces: new Map([[face.key, face]]),
    report: [],
  };
  return { face, book };
}

const SAMPLE = new URL('../../fixtures/seed/chongqing-2023-10.txt', import.meta.url);

/** Body paragraphs of the sample: lines indented with ideographic spaces. */
export function sampleParagraphs(): string[] {
  return readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('　　'))
    .map((l) => l.replace(/^　+/, '').trim())
    .filter((l) => l.length > 0);
}
