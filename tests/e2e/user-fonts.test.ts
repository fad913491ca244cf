/**
 * A licensed font dropped into a font folder (here one named by HUIBIAN_FONTS,
 * searched like the project's fonts/) is used by both outputs, and report.json
 * says so. The font is made from the npm Noto Serif SC, subset to the sample's
 * characters and renamed 仿宋_GB2312 / FangSong_GB2312.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { huibian, SAMPLE } from '../helpers/cli.js';
import { withNames } from '../fonts/helpers/font-edit.js';

const require = createRequire(import.meta.url);
const subsetFont = require('subset-font') as (b: Buffer, text: string, o: object) => Promise<Buffer>;

let tmp: string;
let out: string;
let report: {
  fonts: { role: string; family: string; file: string; origin: string; embedded: boolean; usedBy: string }[];
};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'huibian-userfont-'));
  const fontsDir = join(tmp, 'fonts');
  await mkdir(fontsDir);
  let text = '（）0123456789—';
  for (const f of await readdir(SAMPLE))
    if (f.endsWith('.md') || f.endsWith('.yaml')) text += await readFile(join(SAMPLE, f), 'utf8');
  const noto = await readFile(
    require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  );
  const sub = await subsetFont(noto, text, { targetFormat: 'sfnt', preserveNameIds: [0, 1, 2, 3, 4, 5, 6] });
  await writeFile(
    join(fontsDir, 'fangsong.ttf'),
    withNames(sub, { en: 'FangSong_GB2312', zh: '仿宋_GB2312', postscript: 'FangSong_GB2312' }),
  );
  out = join(tmp, 'out');
  const r = huibian(['build', SAMPLE, '--out', out, '--no-handouts', '--quiet'], { HUIBIAN_FONTS: fontsDir });
  expect(r.code, r.stderr).toBe(0);
  // every character of the sample is in the font: no fallback warning
  expect(r.stderr).not.toMatch(/warning/);
  report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
}, 180_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('a licensed font in a font folder', () => {
  it('is taken for its role and named in report.json', () => {
    const body = report.fonts.find((f) => f.role === 'body' && f.usedBy === 'compilation');
    expect(body).toMatchObject({ origin: 'project', embedded: true });
    expect(body!.file).toMatch(/fangsong\.ttf$/);
    expect(['仿宋_GB2312', 'FangSong_GB2312']).toContain(body!.family);
  });

  it('is embedded in the PDF', () => {
    const fonts = execFileSync('pdffonts', [join(out, 'compilation.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+FangSong_GB2312\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('is named and embedded in the DOCX', async () => {
    const zip = unzipSync(await readFile(join(out, 'compilation.docx')));
    const table = strFromU8(zip['word/fontTable.xml']);
    expect(table).toMatch(/w:name="(仿宋_GB2312|FangSong_GB2312)"[^]*?w:embedRegular/);
    const styles = strFromU8(zip['word/styles.xml']);
    expect(styles).toMatch(/w:eastAsia="(仿宋_GB2312|FangSong_GB2312)"/);
  });
});
