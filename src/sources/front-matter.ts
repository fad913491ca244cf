/**
 * A piece's YAML front matter (docs/sources.md “A piece”): title (required), subtitle,
 * role, author, date (YYYY-MM-DD), id (handout file name). Unknown keys are errors
 * with a did-you-mean hint; positions are those of the piece file.
 */
import type { Pos, ValuePos } from '../model/types.js';
import type { Diagnostics } from '../model/diagnostics.js';
import { MAX_FIELD_CHARS, YamlSource, describe, isCalendarDate, isYamlMap } from './yaml-fields.js';

export const PIECE_KEYS = ['title', 'subtitle', 'role', 'author', 'date', 'id'] as const;
export type PieceKey = (typeof PIECE_KEYS)[number];

export interface FrontMatter {
  readonly title: string | null;
  readonly subtitle: string | null;
  readonly role: string | null;
  readonly author: string | null;
  readonly date: string | null;
  readonly id: string | null;
  /** Position of the `title` value (or of the front matter when it has none). */
  readonly titlePos: Pos;
  /** Where each field's value stands. */
  readonly fieldPos: Partial<Record<PieceKey, ValuePos>>;
}

/** A handout id must be usable as a file name on every system. */
const SAFE_ID = /^[^\\/:*?"<>|\s.][^\\/:*?"<>|\s]*$/u;

/**
 * A value the YAML core schema (YAML 1.2, `yaml`'s default) reads as the same
 * one-line string: no indicator first, no `:` or `#` anywhere, no control or
 * BOM characters, no white space at either end, and not a null, boolean or number.
 */
const PLAIN_TEXT =
  /^[^\s\p{Cc}\p{Cs}\p{Zl}\p{Zp}\uFEFF\uFFFE\uFFFF\-?:,[\]{}#&*!|>'"%@`][^\p{Cc}\p{Cs}\p{Zl}\p{Zp}\uFEFF\uFFFE\uFFFF:#]*$/u;
const NOT_TEXT =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A quoted value with no escape, quote or line break inside: YAML reads exactly the characters between the quotes. */
const QUOTED =
  /^(?:"([^"\\\p{Cc}\p{Cs}\p{Zl}\p{Zp}\uFEFF\uFFFE\uFFFF]*)"|'([^'\p{Cc}\p{Cs}\p{Zl}\p{Zp}\uFEFF\uFFFE\uFFFF]*)')$/u;

/**
 * The string YAML gives for a one-line value, as the field readers see it (trimmed),
 * with how many characters into `raw` it starts; null when unsure.
 */
function simpleValue(raw: string): { text: string; at: number } | null {
  const q = QUOTED.exec(raw);
  if (q) {
    const inner = q[1] ?? q[2]!;
    const v = inner.trim();
    return v === '' ? null : { text: v, at: 1 + inner.length - inner.trimStart().length };
  }
  if (!PLAIN_TEXT.test(raw) || /\s$/u.test(raw) || NOT_TEXT.test(raw)) return null;
  return { text: raw, at: 0 };
}

/**
 * Front matter that is only `key: text` lines, the text plain or quoted without
 * escapes (the usual case), read without the YAML parser — the same values and positions the parser gives; null for
 * anything else (comments, quotes, lists, unknown or repeated keys, long values),
 * which the parser then reads and reports as before.
 */
export function simpleFrontMatter(yamlText: string, file: string, startLine: number): FrontMatter | null {
  if (yamlText.length > 10_000 || yamlText.includes('\r')) return null;
  const values = new Map<PieceKey, { value: string; pos: Pos }>();
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = /^([a-z]+): (.+)$/.exec(line);
    if (!m) return null;
    const [, key, value] = m as unknown as [string, PieceKey, string];
    if (!(PIECE_KEYS as readonly string[]).includes(key) || values.has(key)) return null;
    const v = simpleValue(value);
    if (v === null || v.text.length > MAX_FIELD_CHARS) return null;
    values.set(key, { value: v.text, pos: { file, line: startLine + 1 + i, column: key.length + 3 + v.at } });
  }
  const title = values.get('title');
  const date = values.get('date');
  const id = values.get('id');
  // Missing title, a date or id the checks would reject: the full reader reports them.
  if (!title || (date && !isCalendarDate(date.value)) || (id && !SAFE_ID.test(id.value))) return null;
  return {
    title: title.value,
    subtitle: values.get('subtitle')?.value ?? null,
    role: values.get('role')?.value ?? null,
    author: values.get('author')?.value ?? null,
    date: date?.value ?? null,
    id: id?.value ?? null,
    titlePos: title.pos,
    fieldPos: Object.fromEntries([...values].map(([k, v]) => [k, { pos: v.pos, exact: true }])),
  };
}

/**
 * Reads front matter text. `startLine` is the file line of the opening `---`
 * (so YAML line 1 is file line startLine + 1).
 */
export function readFrontMatter(yamlText: string, file: string, startLine: number, diags: Diagnostics): FrontMatter {
  return simpleFrontMatter(yamlText, file, startLine) ?? readYamlFrontMatter(yamlText, file, startLine, diags);
}

/** readFrontMatter through the YAML parser: any front matter, every problem reported. */
export function readYamlFrontMatter(
  yamlText: string,
  file: string,
  startLine: number,
  diags: Diagnostics,
): FrontMatter {
  const y = new YamlSource(yamlText, file, diags, startLine);
  const fmPos: Pos = { file, line: startLine, column: 1 };
  const none: FrontMatter = {
    title: null,
    subtitle: null,
    role: null,
    author: null,
    date: null,
    id: null,
    titlePos: fmPos,
    fieldPos: {},
  };
  if (y.broken) return none;
  if (!isYamlMap(y.root)) {
    if (y.root === null) diags.error(fmPos, 'missing "title" in the front matter');
    else diags.error(y.pos(y.root), `front matter must be a mapping of keys (title: …), not ${describe(y.root)}`);
    return none;
  }
  const e = y.entries(y.root, PIECE_KEYS, 'front matter key');
  const titlePair = e.get('title');
  if (!titlePair) diags.error(fmPos, 'missing "title" in the front matter');
  const id = y.string(e.get('id'), 'id');
  if (id !== null && !SAFE_ID.test(id)) {
    diags.error(
      y.valuePos(e.get('id')!),
      `"id" must be usable as a file name (no spaces, slashes or leading dot): "${id}"`,
    );
  }
  return {
    title: y.string(titlePair, 'title'),
    subtitle: y.string(e.get('subtitle'), 'subtitle'),
    role: y.string(e.get('role'), 'role'),
    author: y.string(e.get('author'), 'author'),
    date: y.date(e.get('date'), 'date'),
    id: id !== null && SAFE_ID.test(id) ? id : null,
    titlePos: titlePair ? y.textPos(titlePair).pos : fmPos,
    fieldPos: Object.fromEntries([...e].map(([k, pair]) => [k, y.textPos(pair)])),
  };
}
