import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StagedOutput, recoverInterrupted, writeFileAtomic } from '../../src/app/output.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'huibian-out-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('StagedOutput', () => {
  it('replaces the previous output only on commit', async () => {
    const target = join(root, 'coll');
    await mkdir(target);
    await writeFile(join(target, 'old.txt'), 'old');
    const s = await StagedOutput.create(target);
    await s.put('handouts/01-a.pdf', 'new pdf');
    expect(await readFile(join(target, 'old.txt'), 'utf8')).toBe('old');
    await s.commit();
    expect(await readdir(target)).toEqual(['handouts']);
    expect(await readFile(join(target, 'handouts/01-a.pdf'), 'utf8')).toBe('new pdf');
    expect((await readdir(root)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('leaves the previous output untouched on abort', async () => {
    const target = join(root, 'coll');
    await mkdir(target);
    await writeFile(join(target, 'old.txt'), 'old');
    const s = await StagedOutput.create(target);
    await s.put('x.pdf', 'half');
    await s.abort();
    expect(await readdir(target)).toEqual(['old.txt']);
    expect(await readdir(root)).toEqual(['coll']);
  });

  it('cleans staging folders of dead builds and restores a retired copy', async () => {
    const target = join(root, 'coll');
    // pid 2^22+1 cannot be a live process on Linux (pid_max ≤ 2^22)
    await mkdir(join(root, '.coll.staging-4194305-0'));
    await mkdir(join(root, '.coll.retired-4194305-1'));
    await writeFile(join(root, '.coll.retired-4194305-1', 'r.txt'), 'kept');
    await recoverInterrupted(target);
    expect((await readdir(root)).sort()).toEqual(['coll']);
    expect(await readFile(join(target, 'r.txt'), 'utf8')).toBe('kept');
  });
});

describe('writeFileAtomic', () => {
  it('writes a file and leaves no temporary file', async () => {
    await writeFileAtomic(join(root, 'a', 'b.txt'), 'data');
    expect(await readFile(join(root, 'a', 'b.txt'), 'utf8')).toBe('data');
    expect(await readdir(join(root, 'a'))).toEqual(['b.txt']);
  });
});
