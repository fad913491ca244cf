/**
 * The `huibian` command (README “Command line”): parses arguments, calls app/ and prints.
 *
 * Exit codes: 0 success; 1 invalid sources, template, fonts or output path (all
 * problems printed as `path:line:column: error: message`, nothing written);
 * 2 bad usage; 3 an internal failure (a bug: one line, the stack only with --debug).
 * Progress lines go to stderr, and only on a terminal and without --quiet.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { counted } from '../model/counts.js';
import { formatDiagnostic, SourceError, type Diagnostic } from '../model/diagnostics.js';
import { parseCommand, UsageError, USAGE, type Command, type CommonFlags } from './args.js';
import type { PreviewServer, WatchHooks } from '../app/index.js';

/** The pipeline is loaded only by the verbs that need it, so `--help` and `--version` start at once. */
const pipeline = () => import('../app/index.js');

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly isTTY: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: process.stderr.isTTY === true && !process.env.CI,
};

function version(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function printDiagnostics(io: Io, list: readonly Diagnostic[]): void {
  for (const d of list) io.err(formatDiagnostic(d) + '\n');
}

type BuildLike = Extract<Command, { kind: 'build' | 'serve' }>;

/** What `build` and `serve` pass on to a build alike. */
function sourceOptions(cmd: BuildLike) {
  const { dir, out, formats, template, handouts } = cmd;
  return { dir, out, formats, template, handouts };
}

/** How a watching build reports: on the terminal, and to the preview page when serving. */
function watchHooks(io: Io, flags: CommonFlags, preview: PreviewServer | null): WatchHooks {
  return {
    report: (e) => {
      reportError(e, io, flags.debug);
      preview?.update(null, e);
    },
    done: (r) => {
      printDiagnostics(io, r.warnings);
      preview?.update(r, null);
      if (!flags.quiet && !preview)
        io.err(`huibian: wrote ${counted(r.files.length, 'file', 'files')} to ${r.outDir}\n`);
    },
    log: (s) => {
      if (!flags.quiet) io.err(s + '\n');
    },
  };
}

async function run(cmd: Command, io: Io): Promise<number> {
  switch (cmd.kind) {
    case 'help':
      io.out(USAGE + '\n');
      return 0;
    case 'version':
      io.out(`huibian ${version()}\n`);
      return 0;
    case 'check': {
      const { checkCollection } = await pipeline();
      const { prepared, warnings } = await checkCollection({ dir: cmd.dir, template: cmd.template });
      printDiagnostics(io, warnings);
      if (!cmd.quiet) {
        io.err(
          `${cmd.dir}: ok, ${counted(prepared.collection.pieces.length, 'piece', 'pieces')}, template ${prepared.template.name}\n`,
        );
      }
      return 0;
    }
    case 'inspect': {
      const { inspectCollection } = await pipeline();
      const model = await inspectCollection(cmd.dir);
      io.out(JSON.stringify(model, null, 2) + '\n');
      return 0;
    }
    case 'import': {
      const { runImport } = await pipeline();
      const r = await runImport(cmd.files, cmd.out, { overwrite: cmd.overwrite, ignoreContents: cmd.ignoreContents });
      if (!cmd.quiet) io.err(r.summary.endsWith('\n') ? r.summary : r.summary + '\n');
      return r.exitCode;
    }
    case 'serve': {
      const { startPreview, watchBuild } = await pipeline();
      const preview = await startPreview({ host: cmd.host, port: cmd.port, title: basename(resolve(cmd.dir)) });
      if (!cmd.quiet) io.err(`huibian: preview at ${preview.url} (Ctrl-C to stop)\n`);
      try {
        return await watchBuild({ ...sourceOptions(cmd), only: null }, watchHooks(io, cmd, preview));
      } finally {
        await preview.close();
      }
    }
    case 'build': {
      const { buildCollection, defaultJobs, watchBuild } = await pipeline();
      const progress = io.isTTY && !cmd.quiet;
      const options = {
        ...sourceOptions(cmd),
        only: cmd.only,
        jobs: cmd.jobs ?? defaultJobs(),
        onPhase: progress ? (p: string) => io.err(`huibian: ${p}\n`) : undefined,
      };
      if (cmd.watch) return watchBuild(options, watchHooks(io, cmd, null));
      const result = await buildCollection(options);
      printDiagnostics(io, result.warnings);
      if (!cmd.quiet) {
        const pages = result.report ? `, ${result.report.pages.total} pages` : '';
        io.err(`huibian: wrote ${counted(result.files.length, 'file', 'files')} to ${result.outDir}${pages}\n`);
      }
      return 0;
    }
  }
}

/** Prints an error the way its class asks and returns the exit code. */
export function reportError(e: unknown, io: Io, debug: boolean): number {
  if (e instanceof SourceError) {
    printDiagnostics(io, e.diagnostics);
    return 1;
  }
  if (e instanceof UsageError) {
    io.err(`huibian: ${e.message}\nRun "huibian --help" for usage.\n`);
    return 2;
  }
  const err = e as Error;
  io.err(`huibian: internal error: ${err?.message ?? String(e)}\n`);
  if (debug && err?.stack) io.err(err.stack + '\n');
  else io.err('(this is a bug in huibian; run again with --debug for details)\n');
  return 3;
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCommand(argv);
  } catch (e) {
    return reportError(e, io, false);
  }
  const debug = 'debug' in cmd && cmd.debug;
  try {
    return await run(cmd, io);
  } catch (e) {
    return reportError(e, io, debug);
  }
}
