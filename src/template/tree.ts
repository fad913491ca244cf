/**
 * Positioned YAML tree for template files.
 *
 * A template file is parsed with `yaml`'s `parseDocument` and a `LineCounter`
 * (YAML 1.2 core schema) and turned into a small tree in which every map key and
 * every value keeps its `file:line:column`, so that each problem found later —
 * possibly after `extends:` merged two files — is reported where it was written
 * (docs/sources.md “Diagnostics and exit codes”: “path:line:column: error: message”, all problems at once).
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Pos } from '../model/types.js';
import type { Diagnostics } from '../model/diagnostics.js';
import { reportYamlProblems, yamlPosAt } from '../model/yaml-diagnostics.js';

export interface PScalar {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly pos: Pos;
}

export interface PSeq {
  readonly kind: 'seq';
  readonly items: readonly PNode[];
  readonly pos: Pos;
}

export interface PEntry {
  readonly keyPos: Pos;
  readonly value: PNode;
}

export interface PMap {
  readonly kind: 'map';
  readonly entries: ReadonlyMap<string, PEntry>;
  readonly pos: Pos;
}

export type PNode = PScalar | PSeq | PMap;

/**
 * Parses template text into a positioned tree. YAML syntax errors and warnings go to
 * `diags` (each at its own position); on an error the result is null. An empty file
 * is an empty map.
 */
export function parseTemplateYaml(text: string, file: string, diags: Diagnostics): PMap | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const posAt = yamlPosAt(lineCounter, file);
  if (reportYamlProblems(text, doc, posAt, diags)) return null;
  const startPos: Pos = { file, line: 1, column: 1 };
  if (doc.contents === null) return { kind: 'map', entries: new Map(), pos: startPos };

  const convert = (node: YamlNode | null, fallback: Pos): PNode => {
    if (node === null) return { kind: 'scalar', value: null, pos: fallback };
    const pos = node.range ? posAt(node.range[0]) : fallback;
    if (isMap(node)) {
      const entries = new Map<string, PEntry>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyPos = keyNode && keyNode.range ? posAt(keyNode.range[0]) : pos;
        const key = isScalar(keyNode) ? String(keyNode.value) : null;
        if (key === null) {
          diags.error(keyPos, 'a key must be a plain word, not a list or mapping');
          continue;
        }
        entries.set(key, { keyPos, value: convert(pair.value as YamlNode | null, keyPos) });
      }
      return { kind: 'map', entries, pos };
    }
    if (isSeq(node)) {
      return { kind: 'seq', items: node.items.map((item) => convert(item as YamlNode | null, pos)), pos };
    }
    if (isScalar(node)) {
      const v = node.value;
      const value =
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
      return { kind: 'scalar', value, pos };
    }
    diags.error(pos, 'aliases and tags are not supported in templates');
    return { kind: 'scalar', value: null, pos };
  };

  const root = convert(doc.contents as YamlNode, startPos);
  if (root.kind !== 'map') {
    diags.error(root.pos, 'a template must be a mapping of keys (page:, fonts:, styles: …)');
    return null;
  }
  return root;
}

/**
 * `extends:` merge: maps merge key by key (recursively), anything else in `over`
 * replaces what `base` had — lists included, and `null` clears an inherited value
 * (e.g. `grid: null`).
 */
export function mergeTrees(base: PMap, over: PMap): PMap {
  const entries = new Map(base.entries);
  for (const [key, entry] of over.entries) {
    const prev = entries.get(key);
    if (prev && prev.value.kind === 'map' && entry.value.kind === 'map') {
      entries.set(key, { keyPos: entry.keyPos, value: mergeTrees(prev.value, entry.value) });
    } else {
      entries.set(key, entry);
    }
  }
  return { kind: 'map', entries, pos: over.pos };
}

/** A map entry's value, if present. */
export function get(map: PMap, key: string): PNode | undefined {
  return map.entries.get(key)?.value;
}

/** Plain JS value of a scalar node (`undefined` for lists and maps). */
export function scalarValue(node: PNode | undefined): string | number | boolean | null | undefined {
  return node && node.kind === 'scalar' ? node.value : undefined;
}
