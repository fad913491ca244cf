/**
 * The benchmark generator (bench/generate.mjs) and profile summary
 * (bench/profile-summary.mjs): deterministic, well-formed collections in
 * huibian's source format (docs/sources.md) and the Typst/pandoc copies of the same text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
// @ts-expect-error plain ESM module without type declarations
import * as gen from '../../bench/generate.mjs';
// @ts-expect-error plain ESM module without type declarations
import { summariseProfile } from '../../bench/profile-summary.mjs';
// @ts-expect-error plain ESM module without type declarations
import { linkFontDir, peerFonts } from '../../bench/lib/fonts.mjs';
// @ts-expect-error plain ESM module without type declarations
import { mulberry32, shuffled } from '../../bench/lib/prng.mjs';

type Seg = { kind: 'text' | 'lead' | 'em'; text: string };
type Piece = {
  n: number;
  id: string;
  title: string;
  subtitle: string | null;
  role: string;
  author: string;
  paragraphs: Seg[][];
};
type Gen = { title: string; pieces: Piece[] };

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'sources/chongqing-2023-10');
let sample: { paragraphs: Seg[][]; heads: { title: string; role: string; author: string }[] };

beforeAll(async () => {
  sample = await gen.readSample(SAMPLE);
});

describe('segmentParagraph', () => {
  it('splits a lead, an emphasis directly after it, and plain text', () => {
    expect(gen.segmentParagraph('**一、培育。***加快完善。*重庆投用，新增607家。')).toEqual([
      { kind: 'lead', text: '一、培育。' },
      { kind: 'em', text: '加快完善。' },
      { kind: 'text', text: '重庆投用，新增607家。' },
    ]);
  });

  it('round-trips every sample paragraph through Markdown', () => {
    for (const p of sample.paragraphs) expect(gen.segmentParagraph(gen.paragraphToMarkdown(p))).toEqual(p);
  });
});

describe('readSample', () => {
  it('reads the nine pieces with their bylines and paragraphs', () => {
    expect(sample.heads).toHaveLength(9);
    expect(sample.heads[0]).toMatchObject({
      title: '以数字化变革塑造高质量发展新动能',
      role: '西部科学城重庆高新区党工委书记',
      author: '张安疆',
    });
    expect(sample.paragraphs.length).toBeGreaterThanOrEqual(27);
    expect(sample.paragraphs.some((p) => p.some((s) => s.kind === 'lead'))).toBe(true);
  });
});

describe('generatePieces', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a: Gen = gen.generatePieces(sample, 50, 7);
    const b: Gen = gen.generatePieces(sample, 50, 7);
    const c: Gen = gen.generatePieces(sample, 50, 8);
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).not.toEqual(JSON.stringify(c));
  });

  it('makes the requested count with mixed lengths, bylines from the sample and some Latin text', () => {
    const g: Gen = gen.generatePieces(sample, 200, 20231024);
    expect(g.pieces).toHaveLength(200);
    expect(new Set(g.pieces.map((p) => p.id)).size).toBe(200);
    const counts = g.pieces.map((p) => p.paragraphs.length);
    expect(Math.min(...counts)).toBeLessThanOrEqual(2);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(8);
    const bylines = new Set(sample.heads.map((h) => h.role + h.author));
    for (const p of g.pieces) expect(bylines.has(p.role + p.author)).toBe(true);
    const text = g.pieces.flatMap((p) => p.paragraphs.flat().map((s) => s.text)).join('');
    const inserts = (gen.LATIN_INSERTS as string[]).filter((s) => text.includes(s));
    expect(inserts.length).toBeGreaterThan(3);
  });
});

describe('serialisers', () => {
  it('writes front matter that parses back to the piece', () => {
    const p: Piece = {
      n: 3,
      id: 'p0003',
      title: '标题：“引号”',
      subtitle: '副题',
      role: '区委书记',
      author: '张三',
      paragraphs: [[{ kind: 'text', text: '正文。' }]],
    };
    const md: string = gen.pieceToMarkdown(p);
    const fm = parseYaml(md.split('---\n')[1]);
    expect(fm).toEqual({ title: '标题：“引号”', subtitle: '副题', role: '区委书记', author: '张三', id: 'p0003' });
    expect(md.trimEnd().endsWith('正文。')).toBe(true);
    expect(gen.pieceFileName(p, 1000)).toBe('0003-p0003.md');
    expect(gen.pieceFileName(p, 9)).toBe('03-p0003.md');
  });

  it('escapes Typst markup characters', () => {
    expect(gen.escapeTypst('a#b*c_d[e]f$g@h<i>j/k\\l')).toBe('a\\#b\\*c\\_d\\[e\\]f\\$g\\@h\\<i\\>j\\/k\\\\l');
    expect(
      gen.paragraphToTypst([
        { kind: 'lead', text: '一、' },
        { kind: 'em', text: '快。' },
        { kind: 'text', text: '1/3' },
      ]),
    ).toBe('#lead[一、];#kai[快。];1\\/3');
  });
});

describe('writeCollection', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hb-gen-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes collection.yaml listing every piece file, and the peers’ copies', async () => {
    const setup = {
      page: { widthPt: 595, heightPt: 842, marginTopPt: 80, marginBottomPt: 80, marginLeftPt: 80, marginRightPt: 70 },
      body: { sizePt: 12, linePt: 20, firstIndentPt: 24 },
      title: { sizePt: 20, linePt: 30 },
      pageNumberSizePt: 10,
    };
    const fonts = {
      body: 'Noto Serif SC',
      title: 'Noto Serif SC',
      titleWeight: 900,
      hei: 'Noto Sans SC',
      heiWeight: 500,
      kai: 'LXGW WenKai',
    };
    const { gen: g } = await gen.writeCollection({
      sampleDir: SAMPLE,
      outDir: dir,
      count: 12,
      typst: { setup, fonts },
    });
    const coll = parseYaml(await readFile(path.join(dir, 'collection.yaml'), 'utf8'));
    const files = (await readdir(dir)).filter((f) => f.endsWith('.md') && f !== 'pandoc.md').sort();
    expect(coll.pieces).toEqual(files);
    expect(files).toHaveLength(12);
    const typ = await readFile(path.join(dir, 'typst/main.typ'), 'utf8');
    expect(typ).toContain('leading: 8pt');
    expect(typ).toContain('#outline(');
    expect(typ.match(/^= /gm)).toHaveLength(12);
    const pandoc = await readFile(path.join(dir, 'pandoc.md'), 'utf8');
    expect(pandoc.match(/^# /gm)).toHaveLength(12);
    expect(pandoc).toContain((g as Gen).pieces[11].title);
  });

  it('gives Typst a document it compiles: a contents page, then each piece on its own page', async () => {
    const fontDir = path.join(dir, 'fonts');
    const files = await linkFontDir(fontDir, peerFonts(ROOT, []));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'bench/typst-peer.mjs'), dir, fontDir, path.join(dir, 'typst.pdf')],
      { encoding: 'utf8' },
    );
    const { pages } = JSON.parse(out);
    expect(pages).toBeGreaterThanOrEqual(13);
    const text = execFileSync('pdftotext', [path.join(dir, 'typst.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('目录');
    expect(text).not.toMatch(/#lead|#kai|\\/);
  });
});

describe('bigPieceMarkdown', () => {
  it('is deterministic, about the size asked, and a piece huibian reads without an error', async () => {
    const text: string = gen.bigPieceMarkdown(sample, 200_000);
    expect(gen.bigPieceMarkdown(sample, 200_000)).toBe(text);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(200_000);
    expect(Buffer.byteLength(text)).toBeLessThan(205_000);
    const { parsePiece } = await import('../../src/sources/index.js');
    const { piece, diagnostics } = parsePiece(text, 'big.md', 1, { collectionDir: null });
    expect(diagnostics).toEqual([]);
    const kinds = new Set(piece.blocks.map((b) => b.kind));
    for (const k of ['heading', 'paragraph', 'list', 'quote']) expect(kinds).toContain(k);
    expect(piece.footnotes.length).toBeGreaterThan(10);
  });
});

describe('prng', () => {
  it('repeats for a seed and shuffles to a permutation', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffled(mulberry32(1), xs)).toEqual(shuffled(mulberry32(1), xs));
    expect([...shuffled(mulberry32(1), xs)].sort((a: number, b: number) => a - b)).toEqual(xs);
  });
});

describe('summariseProfile', () => {
  it('charges each sample’s time delta to its leaf function and groups by file', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
        { id: 2, callFrame: { functionName: 'breakLines', url: 'file:///p/dist/layout/break.js', lineNumber: 9 } },
        { id: 3, callFrame: { functionName: 'measure', url: 'file:///p/dist/layout/break.js', lineNumber: 40 } },
        { id: 4, callFrame: { functionName: 'deflate', url: 'file:///p/node_modules/pako/x.js', lineNumber: 0 } },
      ],
      samples: [2, 3, 2, 4, 2],
      timeDeltas: [1000, 2000, 3000, 500, 500],
    };
    const s = summariseProfile(profile, { top: 3, root: '/p' });
    expect(s.totalMs).toBe(7);
    expect(s.functions[0]).toMatchObject({ name: 'breakLines', file: 'dist/layout/break.js', line: 10, selfMs: 4.5 });
    expect(s.functions[1]).toMatchObject({ name: 'measure', selfMs: 2 });
    expect(s.files[0]).toMatchObject({ file: 'dist/layout/break.js', selfMs: 6.5 });
    expect(s.files[1]).toMatchObject({ file: 'npm:pako/x.js', selfMs: 0.5 });
  });
});
