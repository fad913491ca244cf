/**
 * Word files as offices write them (tests/fixtures/import/word, made by the docx
 * package, LibreOffice and pandoc; make.sh) imported: sources field by field, the
 * three sample speeches equal to the hand-made ones, every character of the package's
 * text accounted for, compilations split, bad inputs refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { runImport } from '../../src/import/index.js';
import { loadCollection } from '../../src/sources/index.js';
import type { OutputFile } from '../../src/import/index.js';
import { chars, missing, outputText, removedText } from './helpers.js';
import { tempDir } from '../helpers/tmp.js';

const WORD = path.resolve(import.meta.dirname, '../fixtures/import/word');
const HAND_MADE = path.resolve(import.meta.dirname, '../../sources/chongqing-2023-10');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const tmp = (): string => tempDir('huibian-word-');

/** Imports `names` (fixtures) into a fresh folder; returns the folder, the summary and the text files. */
async function imported(
  names: readonly string[],
  opts = {},
): Promise<{ dir: string; summary: string; files: OutputFile[] }> {
  const dir = path.join(tmp(), 'out');
  const r = await runImport(
    names.map((n) => path.join(WORD, n)),
    dir,
    opts,
  );
  expect(r.exitCode, r.summary).toBe(0);
  const files: OutputFile[] = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') || f.endsWith('.yaml') || f.endsWith('.txt'))
    .map((f) => ({ path: f, content: fs.readFileSync(path.join(dir, f), 'utf8') }));
  return { dir, summary: r.summary, files };
}

const read = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
const body = (md: string) => md.slice(md.indexOf('\n---\n') + 5);

/** Text a reader of the package could find: w:t, w:delText and w:instrText of the document, notes, comments, headers and footers. */
function packageText(file: string): string {
  const zip = unzipSync(fs.readFileSync(file));
  let out = '';
  for (const [name, data] of Object.entries(zip)) {
    if (!/^word\/(?:document|footnotes|endnotes|comments|header\d*|footer\d*)\.xml$/.test(name)) continue;
    const doc = new DOMParser().parseFromString(strFromU8(data), 'application/xml');
    for (const local of ['t', 'delText', 'instrText']) {
      const list = doc.getElementsByTagNameNS(W, local);
      for (let i = 0; i < list.length; i++) {
        let inChoice = false;
        for (let n: Node | null = list[i].parentNode; n; n = n.parentNode) {
          if ((n as Element).localName === 'Choice' && (n as Element).namespaceURI === MC) inChoice = true;
        }
        if (!inChoice) out += list[i].textContent ?? '';
      }
    }
  }
  return out;
}

/** Characters of the package missing from the sources + removed list, and those the sources add. */
function gap(file: string, files: readonly OutputFile[]): { lost: string[]; added: string[] } {
  const removed = files.find((f) => f.path === 'import-removed.txt')!.content as string;
  const inChars = chars(packageText(file));
  const outChars = chars(outputText(files) + removedText(removed));
  return { lost: missing(inChars, outChars), added: missing(outChars, inChars) };
}

/** Pieces of a loaded collection without positions and paths. */
function comparable(pieces: readonly object[]): unknown {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!['pos', 'file', 'n'].includes(k)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(pieces);
}

describe('three speeches as offices write them', () => {
  test('import as the hand-made sample pieces: ids, front matter and bodies', async () => {
    const { dir, summary } = await imported(['gaoxin.docx', 'yongchuan.docx', 'pengshui.docx']);
    expect(fs.readdirSync(dir).sort()).toEqual([
      '01-gaoxin.md',
      '02-yongchuan.md',
      '03-pengshui.md',
      'collection.yaml',
      'import-removed.txt',
    ]);
    // WPS-like, direct formatting: the whole file equals the hand-made one.
    expect(read(dir, '01-gaoxin.md')).toBe(read(HAND_MADE, '01-gaoxin.md'));
    // Word-like, styles only; the date stands in the byline paragraph.
    expect(read(dir, '02-yongchuan.md')).toBe(read(HAND_MADE, '05-yongchuan.md'));
    // LibreOffice: the title in two centred paragraphs keeps its break; no date line.
    expect(read(dir, '03-pengshui.md')).toBe(
      read(HAND_MADE, '09-pengshui.md')
        .replace(
          'title: 守底线抓发展促振兴积极探索山区强县富民的现代化新路子\n',
          'title: |-\n  守底线抓发展促振兴\n  积极探索山区强县富民的现代化新路子\n',
        )
        .replace('date: 2023-10-24\n', ''),
    );
    expect(read(dir, 'collection.yaml')).toBe(
      'title: out\ntemplate: compilation\nlang: zh-CN\npieces:\n  - 01-gaoxin.md\n  - 02-yongchuan.md\n  - 03-pengshui.md\n',
    );
    expect(summary).toContain('warning: no compilation title line; used the output folder name “out”');
    expect(summary).toContain(
      'pengshui.docx:1:1: warning: took “守底线抓发展促振兴” and “积极探索山区强县富民的现代化新路子” as one title of 2 lines',
    );

    const mine = (await loadCollection(dir)).collection.pieces;
    const hand = (await loadCollection(HAND_MADE)).collection.pieces;
    const pick = (ids: string[]) => hand.filter((p) => ids.includes(p.id));
    expect(comparable(mine.slice(0, 2))).toEqual(comparable(pick(['gaoxin', 'yongchuan'])));
    expect(comparable(mine[2].blocks)).toEqual(comparable(pick(['pengshui'])[0].blocks));
  });

  test('every character of each package is in the sources or in import-removed.txt', async () => {
    for (const name of ['gaoxin.docx', 'yongchuan.docx', 'pengshui.docx']) {
      const { files } = await imported([name]);
      const g = gap(path.join(WORD, name), files);
      expect(g.lost, name).toEqual([]);
      // Added: the automatic numbers (一、二、三、) written as text, and the file name used as the collection title.
      const numbers = name === 'pengshui.docx' ? [] : ['一', '二', '三', '、', '、', '、'];
      expect(g.added.sort(), name).toEqual([...numbers, ...name.replace('.docx', '')].sort());
    }
  });
});

describe('the other traits', () => {
  test('docx package: Heading 1 title, subtitle, footnote, tracked change, comment, heading, lists, link, table, image', async () => {
    const { dir, files } = await imported(['traits.docx']);
    expect(fs.readdirSync(dir).sort()).toEqual([
      '01-zaiquanshiyou.md',
      'collection.yaml',
      'images',
      'import-removed.txt',
    ]);
    expect(fs.readFileSync(path.join(dir, 'images/zaiquanshiyou-1.png'))).toEqual(
      fs.readFileSync(path.resolve(WORD, '../../docx-constructs/images/figure.png')),
    );
    const md = read(dir, '01-zaiquanshiyou.md');
    expect(md.slice(0, md.indexOf('\n---\n') + 5)).toBe(
      '---\ntitle: 在全市优化营商环境工作会议上的发言\nsubtitle: 以改革破难题\nrole: 市发展改革委主任\nauthor: 李四\nid: zaiquanshiyou\n---\n',
    );
    expect(body(md).trim().split('\n\n')).toEqual([
      // the insertion accepted, the deletion dropped, the comment's anchor text kept
      '今年以来，全市新增经营主体十二万户[^1]，增长百分之九。办事时间平均压减一半。',
      // a “标题 2” paragraph: a level-1 heading of the piece
      '## 一、主要做法',
      // automatic （一） numbering (level 2 of the 一、 list) in 楷体 → its text, emphasised with the run
      '*（一）简化审批流程。*推行一窗受理，并联审批。',
      // a bold run opening the paragraph → a lead
      '**强化要素保障。**保障重点项目用地。详见[政策汇编](https://example.org/yingshang)。',
      // a whole short paragraph in 黑体 → a heading
      '## 二、下步打算',
      '重点抓好三件事：',
      '- 清理规章制度；\n- 建设数字平台；',
      '1. 上半年完成评估。\n2. 下半年全面推开。',
      '| 指标 | 增速 |\n| --- | --- |\n| 经营主体 | 9% |',
      '![流程图](images/zaiquanshiyou-1.png)',
      '我们将*久久为功*，持续用力。',
      '[^1]: 数据来自市统计局快报。',
    ]);
    expect(read(dir, 'import-removed.txt').split('\n').slice(2)).toEqual([
      '2:1\tsubtitle-dash\t——',
      '4:1\tdeletion\t群众满意度大幅提升。',
      '4:1\tcomment\t请核实此数',
      'word/footer1.xml:1:1\theader-footer\t—  —',
      'word/footer1.xml:1:1\tfield-instruction\tPAGE',
      'word/header1.xml:1:1\theader-footer\t内部资料　注意保存',
      '',
    ]);
    const g = gap(path.join(WORD, 'traits.docx'), files);
    expect(g.lost).toEqual([]);
    // Added: the （一） number and the file name as collection title.
    expect(g.added.sort()).toEqual([...'（一）', ...'traits'].sort());
    const c = (await loadCollection(dir)).collection;
    expect(c.pieces[0].footnotes).toHaveLength(1);
    // The check sees a loss: without the deletion's row, its text is missing.
    const withoutDeletion = files.map((f) =>
      f.path === 'import-removed.txt'
        ? { ...f, content: (f.content as string).replace(/^.*\tdeletion\t.*\n/m, '') }
        : f,
    );
    expect(gap(path.join(WORD, 'traits.docx'), withoutDeletion).lost.sort()).toEqual(
      [...'群众满意度大幅提升。'].sort(),
    );
  });

  test('LibreOffice: Title and Subtitle styles, date in the byline, footnote, tracked changes, comment, 一、 list, table, image', async () => {
    const { dir, files } = await imported(['lo-traits.docx']);
    expect(fs.readdirSync(dir).sort()).toEqual(['01-jiangbei.md', 'collection.yaml', 'images', 'import-removed.txt']);
    const md = read(dir, '01-jiangbei.md');
    expect(md.slice(0, md.indexOf('\n---\n') + 5)).toBe(
      '---\ntitle: 围着企业转盯着项目干\nsubtitle: 全力扛起经济稳进增效的责任担当\nrole: 江北区委书记\nauthor: 滕宏伟\ndate: 2023-10-24\nid: jiangbei\n---\n',
    );
    expect(body(md).trim().split('\n\n')).toEqual([
      '江北区持续彰显动力引擎作用[^1]，前三季度GDP增长6.2%。社零增速居全市第一。',
      '**一、夯实三大支柱。**金融、商贸、工业协同发力，规上工业增加值增速居中心城区第一。',
      '**二、激活三大动能。***推动数字赋能提效。*揭牌数字重庆应用开发中心。',
      '| 指标 | 增速 |\n| --- | --- |\n| GDP | 6.2% |',
      '![](images/jiangbei-1.png)',
      '奋力交出全年经济社会发展高分报表。',
      '[^1]: 数据截至9月底。',
    ]);
    expect(read(dir, 'import-removed.txt').split('\n').slice(2)).toEqual([
      '2:1\tsubtitle-dash\t——',
      '3:11\tbyline-date\t（2023年10月24日）',
      '4:1\tdeletion\t此句已删去。',
      '5:1\tcomment\t补充数据',
      '',
    ]);
    const g = gap(path.join(WORD, 'lo-traits.docx'), files);
    expect(g.lost).toEqual([]);
    expect(g.added.sort()).toEqual([...'一、二、', ...'lo-traits'].sort());
  });

  test('pandoc: a .docx holding a whole compilation is split by its contents list', async () => {
    const { dir, files } = await imported(['compilation.docx']);
    expect(fs.readdirSync(dir).sort()).toEqual([
      '01-dingqu.md',
      '02-wuzhen.md',
      'collection.yaml',
      'import-removed.txt',
    ]);
    const c = (await loadCollection(dir)).collection;
    expect(c.title).toBe('青年干部座谈会发言汇编');
    expect(c.showCount).toBe(true);
    expect(c.pieces.map((p) => [p.id, p.title, p.role, p.author])).toEqual([
      ['dingqu', '在实践中锤炼过硬本领', '丁区发展改革委主任', '周丁'],
      ['wuzhen', '把青春写在大地上', '戊镇镇长', '吴戊'],
    ]);
    expect(body(read(dir, '01-dingqu.md')).trim().split('\n\n')).toEqual([
      '参加工作以来，我始终把学习放在首位，在基层一线摸爬滚打，积累了经验。',
      '**一、坚持学习。**每天读书一小时，*学用结合*，边学边干。',
      '| 年份 | 读书（本） |\n| --- | --- |\n| 2024 | 24 |',
      '**二、坚持实践。**主动到项目一线蹲点。',
    ]);
    expect(gap(path.join(WORD, 'compilation.docx'), files)).toEqual({ lost: [], added: [] });
  });
});

describe('inputs and the output folder', () => {
  test('Word and text files mix in the order given; ids stay unique', async () => {
    const dir = path.join(tmp(), 'mixed');
    const r = await runImport(
      [path.join(WORD, 'gaoxin.docx'), path.resolve(WORD, '../no-contents.txt'), path.join(WORD, 'gaoxin.docx')],
      dir,
    );
    expect(r.exitCode, r.summary).toBe(0);
    const c = (await loadCollection(dir)).collection;
    expect(c.title).toBe('青年干部座谈会发言汇编');
    expect(c.pieces.map((p) => [p.file, p.id])).toEqual([
      ['01-gaoxin.md', 'gaoxin'],
      ['02-dingqu.md', 'dingqu'],
      ['03-wuzhen.md', 'wuzhen'],
      ['04-gaoxin-2.md', 'gaoxin-2'],
    ]);
    const removed = read(dir, 'import-removed.txt').split('\n');
    expect(removed[0]).toBe(
      `# huibian import: text removed from ${path.join(WORD, 'gaoxin.docx')} (Word), ${path.resolve(WORD, '../no-contents.txt')} (UTF-8), ${path.join(WORD, 'gaoxin.docx')} (Word)`,
    );
    expect(removed.filter((l) => l.startsWith('# /'))).toHaveLength(3);
  });

  test('.doc and .wps files are refused with the command that converts them; nothing is written', async () => {
    const d = tmp();
    const doc = path.join(d, '发言.doc');
    const wps = path.join(d, '发言.wps');
    fs.writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    fs.writeFileSync(wps, 'x');
    const out = path.join(d, 'out');
    const r = await runImport([doc, path.join(WORD, 'gaoxin.docx'), wps], out);
    expect(r.exitCode).toBe(1);
    expect(r.summary.split('\n')).toEqual([
      `${doc}:1:1: error: a Word 97–2003 or WPS file (.doc) cannot be read; save it as .docx in Word or WPS, or convert it with: soffice --headless --convert-to docx "${doc}"`,
      `${wps}:1:1: error: a Word 97–2003 or WPS file (.wps) cannot be read; save it as .docx in Word or WPS, or convert it with: soffice --headless --convert-to docx "${wps}"`,
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a damaged .docx is a positioned error', async () => {
    const d = tmp();
    const bad = path.join(d, 'bad.docx');
    fs.writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
    const r = await runImport([bad], path.join(d, 'out'));
    expect(r.exitCode).toBe(1);
    expect(r.summary).toMatch(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error: not a readable Word \\(\\.docx\\) file: `),
    );
  });
});
