/**
 * `huibian build --watch`: builds, rebuilds when a source changes, prints an error
 * for a broken source without exiting (and keeps the previous output), and stops
 * cleanly on SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLE } from '../helpers/cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'huibian-watch-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function waitFor(
  child: ChildProcess,
  log: { text: string },
  pattern: RegExp,
  count: number,
  ms = 60_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got:\n${log.text}`)), ms);
    const check = () => {
      const hits = log.text.match(new RegExp(pattern, 'g'))?.length ?? 0;
      if (hits >= count) {
        clearTimeout(timer);
        child.stderr!.off('data', check);
        resolve();
      }
    };
    child.stderr!.on('data', check);
    check();
  });
}

describe('huibian build --watch', () => {
  it('rebuilds on change, reports errors without exiting, stops on SIGTERM', async () => {
    const dir = join(tmp, 'src');
    await cp(SAMPLE, dir, { recursive: true });
    const out = join(tmp, 'out');
    const child = spawn(
      process.execPath,
      [`${ROOT}bin/huibian.js`, 'build', dir, '--out', out, '--watch', '--no-handouts', '--format', 'pdf'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const log = { text: '' };
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => (log.text += d));
    try {
      await waitFor(child, log, /wrote 2 files/, 1);
      const first = (await stat(join(out, 'compilation.pdf'))).mtimeMs;

      const piece = join(dir, '03-changshou.md');
      const good = await readFile(piece, 'utf8');
      await writeFile(piece, good.replace('凝心铸魂唯实争先', '凝心铸魂唯实争先（修订）'));
      await waitFor(child, log, /wrote 2 files/, 2);
      expect((await stat(join(out, 'compilation.pdf'))).mtimeMs).toBeGreaterThan(first);
      // Each rebuild logs its latency; only the edited piece was parsed again.
      await waitFor(child, log, /rebuilt: compilation\.pdf in \d+ ms, all in \d+ ms \(parsed 1 piece, reused \d+\)/, 1);

      await writeFile(piece, good.replace(/^title: /m, 'titel: '));
      await waitFor(child, log, /03-changshou\.md:\d+:\d+: error: /, 1);
      expect(child.exitCode).toBeNull(); // still watching
      await stat(join(out, 'compilation.pdf')); // previous output kept
    } finally {
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      expect(code).toBe(0);
    }
  }, 150_000);
});
