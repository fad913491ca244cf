import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../src/cli/args.js';

describe('parseCommand', () => {
  it('parses build with every option of README “Command line”', () => {
    const cmd = parseCommand([
      'build',
      'sources/x',
      '--out',
      'o',
      '--format',
      'pdf',
      '--template',
      'official',
      '--no-handouts',
      '--quiet',
    ]);
    expect(cmd).toEqual({
      kind: 'build',
      dir: 'sources/x',
      out: 'o',
      formats: ['pdf'],
      template: 'official',
      handouts: false,
      only: null,
      watch: false,
      quiet: true,
      debug: false,
    });
  });

  it('defaults build to both formats, handouts on, out/<collection>', () => {
    const cmd = parseCommand(['build', 'sources/x']);
    expect(cmd).toMatchObject({ kind: 'build', formats: ['pdf', 'docx'], handouts: true, out: null, template: null });
  });

  it('accepts --format docx,pdf in any order without duplicates', () => {
    expect(parseCommand(['build', 'd', '--format', 'docx, pdf,docx'])).toMatchObject({ formats: ['docx', 'pdf'] });
  });

  it('parses check, inspect, import, --help and --version', () => {
    expect(parseCommand(['check', 'd'])).toMatchObject({ kind: 'check', dir: 'd' });
    expect(parseCommand(['inspect', 'd'])).toMatchObject({ kind: 'inspect', dir: 'd' });
    expect(parseCommand(['import', 'f.txt', '--out', 'sources/y'])).toMatchObject({
      kind: 'import',
      files: ['f.txt'],
      out: 'sources/y',
      overwrite: false,
      ignoreContents: false,
    });
  });

  it('import takes several files in order, --overwrite (or its alias --force) and --ignore-contents', () => {
    expect(
      parseCommand(['import', 'b.docx', 'a.txt', 'c.docx', '--out', 'o', '--overwrite', '--ignore-contents']),
    ).toMatchObject({
      files: ['b.docx', 'a.txt', 'c.docx'],
      overwrite: true,
      ignoreContents: true,
    });
    expect(parseCommand(['import', 'a.docx', '--out', 'o', '--force'])).toMatchObject({ overwrite: true });
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommand(['--version'])).toEqual({ kind: 'version' });
  });

  it.each([
    [[], /missing command/],
    [['bild', 'd'], /unknown command "bild"/],
    [['build'], /build needs a collection folder/],
    [['build', 'd', '--format', 'odt'], /unknown format "odt"/],
    [['build', 'd', '--frmat', 'pdf'], /Unknown option '--frmat'/],
    [['check', 'd', '--out', 'x'], /--out does not apply to "huibian check"/],
    [['import', 'f.txt'], /import needs --out/],
    [['import', '--out', 'o'], /import needs at least one Word \(\.docx\) or plain-text file/],
    [['build', 'd', '--overwrite'], /--overwrite does not apply to "huibian build"/],
    [['build', 'a', 'b'], /unexpected argument "b"/],
    [['build', 'd', '--only', '3', '--no-handouts'], /cannot go with --no-handouts/],
  ])('rejects %j as bad usage', (argv, message) => {
    expect(() => parseCommand(argv as string[])).toThrow(UsageError);
    expect(() => parseCommand(argv as string[])).toThrow(message);
  });

  it('parses serve: 127.0.0.1 and the default port unless told otherwise', () => {
    expect(parseCommand(['serve', 'sources/x'])).toEqual({
      kind: 'serve',
      dir: 'sources/x',
      out: null,
      formats: ['pdf', 'docx'],
      template: null,
      handouts: true,
      host: '127.0.0.1',
      port: 8717,
      quiet: false,
      debug: false,
    });
    const cmd = parseCommand([
      'serve',
      'sources/x',
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--format',
      'pdf',
      '--no-handouts',
    ]);
    expect(cmd).toMatchObject({ kind: 'serve', host: '0.0.0.0', port: 0, formats: ['pdf'], handouts: false });
  });

  it('rejects bad serve usage', () => {
    for (const argv of [
      ['serve', 'x', '--port', 'http'],
      ['serve', 'x', '--port', '70000'],
      ['serve', 'x', '--port', '-1'],
      ['serve', 'x', '--host', ''],
      ['serve', 'x', '--format', 'docx'],
      ['serve', 'x', '--only', '1'],
      ['serve', 'x', '--watch'],
      ['build', 'x', '--port', '80'],
      ['serve'],
    ]) {
      expect(() => parseCommand(argv), argv.join(' ')).toThrow(UsageError);
    }
  });
});
