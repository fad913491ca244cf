/**
 * End to end through the real command: one `huibian build` of the sample writes
 * the compilation, a handout per piece and report.json; rebuilding gives the same
 * bytes; failures leave the previous output intact; exit codes per failure class.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtOnce, huibian, pdfPages, pdfText, ROOT, SAMPLE, squash } from '../helpers/cli.js';
import { listFiles } from '../helpers/tmp.js';
import { loadCollection } from '../../src/sources/index.js';
import type { Inline, Block, Piece } from '../../src/model/types.js';

let tmp: string;
let outA: string;
let outB: string;
let report: {
  pieces: {
    n: number;
    id: string;
    startPage: number;
    endPage: number;
    handout: { pdf: string; docx: string; pages: number };
  }[];
  pages: { front: number; body: number; total: number };
  files: string[];
  fonts: { role: string; file: string }[];
  timingsMs: Record<string, number>;
};

function inlineText(list: readonly Inline[]): string {
  return list
    .map((i) => {
      switch (i.kind) {
        case 'text':
        case 'code':
          return i.text;
        case 'lead':
        case 'emphasis':
        case 'delete':
        case 'link':
          return inlineText(i.children);
        default:
          return '';
      }
    })
    .join('');
}

function blockText(b: Block): string {
  return b.kind === 'paragraph' || b.kind === 'heading' ? inlineText(b.inlines) : '';
}

function pieceText(p: Piece): string {
  return [p.title, p.subtitle ?? '', p.byline, ...p.blocks.map(blockText)].join('');
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'huibian-e2e-'));
  outB = join(tmp, 'b');
  // outA: the run's shared build of the sample (tests/helpers/cli.ts); outB: a build of its own.
  const { out, result: a } = builtOnce(SAMPLE, ['--quiet']);
  outA = out;
  expect(a.stderr).toBe('');
  expect(a.code).toBe(0);
  const b = huibian(['build', SAMPLE, '--out', outB, '--quiet']);
  expect(b.code).toBe(0);
  report = JSON.parse(await readFile(join(outA, 'report.json'), 'utf8'));
}, 300_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('huibian build of the sample', () => {
  it('writes the compilation, 9 handout PDFs, 9 handout DOCX files and report.json', async () => {
    const files = await listFiles(outA);
    const ids = [
      'gaoxin',
      'jiangbei',
      'changshou',
      'jiangjin',
      'yongchuan',
      'bishan',
      'tongnan',
      'zhongxian',
      'pengshui',
    ];
    const expected = [
      'compilation.docx',
      'compilation.pdf',
      ...ids.flatMap((id, i) => [`handouts/0${i + 1}-${id}.docx`, `handouts/0${i + 1}-${id}.pdf`]),
      'report.json',
    ].sort();
    expect(files).toEqual(expected);
    expect([...report.files].sort()).toEqual(expected);
  });

  it('gives byte-identical outputs on a second build', async () => {
    const files = (await listFiles(outA)).filter((f) => f !== 'report.json');
    expect(files).toHaveLength(20);
    for (const f of files) {
      const [x, y] = await Promise.all([readFile(join(outA, f)), readFile(join(outB, f))]);
      expect(x.equals(y), `${f} differs between two builds`).toBe(true);
    }
  });

  it('reports page counts that match the PDFs', () => {
    expect(pdfPages(join(outA, 'compilation.pdf'))).toBe(report.pages.total);
    expect(report.pages.front + report.pages.body).toBe(report.pages.total);
    for (const p of report.pieces) {
      expect(pdfPages(join(outA, p.handout.pdf))).toBe(p.handout.pages);
      expect(p.endPage).toBeGreaterThanOrEqual(p.startPage);
    }
    expect(report.fonts.length).toBeGreaterThan(0);
    for (const key of ['parse', 'layout', 'pdf', 'docx']) expect(report.timingsMs[key]).toBeTypeOf('number');
  });

  it('puts each piece title on the printed page report.json names, and nowhere earlier', async () => {
    const { collection } = await loadCollection(SAMPLE);
    const file = join(outA, 'compilation.pdf');
    for (const p of report.pieces) {
      const title = squash(collection.pieces[p.n - 1].title);
      const page = squash(pdfText(file, report.pages.front + p.startPage));
      expect(page, `piece ${p.n} title on page ${p.startPage}`).toContain(title);
      if (p.startPage > 1) expect(squash(pdfText(file, report.pages.front + p.startPage - 1))).not.toContain(title);
    }
  });

  it('gives each handout exactly its piece text (title, subtitle, byline, body)', async () => {
    const { collection } = await loadCollection(SAMPLE);
    for (const p of collection.pieces) {
      const h = report.pieces.find((q) => q.n === p.n)!.handout;
      const pages = Array.from({ length: h.pages }, (_, i) => pdfText(join(outA, h.pdf), i + 1));
      // running header/footer lines (collection name, source, page number) are not piece text
      const body = pages
        .map((t) =>
          t
            .split('\n')
            .filter((l) => !/^\s*(—\s*)?\d+(\s*—)?\s*$/.test(l))
            .filter((l) => !l.includes(collection.title))
            .filter((l) => squash(l) !== squash(`${collection.banner!.source} 2023年10月24日`))
            .join(''),
        )
        .join('');
      expect(squash(body)).toBe(squash(pieceText(p)));
    }
  });
});

describe('failures', () => {
  it('exits 1 with a positioned error and leaves the previous output intact', async () => {
    const broken = join(tmp, 'broken');
    await cp(SAMPLE, broken, { recursive: true });
    const out = join(tmp, 'keep');
    await cp(outA, out, { recursive: true }); // a whole earlier output
    const before = await readFile(join(out, 'compilation.pdf'));
    const yaml = await readFile(join(broken, 'collection.yaml'), 'utf8');
    await writeFile(join(broken, 'collection.yaml'), yaml.replace('title:', 'tilte:'));
    const r = huibian(['build', broken, '--out', out, '--quiet', '--no-handouts']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/collection\.yaml:\d+:1: error: unknown key "tilte" \(did you mean "title"\?\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect((await readFile(join(out, 'compilation.pdf'))).equals(before)).toBe(true);
    expect((await readdir(tmp)).filter((n) => n.startsWith('.keep'))).toEqual([]);
  });

  it('exits 2 on bad usage and 0 on a clean check, writing nothing for check', async () => {
    expect(huibian(['build']).code).toBe(2);
    expect(huibian(['frobnicate', SAMPLE]).code).toBe(2);
    const r = huibian(['check', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ok, 9 pieces/);
    await expect(stat(join(ROOT, 'out', 'chongqing-2023-10', '.never'))).rejects.toThrow();
  });

  it('prints no terminal escapes when output is not a terminal', () => {
    const r = huibian(['build', SAMPLE, '--out', join(tmp, 'plain'), '--no-handouts', '--format', 'pdf']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/\u001b\[/);
    expect(r.stderr).toMatch(/wrote 2 files/);
  });

  it('survives kill -9 in the middle of a build with the previous output complete', async () => {
    const out = join(tmp, 'killed');
    await cp(outA, out, { recursive: true }); // a whole earlier output
    const before = await listFiles(out);
    const bytes = await Promise.all(before.map((f) => readFile(join(out, f))));
    const child = spawn(process.execPath, [`${ROOT}bin/huibian.js`, 'build', SAMPLE, '--out', out, '--quiet'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    // wait until the staging folder exists (the build is writing), then kill it
    for (let i = 0; i < 6000; i++) {
      const names = await readdir(tmp);
      if (names.some((n) => n.startsWith('.killed.staging-'))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(await listFiles(out)).toEqual(before);
    const after = await Promise.all(before.map((f) => readFile(join(out, f))));
    after.forEach((b, i) => expect(b.equals(bytes[i]), before[i]).toBe(true));
    // the next build cleans the dead build's staging folder
    expect(huibian(['build', SAMPLE, '--out', out, '--quiet', '--no-handouts', '--format', 'pdf']).code).toBe(0);
    expect((await readdir(tmp)).filter((n) => n.startsWith('.killed'))).toEqual([]);
  });

  it('--only builds one handout and leaves the rest of the output as it was', async () => {
    const out = join(tmp, 'only');
    const r = huibian(['build', SAMPLE, '--out', out, '--only', 'tongnan', '--quiet']);
    expect(r.code).toBe(0);
    expect(await listFiles(out)).toEqual(['handouts/07-tongnan.docx', 'handouts/07-tongnan.pdf']);
    const bad = huibian(['build', SAMPLE, '--out', out, '--only', 'nowhere']);
    expect(bad.code).toBe(2); // bad usage, with the choices listed
    expect(bad.stderr).toMatch(/--only nowhere: no piece with that number or id \(numbers 1–9; ids: gaoxin, /);
  });
});
