/**
 * Fuzzing (robustness): random mutations of the sample sources — text, YAML and
 * Markdown structure — go through `huibian check` and, when that passes, `huibian
 * build --format pdf --no-handouts`, in-process through the real command's `main`
 * (plus a few through the CLI as a child process with a hard time limit).
 * Every case must end with exit 0, or exit 1 and only positioned diagnostics —
 * never exit 3, a stack trace or a hang — within a time bound.
 *
 * The seed is fixed (FUZZ_SEED, default 20231024); FUZZ_RUNS sets the number of
 * cases (default 30; `npm run fuzz` runs 2000).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectCleanOutcome, ROOT, runChild, runInProcess, tempDir } from '../robustness/helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20231024);
const LONG = RUNS > 100;
/** CPU time per case (check + build); the sample pieces take well under a second. */
const CASE_BOUND_MS = 10_000;

const SAMPLE = join(ROOT, 'sources/chongqing-2023-10');
const PIECES = ['01-gaoxin.md', '05-yongchuan.md'];

interface Sources {
  readonly yaml: string;
  readonly pieces: readonly string[];
}

let base: Sources;
let work: string;

beforeAll(() => {
  const yaml = readFileSync(join(SAMPLE, 'collection.yaml'), 'utf8').replace(
    /pieces:[\s\S]*$/,
    `pieces:\n${PIECES.map((p) => `  - ${p}\n`).join('')}`,
  );
  base = { yaml, pieces: PIECES.map((p) => readFileSync(join(SAMPLE, p), 'utf8')) };
  work = tempDir('fuzz');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Markdown and YAML tokens that change structure, and text that stresses the setter. */
const TOKENS = [
  '**',
  '*',
  '_',
  '`',
  '```\n',
  '# ',
  '## ',
  '###### ',
  '> ',
  '>>>>>>>> ',
  '- ',
  '1. ',
  '  - ',
  '\n\n',
  '\n',
  '  \n',
  '\\\n',
  '|',
  '| a | b |\n|---|---|\n',
  '---\n',
  '***',
  '[^1]',
  '[^1]: 注\n',
  '[链接](https://example.com)',
  '![图](a.png)',
  '![图](../x.png)',
  '<div>',
  '<!-- -->',
  '&#0;',
  '&#xD800;',
  '&amp;',
  '：',
  '“',
  '”',
  '（',
  '）',
  '、',
  '。',
  '——',
  '……',
  '《',
  '》',
  ': ',
  '&a ',
  '*a',
  '!!str ',
  '!!binary ',
  '? ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '\t',
  '#',
  '%YAML 1.2\n',
  '...\n',
  '~',
  'null',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u200b',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udc00',
  '𠀀',
  '😀',
  'ﬁ',
  'Ａ',
  'https://example.com/' + 'a'.repeat(300),
  '9'.repeat(400),
];

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; times: number }
  | { kind: 'swapLines'; a: number; b: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    length: fc.integer({ min: 1, max: 80 }),
    times: fc.integer({ min: 2, max: 40 }),
  }),
  fc.record({ kind: fc.constant('swapLines' as const), a: position, b: position }),
) as fc.Arbitrary<Mutation>;

function apply(text: string, m: Mutation): string {
  const at = (x: number) => Math.floor(x * (text.length + 1));
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'duplicate': {
      const s = at(m.at);
      return text.slice(0, s) + text.slice(s, s + m.length).repeat(m.times) + text.slice(s + m.length);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const i = Math.floor(m.a * lines.length);
      const j = Math.floor(m.b * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
  }
}

/** Which file a mutation list targets: -1 = collection.yaml, else a piece; front matter only or anywhere. */
const target = fc.record({
  file: fc.integer({ min: -1, max: PIECES.length - 1 }),
  frontMatterOnly: fc.boolean(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});

function mutate(src: Sources, t: { file: number; frontMatterOnly: boolean; mutations: Mutation[] }): Sources {
  const edit = (text: string) => {
    if (!t.frontMatterOnly || t.file < 0) return t.mutations.reduce(apply, text);
    const end = text.indexOf('\n---', 4);
    return t.mutations.reduce(apply, text.slice(0, end)) + text.slice(end);
  };
  if (t.file < 0) return { ...src, yaml: edit(src.yaml) };
  return { ...src, pieces: src.pieces.map((p, i) => (i === t.file ? edit(p) : p)) };
}

let caseNo = 0;

/** Writes the sources into a fresh folder under the work folder. */
function writeSources(src: Sources, tag: string): string {
  const dir = join(work, `${tag}${caseNo++}`, 'collection');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'collection.yaml'), src.yaml);
  PIECES.forEach((p, i) => writeFileSync(join(dir, p), src.pieces[i]));
  return dir;
}

describe('fuzzing the sample sources', () => {
  it(
    `check and build survive ${RUNS} mutated collections (seed ${SEED})`,
    async () => {
      let built = 0;
      await fc.assert(
        fc.asyncProperty(target, async (t) => {
          const dir = writeSources(mutate(base, t), 'c');
          const out = join(dir, '..', 'out');
          let cpuMs = 0;
          const check = await runInProcess(['check', dir, '--quiet']);
          cpuMs += check.cpuMs;
          expectCleanOutcome(check);
          if (check.code === 0) {
            const build = await runInProcess([
              'build',
              dir,
              '--out',
              out,
              '--format',
              'pdf',
              '--no-handouts',
              '--quiet',
            ]);
            expectCleanOutcome(build, out);
            expect(build.code, 'a collection that checks must build').toBe(0);
            cpuMs += build.cpuMs;
            built++;
          }
          expect(cpuMs).toBeLessThan(CASE_BOUND_MS);
          rmSync(join(dir, '..'), { recursive: true, force: true });
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: !LONG, verbose: 1 },
      );
      // The mutations must not be so destructive that nothing reaches layout and the PDF.
      expect(built).toBeGreaterThanOrEqual(Math.floor(RUNS / 20));
      console.log(`fuzz: ${RUNS} cases, ${built} passed check and were built`);
    },
    Math.max(120_000, RUNS * 1_500),
  );

  it('a few mutated collections through the command as a child process', () => {
    fc.assert(
      fc.property(target, (t) => {
        const dir = writeSources(mutate(base, t), 'child');
        const r = runChild(['check', dir, '--quiet'], 30_000);
        expectCleanOutcome(r);
      }),
      { numRuns: Math.min(3, RUNS), seed: SEED + 1, endOnFailure: true },
    );
  });
});
