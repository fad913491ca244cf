/**
 * `--format ofd` end to end: the compilation and each handout as OFD, report.json naming
 * each handout's OFD and timing the writer, an unknown format refused, and the default
 * build (pdf,docx) writing no OFD.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { huibian } from '../helpers/cli.js';
import { checkOfd } from './ofd-check.js';
import { ASTRAL, tempDir } from './pipeline.js';

describe('huibian build --format …ofd', () => {
  it('writes compilation.ofd and a handout OFD per piece, named in report.json', () => {
    const out = tempDir('huibian-ofd-cli-');
    const r = huibian(['build', ASTRAL, '--format', 'pdf,ofd', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(checkOfd(readFileSync(join(out, 'compilation.ofd')))).toEqual([]);
    expect(checkOfd(readFileSync(join(out, 'handouts/01-astral.ofd')))).toEqual([]);
    expect(existsSync(join(out, 'compilation.docx'))).toBe(false);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.formats).toEqual(['pdf', 'ofd']);
    expect(report.pieces[0].handout).toMatchObject({ pdf: 'handouts/01-astral.pdf', ofd: 'handouts/01-astral.ofd' });
    expect(typeof report.timingsMs.ofd).toBe('number');
    expect(typeof report.timingsMs['handout.ofd']).toBe('number');
  });

  it('--format ofd --only: one handout OFD and nothing else', () => {
    const out = tempDir('huibian-ofd-cli-');
    const r = huibian(['build', ASTRAL, '--format', 'ofd', '--only', 'astral', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote 1 file to /);
    expect(checkOfd(readFileSync(join(out, 'handouts/01-astral.ofd')))).toEqual([]);
    expect(existsSync(join(out, 'compilation.ofd'))).toBe(false);
  });

  it('refuses an unknown format and leaves OFD out by default', () => {
    const bad = huibian(['build', ASTRAL, '--format', 'ofd,xps', '--out', tempDir('huibian-ofd-cli-')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format "xps" in --format (use pdf, docx, ofd)');
    const out = tempDir('huibian-ofd-cli-');
    expect(huibian(['build', ASTRAL, '--no-handouts', '--out', out]).code).toBe(0);
    expect(existsSync(join(out, 'compilation.pdf'))).toBe(true);
    expect(existsSync(join(out, 'compilation.ofd'))).toBe(false);
  });
});
