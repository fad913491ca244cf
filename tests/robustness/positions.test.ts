/**
 * Property: every diagnostic points inside its file, and a source with one mistake
 * gets one error, at the mistake. Generated collections (fast-check, fixed seed)
 * carry one defect each — a character no font draws in any front matter or
 * collection.yaml value (plain or quoted) or in the body, a tab in a YAML line's
 * indentation, a misspelt key, an impossible date, a value of the wrong type, an
 * unknown template name — and `huibian check` must
 * answer with exactly one error at the defect's first character.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_LINE, expectCleanOutcome, removeCollection, runInProcess, writeCollection } from './helpers.js';

const RUNS = Number(process.env.POSITION_RUNS ?? 40);
const SEED = 20231024;
const NO_GLYPH = '\u{10FFFD}';

const made: string[] = [];
afterAll(() => made.forEach(removeCollection));

type Quote = 'plain' | 'double' | 'single';
const quote = (v: string, q: Quote) => (q === 'double' ? `"${v}"` : q === 'single' ? `'${v}'` : v);

/** One collection: its files and the token (unique in its file) the one error must point at. */
interface Generated {
  readonly files: Record<string, string>;
  readonly file: string;
  readonly token: string;
}

interface Fields {
  readonly title: string;
  readonly subtitle: string;
  readonly role: string;
  readonly author: string;
}

function frontMatter(f: Fields, q: Quote, extra: string[] = []): string[] {
  return [
    `title: ${quote(f.title, q)}`,
    `subtitle: ${quote(f.subtitle, q)}`,
    `role: ${quote(f.role, q)}`,
    `author: ${quote(f.author, q)}`,
    ...extra,
  ];
}

const pieceText = (fm: string[], body: string) => `---\n${fm.join('\n')}\n---\n\n${body}`;
const collectionYaml = (lines: string[]) => lines.join('\n') + '\n';
const COLLECTION = ['title: 汇编', 'banner:', '  headline: 通栏标题', '  source: 重庆日报', 'pieces:', '  - 01.md'];

/** Chinese text of 2–12 characters, no markup. */
const han = fc
  .array(fc.constantFrom(...'科学城高新区更加突出稳进增效除险清患改革求变惠民有感'), { minLength: 2, maxLength: 12 })
  .map((a) => a.join(''));
const fields = fc.record({ title: han, subtitle: han, role: han, author: han });
const quoteKind = fc.constantFrom<Quote>('plain', 'double', 'single');
const insertAt = (s: string, i: number, x: string) => s.slice(0, i % (s.length + 1)) + x + s.slice(i % (s.length + 1));

const defects: fc.Arbitrary<Generated>[] = [
  // A character no font draws, in a front matter field.
  fc
    .tuple(
      fields,
      quoteKind,
      fc.constantFrom<keyof Fields>('title', 'subtitle', 'role', 'author'),
      fc.nat(),
      fc.boolean(),
    )
    .map(([f, q, key, i, viaParser]) => {
      const bad = { ...f, [key]: insertAt(f[key], i, NO_GLYPH) };
      const md = pieceText(frontMatter(bad, q, viaParser ? ['# 注释'] : []), '正文。\n');
      return { files: { '01.md': md, 'collection.yaml': collectionYaml(COLLECTION) }, file: '01.md', token: NO_GLYPH };
    }),
  // … in a collection.yaml value.
  fc.tuple(han, quoteKind, fc.integer({ min: 0, max: 2 }), fc.nat()).map(([v, q, which, i]) => {
    const lines = [...COLLECTION];
    const value = quote(insertAt(v, i, NO_GLYPH), q);
    lines[[0, 2, 3][which]!] = [`title: ${value}`, `  headline: ${value}`, `  source: ${value}`][which]!;
    return {
      files: {
        '01.md': pieceText(
          frontMatter({ title: '标题', subtitle: '副', role: '职', author: '名' }, 'plain'),
          '正文。\n',
        ),
        'collection.yaml': collectionYaml(lines),
      },
      file: 'collection.yaml',
      token: NO_GLYPH,
    };
  }),
  // … in the body.
  fc.tuple(fields, fc.array(han, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat()).map(([f, paras, p, i]) => {
    const k = p % paras.length;
    const body = paras.map((x, j) => (j === k ? insertAt(x, i, NO_GLYPH) : x)).join('\n\n') + '\n';
    return {
      files: { '01.md': pieceText(frontMatter(f, 'plain'), body), 'collection.yaml': collectionYaml(COLLECTION) },
      file: '01.md',
      token: NO_GLYPH,
    };
  }),
  // A tab in the indentation of a YAML line (front matter or collection.yaml).
  fc.tuple(fields, fc.nat(), fc.boolean()).map(([f, i, inPiece]) => {
    if (inPiece) {
      const fm = frontMatter(f, 'plain');
      const k = i % fm.length;
      fm[k] = `\t${fm[k]}`;
      return {
        files: { '01.md': pieceText(fm, '正文。\n'), 'collection.yaml': collectionYaml(COLLECTION) },
        file: '01.md',
        token: '\t',
      };
    }
    const lines = [...COLLECTION];
    const k = i % lines.length;
    lines[k] = lines[k]!.replace(/^( *)/, (s) => (s.length > 0 ? `${s.slice(1)}\t` : '\t'));
    return {
      files: { '01.md': pieceText(frontMatter(f, 'plain'), '正文。\n'), 'collection.yaml': collectionYaml(lines) },
      file: 'collection.yaml',
      token: '\t',
    };
  }),
  // A misspelt key, an impossible date, a wrong type, an unknown template.
  fc.tuple(fields, fc.constantFrom('tilte', 'auther', 'subtilte'), fc.nat()).map(([f, key, i]) => {
    const fm = frontMatter(f, 'plain');
    fm.splice(i % (fm.length + 1), 0, `${key}: 值`);
    return {
      files: { '01.md': pieceText(fm, '正文。\n'), 'collection.yaml': collectionYaml(COLLECTION) },
      file: '01.md',
      token: `${key}:`,
    };
  }),
  fc.tuple(fields, fc.constantFrom('2023-02-30', '2023-13-01', '24/10/2023')).map(([f, date]) => ({
    files: {
      '01.md': pieceText(frontMatter(f, 'plain', [`date: ${date}`]), '正文。\n'),
      'collection.yaml': collectionYaml(COLLECTION),
    },
    file: '01.md',
    token: date,
  })),
  fc.tuple(fields, fc.constantFrom('showCount: 也许', 'template: offical', 'lang: [zh]')).map(([f, line]) => ({
    files: {
      '01.md': pieceText(frontMatter(f, 'plain'), '正文。\n'),
      'collection.yaml': collectionYaml([...COLLECTION.slice(0, 4), line, ...COLLECTION.slice(4)]),
    },
    file: 'collection.yaml',
    token: line.slice(line.indexOf(': ') + 2),
  })),
];

/** `line:column` of the first occurrence of `token` (column in UTF-16 units). */
function positionOf(text: string, token: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(token));
  return `${i + 1}:${lines[i]!.indexOf(token) + 1}`;
}

describe('every diagnostic points inside its file, and one mistake gives one error at it', () => {
  it('generated collections with one defect each', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(...defects), async (g) => {
        const dir = writeCollection(g.files);
        made.push(dir);
        const r = await runInProcess(['check', dir]);
        expectCleanOutcome(r);
        expect(r.code, r.stderr).toBe(1);
        const lines = r.stderr.split('\n').filter((l) => DIAGNOSTIC_LINE.test(l));
        for (const l of lines) {
          const [, file, line, column] = DIAGNOSTIC_LINE.exec(l)!;
          const text = readFileSync(file!, 'utf8').split('\n');
          expect(Number(line), l).toBeLessThanOrEqual(text.length);
          expect(Number(column), l).toBeLessThanOrEqual(text[Number(line) - 1]!.length + 1);
        }
        const errors = lines.filter((l) => / error: /.test(l));
        const want = `${join(dir, g.file)}:${positionOf(g.files[g.file]!, g.token)}: error: `;
        expect(errors.length, r.stderr).toBe(1);
        expect(errors[0]!.startsWith(want), `${want}… in\n${r.stderr}`).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});
