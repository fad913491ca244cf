/**
 * The script of a handout worker thread (pool.ts): loads the handout fonts and the writers
 * once, then takes the next piece from the counter the workers share and makes its handout
 * exactly as the main thread would (target.ts), posting back the bytes or the error, until
 * no piece is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { adoptFontFiles, loadFontBook } from '../fonts/index.js';
import { PROJECT_DIR } from './prepare.js';
import { NEXT, passError, WRITTEN, type HandoutJobSetup, type WorkerReply } from './pool.js';
import { loadRenderers, renderTarget, targetBase } from './target.js';

const setup = workerData as HandoutJobSetup;
const port = parentPort!;
const date = new Date(setup.dateMs);
const pieces = setup.collection.pieces;
adoptFontFiles(setup.fontFiles);

/** Bytes as a Uint8Array that owns its whole buffer, so the buffer can be moved, not copied. */
function owned(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}

async function work(): Promise<void> {
  const ready = Promise.all([
    loadRenderers(setup.formats),
    loadFontBook(setup.template, {
      projectDir: PROJECT_DIR,
      extraDirs: [...setup.extraFontDirs],
      formats: setup.formats,
    }),
  ]);
  // A worker that finds no piece left never awaits this: its failure is then nobody's to report.
  ready.catch(() => {});
  for (;;) {
    const i = Atomics.add(setup.counters, NEXT, 1);
    if (i >= pieces.length) return;
    // Not too far ahead of what the main thread has written (it may be busy with the compilation).
    for (;;) {
      const written = Atomics.load(setup.counters, WRITTEN);
      if (i < written + setup.ahead) break;
      Atomics.wait(setup.counters, WRITTEN, written);
    }
    const piece = pieces[i];
    let reply: WorkerReply;
    const transfer: ArrayBuffer[] = [];
    try {
      const [render, fonts] = await ready;
      const timingsMs: Record<string, number> = {};
      const r = await renderTarget(render, setup, setup.template, fonts.book, piece, date, timingsMs, 'handout.');
      const pdf = r.pdf ? owned(r.pdf) : null;
      const docx = r.docx ? owned(r.docx) : null;
      const ofd = r.ofd ? owned(r.ofd) : null;
      for (const b of [pdf, docx, ofd]) if (b) transfer.push(b.buffer as ArrayBuffer);
      const base = targetBase(setup, piece);
      reply = {
        kind: 'done',
        done: { n: piece.n, base, pdf, docx, ofd, pages: r.tree.pages.length, warnings: r.warnings, timingsMs },
      };
    } catch (e) {
      // No other piece is begun; the ones taken already are finished.
      Atomics.store(setup.counters, NEXT, pieces.length);
      reply = { kind: 'failed', n: piece.n, error: passError(e) };
    }
    port.postMessage(reply, transfer);
  }
}

void work();
