/**
 * Source text decoding: piece files and collection.yaml must be UTF-8 (docs/sources.md).
 *
 * A UTF-8 BOM is accepted and stripped. Anything else that is not valid UTF-8 is an
 * error that names the encoding the bytes look like — a UTF-16 BOM, or GB18030
 * (the usual encoding of Chinese text saved by older Windows editors), detected by
 * the WHATWG decoders (`TextDecoder(…, { fatal: true })`) succeeding.
 */

export type Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodesAs(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Line and column (1-based) of the first byte sequence that is not UTF-8. */
function firstBadPos(bytes: Uint8Array): { line: number; column: number } {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const at = lossy.indexOf('\uFFFD');
  const before = lossy.slice(0, Math.max(at, 0));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

/** Decodes a source file's bytes as UTF-8, stripping a UTF-8 BOM. */
export function decodeSource(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const which = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    return { ok: false, message: `file is not UTF-8 (it looks like ${which}); save it as UTF-8`, line: 1, column: 1 };
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const guess = decodesAs('gb18030', body) ? ' (it looks like GB18030)' : '';
    return { ok: false, message: `file is not UTF-8${guess}; save it as UTF-8`, ...firstBadPos(body) };
  }
}

/** Strips a leading U+FEFF (a BOM that survived decoding). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
