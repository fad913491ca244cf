/**
 * Memo files (shaped runs, jieba's cuts) through the real command: `check` leaves
 * the cache folder without them, `build` writes both kinds, and a build that reads them — or finds
 * them corrupt — writes the same PDF bytes as the build that shaped everything.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { huibian, SAMPLE } from '../helpers/cli.js';

const runFiles = (dir: string): string[] => readdirSync(dir).filter((f) => /^(shaped|words)-[0-9a-f]+\.json$/.test(f));

describe('memo files', () => {
  it('is written by build only and never changes the output', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'huibian-shaped-'));
    const env = { HUIBIAN_CACHE_DIR: join(tmp, 'cache'), SOURCE_DATE_EPOCH: '1698105600' };
    const pdfOf = (out: string) =>
      readFileSync(
        join(
          out,
          readdirSync(out).find((f) => f.endsWith('.pdf'))!,
        ),
      );
    const build = (out: string) => {
      const r = huibian(['build', SAMPLE, '--out', join(tmp, out), '--format', 'pdf', '--no-handouts'], env);
      expect(r.code, r.stderr).toBe(0);
      return pdfOf(join(tmp, out));
    };

    const checked = huibian(['check', SAMPLE], env);
    expect(checked.code, checked.stderr).toBe(0);
    expect(runFiles(env.HUIBIAN_CACHE_DIR)).toEqual([]);

    const shaped = build('a');
    const files = runFiles(env.HUIBIAN_CACHE_DIR);
    expect(files.some((f) => f.startsWith('shaped-'))).toBe(true);
    expect(files.some((f) => f.startsWith('words-'))).toBe(true);
    const stored = JSON.parse(readFileSync(join(env.HUIBIAN_CACHE_DIR, files[0]!), 'utf8')) as { entries: object };
    expect(Object.keys(stored.entries).length).toBeGreaterThan(0);

    expect(build('b').equals(shaped)).toBe(true);

    for (const f of files) writeFileSync(join(env.HUIBIAN_CACHE_DIR, f), '{"format":1,"entries":');
    expect(build('c').equals(shaped)).toBe(true);
  });
});
