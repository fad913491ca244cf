/**
 * Typed, positioned reads from a template tree.
 *
 * Every getter validates one YAML node and, on failure, records a positioned
 * error in the shared `Diagnostics` and returns `undefined`, so the resolver can
 * carry on and report every problem at once (docs/sources.md “Diagnostics and exit codes”). The messages are part of
 * the tests: `<path> must be <expected>, got <value>`.
 */
import type { Diagnostics } from '../model/diagnostics.js';
import type { Pos } from '../model/types.js';
import { closest, unknownMessage } from './hint.js';
import { describeValue, parseLength, type LengthContext } from './units.js';
import type { PMap, PNode } from './tree.js';

/** `a.b.c` path of a key, for messages. */
export function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

export class Reader {
  constructor(readonly diags: Diagnostics) {}

  error(pos: Pos, message: string): void {
    this.diags.error(pos, message);
  }

  /**
   * Reports keys of `map` not in `known` (with did-you-mean), positioned at the key; a key
   * in `moved` is named where it now lives.
   */
  checkKeys(map: PMap, known: readonly string[], what = 'key', moved: Readonly<Record<string, string>> = {}): void {
    for (const [key, entry] of map.entries) {
      if (known.includes(key)) continue;
      if (Object.hasOwn(moved, key)) this.error(entry.keyPos, `"${key}" is now "${moved[key]}"`);
      else this.error(entry.keyPos, unknownMessage(what, key, known));
    }
  }

  /** The node at `key`, or an error “missing … in …” at the map when required. */
  field(map: PMap, key: string, path: string, required: boolean): PNode | undefined {
    const node = map.entries.get(key)?.value;
    if (node === undefined && required) this.error(map.pos, `missing "${key}" in ${path || 'the template'}`);
    return node;
  }

  typeError(node: PNode, path: string, expected: string): undefined {
    this.error(node.pos, `${path} must be ${expected}, got ${describeNode(node)}`);
    return undefined;
  }

  map(node: PNode, path: string): PMap | undefined {
    return node.kind === 'map' ? node : this.typeError(node, path, 'a mapping');
  }

  string(node: PNode, path: string): string | undefined {
    if (node.kind === 'scalar' && typeof node.value === 'string') return node.value;
    // A bare number where text is wanted ("bullet: 1") is accepted as its text.
    if (node.kind === 'scalar' && typeof node.value === 'number') return String(node.value);
    return this.typeError(node, path, 'text');
  }

  bool(node: PNode, path: string): boolean | undefined {
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    return this.typeError(node, path, 'true or false');
  }

  int(node: PNode, path: string, min: number, max: number): number | undefined {
    if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value)) {
      if (node.value >= min && node.value <= max) return node.value;
    }
    const range = max === Infinity ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
    return this.typeError(node, path, range);
  }

  oneOf<T extends string>(node: PNode, path: string, choices: readonly T[]): T | undefined {
    if (
      node.kind === 'scalar' &&
      typeof node.value === 'string' &&
      (choices as readonly string[]).includes(node.value)
    ) {
      return node.value as T;
    }
    const hint = node.kind === 'scalar' && typeof node.value === 'string' ? closest(node.value, choices) : null;
    this.error(
      node.pos,
      `${path} must be one of ${choices.join(', ')}, got ${describeNode(node)}` +
        (hint ? ` (did you mean "${hint}"?)` : ''),
    );
    return undefined;
  }

  length(node: PNode, path: string, ctx: LengthContext): number | undefined {
    if (node.kind !== 'scalar') return this.typeError(node, path, 'a length');
    const r = parseLength(node.value, ctx);
    if (!r.ok) {
      this.error(node.pos, `${path}: ${r.message}`);
      return undefined;
    }
    return r.pt;
  }

  /** Text with `{placeholders}` drawn only from `allowed`. */
  pattern(node: PNode, path: string, allowed: readonly string[]): string | undefined {
    const text = this.string(node, path);
    if (text === undefined) return undefined;
    let ok = true;
    for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
      if (!allowed.includes(m[1])) {
        this.error(node.pos, `${path}: ${unknownMessage('placeholder', m[1], allowed)}`);
        ok = false;
      }
    }
    return ok ? text : undefined;
  }
}

export function describeNode(node: PNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  return describeValue(node.value);
}
