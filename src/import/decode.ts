/**
 * Reading a plain-text compilation: detect the encoding (UTF-8 with or without BOM,
 * UTF-16 LE/BE with BOM, else GB18030 — the superset of GBK/GB2312 mandated by
 * GB 18030-2022) and decode it with the WHATWG `TextDecoder`.
 */

export type Encoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/** Byte offset → 1-based line and byte column (lines end at 0x0A). */
function bytePosition(buf: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < buf.length; i++) {
    if (buf[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** First byte offset where `buf` stops being well-formed UTF-8, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decode `buf`; a NUL byte outside UTF-16 or bytes no candidate encoding accepts is an error with its position. */
export function decodeInput(buf: Uint8Array): DecodeResult {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    const t = decodeStrict('utf-16le', buf.subarray(2));
    if (t !== null) return { ok: true, text: t, encoding: 'UTF-16LE' };
    return { ok: false, line: 1, column: 1, message: 'malformed UTF-16LE text (odd length or lone surrogate)' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const t = decodeStrict('utf-16be', buf.subarray(2));
    if (t !== null) return { ok: true, text: t, encoding: 'UTF-16BE' };
    return { ok: false, line: 1, column: 1, message: 'malformed UTF-16BE text (odd length or lone surrogate)' };
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    const p = bytePosition(buf, nul);
    return { ok: false, ...p, message: 'not a text file (NUL byte); expected UTF-8, UTF-16 with BOM or GB18030' };
  }
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = bom ? buf.subarray(3) : buf;
  const bad = firstInvalidUtf8(body);
  if (bad < 0) {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body),
      encoding: bom ? 'UTF-8 (BOM)' : 'UTF-8',
    };
  }
  if (!bom) {
    const t = decodeStrict('gb18030', buf);
    if (t !== null && !t.includes('\uFFFD')) return { ok: true, text: t, encoding: 'GB18030' };
  }
  const p = bytePosition(body, bad);
  return {
    ok: false,
    line: p.line,
    column: p.column + (bom && p.line === 1 ? 3 : 0),
    message: `byte 0x${body[bad].toString(16).padStart(2, '0')} is neither UTF-8 nor GB18030 text`,
  };
}
