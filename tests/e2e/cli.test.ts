/**
 * The command's small verbs through the real binary: --help, --version, inspect,
 * check with errors in several files, import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { huibian, ROOT, SAMPLE } from '../helpers/cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'huibian-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('huibian', () => {
  it('prints usage and version', async () => {
    const help = huibian(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/huibian build {2}<collection-dir>/);
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(huibian(['--version']).stdout.trim()).toBe(`huibian ${pkg.version}`);
  });

  it('inspect prints the document model of the sample as JSON', () => {
    const r = huibian(['inspect', SAMPLE]);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.stdout);
    expect(model.pieces).toHaveLength(9);
    expect(model.pieces[4]).toMatchObject({
      title: '坚持工业立区制造强区',
      subtitle: '加快建设现代制造业基地',
      role: '永川区委书记',
      author: '张智奎',
    });
    expect(model.pieces.every((p: { blocks: { kind: string }[] }) => p.blocks.length === 4)).toBe(true);
    expect(model.pieces[0].blocks[1].inlines[0]).toMatchObject({ kind: 'lead' });
  });

  it('check reports every problem of every file at once, positioned, with exit 1', async () => {
    const dir = join(tmp, 'bad');
    await cp(SAMPLE, dir, { recursive: true });
    const p1 = join(dir, '01-gaoxin.md');
    await writeFile(p1, (await readFile(p1, 'utf8')).replace(/^title: .*$/m, 'titel: x'));
    const p9 = join(dir, '09-pengshui.md');
    await writeFile(p9, (await readFile(p9, 'utf8')) + '\n<div>raw</div>\n');
    const r = huibian(['check', dir]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(
      lines.some((l) =>
        /01-gaoxin\.md:2:1: error: unknown front matter key "titel" \(did you mean "title"\?\)/.test(l),
      ),
    ).toBe(true);
    expect(lines).toContain(`${dir}/09-pengshui.md:17:1: error: raw HTML is not allowed: <div>raw</div>`);
    expect(lines).toContain(`${dir}/01-gaoxin.md:1:1: error: missing "title" in the front matter`);
    expect(lines.every((l) => /^[^:]+:\d+:\d+: (error|warning): /.test(l))).toBe(true);
  });

  it('check lays out as build does: the same warning lines, each once per output and naming it, writing nothing', async () => {
    const dir = join(tmp, `overlong-${process.pid}`);
    await cp(SAMPLE, dir, { recursive: true });
    const p3 = join(dir, '03-changshou.md');
    // A run with no break opportunity, longer than any measure.
    await writeFile(p3, (await readFile(p3, 'utf8')) + `\n详见附件：${'X'.repeat(120)}。\n`);
    const warningLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes(': warning: '));
    const checked = huibian(['check', dir]);
    expect(checked.code).toBe(0);
    const out = join(tmp, 'overlong-out');
    const built = huibian(['build', dir, '--out', out]);
    expect(built.code).toBe(0);
    const lines = warningLines(checked.stderr);
    expect(lines).toEqual(warningLines(built.stderr));
    // The piece's own position, once for the compilation and once for its handout, each named.
    const here = lines.filter((l) => l.startsWith(`${p3}:`));
    expect(here.filter((l) => l.endsWith('(compilation.pdf)'))).toHaveLength(1);
    expect(here.filter((l) => l.endsWith('(handouts/03-changshou.pdf)'))).toHaveLength(1);
    expect(new Set(lines).size).toBe(lines.length);
    // report.json keeps its keys and adds the output.
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(
      report.warnings.filter((w: { file: string }) => w.file === p3).map((w: { output: string }) => w.output),
    ).toEqual(['compilation.pdf', 'handouts/03-changshou.pdf']);
    // check wrote nothing: no default output folder either.
    await expect(readdir(join(ROOT, 'out', `overlong-${process.pid}`))).rejects.toThrow();
  });

  it('fails with a positioned error for a character no font can draw, writing nothing', async () => {
    const dir = join(tmp, 'glyph');
    await cp(SAMPLE, dir, { recursive: true });
    const p2 = join(dir, '02-jiangbei.md');
    const text = await readFile(p2, 'utf8');
    const lines = text.split('\n');
    const row = lines.findIndex((l) => l.startsWith('江北区持续彰显'));
    lines[row] = '江北区\u{2003E}' + lines[row].slice(3);
    await writeFile(p2, lines.join('\n'));
    const out = join(tmp, 'glyph-out');
    const r = huibian(['build', dir, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${dir}/02-jiangbei.md:${row + 1}:4: error: 𠀾 (U+2003E) has no glyph in any font of role body`,
    );
    await expect(readdir(out)).rejects.toThrow();
  });

  it('import turns the plain-text seed into sources that check cleanly', async () => {
    const out = join(tmp, 'imported');
    const r = huibian(['import', join(ROOT, 'tests/fixtures/seed/chongqing-2023-10.txt'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/pieces found: 9/);
    expect((await readdir(out)).filter((f) => f.endsWith('.md'))).toHaveLength(9);
    expect(huibian(['check', out]).code).toBe(0);
  });
});
