/**
 * Broken files in the project's `fonts/` folder (README “Fonts”: searched first): a
 * corrupt font, a truncated one, a font file that is not a font, and a dangling
 * link must not crash `check` or `build`. The test runs the command from a
 * temporary copy of the project (bin/, dist/, templates/, package.json, a link to
 * node_modules) so the real `fonts/` is never touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withNames, withOs2 } from '../fonts/helpers/font-edit.js';
import { expectCleanOutcome, piece, removeCollection, ROOT, runChild, tempDir, writeCollection } from './helpers.js';

let project: string;
let dir: string;

beforeAll(() => {
  project = join(tempDir('proj'), 'huibian');
  mkdirSync(project);
  for (const p of ['bin', 'dist', 'templates', 'package.json'])
    cpSync(join(ROOT, p), join(project, p), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  const fonts = join(project, 'fonts');
  mkdirSync(fonts);
  const real = readFileSync(
    join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  );
  // Garbage with a TrueType signature, half a real font, text named .otf, a dangling link, an empty .woff2.
  writeFileSync(
    join(fonts, '仿宋_GB2312.ttf'),
    Buffer.concat([Buffer.from([0, 1, 0, 0, 0, 9, 0, 0]), Buffer.alloc(4096, 0xab)]),
  );
  writeFileSync(join(fonts, 'truncated.ttf'), real.subarray(0, Math.floor(real.length / 2)));
  writeFileSync(join(fonts, 'notes.otf'), 'not a font\n');
  writeFileSync(join(fonts, 'empty.woff2'), '');
  symlinkSync(join(fonts, 'missing.ttf'), join(fonts, 'dangling.ttf'));
  dir = writeCollection({ '01.md': piece('正文第一段。\n') });
});

afterAll(() => {
  rmSync(join(project, '..'), { recursive: true, force: true });
  removeCollection(dir);
});

describe('broken font files in the project fonts/ folder', () => {
  it('check: exit 0 (broken files skipped with a warning) or exit 1 positioned, never a crash', () => {
    const r = runChild(['check', dir], 60_000, {}, join(project, 'bin/huibian.js'));
    expectCleanOutcome(r);
    if (r.code === 0) expect(r.stderr).toMatch(/ok, 1 piece,/);
    // A truncated font is skipped at discovery, not left to crash layout.
    expect(r.stderr).toMatch(
      /truncated\.ttf:1:1: warning: cannot read font: truncated: table \w+ ends at byte \d+ of a \d+-byte file/,
    );
  });

  it('build: the same, and a PDF that is whole', () => {
    const out = join(dir, '..', 'out-fonts');
    const r = runChild(
      ['build', dir, '--out', out, '--format', 'pdf', '--no-handouts', '--quiet'],
      90_000,
      {},
      join(project, 'bin/huibian.js'),
    );
    expectCleanOutcome(r, out);
  });
});

describe('a face whose licence forbids embedding (OS/2 fsType 0x0002)', () => {
  // Noto Serif SC renamed 仿宋 / FangSong, which the body role asks for before Noto Serif SC.
  const restrictedDir = (): string => {
    const d = tempDir('restricted');
    const noto = readFileSync(
      join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
    );
    const renamed = withNames(noto, { en: 'FangSong', zh: '仿宋', postscript: 'FangSong' });
    writeFileSync(join(d, 'fangsong.ttf'), withOs2(renamed, { fsType: 0x0002 }));
    return d;
  };

  it('is an error for an OFD-only build, which carries its fonts: exit 1, nothing written', () => {
    const out = join(dir, '..', 'out-restricted-ofd');
    const args = ['build', dir, '--out', out, '--format', 'ofd', '--no-handouts'];
    const r = runChild(args, 90_000, { HUIBIAN_FONTS: restrictedDir() });
    expectCleanOutcome(r, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fangsong\.ttf.*restricted licence.*so the OFD cannot use it/);
  });

  it('is a warning for a DOCX-only build, which names the font without embedding it', () => {
    const out = join(dir, '..', 'out-restricted-docx');
    const args = ['build', dir, '--out', out, '--format', 'docx', '--no-handouts'];
    const r = runChild(args, 90_000, { HUIBIAN_FONTS: restrictedDir() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*fangsong\.ttf.*restricted licence.*the DOCX names it without embedding it/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      fonts: { file: string; embedded: boolean }[];
    };
    expect(report.fonts.find((f) => f.file.endsWith('fangsong.ttf'))?.embedded).toBe(false);
  });
});
