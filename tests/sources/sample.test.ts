/**
 * The sample collection sources/chongqing-2023-10: its model, and its text checked
 * against the seed (tests/fixtures/seed) after exactly the changes NOTES.md lists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Block, Collection, Inline, Piece } from '../../src/model/types.js';
import { loadCollection } from '../../src/sources/index.js';

const DIR = 'sources/chongqing-2023-10';
const SEED = fs.readFileSync(path.resolve('tests/fixtures/seed/chongqing-2023-10.txt'), 'utf8');
const NOTES = fs.readFileSync(path.resolve(DIR, 'NOTES.md'), 'utf8');

let collection: Collection;
let warnings: unknown[];
beforeAll(async () => {
  ({ collection, warnings } = await loadCollection(DIR));
});

function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) =>
      i.kind === 'text' || i.kind === 'code'
        ? i.text
        : i.kind === 'break' || i.kind === 'footnoteRef'
          ? ''
          : inlineText(i.children),
    )
    .join('');
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return inlineText(b.inlines);
    case 'quote':
      return b.blocks.map(blockText).join('');
    case 'list':
      return b.items.flatMap((it) => it.blocks.map(blockText)).join('');
    default:
      return '';
  }
}

/** Everything a reader sees of a piece, in order: headline(s), byline, body. */
function pieceText(p: Piece): string {
  return [p.title, p.subtitle ?? '', p.byline, ...p.blocks.map(blockText)].join('');
}

/** The speeches in the seed: after the banner's provenance line, before the advertising block, split at runs of blank lines. */
function seedSpeeches(): string[] {
  const provenance = /^（[^，\n]+，\d{4}年\d{1,2}月\d{1,2}日）$/m.exec(SEED);
  if (!provenance) throw new Error('no provenance line in the seed');
  const rest = SEED.slice(provenance.index + provenance[0].length);
  const adStart = rest.search(/^【/m);
  return rest
    .slice(0, adStart < 0 ? undefined : adStart)
    .split(/\n{4,}/)
    .map((s) => s.replace(/[\s\u3000]+/gu, ''))
    .filter((s) => s !== '');
}

interface Change {
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

/** The machine-readable table under "## Text replacements" in NOTES.md. */
function notedChanges(): Change[] {
  const section = NOTES.split(/^## /m).find((s) => s.startsWith('Text replacements'));
  if (!section) throw new Error('NOTES.md has no "Text replacements" section');
  return section
    .split('\n')
    .filter((l) => /^\|\s*`/.test(l))
    .map((l) => {
      const cells = l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      const unquote = (c: string) => (/^`.*`$/.test(c) ? c.slice(1, -1) : /removed/.test(c) ? '' : c);
      return { from: unquote(cells[0]), to: unquote(cells[1]), count: Number(cells[2]) };
    });
}

describe('sample collection text', () => {
  test('NOTES.md lists the watermark, GDP and 习近平 restorations', () => {
    const changes = notedChanges();
    expect(changes.map((c) => c.count)).toEqual([2, 7, 1]);
    expect(changes.every((c) => c.from !== '' && c.from !== c.to)).toBe(true);
  });

  test('each piece equals its seed speech after exactly the changes in NOTES.md', () => {
    const speeches = seedSpeeches();
    expect(speeches).toHaveLength(9);
    const changes = notedChanges();
    const applied = new Map<string, number>();
    const expected = speeches.map((s) =>
      changes.reduce((text, c) => {
        applied.set(c.from, (applied.get(c.from) ?? 0) + text.split(c.from).length - 1);
        return text.split(c.from).join(c.to);
      }, s),
    );
    for (const c of changes) expect(applied.get(c.from), c.from).toBe(c.count);
    expect(collection.pieces.map(pieceText)).toEqual(expected);
  });

  test('the pieces keep full-width digits and punctuation as published', () => {
    expect(pieceText(collection.pieces[0])).toContain('3．1万件');
    for (const p of collection.pieces) expect(pieceText(p)).not.toMatch(/[*\s]|AAA|##paid/u);
  });
});

describe('sample collection model', () => {
  test('collection metadata and banner', () => {
    expect(warnings).toEqual([]);
    expect(collection).toMatchObject({
      id: 'chongqing-2023-10',
      title: '重庆市区县委书记和部门一把手例会交流发言材料汇编',
      showCount: true,
      template: 'compilation',
      lang: 'zh-CN',
      parts: [],
    });
    expect(collection.banner).toMatchObject({
      headline: '以决战决胜姿态冲刺四季度、打好收官战',
      name: '重庆市区县委书记和部门一把手例会交流发言材料汇编',
      source: '重庆日报',
      date: '2023-10-24',
      provenance: '（重庆日报，2023年10月24日）',
    });
  });

  test('nine pieces with titles, subtitles, roles, authors and ids', () => {
    expect(collection.pieces.map((p) => [p.n, p.id, p.title, p.subtitle, p.role, p.author, p.date])).toEqual([
      [1, 'gaoxin', '以数字化变革塑造高质量发展新动能', null, '西部科学城重庆高新区党工委书记', '张安疆', '2023-10-24'],
      [
        2,
        'jiangbei',
        '围着企业转盯着项目干全力扛起经济“稳进增效”的责任担当',
        null,
        '江北区委书记',
        '滕宏伟',
        '2023-10-24',
      ],
      [3, 'changshou', '凝心铸魂唯实争先全力推动高质量发展', null, '长寿区委书记', '刘小强', '2023-10-24'],
      [
        4,
        'jiangjin',
        '高水平建强西部陆海新通道重庆主枢纽助力服务重庆建设新时代内陆开放高地',
        null,
        '江津区委书记',
        '李应兰',
        '2023-10-24',
      ],
      [5, 'yongchuan', '坚持工业立区制造强区', '加快建设现代制造业基地', '永川区委书记', '张智奎', '2023-10-24'],
      [6, 'bishan', '深化改革创新引领高质量发展', null, '璧山区区长', '江志斌', '2023-10-24'],
      [
        7,
        'tongnan',
        '全方位重塑耕地保护工作体系以高水平保护支撑高质量发展',
        null,
        '潼南区区长',
        '李成群',
        '2023-10-24',
      ],
      [8, 'zhongxian', '坚持生态优先绿色发展', '奋力交出强县富民高分报表', '忠县县委书记', '李电', '2023-10-24'],
      [
        9,
        'pengshui',
        '守底线抓发展促振兴积极探索山区强县富民的现代化新路子',
        null,
        '彭水苗族土家族自治县委书记',
        '石强',
        '2023-10-24',
      ],
    ]);
    for (const p of collection.pieces) expect(p.byline).toBe(`${p.role}${p.author}`);
    expect(collection.pieces[0].pos).toEqual({ file: path.join(DIR, '01-gaoxin.md'), line: 2, column: 8 });
  });

  test('each piece: an opening paragraph and three paragraphs opening with a lead', () => {
    for (const p of collection.pieces) {
      expect(
        p.blocks.map((b) => b.kind),
        p.id,
      ).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
      const paras = p.blocks.filter((b) => b.kind === 'paragraph');
      expect(
        paras[0].inlines.some((i) => i.kind === 'lead'),
        p.id,
      ).toBe(false);
      paras.slice(1).forEach((para, k) => {
        const first = para.inlines[0];
        expect(first.kind, p.id).toBe('lead');
        const lead = first.kind === 'lead' ? inlineText(first.children) : '';
        expect(lead, p.id).toMatch(new RegExp(`^${'一二三'[k]}、[^。]+。$`, 'u'));
        expect(
          para.inlines.filter((i) => i.kind === 'lead'),
          p.id,
        ).toHaveLength(1);
      });
    }
  });

  test('sub-topic sentences are emphasis where NOTES.md says so', () => {
    const emphasis = collection.pieces.map((p) =>
      p.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.inlines.filter((i) => i.kind === 'emphasis') : [])),
    );
    expect(emphasis.map((e) => e.length)).toEqual([8, 0, 9, 0, 9, 9, 0, 6, 0]);
    for (const e of emphasis.flat()) {
      expect(e.kind === 'emphasis' ? inlineText(e.children) : '').toMatch(/^[^。]+。$/u);
    }
    const yongchuan = emphasis[4].map((e) => (e.kind === 'emphasis' ? inlineText(e.children).slice(0, 2) : ''));
    expect(yongchuan).toEqual(['一是', '二是', '三是', '一是', '二是', '三是', '一是', '二是', '三是']);
  });
});
