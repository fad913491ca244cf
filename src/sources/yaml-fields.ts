/**
 * YAML with positions: collection.yaml and piece front matter (docs/sources.md “collection.yaml”, “A piece”).
 *
 * Parsed with `yaml`'s `parseDocument` and a `LineCounter`, so every error points
 * at `path:line:column` of the offending key or value. Typed readers report a
 * wrong type as a diagnostic and return null, so one pass finds every problem.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { Pos, ValuePos } from '../model/types.js';
import { Diagnostics, unknownKeyMessage } from '../model/diagnostics.js';
import { reportYamlProblems, yamlPosAt } from '../model/yaml-diagnostics.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a day of the calendar (2023-02-30 does not). */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * Resource bounds (no input may hang a build): a YAML text (collection.yaml or one
 * front matter block) is parsed only up to 1,000,000 characters, and a text field
 * (title, byline, banner line …) holds at most 1,000 characters — a title that long
 * is pasted body text, and would take minutes to check and set. Aliases are never
 * expanded (only `toJS` would expand them), so an alias bomb costs nothing.
 */
export const MAX_YAML_CHARS = 1_000_000;
export const MAX_FIELD_CHARS = 1_000;

/** One YAML text (a file, or a front matter block starting `lineOffset` lines into its file). */
export class YamlSource {
  readonly lineCounter = new LineCounter();
  readonly root: unknown;
  readonly posAt: (offset: number) => Pos;
  /** True when the YAML itself is malformed (errors already reported). */
  readonly broken: boolean;

  constructor(
    text: string,
    readonly file: string,
    readonly diags: Diagnostics,
    readonly lineOffset = 0,
  ) {
    this.posAt = yamlPosAt(this.lineCounter, file, lineOffset);
    if (text.length > MAX_YAML_CHARS) {
      this.diags.error(
        { file, line: 1 + lineOffset, column: 1 },
        `YAML is ${text.length.toLocaleString('en')} characters long; at most ${MAX_YAML_CHARS.toLocaleString('en')} are read`,
      );
      this.broken = true;
      this.root = null;
      return;
    }
    const doc = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false });
    this.broken = reportYamlProblems(text, doc, this.posAt, diags);
    this.root = doc.contents;
    this.text = text;
  }

  /** The YAML text (empty when it was too long to read). */
  readonly text: string = '';

  /** Position of a node's start (its value for a pair), or of the whole text. */
  pos(node: unknown): Pos {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return this.posAt(range ? range[0] : 0);
  }

  /** The pairs of a mapping by key; unknown keys are reported (did-you-mean). */
  entries(map: YAMLMap, known: readonly string[], what: string): Map<string, Pair<unknown, unknown>> {
    const out = new Map<string, Pair<unknown, unknown>>();
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key === null) {
        this.diags.error(this.pos(pair.key), `${what} keys must be plain names`);
      } else if (!known.includes(key)) {
        this.diags.error(this.pos(pair.key), unknownKeyMessage(what, key, known));
      } else {
        out.set(key, pair);
      }
    }
    return out;
  }

  /** Position of a pair's value, or of its key when the value is empty. */
  valuePos(pair: Pair<unknown, unknown>): Pos {
    return pair.value ? this.pos(pair.value) : this.pos(pair.key);
  }

  /**
   * Where a text value's first character (after trimming, as `string` returns it)
   * stands. Exact when the value is the source's characters on one line: a plain
   * scalar, or a quoted one without escapes (`\` in "…", `''` in '…').
   */
  textPos(pair: Pair<unknown, unknown>): ValuePos {
    const v = pair.value;
    const range = isScalar(v) ? v.range : undefined;
    if (!isScalar(v) || typeof v.value !== 'string' || !range) return { pos: this.valuePos(pair), exact: false };
    const raw = this.text.slice(range[0], range[1]);
    const quoted = v.type === 'QUOTE_DOUBLE' || v.type === 'QUOTE_SINGLE';
    const inner = quoted ? raw.slice(1, -1) : raw;
    const escaped =
      v.type === 'QUOTE_DOUBLE' ? inner.includes('\\') : v.type === 'QUOTE_SINGLE' && inner.includes("''");
    const plainOrQuoted = quoted || v.type === 'PLAIN';
    const lead = inner.length - inner.trimStart().length;
    const exact = plainOrQuoted && !escaped && !/[\r\n]/.test(inner) && inner.trim() === v.value.trim();
    return exact
      ? { pos: this.posAt(range[0] + (quoted ? 1 : 0) + lead), exact: true }
      : { pos: this.valuePos(pair), exact: false };
  }

  /** A non-empty string value; null (reported) for another type or an empty value. */
  string(pair: Pair<unknown, unknown> | undefined, key: string): string | null {
    if (!pair) return null;
    const v = pair.value;
    if (isScalar(v) && typeof v.value === 'string') {
      const s = v.value.trim();
      if (s === '') this.diags.error(this.valuePos(pair), `"${key}" must not be empty`);
      if (s.length > MAX_FIELD_CHARS) {
        this.diags.error(
          this.valuePos(pair),
          `"${key}" is ${s.length.toLocaleString('en')} characters long; at most ${MAX_FIELD_CHARS.toLocaleString('en')} are allowed`,
        );
        return null;
      }
      return s === '' ? null : s;
    }
    if (v === null || (isScalar(v) && v.value === null)) {
      this.diags.error(this.valuePos(pair), `"${key}" must not be empty`);
      return null;
    }
    this.diags.error(this.valuePos(pair), `"${key}" must be text, not ${describe(v)}`);
    return null;
  }

  /** A boolean value; null (reported) otherwise. */
  bool(pair: Pair<unknown, unknown> | undefined, key: string): boolean | null {
    if (!pair) return null;
    const v = pair.value;
    if (isScalar(v) && typeof v.value === 'boolean') return v.value;
    this.diags.error(this.valuePos(pair), `"${key}" must be true or false, not ${describe(v)}`);
    return null;
  }

  /** An ISO date YYYY-MM-DD that exists in the calendar; null (reported) otherwise. */
  date(pair: Pair<unknown, unknown> | undefined, key: string): string | null {
    if (!pair) return null;
    const v = pair.value;
    const raw = isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') ? String(v.value) : null;
    const m = raw === null ? null : ISO_DATE.exec(raw.trim());
    if (!m) {
      this.diags.error(this.valuePos(pair), `"${key}" must be a date written YYYY-MM-DD, not ${describe(v)}`);
      return null;
    }
    if (!isCalendarDate(m[0])) {
      this.diags.error(this.valuePos(pair), `"${key}" is not a calendar date: ${m[0]}`);
      return null;
    }
    return m[0];
  }

  /** The items of a list value; null (reported) otherwise. */
  list(pair: Pair<unknown, unknown> | undefined, key: string): unknown[] | null {
    if (!pair) return null;
    if (isSeq(pair.value)) return pair.value.items;
    this.diags.error(this.valuePos(pair), `"${key}" must be a list, not ${describe(pair.value)}`);
    return null;
  }

  /** A mapping value; null (reported) otherwise. */
  map(pair: Pair<unknown, unknown> | undefined, key: string): YAMLMap | null {
    if (!pair) return null;
    if (isMap(pair.value)) return pair.value;
    this.diags.error(this.valuePos(pair), `"${key}" must be a mapping of keys, not ${describe(pair.value)}`);
    return null;
  }
}

/** “a number (3)”, “a list”, “text ("yes")” — how a YAML value reads in a message. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (isMap(v)) return 'a mapping';
  if (isSeq(v)) return 'a list';
  if (isScalar(v)) {
    const x = v.value;
    if (x === null) return 'empty';
    if (typeof x === 'string') return `text ("${x.length > 40 ? x.slice(0, 40) + '…' : x}")`;
    if (typeof x === 'number') return `a number (${x})`;
    if (typeof x === 'boolean') return `a boolean (${x})`;
    return `a ${typeof x}`;
  }
  if (isAlias(v)) return `an alias (*${v.source}; anchors and aliases are not supported)`;
  return 'an unexpected value';
}

export function isYamlMap(v: unknown): v is YAMLMap {
  return isMap(v);
}

export function scalarString(v: unknown): string | null {
  return isScalar(v) && typeof v.value === 'string' ? v.value : null;
}

export type { YamlNode };
