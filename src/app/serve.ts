/**
 * `huibian serve <collection>`: a local preview. Builds like `build --watch` and serves a
 * page showing the latest compilation PDF, which reloads itself after each rebuild (the
 * page listens to server-sent events on /events). When a build fails the page shows the
 * errors with their positions instead; the previous files stay served.
 *
 * What it serves: the page, the events, and under /files/ exactly the files the latest
 * successful build wrote (its list, compared as strings): no folder listing, and no path
 * outside the output folder can be named. It listens on 127.0.0.1 unless told otherwise,
 * and answers only requests addressed to an IP address, `localhost` or the name it listens on.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { join, extname } from 'node:path';
import { isIP, type AddressInfo } from 'node:net';
import { SourceError, UsageError, formatDiagnostic } from '../model/diagnostics.js';
import type { BuildResult } from './build.js';

export interface PreviewState {
  /** Bumped on every finished build, good or bad. */
  readonly version: number;
  /** The files the latest successful build wrote, relative to `outDir`. */
  readonly files: ReadonlySet<string>;
  readonly outDir: string | null;
  /** The failed latest build's errors (each `path:line:column: error: …`), or null. */
  readonly error: string | null;
}

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.json': 'application/json; charset=utf-8',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The text of a failed build for the page. */
export function errorText(e: unknown): string {
  if (e instanceof SourceError) return e.diagnostics.map(formatDiagnostic).join('\n');
  return `huibian: ${(e as Error)?.message ?? String(e)}`;
}

function page(state: PreviewState, title: string): string {
  const body =
    state.error !== null
      ? `<h1>Build failed</h1><pre id="error">${escapeHtml(state.error)}</pre>`
      : state.files.has('compilation.pdf')
        ? `<iframe id="pdf" title="compilation.pdf" src="/files/compilation.pdf?v=${state.version}"></iframe>`
        : `<p id="waiting">${state.version === 0 ? 'Building…' : 'This build wrote no PDF (use --format pdf).'}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · huibian</title>
<style>html,body{margin:0;height:100%;font-family:sans-serif}iframe{border:0;width:100%;height:100%}
pre{margin:1em;white-space:pre-wrap;color:#a00}h1{margin:1em;font-size:1.2em}p{margin:1em}</style></head>
<body data-version="${state.version}">${body}
<script>
const seen = ${state.version};
new EventSource('/events').addEventListener('rebuild', (e) => { if (Number(e.data) !== seen) location.reload(); });
</script></body></html>
`;
}

export interface PreviewServer {
  readonly url: string;
  /** A build ended: with its result, or with the error it failed with. */
  update(result: BuildResult | null, error: unknown): void;
  close(): Promise<void>;
}

export async function startPreview(opts: {
  readonly host: string;
  readonly port: number;
  readonly title: string;
}): Promise<PreviewServer> {
  let state: PreviewState = { version: 0, files: new Set(), outDir: null, error: null };
  const listeners = new Set<ServerResponse>();

  const send = (res: ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
  const notFound = (res: ServerResponse) => send(res, 404, 'text/plain; charset=utf-8', 'not found\n');

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    // A name other than ours is a page elsewhere reaching us through DNS (rebinding); an
    // address typed as digits is not, so `--host 0.0.0.0` works from the local network.
    if (hostName !== opts.host && hostName !== 'localhost' && isIP(hostName) === 0) {
      return send(res, 421, 'text/plain; charset=utf-8', 'unknown host\n');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only\n');
    const url = new URL(req.url ?? '/', 'http://preview');
    if (url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', page(state, opts.title));
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(`event: rebuild\ndata: ${state.version}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (!url.pathname.startsWith('/files/')) return notFound(res);
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice('/files/'.length));
    } catch {
      return notFound(res);
    }
    // Only a name the latest build wrote: no listing, nothing outside the output folder.
    if (!state.files.has(rel) || state.outDir === null) return notFound(res);
    const stream = createReadStream(join(state.outDir, ...rel.split('/')));
    stream.on('error', () => {
      if (!res.headersSent) notFound(res);
      else res.destroy();
    });
    stream.on('open', () => {
      res.writeHead(200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        stream.destroy();
        res.end();
      } else stream.pipe(res);
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EADDRNOTAVAIL' || e.code === 'EACCES'
          ? new UsageError(`cannot listen on ${opts.host} port ${opts.port} (${e.code})`)
          : e,
      ),
    );
    server.listen(opts.port, opts.host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${shown}:${port}/`,
    update(result, error) {
      const version = state.version + 1;
      state = result
        ? { version, files: new Set([...result.files, 'report.json']), outDir: result.outDir, error: null }
        : { ...state, version, error: errorText(error) };
      for (const res of listeners) res.write(`event: rebuild\ndata: ${version}\n\n`);
    },
    close() {
      for (const res of listeners) res.end();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
