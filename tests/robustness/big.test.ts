/**
 * Big inputs, generated at run time (nothing large is committed): a 2 MB piece,
 * 5,000 pieces and a table of 20,000 rows pass `huibian check` within a CPU-time bound
 * and with the exit-code contract; the full builds and their peak memory are
 * measured by tests/robustness/scale.mjs (too slow for every test run).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectCleanOutcome, piece, removeCollection, runInProcess, tempDir, writeCollection } from './helpers.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => removeCollection(d)));

const PARAGRAPH = '科学城高新区更加突出稳进增效、除险清患、改革求变、惠民有感工作导向，全力添措施、促创新、转动能。';

describe('big inputs', () => {
  it('a 2 MB piece checks in bounded time', async () => {
    const body = `${PARAGRAPH.repeat(20)}\n\n`.repeat(Math.ceil(2_000_000 / (PARAGRAPH.length * 60 + 2)));
    expect(Buffer.byteLength(body)).toBeGreaterThan(2_000_000);
    const dir = writeCollection({ '01.md': piece(body) });
    made.push(dir);
    const r = await runInProcess(['check', dir]);
    expectCleanOutcome(r);
    expect(r.code, r.stderr).toBe(0);
    expect(r.cpuMs).toBeLessThan(15_000);
  });

  it('5,000 pieces check in bounded time, numbered in order', async () => {
    const root = tempDir('many');
    const dir = join(root, 'collection');
    mkdirSync(dir);
    made.push(dir);
    const names: string[] = [];
    for (let i = 1; i <= 5000; i++) {
      const name = `${String(i).padStart(4, '0')}.md`;
      writeFileSync(join(dir, name), piece(`${PARAGRAPH}\n`, `第${i}篇`));
      names.push(name);
    }
    writeFileSync(join(dir, 'collection.yaml'), `title: 五千篇\npieces:\n${names.map((n) => `  - ${n}\n`).join('')}`);
    const r = await runInProcess(['check', dir]);
    expectCleanOutcome(r);
    expect(r.stderr).toMatch(/ok, 5000 pieces/);
    expect(r.cpuMs).toBeLessThan(20_000);
  });

  it('a table of 20,000 rows checks in bounded time', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `|${i}|数据${i}|\n`).join('');
    const dir = writeCollection({ '01.md': piece(`|序号|内容|\n|---|---|\n${rows}`) });
    made.push(dir);
    const r = await runInProcess(['check', dir]);
    expectCleanOutcome(r);
    expect(r.code, r.stderr).toBe(0);
    expect(r.cpuMs).toBeLessThan(20_000);
  });
});
