/**
 * Watch-mode output: files replaced one by one in the output folder, each heard as it
 * lands; what the previous build listed and this one did not write is removed on commit,
 * and nothing outside the folder is touched whatever the old report.json says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InPlaceOutput } from '../../src/app/in-place.js';

let root: string;
let out: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'huibian-in-place-'));
  out = join(root, 'out');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('InPlaceOutput', () => {
  it('creates the folder and replaces files in the order written', async () => {
    const heard: string[] = [];
    const o = await InPlaceOutput.create(out, (f) => heard.push(f));
    await o.put('compilation.pdf', 'pdf');
    await o.put('handouts/01-a.pdf', 'h');
    await o.put('report.json', JSON.stringify({ files: ['compilation.pdf', 'handouts/01-a.pdf', 'report.json'] }));
    await o.commit();
    expect(heard).toEqual(['compilation.pdf', 'handouts/01-a.pdf', 'report.json']);
    expect(await readFile(join(out, 'handouts/01-a.pdf'), 'utf8')).toBe('h');
    expect((await readdir(out)).sort()).toEqual(['compilation.pdf', 'handouts', 'report.json']);
  });

  it("removes the previous build's files this one did not write, and nothing else", async () => {
    await mkdir(join(out, 'handouts'), { recursive: true });
    await writeFile(join(root, 'keep.txt'), 'outside');
    await writeFile(join(out, 'notes.txt'), 'not ours');
    await writeFile(join(out, 'handouts', '02-old.pdf'), 'old');
    await writeFile(join(out, 'compilation.pdf'), 'old');
    await writeFile(
      join(out, 'report.json'),
      JSON.stringify({ files: ['compilation.pdf', 'handouts/02-old.pdf', '../keep.txt', 'report.json'] }),
    );
    const o = await InPlaceOutput.create(out);
    await o.put('compilation.pdf', 'new');
    await o.put('report.json', '{}');
    await o.commit();
    expect(existsSync(join(out, 'handouts', '02-old.pdf'))).toBe(false);
    expect(await readFile(join(out, 'compilation.pdf'), 'utf8')).toBe('new');
    expect(await readFile(join(root, 'keep.txt'), 'utf8')).toBe('outside');
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('not ours');
  });

  it('leaves no temporary files behind', async () => {
    const o = await InPlaceOutput.create(out);
    await o.put('compilation.pdf', 'x');
    await o.commit();
    expect(await readdir(out)).toEqual(['compilation.pdf']);
  });
});
