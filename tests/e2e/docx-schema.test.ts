/**
 * Every DOCX huibian writes is valid against the ECMA-376 (Office Open XML)
 * schemas, as checked by the Open XML SDK's validator (bundled as WebAssembly in
 * the npm package @ooxml-tools/validate; nothing is downloaded): the sample's
 * compilation and handouts on both official and compilation templates, and the
 * collection that uses every Markdown construct.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import validate from '@ooxml-tools/validate';
import { builtOnce, ROOT, SAMPLE } from '../helpers/cli.js';

const outs: Record<string, string> = {};
beforeAll(async () => {
  const builds: [string, string, string[]][] = [
    // The whole sample build (PDF and DOCX) other test files read too.
    ['sample', SAMPLE, []],
    ['official', SAMPLE, ['--template', 'official', '--no-handouts', '--format', 'docx']],
    ['constructs', join(ROOT, 'tests/fixtures/constructs'), ['--format', 'docx']],
  ];
  for (const [name, collection, flags] of builds) {
    const { out, result } = builtOnce(collection, [...flags, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    outs[name] = out;
  }
}, 300_000);

async function docxFiles(dir: string): Promise<string[]> {
  const top = (await readdir(dir)).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f));
  const handouts = await readdir(join(dir, 'handouts')).catch(() => [] as string[]);
  return [...top, ...handouts.filter((f) => f.endsWith('.docx')).map((f) => join(dir, 'handouts', f))];
}

describe('DOCX against the ECMA-376 schemas', () => {
  it.each(['sample', 'official', 'constructs'])('%s: every DOCX validates with no error', async (name) => {
    const files = await docxFiles(outs[name]!);
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
    const [file] = await docxFiles(outs.official!);
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
