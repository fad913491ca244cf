/**
 * `huibian serve`: the preview page in a real headless Chromium (the system's, driven by
 * playwright-core) shows the compilation PDF, reloads itself after a rebuild, shows a
 * build error with its position instead of the PDF and comes back when it is fixed; the
 * server answers only on 127.0.0.1, serves only the files the build wrote (no listing, no
 * path out of the output folder) and refuses requests for another host name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT, SAMPLE } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
let tmp: string;
let child: ChildProcess;
let browser: Browser;
let base: string;
const log = { text: '' };

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is needed for this test`).toBe(true);
  tmp = await mkdtemp(join(tmpdir(), 'huibian-serve-'));
  await cp(SAMPLE, join(tmp, 'src'), { recursive: true });
  // A file beside the output folder that must never be served.
  await writeFile(join(tmp, 'secret.txt'), 'secret');
  child = spawn(
    process.execPath,
    [`${ROOT}bin/huibian.js`, 'serve', join(tmp, 'src'), '--out', join(tmp, 'out'), '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (log.text += d));
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no preview address; got:\n${log.text}`)), 120_000);
    const look = () => {
      const m = /preview at (http:\/\/\S+)/.exec(log.text);
      // The address, once the first build is done.
      if (m && log.text.includes('watching for changes')) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stderr!.on('data', look);
  });
  browser = await chromium.launch({ executablePath: CHROMIUM });
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  await rm(tmp, { recursive: true, force: true });
});

/** A raw GET (the path sent as written, not normalised) → status code. */
function status(path: string, host?: string): Promise<number> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: host ? { host } : {} }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('huibian serve', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('shows the PDF, reloads on rebuild, shows an error with its position, recovers', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.waitForSelector('iframe#pdf', { timeout: 120_000 });
    const v1 = Number(await page.getAttribute('body', 'data-version'));
    expect(await page.getAttribute('iframe#pdf', 'src')).toBe(`/files/compilation.pdf?v=${v1}`);
    const pdf = await page.request.get(new URL(`/files/compilation.pdf?v=${v1}`, base).href);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    const piece = join(tmp, 'src', '03-changshou.md');
    const good = await readFile(piece, 'utf8');
    await writeFile(piece, good.replace('凝心铸魂唯实争先', '凝心铸魂唯实争先（修订）'));
    // The page reloads itself: a newer version, still showing the PDF.
    await page.waitForFunction((v) => Number(document.body.dataset.version) > v, v1, { timeout: 120_000 });
    await page.waitForSelector('iframe#pdf');

    // A save can come as more than one file event, so the page may reload again while it is
    // read: what it shows is polled until it holds, a reload in between reading as nothing.
    const shown = (selector: string) => () =>
      page
        .locator(selector)
        .textContent({ timeout: 1_000 })
        .catch(() => null);
    await writeFile(piece, good.replace(/^title: /m, 'titel: '));
    await expect.poll(shown('pre#error'), { timeout: 120_000 }).toMatch(/03-changshou\.md:\d+:\d+: error: /);
    expect(child.exitCode).toBeNull();
    // The last good files are still served while the sources are broken.
    expect(await status('/files/compilation.pdf')).toBe(200);

    await writeFile(piece, good);
    await expect
      .poll(
        () =>
          page
            .evaluate(() => [!!document.querySelector('iframe#pdf'), !!document.querySelector('pre#error')])
            .catch(() => null),
        { timeout: 120_000 },
      )
      .toEqual([true, false]);
    await page.close();
  });

  it('serves only the files the build wrote', async () => {
    expect(await status('/files/compilation.pdf')).toBe(200);
    expect(await status('/files/report.json')).toBe(200);
    for (const path of [
      '/files/',
      '/files',
      '/files/handouts/',
      '/files/../secret.txt',
      '/files/%2e%2e/secret.txt',
      '/files/..%2f..%2fsecret.txt',
      '/files/%2e%2e%2f%2e%2e%2fsrc%2fcollection.yaml',
      '/files//etc/passwd',
      '/secret.txt',
      '/src/collection.yaml',
      '/favicon.ico',
    ]) {
      expect([path, await status(path)]).toEqual([path, 404]);
    }
  });

  it('refuses requests addressed to another host name', async () => {
    expect(await status('/', 'attacker.example')).toBe(421);
    expect(await status('/files/compilation.pdf', 'attacker.example:80')).toBe(421);
    expect(await status('/', 'localhost')).toBe(200);
    expect(await status('/', '192.168.1.20:8717')).toBe(200); // an address, as from the local network
    expect(await status('/', '[::1]:8717')).toBe(200);
  });
});
