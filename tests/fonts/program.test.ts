/**
 * A font's descriptor facts read straight from head, hhea, OS/2 and post
 * (src/fonts/program.ts) are the values fontkit gives — what pdfkit wrote into
 * each PDF font descriptor before — for the fixture faces, DejaVu-derived
 * composite.ttf and the 15 MB Noto Serif SC.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFontProgramInfo } from '../../src/fonts/program.js';
import { FIXTURES } from './helpers/fixtures.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof import('fontkit');
const NOTO_SERIF = join(
  require.resolve('@expo-google-fonts/noto-serif-sc/package.json'),
  '..',
  '400Regular',
  'NotoSerifSC_400Regular.ttf',
);

/** A copy of the font with `edit` applied at the directory record of table `tag` (the record's offset). */
function editRecord(bytes: Buffer, tag: string, edit: (out: Buffer, record: number) => void): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.readUInt16BE(4); i++) {
    const o = 12 + 16 * i;
    if (out.toString('latin1', o, o + 4) === tag) edit(out, o);
  }
  return out;
}

/** The same font with one table's record renamed away. */
const without = (bytes: Buffer, tag: string): Buffer =>
  editRecord(bytes, tag, (out, o) => out.write('zzzz', o, 'latin1'));

/** The same font with its OS/2 table claiming another version. */
const withOs2Version = (bytes: Buffer, version: number): Buffer =>
  editRecord(bytes, 'OS/2', (out, o) => out.writeUInt16BE(version, out.readUInt32BE(o + 8)));

function expectAsFontkit(bytes: Buffer, label: string): void {
  const fk = fontkit.create(bytes);
  const info = readFontProgramInfo(bytes);
  expect(info, label).not.toBeNull();
  expect(
    {
      unitsPerEm: info!.unitsPerEm,
      ascent: info!.ascent,
      descent: info!.descent,
      lineGap: info!.lineGap,
      xHeight: info!.xHeight,
      capHeight: info!.capHeight,
      italicAngle: info!.italicAngle,
      bbox: info!.bbox,
      familyClass: info!.familyClass,
      isFixedPitch: info!.isFixedPitch,
      italic: info!.italic,
      checkSumAdjustment: info!.checkSumAdjustment,
    },
    label,
  ).toEqual({
    unitsPerEm: fk.unitsPerEm,
    ascent: fk.ascent,
    descent: fk.descent,
    lineGap: fk.lineGap,
    xHeight: fk.xHeight,
    capHeight: fk.capHeight,
    italicAngle: fk.italicAngle,
    bbox: { minX: fk.bbox.minX, minY: fk.bbox.minY, maxX: fk.bbox.maxX, maxY: fk.bbox.maxY },
    familyClass: fk['OS/2']?.sFamilyClass,
    isFixedPitch: fk.post.isFixedPitch,
    italic: fk.head.macStyle.italic,
    checkSumAdjustment: fk.head.checkSumAdjustment,
  });
}

describe('font descriptor facts read from the tables', () => {
  it('equal fontkit’s for every fixture face and Noto Serif SC', () => {
    for (const name of ['serif-400.ttf', 'serif-700.ttf', 'sans-400.ttf', 'composite.ttf'])
      expectAsFontkit(readFileSync(join(FIXTURES, name)), name);
    expectAsFontkit(readFileSync(NOTO_SERIF), 'Noto Serif SC');
  });

  it('follow fontkit without an OS/2 table (cap height = ascent, x-height 0), for OS/2 version 1 (neither) and for a version fontkit drops', () => {
    const bytes = readFileSync(join(FIXTURES, 'serif-400.ttf'));
    expectAsFontkit(without(bytes, 'OS/2'), 'no OS/2');
    const v1 = withOs2Version(bytes, 1);
    expectAsFontkit(v1, 'OS/2 version 1');
    expect(readFontProgramInfo(v1)!.capHeight).toBeUndefined();
    // A version fontkit does not know: it drops the table.
    const v6 = withOs2Version(bytes, 6);
    expectAsFontkit(v6, 'OS/2 version 6');
    expect(readFontProgramInfo(v6)!.familyClass).toBeUndefined();
  });

  it('gives null without head, hhea or post', () => {
    const bytes = readFileSync(join(FIXTURES, 'serif-400.ttf'));
    for (const tag of ['head', 'hhea', 'post']) expect(readFontProgramInfo(without(bytes, tag)), tag).toBeNull();
  });
});
