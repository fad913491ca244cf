/**
 * Containment (docs/sources.md “Images”: paths that leave the collection folder are errors): a
 * build reads sources, images and templates only from the collection folder,
 * `templates/` and `fonts/` — `..`, absolute paths and symbolic links pointing out
 * are positioned errors — and never touches the network. Templates are data: YAML
 * tags that would construct objects are refused, nothing in a template runs.
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import { buildCollection, checkCollection } from '../../src/app/index.js';
import { SourceError } from '../../src/model/diagnostics.js';
import {
  errorLines,
  expectCleanOutcome,
  piece,
  removeCollection,
  runInProcess,
  tempDir,
  writeCollection,
} from './helpers.js';

const made: string[] = [];
afterAll(() => made.forEach(removeCollection));

function collection(files: Record<string, string | Uint8Array>, yaml = ''): string {
  const dir = writeCollection(files, yaml);
  made.push(dir);
  return dir;
}

/** A secret next to the collection folder, which no source may reach. */
function secretBeside(dir: string): string {
  const secret = join(dir, '..', 'secret.yaml');
  writeFileSync(secret, 'extends: compilation\n');
  return secret;
}

async function checkErrors(dir: string): Promise<string[]> {
  const r = await runInProcess(['check', dir, '--quiet']);
  expectCleanOutcome(r);
  expect(r.code).toBe(1);
  return errorLines(r);
}

describe('collection.yaml template path', () => {
  it('absolute path outside: error at the template: value', async () => {
    const dir = collection({ '01.md': piece('正文。\n') }, 'template: /etc/passwd\n');
    expect(await checkErrors(dir)).toEqual([
      `${join(dir, 'collection.yaml')}:2:11: error: template "/etc/passwd" is outside the collection folder: use a template name or a path inside the folder`,
    ]);
  });

  it('../ path outside: error', async () => {
    const dir = collection({ '01.md': piece('正文。\n') }, 'template: ../secret.yaml\n');
    secretBeside(dir);
    expect((await checkErrors(dir)).join('\n')).toMatch(
      /template "\.\.\/secret\.yaml" is outside the collection folder/,
    );
  });

  it('symbolic link inside the folder pointing out: error', async () => {
    const dir = collection({ '01.md': piece('正文。\n') }, 'template: t.yaml\n');
    symlinkSync(secretBeside(dir), join(dir, 't.yaml'));
    expect((await checkErrors(dir)).join('\n')).toMatch(/template "t\.yaml" is outside the collection folder/);
  });

  it('extends: reaching out of a template inside the folder: error at the extends line', async () => {
    const dir = collection({ '01.md': piece('正文。\n'), 't.yaml': 'extends: ../secret.yaml\n' }, 'template: t.yaml\n');
    secretBeside(dir);
    expect(await checkErrors(dir)).toEqual([
      `${join(dir, 't.yaml')}:1:10: error: template "../secret.yaml" is outside the collection folder: use a template name or a path inside the folder`,
    ]);
  });

  it('a template inside the folder extending a shipped one builds', async () => {
    const dir = collection(
      { '01.md': piece('正文。\n'), 'tpl/t.yaml': 'extends: official\n' },
      'template: tpl/t.yaml\n',
    );
    const r = await runInProcess(['check', dir, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('--template on the command line may name a file anywhere the user chooses', async () => {
    const dir = collection({ '01.md': piece('正文。\n') });
    const outside = join(tempDir('tpl'), 'mine.yaml');
    writeFileSync(outside, 'extends: official\n');
    const r = await runInProcess(['check', dir, '--template', outside, '--quiet']);
    rmSync(join(outside, '..'), { recursive: true, force: true });
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('pieces and images', () => {
  it('piece paths: ../, absolute and a symbolic link out are errors', async () => {
    const dir = collection({
      'collection.yaml': 'title: 汇编\npieces:\n  - ../x.md\n  - /etc/hostname\n  - link.md\n',
    });
    writeFileSync(join(dir, '..', 'x.md'), piece('正文。\n'));
    symlinkSync(join(dir, '..', 'x.md'), join(dir, 'link.md'));
    const errs = (await checkErrors(dir)).join('\n');
    expect(errs).toMatch(
      /collection\.yaml:3:5: error: piece "\.\.\/x\.md" must be a path inside the collection folder/,
    );
    expect(errs).toMatch(
      /collection\.yaml:4:5: error: piece "\/etc\/hostname" must be a path inside the collection folder/,
    );
    expect(errs).toMatch(
      /collection\.yaml:5:5: error: piece "link\.md" leaves the collection folder \(through a symbolic link\)/,
    );
  });

  it('image paths: ../, absolute, remote, file: and a symbolic link out are errors', async () => {
    const dir = collection({
      '01.md': piece(
        '![a](../a.png)\n\n![b](/etc/a.png)\n\n![c](https://example.com/c.png)\n\n![d](file:///etc/d.png)\n\n![e](img/e.png)\n',
      ),
    });
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, '..', 'a.png'), 'x');
    symlinkSync(join(dir, '..', 'a.png'), join(dir, 'img', 'e.png'));
    const errs = (await checkErrors(dir)).join('\n');
    expect(errs).toMatch(/01\.md:7:1: error: image path "\.\.\/a\.png" leaves the collection folder/);
    expect(errs).toMatch(/01\.md:9:1: error: image path "\/etc\/a\.png" is absolute/);
    expect(errs).toMatch(/01\.md:11:1: error: remote image "https:\/\/example\.com\/c\.png" is not allowed/);
    expect(errs).toMatch(/01\.md:13:1: error: image URL "file:\/\/\/etc\/d\.png" is not allowed/);
    expect(errs).toMatch(
      /01\.md:15:1: error: image path "img\/e\.png" leaves the collection folder \(through a symbolic link\)/,
    );
  });
});

describe('templates are data', () => {
  it('a YAML tag naming code (!!js/function) is at most text: nothing runs', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('template code ran');
    }) as never);
    const dir = collection(
      {
        '01.md': piece('正文。\n'),
        't.yaml': 'extends: compilation\ndescription: !!js/function "function(){ process.exit(9) }"\n',
      },
      'template: t.yaml\n',
    );
    const r = await runInProcess(['check', dir, '--quiet']);
    expectCleanOutcome(r);
    expect(exit).not.toHaveBeenCalled();
    exit.mockRestore();
  });
});

describe('no network during a build', () => {
  const calls: string[] = [];
  const thrower = (name: string) =>
    function spy(): never {
      calls.push(name);
      throw new Error(`network access during a build: ${name}`);
    };
  afterEach(() => vi.restoreAllMocks());

  it('a whole build (PDF and DOCX, handouts, an image) calls no socket, DNS, HTTP or fetch', async () => {
    const { pngFile } = await import('./helpers.js');
    const dir = collection({
      '01.md': piece('正文，含[链接](https://example.com/)。\n\n![图](a.png)\n'),
      '02.md': piece('第二篇正文。\n', '第二篇'),
      'a.png': pngFile(8, 8),
    });
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(thrower('net.Socket.connect'));
    vi.spyOn(dns, 'lookup').mockImplementation(thrower('dns.lookup'));
    vi.spyOn(dns.promises, 'lookup').mockImplementation(thrower('dns.promises.lookup'));
    vi.spyOn(http, 'request').mockImplementation(thrower('http.request'));
    vi.spyOn(http, 'get').mockImplementation(thrower('http.get'));
    vi.spyOn(https, 'request').mockImplementation(thrower('https.request'));
    vi.spyOn(https, 'get').mockImplementation(thrower('https.get'));
    vi.spyOn(globalThis, 'fetch').mockImplementation(thrower('fetch'));
    const out = join(dir, '..', 'out');
    const result = await buildCollection({
      dir,
      out,
      formats: ['pdf', 'docx'],
      template: null,
      handouts: true,
      only: null,
    });
    expect(result.files).toContain('compilation.docx');
    expect(result.files.filter((f) => f.startsWith('handouts/'))).toHaveLength(4);
    expect(calls).toEqual([]);
    // The spies are live: a call would have been caught.
    expect(() => http.request('http://example.com')).toThrow(/network access/);
    expect(calls).toEqual(['http.request']);
  });

  it('check errors are SourceErrors, not network or internal failures', async () => {
    const dir = collection({ '01.md': piece('![x](http://example.com/x.png)\n') });
    await expect(checkCollection({ dir, template: null })).rejects.toBeInstanceOf(SourceError);
  });
});
