/**
 * Output safety (docs/design.md “Atomic output”): an output path that is a file, under
 * a file or not writable is exit 1 with the path; a failed build leaves the earlier
 * output whole; two builds started at once on the same collection and output folder
 * both succeed and leave one complete output (src/app/output.ts retries the swap).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StagedOutput } from '../../src/app/output.js';
import {
  expectCleanOutcome,
  expectWholePdf,
  piece,
  removeCollection,
  ROOT,
  runInProcess,
  writeCollection,
} from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = writeCollection({ '01.md': piece('正文第一段。\n'), '02.md': piece('正文第二段。\n', '第二篇') });
});
afterAll(() => removeCollection(dir));

const PDF_ONLY = ['--format', 'pdf', '--no-handouts', '--quiet'];

describe('output path', () => {
  it('is a file: exit 1 naming it, the file untouched', async () => {
    const file = join(dir, '..', 'a-file');
    writeFileSync(file, 'keep me');
    const r = await runInProcess(['build', dir, '--out', file, ...PDF_ONLY]);
    expectCleanOutcome(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${file}:1:1: error: output path exists and is not a folder\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('lies under a file: exit 1', async () => {
    const file = join(dir, '..', 'b-file');
    writeFileSync(file, 'x');
    const r = await runInProcess(['build', dir, '--out', join(file, 'sub'), ...PDF_ONLY]);
    expectCleanOutcome(r);
    expect(r.stderr).toMatch(/b-file\/sub:1:1: error: cannot write output here \((EEXIST|ENOTDIR)\)/);
  });

  it('is not writable (/proc): exit 1, no hang in a recursive mkdir', async () => {
    const r = await runInProcess(['build', dir, '--out', '/proc/huibian-robust/out', ...PDF_ONLY]);
    expectCleanOutcome(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^\/proc\/huibian-robust\/out:1:1: error: cannot write output here \(ENOENT\)/);
  });

  it('--only into a folder that cannot be written: exit 1', async () => {
    const r = await runInProcess([
      'build',
      dir,
      '--out',
      '/proc/huibian-robust',
      '--only',
      '1',
      '--format',
      'pdf',
      '--quiet',
    ]);
    expectCleanOutcome(r);
    expect(r.code).toBe(1);
  });
});

describe('earlier output survives', () => {
  it('a failed build after a good one leaves the good output as it was', async () => {
    const out = join(dir, '..', 'out-keep');
    const good = await runInProcess(['build', dir, '--out', out, ...PDF_ONLY]);
    expect(good.code, good.stderr).toBe(0);
    const before = readFileSync(join(out, 'compilation.pdf'));
    const broken = writeCollection({ '01.md': '---\ntitle: [\n---\n\n正文\n' });
    try {
      const bad = await runInProcess(['build', broken, '--out', out, ...PDF_ONLY]);
      expectCleanOutcome(bad);
      expect(bad.code).toBe(1);
      expect(readFileSync(join(out, 'compilation.pdf')).equals(before)).toBe(true);
      expect(readdirSync(join(out, '..')).filter((n) => n.includes('.staging-') || n.includes('.retired-'))).toEqual(
        [],
      );
    } finally {
      removeCollection(broken);
    }
  });
});

function spawnBuild(out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/huibian.js'), 'build', dir, '--out', out, ...PDF_ONLY], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('concurrent builds', () => {
  it('StagedOutput: many pairs of commits racing on one target always leave one whole folder', async () => {
    const target = join(dir, '..', 'staged-race');
    for (let round = 0; round < 25; round++) {
      const stages = await Promise.all([0, 1, 2].map(() => StagedOutput.create(target)));
      await Promise.all(
        stages.map((st, i) =>
          Promise.all([st.put('a.txt', `round ${round} by ${i}`), st.put('sub/b.txt', `${round}`)]),
        ),
      );
      await Promise.all(stages.map((st) => st.commit()));
      expect(readdirSync(target).sort()).toEqual(['a.txt', 'sub']);
      expect(readFileSync(join(target, 'a.txt'), 'utf8')).toMatch(new RegExp(`^round ${round} by [012]$`));
      expect(readFileSync(join(target, 'sub', 'b.txt'), 'utf8')).toBe(`${round}`);
    }
    expect(readdirSync(join(target, '..')).filter((n) => n.startsWith('.staged-race'))).toEqual([]);
  });

  it('StagedOutput: builds of one process that start, write and commit interleaved never remove each other’s staging folder', async () => {
    // Each builder creates its stage while the others are cleaning beside the target;
    // a stage not yet marked live was taken for a dead build's leftover and removed
    // under its writes (ENOENT on write, ENOTEMPTY on removal).
    const failures: string[] = [];
    for (let round = 0; round < 200; round++) {
      const target = join(dir, '..', `interleaved-${round}`);
      const results = await Promise.allSettled(
        [0, 1, 2, 3].map(async (i) => {
          const st = await StagedOutput.create(target);
          await st.put('a.txt', `${i}`.repeat(100_000));
          await st.put('sub/b.txt', `${round}`);
          await st.commit();
        }),
      );
      for (const r of results) if (r.status === 'rejected') failures.push(`round ${round}: ${String(r.reason)}`);
      expect(readFileSync(join(target, 'sub', 'b.txt'), 'utf8')).toBe(`${round}`);
    }
    expect(failures).toEqual([]);
  });

  it('two processes building into one folder at once both exit 0 and leave one whole output', async () => {
    const out = join(dir, '..', 'out-race');
    // A previous output, so both builds have something to swap out.
    expect((await runInProcess(['build', dir, '--out', out, ...PDF_ONLY])).code).toBe(0);
    const [a, b] = await Promise.all([spawnBuild(out), spawnBuild(out)]);
    expect(a, a.stderr).toEqual({ code: 0, stderr: '' });
    expect(b, b.stderr).toEqual({ code: 0, stderr: '' });
    expect(readdirSync(out).sort()).toEqual(['compilation.pdf', 'report.json']);
    expectWholePdf(join(out, 'compilation.pdf'));
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { pieces: unknown[] };
    expect(report.pieces).toHaveLength(2);
    expect(readdirSync(join(out, '..')).filter((n) => n.startsWith('.out-race'))).toEqual([]);
  });

  it('two builds in one process (watch + build) at once both succeed', async () => {
    const out = join(dir, '..', 'out-race-inproc');
    const [a, b] = await Promise.all([
      runInProcess(['build', dir, '--out', out, ...PDF_ONLY]),
      runInProcess(['build', dir, '--out', out, ...PDF_ONLY]),
    ]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(existsSync(join(out, 'report.json'))).toBe(true);
    expectWholePdf(join(out, 'compilation.pdf'));
    expect(readdirSync(join(out, '..')).filter((n) => n.startsWith('.out-race-inproc'))).toEqual([]);
  });
});

describe('kill -9 at any moment', () => {
  it('leaves a whole output, or the previous one set aside that the next build puts back', async () => {
    const out = join(dir, '..', 'out-kill');
    expect((await runInProcess(['build', dir, '--out', out, ...PDF_ONLY])).code).toBe(0);
    const t0 = performance.now();
    expect((await spawnBuild(out)).code).toBe(0);
    const buildMs = performance.now() - t0;
    // Kill points spread over the whole run, the late ones near the swap.
    for (const fraction of [0.5, 0.9, 1.0]) {
      const child = spawn(process.execPath, [join(ROOT, 'bin/huibian.js'), 'build', dir, '--out', out, ...PDF_ONLY], {
        stdio: 'ignore',
      });
      await new Promise((r) => setTimeout(r, buildMs * fraction));
      child.kill('SIGKILL');
      await new Promise((r) =>
        child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r),
      );
      const beside = readdirSync(join(out, '..')).filter((n) => n.startsWith('.out-kill'));
      if (existsSync(out)) {
        expect(readdirSync(out).sort()).toEqual(['compilation.pdf', 'report.json']);
        expectWholePdf(join(out, 'compilation.pdf'));
      } else {
        // Killed between the two renames of the swap: the old output waits beside it.
        expect(beside.some((n) => n.includes('.retired-'))).toBe(true);
      }
    }
    // The next build cleans up whatever the killed ones left and succeeds.
    const next = await runInProcess(['build', dir, '--out', out, ...PDF_ONLY]);
    expect(next.code, next.stderr).toBe(0);
    expectWholePdf(join(out, 'compilation.pdf'));
    expect(readdirSync(join(out, '..')).filter((n) => n.startsWith('.out-kill'))).toEqual([]);
  });
});
