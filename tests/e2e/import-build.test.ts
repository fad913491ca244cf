/**
 * `huibian import <seed> --out X && huibian build X` works, and the built
 * contents matches the hand-made sample's: same entries, same page numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtOnce, huibian, pdfText, ROOT, SAMPLE, squash } from '../helpers/cli.js';

interface Report {
  pages: { front: number; total: number };
  pieces: { n: number; title: string; subtitle: string | null; byline: string; startPage: number; endPage: number }[];
}

let tmp: string;
let imported: Report;
let sample: Report;
let sampleOut: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'huibian-imp-'));
  const src = join(tmp, 'src');
  expect(
    huibian(['import', join(ROOT, 'tests/fixtures/seed/chongqing-2023-10.txt'), '--out', src, '--quiet']).code,
  ).toBe(0);
  const a = huibian(['build', src, '--out', join(tmp, 'a'), '--no-handouts', '--format', 'pdf', '--quiet']);
  expect(a.code, a.stderr).toBe(0);
  const b = builtOnce(SAMPLE, ['--quiet']); // the run's shared build of the sample
  sampleOut = b.out;
  expect(b.result.code, b.result.stderr).toBe(0);
  imported = JSON.parse(await readFile(join(tmp, 'a', 'report.json'), 'utf8'));
  sample = JSON.parse(await readFile(join(b.out, 'report.json'), 'utf8'));
}, 240_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('import then build', () => {
  it('lists the same pieces on the same pages as the hand-made sample', () => {
    const strip = (r: Report) =>
      r.pieces.map(({ n, title, subtitle, byline, startPage, endPage }) => ({
        n,
        title,
        subtitle,
        byline,
        startPage,
        endPage,
      }));
    expect(strip(imported)).toEqual(strip(sample));
    expect(imported.pages).toEqual(sample.pages);
  });

  it('prints the same contents page', () => {
    const contents = (dir: string) => squash(pdfText(join(dir, 'compilation.pdf'), 1));
    expect(contents(join(tmp, 'a'))).toBe(contents(sampleOut));
  });
});
