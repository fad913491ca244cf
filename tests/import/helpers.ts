/** Shared helpers of the importer tests: temp folders, the character accounting, NOTES.md replacements. */
import fs from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import YAML from 'yaml';
import type { OutputFile } from '../../src/import/index.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
export const SEED = path.resolve(import.meta.dirname, '../fixtures/seed/chongqing-2023-10.txt');

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

/** Writes `files` into `<tmp>/<name>/` and returns that folder. */
export function writeFiles(files: readonly OutputFile[], name = 'imported'): string {
  return writeTree(
    path.join(tempDir('huibian-import-'), name),
    Object.fromEntries(files.map((f) => [f.path, f.content])),
  );
}

export function file(files: readonly OutputFile[], p: string): string {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no output file ${p}`);
  return textOf(f);
}

/** A text output's content (an image's bytes are not text). */
function textOf(f: OutputFile): string {
  if (typeof f.content !== 'string') throw new Error(`${f.path} is not a text output`);
  return f.content;
}

const md = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(remarkCjkFriendly);

/** Text values of a Markdown body, markup dropped (parsed, not pattern-stripped). */
function markdownText(body: string): string {
  const out: string[] = [];
  const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
    if (n.type === 'yaml') return;
    if (typeof n.value === 'string') out.push(n.value);
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  walk(md.parse(body) as never);
  return out.join('');
}

/** Keys whose values are derived (dates, ids, file names, defaults), not input text. */
const DERIVED = new Set(['date', 'id', 'showCount', 'template', 'lang', 'pieces']);

function yamlText(v: unknown, key = ''): string {
  if (DERIVED.has(key)) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => yamlText(x)).join('');
  if (v && typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => yamlText(x, k))
      .join('');
  return '';
}

/** All text the sources carry: YAML values (minus derived keys) and Markdown text. */
export function outputText(files: readonly OutputFile[]): string {
  let s = '';
  for (const f of files) {
    if (f.path.endsWith('.yaml')) s += yamlText(YAML.parse(textOf(f)));
    else if (f.path.endsWith('.md')) {
      const m = /^---\n([\s\S]*?)\n---\n/.exec(textOf(f));
      if (m) s += yamlText(YAML.parse(m[1]));
      s += markdownText(textOf(f));
    }
  }
  return s;
}

/** The text column of `import-removed.txt`. */
export function removedText(content: string): string {
  return content
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t').slice(2).join('\t'))
    .join('');
}

/** Multiset of non-whitespace characters, as a sorted array (for readable diffs). */
export function chars(s: string): string[] {
  return Array.from(s.replace(/[\s\u3000]/gu, '')).sort();
}

/** Characters in `a` but not in `b` (multiset difference). */
export function missing(a: readonly string[], b: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const c of b) count.set(c, (count.get(c) ?? 0) + 1);
  const out: string[] = [];
  for (const c of a) {
    const k = count.get(c) ?? 0;
    if (k > 0) count.set(c, k - 1);
    else out.push(c);
  }
  return out;
}

/** Non-whitespace characters of the input = those of the outputs' text + the removed text. */
export function accountingGap(input: string, files: readonly OutputFile[]): { lost: string[]; added: string[] } {
  const removedFile = files.find((f) => f.path === 'import-removed.txt');
  const removed = removedFile ? textOf(removedFile) : '';
  const inChars = chars(input);
  const outChars = chars(outputText(files) + removedText(removed));
  return { lost: missing(inChars, outChars), added: missing(outChars, inChars) };
}
