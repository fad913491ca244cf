/**
 * Every diagnostic where it belongs: one positioned error at the offending token for
 * a bad value in collection.yaml, front matter or a template (its exact column), a
 * tab in YAML indentation, YAML warnings passed on with their positions, and the
 * command line's own mistakes (`--template`, `--only`) as bad usage (exit 2) that
 * lists the valid choices and writes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { errorLines, expectCleanOutcome, removeCollection, runInProcess, writeCollection } from './helpers.js';

const made: string[] = [];
afterAll(() => made.forEach(removeCollection));

/** A character no font of any shipped template draws (plane 16, private use). */
const NO_GLYPH = '\u{10FFFD}';
const BODY = '\n正文第一段。\n';

function collection(files: Record<string, string>, yamlExtra = ''): string {
  const dir = writeCollection(files, yamlExtra);
  made.push(dir);
  return dir;
}

/** `file:line:column` of the first occurrence of `token` in `text` (column in UTF-16 units, as editors and remark count). */
function at(file: string, text: string, token: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(token));
  expect(i, `"${token}" in the text`).toBeGreaterThanOrEqual(0);
  return `${file}:${i + 1}:${lines[i]!.indexOf(token) + 1}`;
}

async function check(dir: string, ...more: string[]) {
  const r = await runInProcess(['check', dir, '--quiet', ...more]);
  expectCleanOutcome(r);
  return r;
}

/** The positions (`file:line:column`) of the run's errors. */
function errorPositions(lines: readonly string[]): string[] {
  return lines.map((l) => /^(.+?:\d+:\d+): error: /.exec(l)![1]!);
}

describe('collection.yaml values', () => {
  it('an unknown template: one error at the template: value, not at the title', async () => {
    const yaml = '# 测试\ntitle: 测试汇编\nshowCount: true\ntemplate: offical\npieces:\n  - 01.md\n';
    const dir = collection({ 'collection.yaml': yaml, '01.md': `---\ntitle: 标题\n---\n${BODY}` });
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toEqual([
      `${at(join(dir, 'collection.yaml'), yaml, 'offical')}: error: unknown template "offical" (did you mean "official"?)`,
    ]);
  });

  it.each([
    ['title', (v: string) => `title: ${v}\nbanner:\n  source: 日报\npieces:\n  - 01.md\n`],
    ['banner.headline', (v: string) => `title: 汇编\nbanner:\n  headline: ${v}\npieces:\n  - 01.md\n`],
    ['banner.name', (v: string) => `title: 汇编\nbanner:\n  name: "${v}"\npieces:\n  - 01.md\n`],
    ['banner.source', (v: string) => `title: 汇编\nbanner:\n  source: '${v}'\npieces:\n  - 01.md\n`],
  ])('a character no font draws in %s: one error at that character', async (_field, yamlOf) => {
    const yaml = yamlOf(`测试${NO_GLYPH}汇编`);
    const dir = collection({ 'collection.yaml': yaml, '01.md': `---\ntitle: 标题\n---\n${BODY}` });
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(errorPositions(errorLines(r))).toEqual([at(join(dir, 'collection.yaml'), yaml, NO_GLYPH)]);
  });
});

describe('front matter values', () => {
  const FORMS: [string, (v: string) => string][] = [
    ['plain', (v) => v],
    ['double-quoted with spaces inside', (v) => `"  ${v} "`],
    ['single-quoted', (v) => `'${v}'`],
  ];
  const FIELDS = ['title', 'subtitle', 'role', 'author'] as const;
  for (const field of FIELDS) {
    for (const [form, write] of FORMS) {
      for (const reader of ['simple', 'YAML parser'] as const) {
        it(`${field}, ${form}, read by the ${reader}: one error at the character`, async () => {
          const lines = FIELDS.map((f) => `${f}: ${f === field ? write(`某某${NO_GLYPH}单位`) : `某某${f}`}`);
          // A comment sends the front matter through the YAML parser.
          if (reader === 'YAML parser') lines.splice(1, 0, '# 注释');
          const text = `---\n${lines.join('\n')}\n---\n${BODY}`;
          const dir = collection({ '01.md': text });
          const r = await check(dir);
          expect(r.code).toBe(1);
          expect(errorPositions(errorLines(r))).toEqual([at(join(dir, '01.md'), text, NO_GLYPH)]);
        });
      }
    }
  }

  it('a value with escapes: one error at the value', async () => {
    const text = `---\ntitle: 标题\nauthor: "张\\u4E09${NO_GLYPH}"\n---\n${BODY}`;
    const dir = collection({ '01.md': text });
    const r = await check(dir);
    expect(errorPositions(errorLines(r))).toEqual([at(join(dir, '01.md'), text, '"张')]);
  });
});

describe('tabs in YAML indentation: one error at each tab', () => {
  const TAB_MESSAGE = 'invalid YAML: a tab in the indentation (YAML indents with spaces only)';
  it.each([
    ['front matter, a key', `---\ntitle: 标题\n\tauthor: 张三\n---\n${BODY}`, '01.md'],
    ['front matter, first line', `---\n\ttitle: 标题\nauthor: 张三\n---\n${BODY}`, '01.md'],
    ['collection.yaml, a list item', 'title: 汇编\npieces:\n  - 01.md\n\t- 02.md\n', 'collection.yaml'],
    [
      'collection.yaml, a nested key',
      'title: 汇编\nbanner:\n  name: 名\n\tsource: 报\n  date: 2023-10-24\npieces: [01.md]\n',
      'collection.yaml',
    ],
    ['collection.yaml, after spaces', 'title: 汇编\n  \tpieces: [01.md]\n', 'collection.yaml'],
    ['a template', 'extends: compilation\nstyles:\n  body:\n\t  size: 12pt\n', 't.yaml'],
  ])('%s', async (_name, text, file) => {
    const files: Record<string, string> = { '01.md': `---\ntitle: 标题\n---\n${BODY}` };
    files[file] = text;
    const dir = collection(files, file === 't.yaml' ? 'template: t.yaml\n' : '');
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(errorLines(r)).toEqual([`${at(join(dir, file), text, '\t')}: error: ${TAB_MESSAGE}`]);
  });

  it('two tab-indented lines: two errors; an error the tabs did not cause still stands', async () => {
    const text = 'title: [汇编\n\tpieces:\n\t  - 01.md\n';
    const dir = collection({ 'collection.yaml': text, '01.md': `---\ntitle: 标题\n---\n${BODY}` });
    const lines = errorLines(await check(dir)).map((l) => l.slice(join(dir, 'collection.yaml').length + 1));
    expect(lines.filter((l) => l.includes(TAB_MESSAGE))).toEqual([
      `2:1: error: ${TAB_MESSAGE}`,
      `3:1: error: ${TAB_MESSAGE}`,
    ]);
    expect(lines.filter((l) => !l.includes(TAB_MESSAGE))).toEqual([
      expect.stringMatching(/^\d+:\d+: error: invalid YAML: .*flow/i),
    ]);
  });
});

describe('YAML warnings are passed on, positioned', () => {
  it('an unknown directive, an unresolved tag in front matter and in a template', async () => {
    const yaml = '%FOO bar\n---\ntitle: 汇编\ntemplate: t.yaml\npieces:\n  - 01.md\n';
    const md = `---\ntitle: !!foo 标题\n---\n${BODY}`;
    const tpl = 'extends: compilation\nstyles:\n  body: !!bar { size: 12pt }\n';
    const dir = collection({ 'collection.yaml': yaml, '01.md': md, 't.yaml': tpl });
    const r = await runInProcess(['check', dir]);
    expect(r.code, r.stderr).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => / warning: YAML: /.test(l));
    expect(warnings).toEqual([
      `${join(dir, 'collection.yaml')}:1:1: warning: YAML: Unknown directive %FOO`,
      `${at(join(dir, '01.md'), md, '!!foo')}: warning: YAML: Unresolved tag: tag:yaml.org,2002:foo`,
      `${at(join(dir, 't.yaml'), tpl, '!!bar')}: warning: YAML: Unresolved tag: tag:yaml.org,2002:bar`,
    ]);
  });
});

describe('command-line mistakes are bad usage (exit 2), listing the choices', () => {
  const piece = `---\ntitle: 标题\nid: only-one\n---\n${BODY}`;

  it('--template with an unknown name', async () => {
    const dir = collection({ '01.md': piece });
    const out = join(dir, '..', 'out');
    for (const args of [
      ['check', dir, '--template', 'offical'],
      ['build', dir, '--out', out, '--template', 'offical'],
    ]) {
      const r = await runInProcess(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(
        /^huibian: --template offical: no such template \(did you mean "official"\?\); shipped templates: compilation, handout, official; or a path to a template file\n/,
      );
    }
    expect(existsSync(out)).toBe(false);
  });

  it('--template with a file that does not exist (a path from the current folder)', async () => {
    const r = await runInProcess(['check', collection({ '01.md': piece }), '--template', './missing.yaml']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /--template \.\/missing\.yaml: template file not found \(.*missing\.yaml\); shipped templates: compilation, handout, official/,
    );
  });

  it('--only with a number or id no piece has', async () => {
    const dir = collection({ '01.md': piece });
    const out = join(dir, '..', 'out');
    for (const only of ['99', 'nowhere']) {
      const r = await runInProcess(['build', dir, '--out', out, '--only', only, '--format', 'pdf']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`--only ${only}: no piece with that number or id (numbers 1–1; ids: only-one)`);
    }
    expect(existsSync(out)).toBe(false);
  });
});
