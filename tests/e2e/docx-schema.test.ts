/**
 * Every DOCX huibian writes is valid against the ECMA-376 (Office Open XML)
 * schemas, as checked by the Open XML SDK's validator (bundled as WebAssembly in
 * the npm package @ooxml-tools/validate; nothing is downloaded): the sample's
 * compilation and handouts on both official and compilation templates, and the
 * collection that uses every Markdown construct.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { huibian, ROOT, SAMPLE } from '../helpers/cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'huibian-schema-'));
  const builds: [string, string[]][] = [
    ['sample', [SAMPLE]],
    ['official', [SAMPLE, '--template', 'official', '--no-handouts']],
    ['constructs', [join(ROOT, 'tests/fixtures/constructs')]],
  ];
  for (const [name, args] of builds) {
    const r = huibian(['build', ...args, '--out', join(tmp, name), '--format', 'docx', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
  }
}, 300_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function docxFiles(dir: string): Promise<string[]> {
  const top = (await readdir(dir)).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f));
  const handouts = await readdir(join(dir, 'handouts')).catch(() => [] as string[]);
  return [...top, ...handouts.filter((f) => f.endsWith('.docx')).map((f) => join(dir, 'handouts', f))];
}

describe('DOCX against the ECMA-376 schemas', () => {
  it.each(['sample', 'official', 'constructs'])('%s: every DOCX validates with no error', async (name) => {
    const files = await docxFiles(join(tmp, name));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const errors = await validate(await readFile(f), 'docx', 'Microsoft365');
      expect(
        errors.map((e) => `${e.path.partUri} ${e.path.xpath}: ${e.description}`),
        f,
      ).toEqual([]);
    }
  });

  it('the validator does catch an element the schema does not allow', async () => {
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const [file] = await docxFiles(join(tmp, 'official'));
    const parts = unzipSync(await readFile(file));
    const xml = strFromU8(parts['word/document.xml']).replace(
      '<w:body>',
      '<w:body><w:p><w:pPr><w:bogus/></w:pPr></w:p>',
    );
    parts['word/document.xml'] = strToU8(xml);
    const errors = await validate(zipSync(parts), 'docx', 'Microsoft365');
    expect(errors.map((e) => e.id)).toContain('Sch_InvalidElementContentExpectingComplex');
  });
});
