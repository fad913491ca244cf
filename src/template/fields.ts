/**
 * Template keys described as data: a `Field` names one key of a mapping, whether
 * it is required or what it holds when absent, and how its node is read.
 * `readSection` checks a mapping against a record of fields (the record's own
 * names are the resolved names, in reading order), so each key is listed once:
 * the keys known for "did you mean" hints come from the same record.
 */
import type { PMap, PNode } from './tree.js';
import { joinPath, type Reader } from './reader.js';

/** Reads one present node; `path` is the key's dotted path for messages. Undefined = invalid (error reported). */
export type ReadNode<T, C> = (node: PNode, path: string, r: Reader, ctx: C) => T | undefined;

export type Field<T, C> =
  /** Absent → `missing "key" in parent`. */
  | { readonly key: string; readonly kind: 'required'; readonly read: ReadNode<T, C> }
  /** Absent (or `null` when `whenNull`) → `value`. */
  | {
      readonly key: string;
      readonly kind: 'default';
      readonly value: T;
      readonly whenNull: boolean;
      readonly read: ReadNode<T, C>;
    }
  /** Read from the whole mapping by its own function, which handles absence itself. */
  | { readonly key: string; readonly kind: 'own'; readonly readMap: (map: PMap, r: Reader, ctx: C) => T | undefined };

/** A required key. */
export function req<T, C = unknown>(key: string, read: ReadNode<T, C>): Field<T, C> {
  return { key, kind: 'required', read };
}

/** An optional key: absent or `null` gives `value`. */
export function opt<T, C = unknown>(key: string, value: T, read: ReadNode<T, C>): Field<T, C> {
  return { key, kind: 'default', value, whenNull: true, read };
}

/** An optional key: absent gives `value`; `null` is read (and refused) like any other value. */
export function optNonNull<T, C = unknown>(key: string, value: T, read: ReadNode<T, C>): Field<T, C> {
  return { key, kind: 'default', value, whenNull: false, read };
}

/** A key read by its own function from the whole mapping (the key is still known to the key check). */
export function own<T, C = unknown>(
  key: string,
  readMap: (map: PMap, r: Reader, ctx: C) => T | undefined,
): Field<T, C> {
  return { key, kind: 'own', readMap };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Fields<C> = Readonly<Record<string, Field<any, C>>>;

/** The resolved values of a record of fields. */
export type Values<S> = { -readonly [K in keyof S]: S[K] extends Field<infer T, infer _C> ? T : never };

/** The keys a mapping read with `fields` may hold. */
export function keysOf<C>(fields: Fields<C>): string[] {
  return Object.values(fields).map((f) => f.key);
}

/** Options of `readSection`: the key check's noun and moved keys. */
export interface SectionOptions {
  readonly what?: string;
  readonly moved?: Readonly<Record<string, string>>;
}

/**
 * Checks `map`'s keys against `fields` and reads every field in order, reporting
 * every problem; undefined when any field is invalid or missing.
 */
export function readSection<S extends Fields<C>, C>(
  map: PMap,
  parent: string,
  fields: S,
  r: Reader,
  ctx: C,
  options: SectionOptions = {},
): Values<S> | undefined {
  r.checkKeys(map, keysOf(fields), options.what, options.moved);
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const [name, f] of Object.entries(fields)) {
    const v = readField(map, parent, f, r, ctx);
    if (v === undefined) ok = false;
    else out[name] = v;
  }
  return ok ? (out as Values<S>) : undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readField<C>(map: PMap, parent: string, f: Field<any, C>, r: Reader, ctx: C): unknown {
  if (f.kind === 'own') return f.readMap(map, r, ctx);
  const node = map.entries.get(f.key)?.value;
  if (f.kind === 'default') {
    if (node === undefined || (f.whenNull && node.kind === 'scalar' && node.value === null)) return f.value;
  } else if (node === undefined) {
    r.field(map, f.key, parent, true);
    return undefined;
  }
  return f.read(node, joinPath(parent, f.key), r, ctx);
}
