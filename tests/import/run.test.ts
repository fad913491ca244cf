/** runImport: atomic writing, refusing foreign folders, replacing an earlier import, positioned errors. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runImport } from '../../src/import/index.js';
import { FIXTURES } from './helpers.js';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'huibian-run-'));
}

describe('runImport', () => {
  test('writes the sources and the removed-text file; a second import replaces the first', async () => {
    const out = path.join(tmp(), 'sources', 'rules');
    const first = await runImport(path.join(FIXTURES, 'rules.txt'), out);
    expect(first.exitCode).toBe(0);
    expect(first.summary).toContain('pieces found: 2');
    expect(fs.readdirSync(out).sort()).toEqual(['01-piece-01.md', '02-piece-02.md', 'collection.yaml', 'import-removed.txt']);
    const second = await runImport(path.join(FIXTURES, 'no-contents.txt'), out);
    expect(second.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(out, 'collection.yaml'), 'utf8')).toContain('青年干部座谈会发言汇编');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['rules']);
  });

  test('an empty folder is used; a folder not made by an import is left alone', async () => {
    const empty = tmp();
    expect((await runImport(path.join(FIXTURES, 'parts.txt'), empty)).exitCode).toBe(0);
    expect(fs.existsSync(path.join(empty, 'collection.yaml'))).toBe(true);

    const foreign = tmp();
    fs.writeFileSync(path.join(foreign, 'collection.yaml'), 'title: 手写\n');
    const r = await runImport(path.join(FIXTURES, 'parts.txt'), foreign);
    expect(r.exitCode).toBe(1);
    expect(r.summary).toMatch(new RegExp(`^${foreign.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error: the output folder is not empty`));
    expect(fs.readFileSync(path.join(foreign, 'collection.yaml'), 'utf8')).toBe('title: 手写\n');
    expect(fs.readdirSync(foreign)).toEqual(['collection.yaml']);
  });

  test('unreadable or binary input: path:line:column: error, nothing written', async () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    const missing = await runImport(path.join(dir, 'nope.txt'), out);
    expect(missing).toEqual({ exitCode: 1, summary: `${path.join(dir, 'nope.txt')}:1:1: error: cannot read the input: ENOENT` });
    const bin = path.join(dir, 'bin.txt');
    fs.writeFileSync(bin, Buffer.from([0x41, 0x0a, 0x42, 0x00]));
    const r = await runImport(bin, out);
    expect(r.exitCode).toBe(1);
    expect(r.summary).toBe(`${bin}:2:2: error: not a text file (NUL byte); expected UTF-8, UTF-16 with BOM or GB18030`);
    expect(fs.existsSync(out)).toBe(false);
  });
});
