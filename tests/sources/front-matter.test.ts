/**
 * Front matter of plain `key: text` lines is read without the YAML parser
 * (front-matter.ts simpleFrontMatter): whenever that shortcut answers, the YAML
 * reader must give the same values and positions and report nothing; anything
 * the shortcut is not sure of goes to the YAML reader.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/model/diagnostics.js';
import { PIECE_KEYS, readFrontMatter, readYamlFrontMatter, simpleFrontMatter } from '../../src/sources/front-matter.js';

const FILE = 'p.md';

function viaYaml(text: string, startLine = 1) {
  const diags = new Diagnostics();
  return { fm: readYamlFrontMatter(text, FILE, startLine, diags), items: diags.items };
}

/** Characters that matter to YAML next to ordinary text. */
const tricky = [
  ...'标题一、。：“”《》（）　 \t-?:,[]{}#&*!|>\'"%@`~.0123456789eExXoOabcnulltrueTRUEfalse+_/\\',
  '\u2028',
  '\u0085',
  '\uFEFF',
];
const plainArb = fc.oneof(
  { arbitrary: fc.stringMatching(/^[\u4e00-\u4e20]{1,12}$/), weight: 3 },
  {
    arbitrary: fc
      .tuple(
        fc.stringMatching(/^[\u4e00-\u4e20]{1,4}$/),
        fc.constantFrom(...tricky),
        fc.stringMatching(/^[\u4e00-\u4e20]{1,4}$/),
      )
      .map((a) => a.join('')),
    weight: 3,
  },
  fc.array(fc.constantFrom(...tricky), { minLength: 0, maxLength: 8 }).map((a) => a.join('')),
  fc.constantFrom(
    '2023-10-24',
    '2023-02-30',
    '2023-1-4',
    'gaoxin',
    '.gaoxin',
    'a b',
    'true',
    'null',
    '~',
    '12',
    '1e3',
    '0x1F',
    '.inf',
    'No',
  ),
);
/** Values as written: plain, or inside double or single quotes. */
const valueArb = fc.oneof(
  { arbitrary: plainArb, weight: 3 },
  { arbitrary: plainArb.map((v) => `"${v}"`), weight: 1 },
  { arbitrary: plainArb.map((v) => `'${v}'`), weight: 1 },
);
const keyArb = fc.oneof(fc.constantFrom(...PIECE_KEYS), fc.constantFrom('titel', 'Title', 'x'));
const lineArb = fc.oneof(
  { arbitrary: fc.tuple(keyArb, valueArb).map(([k, v]) => `${k}: ${v}`), weight: 6 },
  fc.constantFrom('', '# note', 'title:', 'title:  双空格', '- x', 'title: "引号"', "title: '单引号'"),
);

describe('front matter without the YAML parser', () => {
  it('gives what the YAML reader gives, without a problem, whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(
        valueArb,
        fc.array(lineArb, { maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (title, lines, start) => {
          const text = [`title: ${title}`, ...lines].join('\n');
          const fast = simpleFrontMatter(text, FILE, start);
          if (fast === null) return;
          answered++;
          const slow = viaYaml(text, start);
          expect(slow.items).toEqual([]);
          expect(fast).toEqual(slow.fm);
        },
      ),
      { seed: 1698105600, numRuns: 3000 },
    );
    // The property is not vacuous: many generated front matters take the shortcut.
    expect(answered).toBeGreaterThan(200);
  });

  it('answers for the sample’s pieces, with the YAML reader’s values and title positions', () => {
    const fm = [
      'title: "以数字化变革塑造高质量发展新动能"',
      'role: 西部科学城重庆高新区党工委书记',
      'author: 张安疆',
      'date: 2023-10-24',
      'id: gaoxin',
    ].join('\n');
    const fast = simpleFrontMatter(fm, FILE, 1);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(viaYaml(fm).fm);
    expect(fast!.titlePos).toEqual({ file: FILE, line: 2, column: 9 }); // the title's first character, inside the quotes
    expect(fast!.title).toBe('以数字化变革塑造高质量发展新动能');
  });

  it('leaves to the YAML reader what it is not sure of', () => {
    const cases = [
      'title: 标题 # 注释',
      'title: 标题\ntitle: 又一个',
      'title: 标题\ntitel: 拼错',
      'title: true',
      'title: 12',
      'title: null',
      'title: ~',
      'title: - 列表',
      'title: 标题　',
      'title: 标题 ',
      'title: a: b',
      'role: 书记',
      'title: 标题\ndate: 2023-02-30',
      'title: 标题\nid: .hidden',
      'title: 标题\n\nrole: 书记',
      'title: 标题\r\nrole: 书记',
      'title: "转义\\n"',
      'title: "引号"后缀',
      'title: "  "',
      "title: 'it''s'",
      `title: ${'长'.repeat(1001)}`,
    ];
    for (const text of cases) expect([text, simpleFrontMatter(text, FILE, 1)]).toEqual([text, null]);
    // …and the reader still reports what is wrong.
    const diags = new Diagnostics();
    readFrontMatter('title: 标题\ntitel: 拼错', FILE, 1, diags);
    expect(diags.items.map((d) => d.message).join('\n')).toMatch(/titel/);
  });

  it('reads a real piece file of the fixtures through the shortcut', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
    const md = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    let checked = 0;
    for (const f of md) {
      const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, f), 'utf8'));
      if (!m) continue;
      const fast = simpleFrontMatter(m[1]!, FILE, 1);
      if (fast === null) continue;
      checked++;
      expect(fast).toEqual(viaYaml(m[1]!).fm);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
