/**
 * Command-line arguments (README “Command line”) → a typed command. Pure: no I/O.
 *
 *   huibian build  <collection-dir> [--out DIR] [--format pdf,docx,ofd] [--template NAME|PATH]
 *                                   [--no-handouts] [--only ID|N] [--watch] [--quiet] [--debug]
 *   huibian serve  <collection-dir> [--port N] [--host H] [build options but --only and --watch]
 *   huibian check  <collection-dir>
 *   huibian inspect <collection-dir>            (the document model as JSON)
 *   huibian import <file>... --out <collection-dir> [--overwrite] [--ignore-contents]
 *   huibian --help | --version
 *
 * Bad usage is a `UsageError` (exit code 2).
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../model/diagnostics.js';

export { UsageError };

export type OutputFormat = 'pdf' | 'docx' | 'ofd';
/** What `--format` accepts; a build without it writes `DEFAULT_FORMATS`. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'docx', 'ofd'];
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['pdf', 'docx'];

export interface CommonFlags {
  readonly quiet: boolean;
  readonly debug: boolean;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | ({
      readonly kind: 'build';
      readonly dir: string;
      readonly out: string | null;
      readonly formats: readonly OutputFormat[];
      readonly template: string | null;
      readonly handouts: boolean;
      readonly only: string | null;
      readonly watch: boolean;
    } & CommonFlags)
  | ({
      readonly kind: 'serve';
      readonly dir: string;
      readonly out: string | null;
      readonly formats: readonly OutputFormat[];
      readonly template: string | null;
      readonly handouts: boolean;
      readonly host: string;
      readonly port: number;
    } & CommonFlags)
  | ({ readonly kind: 'check'; readonly dir: string; readonly template: string | null } & CommonFlags)
  | ({ readonly kind: 'inspect'; readonly dir: string } & CommonFlags)
  | ({
      readonly kind: 'import';
      readonly files: readonly string[];
      readonly out: string;
      readonly overwrite: boolean;
      readonly ignoreContents: boolean;
    } & CommonFlags);

/** `huibian serve` listens here unless told otherwise: this computer only. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8717;

export const USAGE = `huibian — Markdown-plus-YAML speech sources to a print-ready compilation (PDF, DOCX) and handouts

Usage:
  huibian build  <collection-dir> [--out DIR] [--format pdf,docx,ofd] [--template NAME|PATH]
                                  [--no-handouts] [--only ID|N] [--watch] [--quiet] [--debug]
  huibian serve  <collection-dir> [--port N] [--host H] [--out DIR] [--format pdf,docx]
                                  [--template NAME|PATH] [--no-handouts]
                                                           build, rebuild on change, preview the PDF in a browser
  huibian check  <collection-dir> [--template NAME|PATH]   validate and lay out, write nothing
  huibian inspect <collection-dir>                         print the document model as JSON
  huibian import <file>... --out <collection-dir> [--overwrite] [--ignore-contents]
                                                           Word (.docx) and plain-text files → sources
  huibian --help | --version

Options:
  --out DIR          output folder (default: out/<collection>/)
  --format LIST      any of pdf, docx, ofd, comma-separated (default: pdf,docx)
  --template T       a template name under templates/ or a path to a template file
  --no-handouts      build the compilation only
  --only ID|N        build only the handout of one piece (by id or number)
  --watch            rebuild when a source or template changes
  --port N           serve: the port (default: ${DEFAULT_PORT}; 0 picks a free one)
  --host H           serve: the address to listen on (default: 127.0.0.1, this computer only)
  --quiet            print errors only
  --debug            print stack traces of internal errors
  --overwrite        import: replace an existing collection folder (--force is the same)
  --ignore-contents  import: keep the pieces found even where they disagree with the contents list

Exit codes: 0 success, 1 invalid sources or template (nothing written), 2 bad usage, 3 internal error.
Errors are printed as path:line:column: error: message.`;

const OPTIONS = {
  out: { type: 'string' },
  format: { type: 'string' },
  template: { type: 'string' },
  'no-handouts': { type: 'boolean' },
  only: { type: 'string' },
  watch: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  quiet: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  overwrite: { type: 'boolean' },
  force: { type: 'boolean' },
  'ignore-contents': { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;
const VERBS = ['build', 'serve', 'check', 'inspect', 'import'] as const;
type Verb = (typeof VERBS)[number];

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new UsageError(`--port ${value}: a port is a number from 0 to 65535`);
  return n;
}

/** Which options each command accepts (anything else is a usage error). */
const ALLOWED: Record<Verb, readonly OptionName[]> = {
  build: ['out', 'format', 'template', 'no-handouts', 'only', 'watch', 'quiet', 'debug'],
  serve: ['out', 'format', 'template', 'no-handouts', 'port', 'host', 'quiet', 'debug'],
  check: ['template', 'quiet', 'debug'],
  inspect: ['quiet', 'debug'],
  import: ['out', 'overwrite', 'force', 'ignore-contents', 'quiet', 'debug'],
};

function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return [...DEFAULT_FORMATS];
  const parts = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (parts.length === 0) throw new UsageError('--format needs at least one of: pdf, docx, ofd');
  const formats: OutputFormat[] = [];
  for (const p of parts) {
    const format = OUTPUT_FORMATS.find((f) => f === p);
    if (!format) throw new UsageError(`unknown format "${p}" in --format (use pdf, docx, ofd)`);
    if (!formats.includes(format)) formats.push(format);
  }
  return formats;
}

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [given, ...rest] = positionals;
  if (given === undefined) throw new UsageError('missing command (build, serve, check, inspect or import)');
  if (given === 'help') return { kind: 'help' };
  if (!(VERBS as readonly string[]).includes(given)) {
    throw new UsageError(`unknown command "${given}" (use build, serve, check, inspect or import)`);
  }
  const verb = given as Verb;
  for (const name of Object.keys(values) as OptionName[]) {
    if (values[name] !== undefined && !ALLOWED[verb].includes(name)) {
      throw new UsageError(`option --${name} does not apply to "huibian ${verb}"`);
    }
  }
  if (rest.length === 0) {
    throw new UsageError(
      verb === 'import'
        ? 'import needs at least one Word (.docx) or plain-text file'
        : `${verb} needs a collection folder`,
    );
  }
  if (rest.length > 1 && verb !== 'import') throw new UsageError(`unexpected argument "${rest[1]}"`);
  const target = rest[0];
  const common = { quiet: values.quiet === true, debug: values.debug === true };
  switch (verb) {
    case 'build':
      if (values.only !== undefined && values['no-handouts']) {
        throw new UsageError('--only builds one handout; it cannot go with --no-handouts');
      }
      return {
        kind: 'build',
        dir: target,
        out: values.out ?? null,
        formats: parseFormats(values.format),
        template: values.template ?? null,
        handouts: values['no-handouts'] !== true,
        only: values.only ?? null,
        watch: values.watch === true,
        ...common,
      };
    case 'serve': {
      const formats = parseFormats(values.format);
      if (!formats.includes('pdf')) throw new UsageError('serve shows the compilation PDF: --format must include pdf');
      if (values.host !== undefined && values.host.trim() === '') throw new UsageError('--host needs an address');
      return {
        kind: 'serve',
        dir: target,
        out: values.out ?? null,
        formats,
        template: values.template ?? null,
        handouts: values['no-handouts'] !== true,
        host: values.host ?? DEFAULT_HOST,
        port: parsePort(values.port),
        ...common,
      };
    }
    case 'check':
      return { kind: 'check', dir: target, template: values.template ?? null, ...common };
    case 'inspect':
      return { kind: 'inspect', dir: target, ...common };
    case 'import':
      if (values.out === undefined) throw new UsageError('import needs --out <collection-dir>');
      return {
        kind: 'import',
        files: rest,
        out: values.out,
        overwrite: values.overwrite === true || values.force === true,
        ignoreContents: values['ignore-contents'] === true,
        ...common,
      };
  }
}
