// Regenerates the small test fonts in tests/fixtures/fonts/ from the npm defaults
// (SIL OFL 1.1), subset with subset-font (harfbuzz) to a few characters:
//   node tests/fonts/helpers/make-fixtures.mjs
// composite.ttf (TrueType composite glyphs: Å é Ǻ … built from components, which the
// Noto faces have none of) comes from DejaVu Sans (Debian fonts-dejavu-core; Bitstream
// Vera licence, DejaVu changes public domain) when that file is on the machine.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const subsetFont = require('subset-font');
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'fonts');
const BASE =
  '汇编仿宋黑体楷标题正文一二三四五六七八九十中国重庆数字化变革高质量发展新动能目录' +
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' +
  '，。、：；！？（）“”《》—…．·-.,:;!?()＊ ';
const fonts = [
  ['serif-400.ttf', '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', BASE],
  ['serif-700.ttf', '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf', BASE],
  // The sans face has two characters the serif faces lack: the fallback tests use them.
  ['sans-400.ttf', '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', BASE + '堃彧'],
];
for (const [name, src, text] of fonts) {
  const buf = await subsetFont(readFileSync(require.resolve(src)), text, {
    targetFormat: 'sfnt',
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 16, 17],
    keepFeatures: ['kern'],
  });
  writeFileSync(join(out, name), buf);
  console.log(name, buf.length);
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
if (existsSync(DEJAVU)) {
  const buf = await subsetFont(readFileSync(DEJAVU), 'AaEeOoÅåÉéÖöǺǻ fi', { targetFormat: 'truetype' });
  writeFileSync(join(out, 'composite.ttf'), buf);
  console.log('composite.ttf', buf.length);
} else {
  console.log(`composite.ttf kept: ${DEJAVU} not found`);
}
