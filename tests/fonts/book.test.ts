import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFontBook } from '../../src/fonts/book.js';
import { needsFakeBold } from '../../src/fonts/match.js';
import { subsetFont } from '../../src/fonts/subset.js';
import { SourceError } from '../../src/model/diagnostics.js';
import { withNames, withOs2 } from './helpers/font-edit.js';
import { sans400, serif400, serif700, template, tempDir, tempProject } from './helpers/fixtures.js';

const fangsong = (): Buffer => withNames(serif400(), { en: 'FangSong', zh: '仿宋', postscript: 'FangSong' });
const testSans = (): Buffer =>
  withNames(sans400(), { en: 'Test Sans', zh: '测试黑体', postscript: 'TestSans-Regular' });
const opts = (projectDir: string) => ({ projectDir, systemFonts: false, npmFonts: false, cacheDir: tempDir() });

describe('loadFontBook', () => {
  it('chains a role’s candidates found, in order, then the fallback; reports what was skipped', async () => {
    const dir = tempProject({ 'fs.ttf': fangsong(), 'sans.ttf': testSans() });
    const t = template({ body: ['仿宋_GB2312', '仿宋', 'FangSong'] }, { fallback: ['Test Sans'] });
    const { book, warnings } = await loadFontBook(t, opts(dir));
    expect(warnings).toEqual([]);
    expect(book.chain('body', false).map((f) => [f.family, f.origin])).toEqual([
      ['仿宋', 'project'],
      ['Test Sans', 'project'],
    ]);
    expect(book.chain('title', false).map((f) => f.family)).toEqual(['Test Sans']);
    const body = book.report.find((r) => r.role === 'body')!;
    expect(body).toMatchObject({
      family: '仿宋',
      weight: 400,
      origin: 'project',
      embedded: true,
      fallbacksTaken: ['仿宋_GB2312'],
    });
    expect(body.file.endsWith('fs.ttf')).toBe(true);
    expect(book.faces.size).toBe(2);
  });

  it('prefers the project fonts/ folder over the system folders, and the system over npm', async () => {
    const sysDir = tempDir();
    writeFileSync(join(sysDir, 'song.ttf'), withNames(sans400(), { en: 'SimSun', zh: '宋体', postscript: 'SimSun' }));
    const t = template({ song: ['宋体', 'Noto Serif SC'] }, { fallback: ['宋体'] });
    const sys = await loadFontBook(t, { projectDir: tempProject(), systemDirs: [sysDir], cacheDir: tempDir() });
    expect(sys.book.chain('song', false).map((f) => [f.family, f.origin])).toEqual([
      ['宋体', 'system'],
      ['Noto Serif SC', 'npm'],
    ]);
    const proj = tempProject({
      'simsun.ttf': withNames(serif400(), { en: 'SimSun', zh: '宋体', postscript: 'SimSun' }),
    });
    const both = await loadFontBook(t, { projectDir: proj, systemDirs: [sysDir], cacheDir: tempDir() });
    const first = both.book.chain('song', false)[0];
    expect([first.origin, first.hasGlyph('堃'.codePointAt(0)!)]).toEqual(['project', false]);
  });

  it('matches the English name of a Chinese font as well', async () => {
    const dir = tempProject({ 'fs.ttf': fangsong() });
    const { book } = await loadFontBook(template({ body: ['FangSong'] }, { fallback: ['FangSong'] }), opts(dir));
    expect(book.chain('body', false)[0].familyNames).toEqual(['FangSong', '仿宋']);
  });

  it('takes the fallback face for characters the first face lacks, and none for characters no face has', async () => {
    const dir = tempProject({ 'fs.ttf': fangsong(), 'sans.ttf': testSans() });
    const { book } = await loadFontBook(template({ body: ['仿宋'] }, { fallback: ['测试黑体'] }), opts(dir));
    expect(book.faceFor('body', false, '汇'.codePointAt(0)!)!.family).toBe('仿宋');
    expect(book.faceFor('body', false, '堃'.codePointAt(0)!)!.family).toBe('测试黑体');
    expect(book.faceFor('body', false, 0x2003e)).toBeNull();
  });

  it('uses a real bold face when there is one, else the regular face with faux bold', async () => {
    const bold = withOs2(
      withNames(serif700(), { en: 'FangSong', zh: '仿宋', postscript: 'FangSong-Bold', subfamily: 'Bold' }),
      { weight: 700 },
    );
    const both = await loadFontBook(
      template({}, { fallback: ['仿宋'] }),
      opts(tempProject({ 'r.ttf': fangsong(), 'b.ttf': bold })),
    );
    const b = both.book.chain('body', true)[0];
    expect([b.weight, needsFakeBold(b, true)]).toEqual([700, false]);
    expect(both.book.chain('body', false)[0].weight).toBe(400);
    const single = await loadFontBook(template({}, { fallback: ['仿宋'] }), opts(tempProject({ 'r.ttf': fangsong() })));
    const s = single.book.chain('body', true)[0];
    expect([s.weight, needsFakeBold(s, true)]).toEqual([400, true]);
  });

  it('reports a role with no face as an error at the template file', async () => {
    const t = template(
      { body: ['仿宋'], title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S'] },
      { file: '/tpl/official.yaml' },
    );
    const err = await loadFontBook(t, opts(tempProject({ 'fs.ttf': fangsong() }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    const d = (err as SourceError).diagnostics;
    expect(d.map((x) => [x.file, x.line, x.column, x.severity])).toContainEqual(['/tpl/official.yaml', 1, 1, 'error']);
    const title = d.find((x) => x.message.includes('role title'))!;
    expect(title.message).toMatch(/tried 方正小标宋简体, FZXiaoBiaoSong-B05S/);
    // hei, kai, song have no candidates either: every problem at once.
    expect(d.map((x) => x.message.match(/role (\w+)/)![1]).sort()).toEqual(['hei', 'kai', 'song', 'title']);
  });

  it('forbids a restricted-licence face for the PDF, names it unembedded for the DOCX', async () => {
    const restricted = withOs2(fangsong(), { fsType: 0x0002 });
    const t = template({}, { fallback: ['仿宋'] });
    const err = await loadFontBook(t, opts(tempProject({ 'r.ttf': restricted }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).diagnostics[0].message).toMatch(
      /restricted licence \(OS\/2 fsType 0x0002\).*PDF cannot use it/,
    );
    const docx = await loadFontBook(t, { ...opts(tempProject({ 'r.ttf': restricted })), formats: ['docx'] });
    expect(docx.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/DOCX names it without embedding it/)]);
    expect(docx.book.report.every((r) => r.embedded === false)).toBe(true);
    expect(docx.book.chain('body', false)[0].embedding).toBe('restricted');
  });

  it('forbids a restricted-licence face for the OFD too, which carries its fonts as the PDF does', async () => {
    const restricted = withOs2(fangsong(), { fsType: 0x0002 });
    const t = template({}, { fallback: ['仿宋'] });
    const messageFor = async (formats: ('pdf' | 'docx' | 'ofd')[]): Promise<string> => {
      const err = await loadFontBook(t, { ...opts(tempProject({ 'r.ttf': restricted })), formats }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SourceError);
      return (err as SourceError).diagnostics[0].message;
    };
    expect(await messageFor(['ofd'])).toMatch(/restricted licence.*so the OFD cannot use it/);
    expect(await messageFor(['pdf', 'docx', 'ofd'])).toMatch(/so the PDF and the OFD cannot use it/);
  });

  it('checks the licence only of faces a style can reach', async () => {
    const restrictedBold = withOs2(
      withNames(serif700(), { en: 'FangSong', zh: '仿宋', postscript: 'FangSong-Bold', subfamily: 'Bold' }),
      { weight: 700, fsType: 0x0002 },
    );
    const files = { 'r.ttf': fangsong(), 'b.ttf': restrictedBold };
    // No style is bold: the restricted bold face is never drawn.
    const plain = await loadFontBook(template({}, { fallback: ['仿宋'] }), opts(tempProject(files)));
    expect(plain.warnings).toEqual([]);
    const boldLead = template({}, { fallback: ['仿宋'], styles: { lead: { bold: true } } });
    const err = await loadFontBook(boldLead, opts(tempProject(files))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/b\.ttf.*restricted licence/),
    ]);
  });

  it('treats preview & print and editable faces as embeddable (least restrictive bit wins)', async () => {
    const t = template({}, { fallback: ['仿宋'] });
    const { book, warnings } = await loadFontBook(
      t,
      opts(tempProject({ 'r.ttf': withOs2(fangsong(), { fsType: 0x0006 }) })),
    );
    expect(warnings).toEqual([]);
    expect(book.chain('body', false)[0].embedding).toBe('preview');
  });

  it('embeds a no-subsetting face whole, with a warning', async () => {
    const dir = tempProject({ 'n.ttf': withOs2(fangsong(), { fsType: 0x0100 }) });
    const { book, warnings } = await loadFontBook(template({}, { fallback: ['仿宋'] }), opts(dir));
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/forbids subsetting .*whole font/)]);
    const face = book.chain('body', false)[0];
    expect(face.noSubset).toBe(true);
    const out = await subsetFont(face, [0x6c47]);
    expect(out.equals(readFileSync(face.file))).toBe(true);
  });

  it('warns about variable fonts it passes over', async () => {
    const { withTable } = await import('./helpers/font-edit.js');
    const dir = tempProject({ 'v.ttf': withTable(fangsong(), 'fvar', Buffer.alloc(16)), 's.ttf': testSans() });
    const { book, warnings } = await loadFontBook(template({ body: ['仿宋'] }, { fallback: ['Test Sans'] }), opts(dir));
    expect(book.chain('body', false)[0].family).toBe('Test Sans');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].file.endsWith('v.ttf')).toBe(true);
    expect(warnings[0].message).toMatch(/variable font; huibian needs static instances/);
  });

  it('gives deterministic face keys and shares face objects between books', async () => {
    const dir = tempProject({ 'fs.ttf': fangsong() });
    const t = template({}, { fallback: ['仿宋'] });
    const a = await loadFontBook(t, opts(dir));
    const b = await loadFontBook(t, opts(dir));
    const keys = [...a.book.faces.keys()];
    // Other tests' temporary folders hold fonts of the same PostScript name: those get a path hash.
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^FangSong-400(-[0-9a-f]{8})?$/);
    expect([...b.book.faces.keys()]).toEqual(keys);
    expect(b.book.chain('body', false)[0]).toBe(a.book.chain('body', false)[0]);
  });
});

describe('the npm defaults', () => {
  it('resolve every role of an official-style template, converting LXGW WenKai once into the cache', async () => {
    const cacheDir = tempDir();
    const t = template(
      {
        title: ['方正小标宋简体', ['Noto Serif SC', 900]],
        body: ['仿宋_GB2312', 'FangSong_GB2312', 'Noto Serif SC'],
        hei: ['黑体', 'SimHei', ['Noto Sans SC', 500]],
        kai: ['楷体_GB2312', 'LXGW WenKai'],
        song: ['宋体', 'Noto Serif SC'],
      },
      { fallback: ['Noto Serif SC'] },
    );
    const { book } = await loadFontBook(t, { projectDir: tempProject(), systemFonts: false, cacheDir });
    const first = (r: 'title' | 'body' | 'hei' | 'kai' | 'song') => book.chain(r, false)[0];
    expect([first('title').postscriptName, first('title').weight]).toEqual(['NotoSerifSC-Black', 900]);
    expect(first('body').postscriptName).toBe('NotoSerifSC-Regular');
    expect(first('hei').postscriptName).toBe('NotoSansSC-Medium');
    const kai = first('kai');
    expect([kai.postscriptName, kai.weight]).toEqual(['LXGWWenKai-Regular', 400]);
    expect(kai.file.startsWith(cacheDir)).toBe(true);
    expect(kai.hasGlyph('霞'.codePointAt(0)!)).toBe(true);
    expect(kai.advanceEm('霞'.codePointAt(0)!)).toBe(1);
    expect(book.report.find((r) => r.role === 'kai')!.fallbacksTaken).toEqual(['楷体_GB2312']);
  });
});

describe('clearFontCaches', () => {
  it('makes the next font book read the files again: new face objects, the same measurements', async () => {
    const { clearFontCaches } = await import('../../src/fonts/index.js');
    const dir = tempProject({ 'fs.ttf': fangsong() });
    const t = template({ body: ['FangSong'] }, { fallback: ['FangSong'] });
    const o = opts(dir);
    const first = (await loadFontBook(t, o)).book.chain('body', false)[0]!;
    const again = (await loadFontBook(t, o)).book.chain('body', false)[0]!;
    expect(again).toBe(first);
    const measure = (f: typeof first): number[] =>
      [...'汇编ABC'].map((ch) => f.advanceEm(ch.codePointAt(0)!)).concat(f.measureEm('ABC'));
    const before = measure(first);
    clearFontCaches();
    const fresh = (await loadFontBook(t, o)).book.chain('body', false)[0]!;
    expect(fresh).not.toBe(first);
    expect([fresh.key, ...measure(fresh)]).toEqual([first.key, ...before]);
  });
});
