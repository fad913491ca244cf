import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFonts, listFontFiles, npmFontFiles, readFaceInfos, systemFontDirs } from '../../src/fonts/discover.js';
import { makeCollection, toWoff, withNames, withOs2, withTable } from './helpers/font-edit.js';
import { sans400, serif400, serif700, tempDir, tempProject } from './helpers/fixtures.js';

describe('discovery', () => {
  it('reads every family name of each face in the project fonts/ folder, in both languages', async () => {
    const fangsong = withNames(serif400(), { en: 'FangSong_GB2312', zh: '仿宋_GB2312', postscript: 'FangSong_GB2312' });
    const bold = withOs2(withNames(serif700(), { en: 'Test Serif', postscript: 'TestSerif-Bold', subfamily: 'Bold' }), {
      weight: 700,
    });
    const dir = tempProject({ 'fs.ttf': fangsong, 'sub/bold.TTF': bold, 'notes.txt': Buffer.from('x') });
    const d = await discoverFonts({ projectDir: dir, systemFonts: false, npmFonts: false, cacheDir: tempDir() });
    expect(d.faces.map((f) => [f.familyNames, f.postscriptName, f.weight, f.origin])).toEqual([
      [['FangSong_GB2312', '仿宋_GB2312'], 'FangSong_GB2312', 400, 'project'],
      [['Test Serif'], 'TestSerif-Bold', 700, 'project'],
    ]);
    expect(d.problems).toEqual([]);
  });

  it('reads .ttc collections face by face', async () => {
    const ttc = makeCollection([
      withNames(serif400(), { en: 'Coll A', zh: '集合甲', postscript: 'CollA' }),
      withNames(sans400(), { en: 'Coll B', postscript: 'CollB' }),
    ]);
    const dir = tempProject({ 'c.ttc': ttc });
    const faces = await readFaceInfos(join(dir, 'fonts', 'c.ttc'), 'project');
    expect(faces.map((f) => [f.faceIndex, f.format, f.familyNames])).toEqual([
      [0, 'ttc', ['Coll A', '集合甲']],
      [1, 'ttc', ['Coll B']],
    ]);
  });

  it('reads WOFF names without unpacking the font, and flags variable fonts', async () => {
    const dir = tempProject({
      'w.woff': toWoff(withNames(serif400(), { en: 'Web Serif', postscript: 'WebSerif' })),
      'v.ttf': withTable(withNames(serif400(), { en: 'Var Serif', postscript: 'VarSerif' }), 'fvar', Buffer.alloc(16)),
    });
    const d = await discoverFonts({ projectDir: dir, systemFonts: false, npmFonts: false, cacheDir: tempDir() });
    expect(d.faces.map((f) => [f.englishFamily, f.format, f.variable])).toEqual([
      ['Var Serif', 'sfnt', true],
      ['Web Serif', 'woff', false],
    ]);
  });

  it('reports files that are not fonts instead of failing', async () => {
    const dir = tempProject({ 'broken.ttf': Buffer.from('this is not a font at all') });
    const d = await discoverFonts({ projectDir: dir, systemFonts: false, npmFonts: false });
    expect(d.faces).toEqual([]);
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0].file).toBe(join(dir, 'fonts', 'broken.ttf'));
    expect(d.problems[0].message).toMatch(/not a font/);
  });

  it('searches the project first, then extra folders, then npm', async () => {
    const extra = tempDir();
    writeFileSync(join(extra, 'x.ttf'), withNames(sans400(), { en: 'Extra', postscript: 'Extra' }));
    const dir = tempProject({ 'p.ttf': withNames(serif400(), { en: 'Proj', postscript: 'Proj' }) });
    const d = await discoverFonts({ projectDir: dir, extraDirs: [extra], systemFonts: false, npmFonts: true });
    const fams = d.faces.map((f) => f.englishFamily);
    expect(fams.slice(0, 2)).toEqual(['Proj', 'Extra']);
    expect(new Set(fams.slice(2))).toEqual(new Set(['Noto Serif SC', 'Noto Sans SC', 'LXGW WenKai']));
    expect(d.faces.slice(2).every((f) => f.origin === 'npm')).toBe(true);
  });

  it('locates the npm defaults through the resolver and reads only their headers', async () => {
    const files = npmFontFiles();
    expect(files.some((f) => f.endsWith('NotoSerifSC_900Black.ttf'))).toBe(true);
    expect(files.some((f) => f.endsWith('NotoSansSC_400Regular.ttf'))).toBe(true);
    expect(files.some((f) => /lxgw-wenkai-latin-500-normal\.woff$/.test(f))).toBe(true);
    const t0 = performance.now();
    const d = await discoverFonts({
      projectDir: tempProject(),
      systemFonts: false,
      npmFonts: true,
      cacheDir: tempDir(),
    });
    const ms = performance.now() - t0;
    const wenkai = d.faces
      .filter((f) => f.englishFamily === 'LXGW WenKai')
      .map((f) => [f.weight, f.familyNames.includes('霞鹜文楷')]);
    expect(wenkai).toEqual([
      [300, true],
      [400, true],
      [700, true],
    ]);
    // 20 files of 10–16 MB: reading whole files would take far longer than this.
    expect(ms).toBeLessThan(1500);
  });

  it('reads a few kilobytes of a 10 MB font, not the font', async () => {
    const file = npmFontFiles().find((f) => f.endsWith('NotoSerifSC_400Regular.ttf'))!;
    const counter = { bytes: 0 };
    const [info] = await readFaceInfos(file, 'npm', undefined, counter);
    expect(info.postscriptName).toBe('NotoSerifSC-Regular');
    expect(statSync(file).size).toBeGreaterThan(10_000_000);
    expect(counter.bytes).toBeGreaterThan(0);
    expect(counter.bytes).toBeLessThan(64 * 1024);
  });

  it('knows the system font folders of each platform', () => {
    expect(systemFontDirs('darwin')).toContain('/System/Library/Fonts');
    expect(systemFontDirs('win32', { WINDIR: 'D:\\Win' })[0]).toMatch(/D:\\Win.Fonts/);
    expect(systemFontDirs('linux')).toContain('/usr/share/fonts');
    expect(listFontFiles('/nonexistent/folder')).toEqual([]);
  });
});
