/** runImport: atomic writing, refusing foreign folders, replacing a collection only with --overwrite, positioned errors. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runImport } from '../../src/import/index.js';
import { FIXTURES } from './helpers.js';
import { tempDir } from '../helpers/tmp.js';

const tmp = (): string => tempDir('huibian-run-');

describe('runImport', () => {
  test('writes the sources and the removed-text file; a second import replaces the first only with overwrite', async () => {
    const out = path.join(tmp(), 'sources', 'rules');
    const first = await runImport([path.join(FIXTURES, 'rules.txt')], out);
    expect(first.exitCode).toBe(0);
    expect(first.summary).toContain('pieces found: 2');
    const written = fs.readdirSync(out).sort();
    expect(written).toEqual(['01-jiaqu.md', '02-yixian.md', 'collection.yaml', 'import-removed.txt']);
    const refused = await runImport([path.join(FIXTURES, 'no-contents.txt')], out);
    expect(refused).toEqual({
      exitCode: 1,
      summary: `${out}:1:1: error: the output folder already holds a collection; import with --overwrite to replace it`,
    });
    expect(fs.readdirSync(out).sort()).toEqual(written);
    const second = await runImport([path.join(FIXTURES, 'no-contents.txt')], out, { overwrite: true });
    expect(second.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(out, 'collection.yaml'), 'utf8')).toContain('青年干部座谈会发言汇编');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['rules']);
  });

  test('an empty folder is used; a folder not made by an import is left alone', async () => {
    const empty = tmp();
    expect((await runImport([path.join(FIXTURES, 'parts.txt')], empty)).exitCode).toBe(0);
    expect(fs.existsSync(path.join(empty, 'collection.yaml'))).toBe(true);

    const handMade = tmp();
    fs.writeFileSync(path.join(handMade, 'collection.yaml'), 'title: 手写\n');
    const r = await runImport([path.join(FIXTURES, 'parts.txt')], handMade);
    expect(r).toEqual({
      exitCode: 1,
      summary: `${handMade}:1:1: error: the output folder already holds a collection; import with --overwrite to replace it`,
    });
    expect(fs.readFileSync(path.join(handMade, 'collection.yaml'), 'utf8')).toBe('title: 手写\n');

    const foreign = tmp();
    fs.writeFileSync(path.join(foreign, 'notes.txt'), '备忘\n');
    const f = await runImport([path.join(FIXTURES, 'parts.txt')], foreign, { overwrite: true });
    expect(f.exitCode).toBe(1);
    expect(f.summary).toBe(
      `${foreign}:1:1: error: the output folder is not empty and holds no collection (no collection.yaml or import-removed.txt); refusing to overwrite it`,
    );
    expect(fs.readdirSync(foreign)).toEqual(['notes.txt']);
  });

  test('unreadable or binary input: path:line:column: error, nothing written', async () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    const missing = await runImport([path.join(dir, 'nope.txt')], out);
    expect(missing).toEqual({
      exitCode: 1,
      summary: `${path.join(dir, 'nope.txt')}:1:1: error: cannot read the input: ENOENT`,
    });
    const bin = path.join(dir, 'bin.txt');
    fs.writeFileSync(bin, Buffer.from([0x41, 0x0a, 0x42, 0x00]));
    const r = await runImport([bin], out);
    expect(r.exitCode).toBe(1);
    expect(r.summary).toBe(`${bin}:2:2: error: not a text file (NUL byte); expected UTF-8, UTF-16 with BOM or GB18030`);
    expect(fs.existsSync(out)).toBe(false);
  });
});
