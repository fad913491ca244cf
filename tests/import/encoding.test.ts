/** Reading: UTF-8 with/without BOM, UTF-16 LE/BE with BOM, GB18030 (made with iconv), CRLF; positioned errors. */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { importText, type ImportResult } from '../../src/import/index.js';
import { SourceError } from '../../src/model/diagnostics.js';
import { fixture } from './helpers.js';

/** Output files other than import-removed.txt, whose header names the encoding. */
function sources(r: ImportResult) {
  return r.files.filter((f) => f.path !== 'import-removed.txt');
}

function swap16(b: Buffer): Buffer {
  const out = Buffer.from(b);
  out.swap16();
  return out;
}

let utf8: Buffer;
let reference: ImportResult;
beforeAll(() => {
  utf8 = fixture('parts.txt');
  reference = importText(utf8, { fileName: 'parts.txt' });
});

describe('encodings', () => {
  test('GB18030 input (iconv) gives the same sources as UTF-8', () => {
    const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8 });
    expect(gb.equals(utf8)).toBe(false);
    const r = importText(gb, { fileName: 'parts.txt' });
    expect(r.encoding).toBe('GB18030');
    expect(sources(r)).toEqual(sources(reference));
  });

  test('GB18030 four-byte characters (outside GBK) decode', () => {
    const text = '汇编（1篇）\n目录\n1．甲区委书记王一：\n标题…………1\n标题\n甲区委书记王一\n　　𠀀字与㐀字都在。\n';
    const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text) });
    const r = importText(gb, { fileName: 'x.txt' });
    expect(r.encoding).toBe('GB18030');
    expect(r.files.find((f) => f.path === '01-jiaqu.md')!.content).toContain('𠀀字与㐀字都在。');
  });

  test('UTF-8 with BOM, UTF-16LE and UTF-16BE with BOM give the same sources', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString('utf8'), 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(Buffer.from(utf8.toString('utf8'), 'utf16le'))]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    for (const [buf, enc] of [
      [le, 'UTF-16LE'],
      [be, 'UTF-16BE'],
      [bom, 'UTF-8 (BOM)'],
    ] as const) {
      const r = importText(buf, { fileName: 'parts.txt' });
      expect(r.encoding).toBe(enc);
      expect(sources(r)).toEqual(sources(reference));
    }
  });

  test('CRLF and CR line ends read like LF', () => {
    const crlf = Buffer.from(utf8.toString('utf8').replace(/\n/g, '\r\n'));
    const cr = Buffer.from(utf8.toString('utf8').replace(/\n/g, '\r'));
    expect(sources(importText(crlf, { fileName: 'parts.txt' }))).toEqual(sources(reference));
    expect(sources(importText(cr, { fileName: 'parts.txt' }))).toEqual(sources(reference));
  });

  test('a NUL byte or bytes that are neither UTF-8 nor GB18030 are positioned errors', () => {
    const bad = (buf: Buffer) => {
      try {
        importText(buf, { fileName: 'in.txt' });
      } catch (e) {
        expect(e).toBeInstanceOf(SourceError);
        return (e as SourceError).message;
      }
      throw new Error('no error');
    };
    expect(bad(Buffer.from('第一行\n第二\0行\n'))).toMatch(/^in\.txt:2:7: error: not a text file/);
    expect(bad(Buffer.concat([Buffer.from('好\n坏'), Buffer.from([0xff, 0xff]), Buffer.from('\n')]))).toMatch(
      /^in\.txt:2:4: error: byte 0xff/,
    );
  });
});
