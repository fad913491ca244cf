/**
 * Handouts made by worker threads (`build --jobs N`, src/app/pool.ts) give the same files
 * as on the main thread: every byte, report.json (apart from its timings) and the warnings
 * printed. A worker's failure comes back as the same kind of error, and the build stops.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { huibian, SAMPLE } from '../helpers/cli.js';
import { listFiles } from '../helpers/tmp.js';
import { SourceError } from '../../src/model/diagnostics.js';
import { prepare } from '../../src/app/prepare.js';
import { HandoutPool, passError, revive } from '../../src/app/pool.js';
import { startHandouts } from '../../src/app/handouts.js';
import { loadRenderers } from '../../src/app/target.js';

let tmp: string;
// One worker per piece, so that the sample's nine handouts do go through the pool.
const ENV = { SOURCE_DATE_EPOCH: '1698105600', HUIBIAN_PIECES_PER_WORKER: '1' };

beforeAll(async () => {
  // In process too: the pool below is started for the sample's nine pieces.
  vi.stubEnv('HUIBIAN_PIECES_PER_WORKER', '1');
  tmp = await mkdtemp(join(tmpdir(), 'huibian-jobs-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('build --jobs', () => {
  it('writes the same bytes, report and warnings with 1 and 3 jobs', async () => {
    const runs = ['1', '3'].map((jobs) => {
      const out = join(tmp, `jobs-${jobs}`);
      const r = huibian(['build', SAMPLE, '--out', out, '--jobs', jobs], ENV);
      expect(r.code, r.stderr).toBe(0);
      return { out, stderr: r.stderr.replace(/ to \S+/, '') };
    });
    expect(runs[1].stderr).toBe(runs[0].stderr);
    const files = await listFiles(runs[0].out);
    expect(await listFiles(runs[1].out)).toEqual(files);
    expect(files.filter((f) => f.startsWith('handouts/')).length).toBeGreaterThan(2);
    for (const f of files) {
      const [a, b] = await Promise.all(runs.map((r) => readFile(join(r.out, f))));
      if (f === 'report.json') {
        const strip = (buf: Buffer) => ({ ...JSON.parse(buf.toString('utf8')), timingsMs: null });
        expect(strip(b)).toEqual(strip(a));
      } else {
        expect(b.equals(a), f).toBe(true);
      }
    }
  });
});

describe('handout pool', () => {
  it('passes a positioned source error across as a SourceError', () => {
    const e = new SourceError([{ severity: 'error', file: 'a.md', line: 3, column: 7, message: 'bad' }]);
    const back = revive(structuredClone(passError(e)));
    expect(back).toBeInstanceOf(SourceError);
    expect((back as SourceError).diagnostics).toEqual(e.diagnostics);
    expect(revive(passError(new Error('boom'))).message).toBe('boom');
  });

  it("reports a worker's positioned error as a SourceError and writes nothing", async () => {
    const prepared = await prepare({ dir: SAMPLE, template: null, handouts: true });
    const h = prepared.handout!;
    // A handout template without fonts: every worker fails with a positioned error.
    const broken = {
      ...prepared,
      handout: {
        ...h,
        template: { ...h.template, fonts: { title: [], body: [], hei: [], kai: [], song: [] }, fallback: [] },
      },
    };
    const saved: string[] = [];
    const run = startHandouts({
      prepared: broken,
      formats: ['pdf'],
      render: await loadRenderers(['pdf']),
      date: new Date(0),
      timings: {},
      save: async (p) => {
        saved.push(p);
      },
      phase: () => {},
      jobs: 3,
    });
    const err = await run.finish().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SourceError);
    const [d] = (err as SourceError).diagnostics;
    expect(d.file).toMatch(/handout\.yaml$/);
    expect(d.message).toMatch(/no font found for role/);
    await run.abort();
    expect(saved).toEqual([]);
  });

  it('makes every piece once and ends its workers', async () => {
    const prepared = await prepare({ dir: SAMPLE, template: null, handouts: true });
    const pool = new HandoutPool(2, {
      collection: prepared.collection,
      template: prepared.handout!.template,
      formats: ['pdf'],
      dateMs: 0,
      extraFontDirs: [],
    });
    const done = await Promise.all(
      prepared.collection.pieces.map(async (p) => {
        const d = await pool.made(p.n);
        pool.written();
        return d;
      }),
    );
    expect(done.map((d) => d.n)).toEqual(prepared.collection.pieces.map((p) => p.n));
    expect(done.every((d) => d.pdf !== null && d.docx === null && d.pages > 0)).toBe(true);
    await pool.close();
  });
});
