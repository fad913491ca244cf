import { describe, expect, it } from 'vitest';
import { atomize } from '../../../src/layout/break/atoms.js';
import { fakeBook, fakeFace } from '../../helpers/fake-fonts.js';
import { span } from './common.js';

const book = fakeBook();
const atomsOf = (text: string, fonts = book) =>
  atomize([span(text)], { fonts, kinsoku: 'gb', charPitchPt: null }).atoms;

describe('atoms', () => {
  it('splits Han, punctuation, two-em units and Latin/digit runs', () => {
    const atoms = atomsOf('前度DP增长8.6%，——好……1029.54与2023年');
    expect(atoms.map((a) => a.text)).toEqual([
      '前',
      '度',
      'DP',
      '增',
      '长',
      '8.6%',
      '，',
      '——',
      '好',
      '……',
      '1029.54',
      '与',
      '2023',
      '年',
    ]);
    expect(atoms.map((a) => a.kind)).toEqual([
      'cjk',
      'cjk',
      'latin',
      'cjk',
      'cjk',
      'latin',
      'punct',
      'dash',
      'cjk',
      'dash',
      'latin',
      'cjk',
      'latin',
      'cjk',
    ]);
  });

  it('sets full-width digits as Han and the full-width point as a stop', () => {
    const atoms = atomsOf('３．１和3．1');
    expect(atoms.map((a) => [a.text, a.kind])).toEqual([
      ['３', 'cjk'],
      ['．', 'punct'],
      ['１', 'cjk'],
      ['和', 'cjk'],
      ['3', 'latin'],
      ['．', 'punct'],
      ['1', 'latin'],
    ]);
  });

  it('measures Latin runs as shaped runs, spaces as joints', () => {
    const atoms = atomsOf('ab cde');
    expect(atoms.map((a) => a.text)).toEqual(['ab', 'cde']);
    expect(atoms[1]!.glyphPt).toBeCloseTo(15);
  });

  it('draws each character with the first face of the chain that has it, else the first face', () => {
    const latin = fakeFace('latin', { covers: (cp) => cp < 0x2000 });
    const cjk = fakeFace('cjk', { covers: (cp) => cp >= 0x2000 && cp !== 0x4e2d });
    const fonts = fakeBook([latin, cjk]);
    const atoms = atomsOf('AB国中', fonts);
    expect(atoms.map((a) => a.face.key)).toEqual(['latin', 'cjk', 'latin']);
  });

  it('keeps a word that changes face mid-way unbreakable', () => {
    const { joints } = atomize([span('ab'), span('cd', { bold: true })], {
      fonts: book,
      kinsoku: 'gb',
      charPitchPt: null,
    });
    expect(joints).toHaveLength(1);
    expect(joints[0]!.kind).toBe('glued');
    expect(joints[0]!.breakable).toBe(false);
  });
});
