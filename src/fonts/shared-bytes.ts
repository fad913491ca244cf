/**
 * Font files read into shared memory (a SharedArrayBuffer under the Buffer), so that the
 * handout worker threads use the main thread's one read of each file instead of holding
 * a copy each (some 80 MB for the four default faces). Same bytes as `readFile`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

function sharedBuffer(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size));
}

/** `readFileSync` into shared memory. */
export function readSharedSync(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = sharedBuffer(fstatSync(fd).size);
    for (let at = 0; at < buf.length;) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) return buf.subarray(0, at);
      at += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}

/** `readFile` into shared memory. */
export async function readShared(file: string): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = sharedBuffer((await fh.stat()).size);
    for (let at = 0; at < buf.length;) {
      const { bytesRead } = await fh.read(buf, at, buf.length - at, at);
      if (bytesRead === 0) return buf.subarray(0, at);
      at += bytesRead;
    }
    return buf;
  } finally {
    await fh.close();
  }
}
