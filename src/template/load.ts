/**
 * Template loader (templates/README.md): finds a template by name or path, follows its
 * `extends:` chain, merges the files and resolves them into a `ResolvedTemplate`.
 *
 * A bare name (`official`) is `<templatesDir>/<name>.yaml`; anything containing a
 * slash or ending in `.yaml`/`.yml` is a path resolved against `baseDir` (the
 * collection folder). Every problem — YAML syntax, unknown keys (with “did you
 * mean”), wrong types, bad units, impossible geometry, an unknown template — is
 * collected with its `file:line:column` and thrown at once as a `SourceError`.
 */
import { readFile, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics, SourceError, filePos, type Diagnostic } from '../model/diagnostics.js';
import type { Pos } from '../model/types.js';
import { mergeTrees, parseTemplateYaml, type PMap } from './tree.js';
import { resolveTemplate } from './resolve.js';
import { unknownMessage } from './hint.js';
import type { ResolvedTemplate } from './types.js';

export interface LoadTemplateOptions {
  /** Folder of the named templates (usually `templatesDir()`). */
  readonly templatesDir: string;
  /** Folder that relative template paths are resolved against (the collection folder). */
  readonly baseDir: string;
  /** Where the template was asked for (the `template:` line of collection.yaml), for “unknown template”. */
  readonly refPos?: Pos;
  /**
   * Folders a template file (and every file its `extends:` chain names) must lie in,
   * after following symbolic links. Unset: anywhere. The build passes the collection
   * folder and `templates/`, so collection.yaml cannot make huibian read
   * `/etc/passwd` or `../other/secret.yaml` (docs/sources.md “Images”: nothing outside the folder).
   */
  readonly allowedRoots?: readonly string[];
  /** Receives the warnings of a template that loads (YAML warnings, each at its position). */
  readonly warnings?: Diagnostic[];
}

/** The project's shipped `templates/` folder; works from `src/` and from `dist/`. */
export function templatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** True when `ref` is a file path rather than a template name. */
export function isTemplatePath(ref: string): boolean {
  return /[/\\]/.test(ref) || /\.ya?ml$/i.test(ref);
}

/** Names of the templates in a folder (`*.yaml` without the extension), sorted. */
export async function listTemplates(dir: string): Promise<string[]> {
  try {
    const files = await readdir(dir);
    return files
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}

interface Located {
  readonly name: string;
  readonly file: string;
}

/** Finds the file for a name or path; reports an unknown template at `pos`. */
async function locate(
  ref: string,
  relativeTo: string,
  dir: string,
  pos: Pos,
  diags: Diagnostics,
  roots?: readonly string[],
): Promise<Located | null> {
  if (isTemplatePath(ref)) {
    const file = path.resolve(relativeTo, ref);
    const name = path.basename(file).replace(/\.ya?ml$/i, '');
    if (roots && !(await isInsideRoots(file, roots))) {
      diags.error(
        pos,
        `template "${ref}" is outside the collection folder: use a template name or a path inside the folder`,
      );
      return null;
    }
    if (await exists(file)) return { name, file };
    diags.error(pos, `template file not found: ${file}`);
    return null;
  }
  const file = path.join(dir, `${ref}.yaml`);
  if (ref.trim() !== '' && (await exists(file))) return { name: ref, file: path.resolve(file) };
  diags.error(pos, unknownMessage('template', ref, await listTemplates(dir)));
  return null;
}

/** True when `file` (lexically, and after following links) lies inside one of `roots`. */
async function isInsideRoots(file: string, roots: readonly string[]): Promise<boolean> {
  const inside = (p: string, root: string) => {
    const rel = path.relative(root, p);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  const real = await realpath(file).catch(() => null);
  for (const root of roots) {
    const abs = path.resolve(root);
    const realRoot = await realpath(abs).catch(() => abs);
    if (inside(file, abs) && (real === null || inside(real, realRoot))) return true;
  }
  return false;
}

async function exists(file: string): Promise<boolean> {
  try {
    await readFile(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads, merges and resolves a template. Throws `SourceError` with every problem.
 */
export async function loadTemplate(nameOrPath: string, opts: LoadTemplateOptions): Promise<ResolvedTemplate> {
  const diags = new Diagnostics();
  const first = await locate(
    nameOrPath,
    opts.baseDir,
    opts.templatesDir,
    opts.refPos ?? filePos(path.resolve(opts.baseDir)),
    diags,
    opts.allowedRoots,
  );
  if (!first) throw new SourceError(diags.errors);

  // Follow `extends:` from the template itself to its root ancestor.
  const chain: PMap[] = [];
  const seen: string[] = [];
  let cur: Located | null = first;
  while (cur) {
    if (seen.includes(cur.file)) {
      diags.error(
        filePos(cur.file),
        `"extends" goes round in a circle: ${[...seen, cur.file].map((f) => path.basename(f)).join(' → ')}`,
      );
      break;
    }
    seen.push(cur.file);
    const tree = parseTemplateYaml(await readFile(cur.file, 'utf8'), cur.file, diags);
    if (!tree) break;
    chain.push(tree);
    const ext = tree.entries.get('extends');
    if (!ext) break;
    const v = ext.value;
    if (v.kind !== 'scalar' || typeof v.value !== 'string' || v.value.trim() === '') {
      diags.error(v.pos, 'extends must be a template name or path');
      break;
    }
    cur = await locate(v.value.trim(), path.dirname(cur.file), opts.templatesDir, v.pos, diags, opts.allowedRoots);
  }
  if (diags.hasErrors()) throw new SourceError(dedupe(diags.errors));

  const merged = chain.reduceRight<PMap | null>((acc, t) => (acc ? mergeTrees(acc, t) : t), null)!;
  const resolved = resolveTemplate(merged, first.name, first.file, diags);
  if (!resolved || diags.hasErrors()) throw new SourceError(dedupe(diags.errors));
  opts.warnings?.push(...dedupe(diags.warnings));
  return resolved;
}

/** Inherited values are checked once per inheriting style: keep each problem once, in file order. */
function dedupe<T extends { file: string; line: number; column: number; message: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items
    .filter((d) => {
      const k = `${d.file}:${d.line}:${d.column}:${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}
