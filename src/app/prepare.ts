/**
 * Everything a build or a check needs before layout: the collection parsed, the
 * templates resolved, the fonts found and every character checked against them.
 *
 * Both `huibian check` and `huibian build` go through here, so a check catches
 * exactly the errors a build would (sources, template, fonts, glyph coverage).
 * The compilation and the handouts share one parse and, where their templates
 * name the same faces, the same loaded fonts.
 */
import { stat } from 'node:fs/promises';
import { delimiter, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Collection } from '../model/types.js';
import { SourceError, UsageError, dedupeDiagnostics, type Diagnostic } from '../model/diagnostics.js';
import type { ResolvedTemplate } from '../template/index.js';
import type { FontBook } from '../fonts/index.js';
import type { Format } from './target.js';
import { loadCollection, type PieceParseCache } from '../sources/index.js';
import { closest, isTemplatePath, listTemplates, loadTemplate, templatesDir } from '../template/index.js';
import { checkCoverage, loadFontBook } from '../fonts/index.js';

/** The huibian package root (holds templates/ and fonts/), from dist/build or src/app. */
export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_TEMPLATE = 'compilation';

/**
 * Font folders searched together with the project's `fonts/`: `HUIBIAN_FONTS`, a
 * list separated like PATH (for fonts kept outside the checkout, and for tests).
 */
export function extraFontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.HUIBIAN_FONTS ?? '')
    .split(delimiter)
    .filter((d) => d.trim() !== '')
    .map((d) => resolve(d));
}
export const HANDOUT_TEMPLATE = 'handout';

export interface Prepared {
  readonly collection: Collection;
  readonly template: ResolvedTemplate;
  readonly fonts: FontBook;
  /** Present when handouts are wanted. */
  readonly handout: { readonly template: ResolvedTemplate; readonly fonts: FontBook } | null;
  readonly warnings: readonly Diagnostic[];
  readonly timingsMs: { readonly parse: number; readonly fonts: number };
}

export interface PrepareOptions {
  readonly dir: string;
  /**
   * `--template`, overriding collection.yaml's `template`: a shipped template's name, or a
   * path to a template file relative to the current folder.
   */
  readonly template: string | null;
  readonly handouts: boolean;
  /** The outputs to be made (default PDF and DOCX): which fonts may be used depends on them. */
  readonly formats?: readonly Format[];
  /** Parse results kept between builds (watch mode). */
  readonly parseCache?: PieceParseCache;
}

/**
 * Loads a template. `fromCli` is a `--template` path the user typed: its own folder
 * is allowed too. A `template:` in collection.yaml (and any `extends:`) may only
 * name files inside the collection folder or `templates/`.
 */
async function templateFor(
  name: string,
  collection: Collection,
  warnings: Diagnostic[],
  fromCli = false,
): Promise<ResolvedTemplate> {
  const roots = [collection.dir, templatesDir()];
  if (fromCli && isTemplatePath(name)) roots.push(dirname(resolve(name)));
  return loadTemplate(name, {
    templatesDir: templatesDir(),
    baseDir: collection.dir,
    refPos: fromCli ? undefined : collection.fieldPos?.template?.pos,
    allowedRoots: roots,
    warnings,
  });
}

/**
 * A `--template` value checked before anything is read: a shipped template's name, or
 * a template file (returned as an absolute path, the path taken from the current
 * folder). Anything else is bad usage (exit 2), listing the shipped templates.
 */
export async function commandLineTemplate(ref: string): Promise<string> {
  const names = await listTemplates(templatesDir());
  const choices = `shipped templates: ${names.join(', ')}; or a path to a template file`;
  if (!isTemplatePath(ref)) {
    if (names.includes(ref)) return ref;
    const hint = closest(ref, names);
    throw new UsageError(`--template ${ref}: no such template${hint ? ` (did you mean "${hint}"?)` : ''}; ${choices}`);
  }
  const file = resolve(ref);
  const isFile = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) throw new UsageError(`--template ${ref}: template file not found (${file}); ${choices}`);
  return file;
}

export async function prepare(opts: PrepareOptions): Promise<Prepared> {
  const t0 = performance.now();
  const cliTemplate = opts.template === null ? null : await commandLineTemplate(opts.template);
  const { collection, warnings: sourceWarnings } = await loadCollection(opts.dir, { parseCache: opts.parseCache });
  const warnings: Diagnostic[] = [...sourceWarnings];
  const template = await templateFor(
    cliTemplate ?? collection.template ?? DEFAULT_TEMPLATE,
    collection,
    warnings,
    cliTemplate !== null,
  );
  const handoutTemplate = opts.handouts ? await templateFor(HANDOUT_TEMPLATE, collection, warnings) : null;
  const t1 = performance.now();

  const fontOpts = { projectDir: PROJECT_DIR, extraDirs: extraFontDirs(), formats: opts.formats };
  const main = await loadFontBook(template, fontOpts);
  warnings.push(...main.warnings);
  const coverage = checkCoverage(collection, template, main.book);
  let handout: Prepared['handout'] = null;
  const errors = [...coverage.errors];
  warnings.push(...coverage.warnings);
  if (handoutTemplate) {
    const hb = await loadFontBook(handoutTemplate, fontOpts);
    warnings.push(...hb.warnings);
    const hc = checkCoverage(collection, handoutTemplate, hb.book);
    // The same characters usually fail in both: report each position once.
    const seen = new Set(errors.map((d) => `${d.file}:${d.line}:${d.column}`));
    errors.push(...hc.errors.filter((d) => !seen.has(`${d.file}:${d.line}:${d.column}`)));
    handout = { template: handoutTemplate, fonts: hb.book };
  }
  if (errors.length > 0) throw new SourceError(errors);
  const t2 = performance.now();
  return {
    collection,
    template,
    fonts: main.book,
    handout,
    warnings: dedupeDiagnostics(warnings),
    timingsMs: { parse: Math.round(t1 - t0), fonts: Math.round(t2 - t1) },
  };
}
