/**
 * Validation (docs/sources.md): every problem is a positioned diagnostic with an exact
 * message and line:column, and all of them are thrown at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCollection } from '../../src/sources/index.js';
import { diagnose, lines, listing, makeCollection, piece } from './helpers.js';

const PNG = fs.readFileSync(path.resolve('tests/fixtures/sources/image/images/figure.png'));
const GB18030_BYTES = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xa1, 0xa3]); // 中文。

async function errorsOf(files: Record<string, string | Uint8Array>): Promise<string[]> {
  return lines((await diagnose(makeCollection(files))).errors);
}

describe('collection.yaml', () => {
  test('malformed YAML is reported at the YAML error', async () => {
    expect(await errorsOf({ 'collection.yaml': 'title: 汇编\npieces: [a.md\n', 'a.md': piece() })).toEqual([
      'col/collection.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  test('missing title', async () => {
    expect(await errorsOf({ 'collection.yaml': 'pieces:\n  - a.md\n', 'a.md': piece() })).toEqual([
      'col/collection.yaml:1:1: missing "title" in collection.yaml',
    ]);
  });

  test('unknown key with a did-you-mean hint', async () => {
    expect(await errorsOf({ 'collection.yaml': listing(['a.md'], 'showCont: false\n'), 'a.md': piece() })).toEqual([
      'col/collection.yaml:2:1: unknown key "showCont" (did you mean "showCount"?)',
    ]);
  });

  test('unknown banner key', async () => {
    expect(
      await errorsOf({ 'collection.yaml': listing(['a.md'], 'banner:\n  headlin: 标题\n'), 'a.md': piece() }),
    ).toEqual(['col/collection.yaml:3:3: unknown banner key "headlin" (did you mean "headline"?)']);
  });

  test('wrong type: showCount: "yes"', async () => {
    expect(await errorsOf({ 'collection.yaml': listing(['a.md'], 'showCount: "yes"\n'), 'a.md': piece() })).toEqual([
      'col/collection.yaml:2:12: "showCount" must be true or false, not text ("yes")',
    ]);
  });

  test('lang must be a string', async () => {
    expect(await errorsOf({ 'collection.yaml': listing(['a.md'], 'lang: [zh, en]\n'), 'a.md': piece() })).toEqual([
      'col/collection.yaml:2:7: "lang" must be text, not a list',
    ]);
  });

  test('bad banner date', async () => {
    expect(
      await errorsOf({ 'collection.yaml': listing(['a.md'], 'banner:\n  date: 2023/10/24\n'), 'a.md': piece() }),
    ).toEqual(['col/collection.yaml:3:9: "date" must be a date written YYYY-MM-DD, not text ("2023/10/24")']);
  });

  test('a piece listed twice', async () => {
    expect(
      await errorsOf({ 'collection.yaml': listing(['a.md', 'b.md', 'a.md']), 'a.md': piece(), 'b.md': piece() }),
    ).toEqual(['col/collection.yaml:5:5: piece "a.md" is listed twice (first at line 3)']);
  });

  test('a listed piece file is missing', async () => {
    expect(await errorsOf({ 'collection.yaml': listing(['a.md', 'gone.md']), 'a.md': piece() })).toEqual([
      'col/collection.yaml:4:5: piece file "gone.md" not found',
    ]);
  });

  test('a listed piece outside the folder', async () => {
    expect(await errorsOf({ 'collection.yaml': listing(['a.md', '../x.md']), 'a.md': piece() })).toEqual([
      'col/collection.yaml:4:5: piece "../x.md" must be a path inside the collection folder',
    ]);
  });

  test('an empty pieces list', async () => {
    expect(await errorsOf({ 'collection.yaml': 'title: 汇编\npieces: []\n' })).toEqual([
      'col/collection.yaml:2:9: "pieces" lists no piece files',
    ]);
  });

  test('a listed piece that is a symlink out of the folder', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'huibian-outside-'));
    fs.writeFileSync(path.join(outside, 'x.md'), piece());
    const dir = makeCollection({ 'collection.yaml': listing(['a.md', 'x.md']), 'a.md': piece() });
    fs.symlinkSync(path.join(outside, 'x.md'), path.join(dir, 'x.md'));
    expect(lines((await diagnose(dir)).errors)).toEqual([
      'col/collection.yaml:4:5: piece "x.md" leaves the collection folder (through a symbolic link)',
    ]);
  });

  test('a piece file in the folder but not listed is a warning', async () => {
    const out = await diagnose(
      makeCollection({
        'collection.yaml': listing(['a.md']),
        'a.md': piece(),
        'b.md': piece(),
        'NOTES.md': '# Notes\n',
      }),
    );
    expect(out.errors).toEqual([]);
    expect(lines(out.warnings)).toEqual(['col/b.md:1:1: piece file "b.md" is not listed in collection.yaml']);
    expect(out.warnings[0].severity).toBe('warning');
  });

  test('both pieces and parts', async () => {
    const yaml = 'title: 汇编\npieces:\n  - a.md\nparts:\n  - title: 上篇\n    pieces: [a.md]\n';
    expect(await errorsOf({ 'collection.yaml': yaml, 'a.md': piece() })).toEqual([
      'col/collection.yaml:4:1: use either "pieces" or "parts", not both',
    ]);
  });

  test('neither pieces nor parts', async () => {
    expect(await errorsOf({ 'collection.yaml': 'title: 汇编\n', 'a.md': piece() })).toEqual([
      'col/collection.yaml:1:1: collection.yaml needs "pieces" (a list of piece files) or "parts"',
    ]);
  });

  test('a part without title', async () => {
    const yaml = 'title: 汇编\nparts:\n  - pieces: [a.md]\n';
    expect(await errorsOf({ 'collection.yaml': yaml, 'a.md': piece() })).toEqual([
      'col/collection.yaml:3:5: missing "title" in part',
    ]);
  });

  test('collection.yaml not UTF-8 (GB18030)', async () => {
    const bytes = new Uint8Array([...Buffer.from('title: '), ...GB18030_BYTES, 0x0a]);
    expect(await errorsOf({ 'collection.yaml': bytes })).toEqual([
      'col/collection.yaml:1:8: file is not UTF-8 (it looks like GB18030); save it as UTF-8',
    ]);
  });

  test('no collection.yaml', async () => {
    expect(await errorsOf({ 'a.md': piece() })).toEqual([
      'col/collection.yaml:1:1: collection.yaml not found in "col"',
    ]);
  });
});

describe('piece files', () => {
  const one = (text: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}) =>
    errorsOf({ 'collection.yaml': listing(['a.md']), 'a.md': text, ...extra });

  test('missing title', async () => {
    expect(await one(piece('正文。', 'author: 张三'))).toEqual(['col/a.md:1:1: missing "title" in the front matter']);
  });

  test('no front matter at all', async () => {
    expect(await one('正文。\n')).toEqual([
      'col/a.md:1:1: missing front matter: a piece starts with "---", "title: …", "---"',
    ]);
  });

  test('unknown front matter key with a did-you-mean hint', async () => {
    expect(await one(piece('正文。', 'title: 标题\nautor: 张三'))).toEqual([
      'col/a.md:3:1: unknown front matter key "autor" (did you mean "author"?)',
    ]);
  });

  test('malformed front matter YAML', async () => {
    expect(await one(piece('正文。', 'title: 标题\nrole: [a'))).toEqual([
      'col/a.md:3:9: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  test('wrong type in front matter', async () => {
    expect(await one(piece('正文。', 'title: 标题\nauthor: 42'))).toEqual([
      'col/a.md:3:9: "author" must be text, not a number (42)',
    ]);
  });

  test('bad dates', async () => {
    expect(await one(piece('正文。', 'title: 标题\ndate: 2023-10-1'))).toEqual([
      'col/a.md:3:7: "date" must be a date written YYYY-MM-DD, not text ("2023-10-1")',
    ]);
    expect(await one(piece('正文。', 'title: 标题\ndate: 2023-02-30'))).toEqual([
      'col/a.md:3:7: "date" is not a calendar date: 2023-02-30',
    ]);
  });

  test('an empty piece', async () => {
    expect(await one('---\ntitle: 标题\n---\n\n')).toEqual(['col/a.md:4:1: the piece is empty: it has no body text']);
  });

  test('raw HTML', async () => {
    expect(await one(piece('第一段。\n\n<div>块</div>\n\n文字<b>粗</b>。'))).toEqual([
      'col/a.md:7:1: raw HTML is not allowed: <div>块</div>',
      'col/a.md:9:3: raw HTML is not allowed: <b>',
      'col/a.md:9:7: raw HTML is not allowed: </b>',
    ]);
  });

  test('"#" and "######" headings', async () => {
    expect(await one(piece('# 标题\n\n###### 太深\n\n正文。'))).toEqual([
      'col/a.md:5:1: a "#" heading is not allowed in a piece: the title comes from the front matter (use "##" for a level-1 heading)',
      'col/a.md:7:1: a "######" heading is too deep: pieces have four heading levels, "##" to "#####"',
    ]);
  });

  test('remote images', async () => {
    expect(await one(piece('![a](http://x.org/a.png)\n\n![b](https://x.org/b.png)\n\n![c](//x.org/c.png)'))).toEqual([
      'col/a.md:5:1: remote image "http://x.org/a.png" is not allowed: images must be local files inside the collection folder',
      'col/a.md:7:1: remote image "https://x.org/b.png" is not allowed: images must be local files inside the collection folder',
      'col/a.md:9:1: remote image "//x.org/c.png" is not allowed: images must be local files inside the collection folder',
    ]);
  });

  test('image paths that leave the collection folder', async () => {
    expect(await one(piece('![a](../a.png)\n\n![b](/etc/b.png)'))).toEqual([
      'col/a.md:5:1: image path "../a.png" leaves the collection folder',
      'col/a.md:7:1: image path "/etc/b.png" is absolute: use a path relative to the piece file, inside the collection folder',
    ]);
  });

  test('an image symlink resolving outside the collection folder', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'huibian-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.png'), PNG);
    const dir = makeCollection({ 'collection.yaml': listing(['a.md']), 'a.md': piece('![a](images/link.png)') });
    fs.mkdirSync(path.join(dir, 'images'));
    fs.symlinkSync(path.join(outside, 'secret.png'), path.join(dir, 'images/link.png'));
    expect(lines((await diagnose(dir)).errors)).toEqual([
      'col/a.md:5:1: image path "images/link.png" leaves the collection folder (through a symbolic link)',
    ]);
  });

  test('an image that is not PNG/JPEG, or missing', async () => {
    expect(await one(piece('![a](images/a.gif)\n\n![b](images/none.png)'), { 'images/a.gif': 'GIF89a……' })).toEqual([
      'col/a.md:5:1: image "images/a.gif" is not a PNG or JPEG file',
      'col/a.md:7:1: image file "images/none.png" not found',
    ]);
  });

  test('an image inside running text', async () => {
    expect(await one(piece('文字![a](images/a.png)文字'), { 'images/a.png': PNG })).toEqual([
      'col/a.md:5:3: an image must stand alone in its own paragraph',
    ]);
  });

  test('a piece file in GB18030', async () => {
    const bytes = new Uint8Array([...Buffer.from('---\ntitle: x\n---\n\n'), ...GB18030_BYTES, 0x0a]);
    expect(await one(bytes)).toEqual(['col/a.md:5:1: file is not UTF-8 (it looks like GB18030); save it as UTF-8']);
  });

  test('a piece file in UTF-16', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(piece(), 'utf16le')]);
    expect(await one(bytes)).toEqual(['col/a.md:1:1: file is not UTF-8 (it looks like UTF-16LE); save it as UTF-8']);
  });

  test('duplicate handout ids', async () => {
    const files = {
      'collection.yaml': listing(['a.md', 'b.md']),
      'a.md': piece('正文。', 'title: 甲\nid: same'),
      'b.md': piece('正文。', 'title: 乙\nid: same'),
    };
    expect(await errorsOf(files)).toEqual([
      'col/b.md:2:8: piece id "same" is also used by a.md: handout names must differ',
    ]);
  });

  test('an id that cannot be a file name', async () => {
    expect(await one(piece('正文。', 'title: 标题\nid: a/b'))).toEqual([
      'col/a.md:3:5: "id" must be usable as a file name (no spaces, slashes or leading dot): "a/b"',
    ]);
  });

  test('a footnote call with no definition is an error at its bracket; an unused definition warns', async () => {
    const dir = makeCollection({ 'collection.yaml': listing(['a.md']), 'a.md': piece('正文[^x]。\n\n[^y]: 未引用。') });
    const out = await diagnose(dir);
    expect(lines(out.errors)).toEqual(['col/a.md:5:3: footnote "[^x]" has no definition']);
  });

  test('undefined footnote calls: each one, on later lines of a paragraph and in emphasis; an escaped one is text', async () => {
    const body = '第一行[^a]，\n第二行 *强调[^b]* 和 \\[^c] 与[^d]。\n\n[^d]: 有定义。';
    expect(await one(piece(body))).toEqual([
      'col/a.md:5:4: footnote "[^a]" has no definition',
      'col/a.md:6:8: footnote "[^b]" has no definition',
    ]);
  });

  test('an undefined footnote call deep in a long piece (read in blocks) is placed exactly', async () => {
    const para = '段落文字'.repeat(40);
    const filler = Array.from({ length: 400 }, () => para).join('\n\n');
    const body = `${filler}\n\n末段[^late]。`;
    const line = 5 + 400 * 2;
    expect(await one(piece(body))).toEqual([`col/a.md:${line}:3: footnote "[^late]" has no definition`]);
  });
});

describe('accepted input', () => {
  test('a UTF-8 BOM is accepted and stripped', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const dir = makeCollection({
      'collection.yaml': new Uint8Array([...bom, ...Buffer.from(listing(['a.md']))]),
      'a.md': new Uint8Array([...bom, ...Buffer.from(piece('正文。', 'title: 标题'))]),
    });
    const { collection } = await loadCollection(dir);
    expect(collection.title).toBe('汇编');
    expect(collection.pieces[0].title).toBe('标题');
    expect(collection.pieces[0].blocks).toHaveLength(1);
  });

  test('parts number pieces continuously', async () => {
    const yaml =
      'title: 汇编\nparts:\n  - title: 上篇\n    pieces: [a.md, b.md]\n  - title: 下篇\n    pieces:\n      - c.md\n';
    const dir = makeCollection({
      'collection.yaml': yaml,
      'a.md': piece('甲。', 'title: 甲'),
      'b.md': piece('乙。', 'title: 乙'),
      'c.md': piece('丙。', 'title: 丙'),
    });
    const { collection } = await loadCollection(dir);
    expect(collection.pieces.map((p) => [p.n, p.title])).toEqual([
      [1, '甲'],
      [2, '乙'],
      [3, '丙'],
    ]);
    expect(collection.parts.map((p) => [p.title, p.pieces])).toEqual([
      ['上篇', [1, 2]],
      ['下篇', [3]],
    ]);
    expect(collection.parts[1].pos).toMatchObject({ line: 5, column: 12 });
  });

  test('all problems of all files come at once', async () => {
    const out = await diagnose(
      makeCollection({
        'collection.yaml': listing(['a.md', 'b.md', 'c.md'], 'tilte: x\n'),
        'a.md': piece('正文。', 'autor: 张三'),
        'b.md': piece('<i>x</i>'),
      }),
    );
    expect(lines(out.errors)).toEqual([
      'col/collection.yaml:2:1: unknown key "tilte" (did you mean "title"?)',
      'col/a.md:2:1: unknown front matter key "autor" (did you mean "author"?)',
      'col/a.md:1:1: missing "title" in the front matter',
      'col/b.md:5:1: raw HTML is not allowed: <i>',
      'col/b.md:5:5: raw HTML is not allowed: </i>',
      'col/collection.yaml:6:5: piece file "c.md" not found',
    ]);
  });
});
