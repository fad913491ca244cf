import { describe, expect, it } from 'vitest';
import { englishName, namesWithId, normaliseFamily, parseNameTable, parseOs2 } from '../../src/fonts/names.js';
import { nameTable, win, type RawName } from './helpers/font-edit.js';

const gbk = (s: string): Buffer => {
  // The few GBK codes used here (仿宋 = B7C2 CBCE), so the test needs no encoder.
  const table: Record<string, number[]> = { 仿: [0xb7, 0xc2], 宋: [0xcb, 0xce] };
  return Buffer.from([...s].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe('name table', () => {
  it('decodes Windows records in every language, in order', () => {
    const recs = parseNameTable(
      nameTable([win(0x0409, 1, 'FangSong_GB2312'), win(0x0804, 1, '仿宋_GB2312'), win(0x0409, 6, 'FangSong_GB2312')]),
    );
    expect(namesWithId(recs, 1)).toEqual(['FangSong_GB2312', '仿宋_GB2312']);
    expect(englishName(recs, 1)).toBe('FangSong_GB2312');
    expect(englishName(recs, 6)).toBe('FangSong_GB2312');
  });

  it('decodes Mac GB2312 (encoding 25) and old PRC DBCS records', () => {
    const mac: RawName = { platformID: 1, encodingID: 25, languageID: 33, nameID: 1, bytes: gbk('仿宋') };
    // PRC encoding: DBCS bytes in 16-bit units, single bytes padded with 0.
    const prc: RawName = {
      platformID: 3,
      encodingID: 3,
      languageID: 0x0804,
      nameID: 16,
      bytes: Buffer.concat([gbk('仿宋'), Buffer.from([0, 0x5f, 0, 0x41])]),
    };
    const recs = parseNameTable(nameTable([mac, prc]));
    expect(recs.map((r) => r.value)).toEqual(['仿宋', '仿宋_A']);
  });

  it('skips records it cannot decode', () => {
    const bad: RawName = {
      platformID: 3,
      encodingID: 1,
      languageID: 0x0409,
      nameID: 1,
      bytes: Buffer.from([0xd8, 0x00]),
    };
    const recs = parseNameTable(nameTable([bad, win(0x0409, 4, 'Full')]));
    expect(recs.map((r) => r.nameID)).toEqual([4]);
  });

  it('compares families ignoring case and spaces but not underscores', () => {
    expect(normaliseFamily('Noto Serif SC')).toBe(normaliseFamily('notoserifsc'));
    expect(normaliseFamily('仿宋_GB2312')).not.toBe(normaliseFamily('仿宋'));
    expect(normaliseFamily('ＦａｎｇＳｏｎｇ')).toBe(normaliseFamily('FangSong'));
  });
});

describe('OS/2', () => {
  it('reads weight, fsType and the italic bit; 1…9 weights scale to 100…900', () => {
    const t = Buffer.alloc(96);
    t.writeUInt16BE(7, 4);
    t.writeUInt16BE(0x0102, 8);
    t.writeUInt16BE(1, 62);
    expect(parseOs2(t)).toEqual({ weight: 700, fsType: 0x0102, italic: true });
  });
});
