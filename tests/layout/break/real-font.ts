/**
 * The real Noto Serif SC (npm) as a FontFace and a one-face FontBook, through
 * src/fonts' own fontkit adapter, for tests that set real text.
 */
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
