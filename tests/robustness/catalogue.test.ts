/**
 * The catalogue of bad inputs (docs/sources.md “Diagnostics and exit codes”): every input either builds or
 * fails with positioned `path:line:column: error:` lines and exit 1 — never exit 3,
 * a stack trace, a hang or a partial output. Big inputs are generated here at run
 * time. Cases about parsing run `huibian check`; cases that get past the checks
 * also run `huibian build --format pdf --no-handouts` (in-process, through the real
 * command's `main`), so each case meets the whole pipeline once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { encodePng, PNG_KINDS } from '../helpers/png.js';
import {
  errorLines,
  expectCleanOutcome,
  piece,
  pngFile,
  removeCollection,
  runInProcess,
  writeCollection,
} from './helpers.js';

type Expect =
  /** Builds: exit 0. */
  | { readonly ok: true }
  /** Fails: exit 1 and an error line matching `message` at `file:line`. */
  | { readonly ok: false; readonly file: string; readonly line: number; readonly message: RegExp };

interface Case {
  readonly name: string;
  readonly files: () => Record<string, string | Uint8Array>;
  readonly yaml?: string;
  /** Also build when `check` passes (default true). */
  readonly build?: boolean;
  readonly expect: Expect;
  /** CPU-time bound in ms for check + build. */
  readonly boundMs?: number;
}

const FIXTURES = join(__dirname, '../fixtures/images');
const made: string[] = [];
afterAll(() => made.forEach(removeCollection));

/** Nine-level "billion laughs": 9^9 strings if anything expanded the aliases. */
function lolAnchors(): string {
  const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  return lines.join('\n');
}

const ok = { ok: true } as const;
const fail = (file: string, line: number, message: RegExp): Expect => ({ ok: false, file, line, message });
const body = '正文第一段，用于测试。\n';

const CASES: Case[] = [
  {
    name: 'YAML alias bomb in collection.yaml (unknown keys, aliases never expanded)',
    files: () => ({ 'collection.yaml': `title: 测试汇编\n${lolAnchors()}\npieces: [01.md]\n`, '01.md': piece(body) }),
    expect: fail('collection.yaml', 2, /unknown key "l0"/),
  },
  {
    name: 'YAML alias bomb used as the title',
    files: () => ({
      'collection.yaml': `${lolAnchors().replace(/^l/gm, '# l')}\nx: &x [a]\ntitle: *x\npieces: [01.md]\n`,
      '01.md': piece(body),
    }),
    expect: fail('collection.yaml', 11, /unknown key "x"/),
  },
  {
    name: 'alias as a front matter value',
    files: () => ({ '01.md': `---\ntitle: &t 标题\nsubtitle: *t\n---\n\n${body}` }),
    expect: fail('01.md', 3, /"subtitle" must be text, not an alias \(\*t; anchors and aliases are not supported\)/),
  },
  {
    name: 'alias bomb in a template',
    files: () => ({ '01.md': piece(body), 't.yaml': `extends: compilation\n${lolAnchors()}\n` }),
    yaml: 'template: t.yaml\n',
    expect: fail('t.yaml', 3, /aliases and tags are not supported in templates/),
  },
  {
    name: '10 MB collection.yaml',
    files: () => ({
      'collection.yaml': `title: 测试汇编\npieces: [01.md]\n# ${'注释'.repeat(1_750_000)}\n`,
      '01.md': piece(body),
    }),
    expect: fail('collection.yaml', 1, /YAML is 3,500,03\d characters long; at most 1,000,000 are read/),
  },
  {
    name: 'footnote call with no definition (GFM leaves it as text)',
    files: () => ({ '01.md': piece(`${body}第二段[^注1]。\n`) }),
    expect: fail('01.md', 8, /footnote "\[\^注1\]" has no definition/),
  },
  {
    name: '1 MB title in front matter',
    files: () => ({ '01.md': piece(body, '标'.repeat(900_000)) }),
    expect: fail('01.md', 2, /"title" is 900,000 characters long; at most 1,000 are allowed/),
  },
  {
    name: 'list nested 100 deep',
    files: () => ({
      '01.md': piece(Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n') + '\n'),
    }),
    expect: ok,
  },
  {
    name: 'block quote nested 100 deep',
    files: () => ({ '01.md': piece(`${'>'.repeat(100)} 引文。\n`) }),
    expect: ok,
  },
  {
    name: 'block quote nested 3,000 deep on one line (overflowed the stack)',
    files: () => ({ '01.md': piece(`${'>'.repeat(3000)} 引文。\n`) }),
    expect: fail(
      '01.md',
      7,
      /line is indented or nested by more than 400 characters of spaces, ">" and list markers; nesting that deep cannot be printed/,
    ),
  },
  {
    name: 'block quote nested 150 deep',
    files: () => ({ '01.md': piece(`${'>'.repeat(150)} 引文。\n`) }),
    expect: fail('01.md', 7, /block quotes and lists are nested more than 100 levels deep here/),
  },
  {
    name: 'list nested 1,000 deep (minutes in the Markdown parser)',
    files: () => ({
      '01.md': piece(Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n') + '\n'),
    }),
    expect: fail('01.md', 208, /line is indented or nested by more than 400 characters .* \(and 798 more lines\)/),
  },
  {
    name: '5,000-character URL with no break opportunity',
    files: () => ({ '01.md': piece(`网址：https://example.com/${'a'.repeat(5000)}\n`) }),
    expect: ok,
  },
  {
    name: '5,000-digit run',
    files: () => ({ '01.md': piece(`${'1234567890'.repeat(500)}\n`) }),
    expect: ok,
  },
  {
    name: 'table 60 columns wide',
    files: () => {
      const row = (f: (i: number) => string) => `|${Array.from({ length: 60 }, (_, i) => f(i)).join('|')}|\n`;
      return { '01.md': piece(row((i) => `列${i}`) + row(() => '---') + row((i) => String(i))) };
    },
    // Builds, with a warning that the table is wider than the measure.
    expect: ok,
  },
  {
    name: 'image: corrupt (bad checksum)',
    files: () => {
      const png = pngFile(4, 4);
      png[45] ^= 0xff; // inside the IDAT data (8 signature + 25 IHDR + 8 IDAT head)
      return { '01.md': piece('![图](images/a.png)\n'), 'images/a.png': png };
    },
    expect: fail('01.md', 7, /image "images\/a.png" cannot be used: it is damaged \(chunk IDAT fails its checksum\)/),
  },
  {
    name: 'image: truncated PNG',
    files: () => ({ '01.md': piece('![图](images/a.png)\n'), 'images/a.png': pngFile(4, 4).subarray(0, 50) }),
    expect: fail('01.md', 7, /cannot be used: it is truncated/),
  },
  {
    name: 'image: truncated JPEG',
    files: () => ({
      '01.md': piece('![图](a.jpg)\n'),
      'a.jpg': Buffer.from([
        0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 16, 0, 16, 1, 1, 0x11, 0, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 1, 2, 3,
      ]),
    }),
    expect: fail('01.md', 7, /cannot be used: it is truncated \(no end-of-image marker\)/),
  },
  {
    name: 'image: PNG whose chunks are whole but whose image data is not zlib',
    files: () => ({
      '01.md': piece('![图](a.png)\n'),
      'a.png': encodePng({ widthPx: 8, heightPx: 6, idat: () => Buffer.from('not zlib data at all') }),
    }),
    expect: fail('01.md', 7, /image "a.png" cannot be used: it is damaged \(its image data is not a valid zlib stream/),
  },
  {
    name: 'image: PNG whose zlib stream holds too few rows',
    files: () => ({
      '01.md': piece('![图](a.png)\n'),
      'a.png': encodePng({ widthPx: 8, heightPx: 6, idat: (_d, raw) => deflateSync(raw.subarray(0, 20)) }),
    }),
    expect: fail('01.md', 7, /cannot be used: it is truncated \(its image data ends before the last row\)/),
  },
  {
    name: 'image: progressive JPEG cut inside a scan',
    files: () => {
      const whole = readFileSync(join(FIXTURES, 'progressive.jpg'));
      return { '01.md': piece('![图](a.jpg)\n'), 'a.jpg': whole.subarray(0, whole.length - 200) };
    },
    expect: fail('01.md', 7, /cannot be used: it is truncated \(no end-of-image marker\)/),
  },
  {
    name: 'image: whole baseline and progressive JPEGs build',
    files: () => ({
      '01.md': piece('![甲](a.jpg)\n\n![乙](b.jpg)\n'),
      'a.jpg': readFileSync(join(FIXTURES, 'baseline.jpg')),
      'b.jpg': readFileSync(join(FIXTURES, 'progressive.jpg')),
    }),
    expect: ok,
  },
  {
    name: 'image: 20,000 × 20,000 px declared',
    files: () => ({ '01.md': piece('![图](images/a.png)\n'), 'images/a.png': pngFile(20_000, 20_000, false) }),
    expect: fail('01.md', 7, /is 20000 × 20000 px \(400 megapixels\); at most 50 megapixels are supported/),
  },
  {
    name: 'image: not an image',
    files: () => ({ '01.md': piece('![图](images/a.png)\n'), 'images/a.png': 'plain text, not a PNG' }),
    expect: fail('01.md', 7, /image "images\/a.png" is not a PNG or JPEG file/),
  },
  {
    name: 'image: a whole PNG builds',
    files: () => ({ '01.md': piece('![图](images/a.png)\n'), 'images/a.png': pngFile(8, 6) }),
    expect: ok,
  },
  {
    name: 'zero pieces',
    files: () => ({ 'collection.yaml': 'title: 测试汇编\npieces: []\n' }),
    expect: fail('collection.yaml', 2, /"pieces" lists no piece files/),
  },
  {
    name: 'control characters in text',
    files: () => ({
      '01.md': piece('正文中\u0007有\u001b控\u000b制\u000c字\u007f符\u0085和\u2028行\u200b。\u202e反向\n'),
    }),
    expect: ok,
  },
  {
    name: 'NUL in text (micromark turns it into U+FFFD)',
    files: () => ({ '01.md': piece('正文\u0000。\n') }),
    expect: fail('01.md', 7, /\(U\+FFFD\) has no glyph/),
  },
  {
    name: 'unpaired surrogate from a YAML escape',
    files: () => ({ '01.md': `---\ntitle: "标题\\uD800"\n---\n\n${body}` }),
    expect: fail('01.md', 2, /\(U\+D800\) has no glyph/),
  },
  {
    name: 'unpaired surrogate as bytes (CESU-style ED A0 80)',
    files: () => ({ '01.md': Buffer.concat([Buffer.from(piece('正文')), Buffer.from([0xed, 0xa0, 0x80, 0x0a])]) }),
    expect: fail('01.md', 7, /file is not UTF-8/),
  },
  {
    name: 'template: negative margin',
    files: () => ({
      '01.md': piece(body),
      't.yaml': 'extends: compilation\npage:\n  margins: { top: -10mm, bottom: 29mm, left: 27mm, right: 27mm }\n',
    }),
    yaml: 'template: t.yaml\n',
    expect: fail('t.yaml', 3, /page.margins.top must not be negative/),
  },
  {
    name: 'template: zero font size',
    files: () => ({ '01.md': piece(body), 't.yaml': 'extends: compilation\nstyles:\n  body: { size: 0pt }\n' }),
    yaml: 'template: t.yaml\n',
    expect: fail('t.yaml', 3, /styles.body.size must be greater than zero/),
  },
  {
    name: 'template: grid that cannot hold one character',
    files: () => ({ '01.md': piece(body), 't.yaml': 'extends: official\ngrid: { lines: 22, chars: 500 }\n' }),
    yaml: 'template: t.yaml\n',
    expect: fail('t.yaml', 2, /grid/),
  },
  {
    name: 'template: type area narrower than one character',
    files: () => ({
      '01.md': piece(body),
      't.yaml': 'extends: compilation\npage:\n  margins: { top: 28mm, bottom: 29mm, left: 105mm, right: 104.5mm }\n',
    }),
    yaml: 'template: t.yaml\n',
    expect: fail('t.yaml', 3, /type area is 1\.42 ?pt wide: it cannot hold two characters of the 12 ?pt body size/),
  },
];

function expectOutcome(c: Case, r: Awaited<ReturnType<typeof runInProcess>>, dir: string): void {
  if (c.expect.ok) {
    expect(r.code, r.stderr).toBe(0);
    return;
  }
  expect(r.code, r.stderr).toBe(1);
  const want = c.expect;
  const hit = errorLines(r).find((l) => l.startsWith(`${join(dir, want.file)}:${want.line}:`) && want.message.test(l));
  expect(
    hit,
    `an error at ${want.file}:${want.line} matching ${want.message} in:\n${r.stderr.slice(0, 800)}`,
  ).toBeDefined();
}

describe('catalogue of bad inputs', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const dir = writeCollection(c.files(), c.yaml ?? '');
      made.push(dir);
      const out = join(dir, '..', 'out');
      const check = await runInProcess(['check', dir, '--quiet']);
      expectCleanOutcome(check);
      if (check.code === 0 && c.build !== false) {
        const build = await runInProcess(['build', dir, '--out', out, '--format', 'pdf', '--no-handouts', '--quiet']);
        expectCleanOutcome(build, out);
        expectOutcome(c, build, dir);
        if (build.code === 0) expect(existsSync(join(out, 'report.json'))).toBe(true);
        expect(check.cpuMs + build.cpuMs).toBeLessThan(c.boundMs ?? 20_000);
      } else {
        expectOutcome(c, check, dir);
        expect(check.cpuMs).toBeLessThan(c.boundMs ?? 20_000);
      }
    });
  }
});

describe('images the checks accept give a PDF poppler reads without a complaint', () => {
  it('every PNG colour type, bit depth and interlace, and baseline and progressive JPEGs', async () => {
    const files: Record<string, string | Uint8Array> = {
      'a.jpg': readFileSync(join(FIXTURES, 'baseline.jpg')),
      'b.jpg': readFileSync(join(FIXTURES, 'progressive.jpg')),
    };
    PNG_KINDS.forEach((k, i) => (files[`p${i}.png`] = encodePng(k.spec)));
    const images = Object.keys(files).map((f) => `![${f}](${f})\n`);
    files['01.md'] = piece(images.join('\n'));
    const dir = writeCollection(files);
    made.push(dir);
    const out = join(dir, '..', 'out');
    const r = await runInProcess(['build', dir, '--out', out, '--format', 'pdf', '--no-handouts', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    // pdftoppm prints "Syntax Error …" for a stream it cannot decode, and still exits 0.
    const ppm = join(out, 'page');
    const stderr = execFileSync(
      'sh',
      ['-c', `pdftoppm -r 20 -png "$1" "$2" 2>&1 >/dev/null`, 'sh', join(out, 'compilation.pdf'), ppm],
      {
        encoding: 'utf8',
      },
    );
    expect(stderr).toBe('');
  });
});
