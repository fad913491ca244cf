import { describe, expect, it } from 'vitest';
import type { FaceInfo } from '../../src/fonts/discover.js';
import { faceHasName, matchCandidate, needsFakeBold, targetWeight, weightDistance } from '../../src/fonts/match.js';

const face = (p: Partial<FaceInfo>): FaceInfo => ({
  file: '/f.ttf',
  format: 'sfnt',
  faceIndex: 0,
  origin: 'system',
  familyNames: ['X'],
  fullNames: [],
  englishFamily: 'X',
  postscriptName: 'X',
  weight: 400,
  italic: false,
  fsType: 0,
  variable: false,
  convertedFile: null,
  ...p,
});

const pick = (weights: number[], target: number): number => {
  const faces = weights.map((w) => face({ weight: w, file: `/w${w}.ttf` }));
  return matchCandidate(faces, 'X', target).face!.weight;
};

describe('weight matching (CSS Fonts 4 §5.2)', () => {
  it('400 looks at 500 first, then lighter, then heavier', () => {
    expect(pick([300, 500, 700], 400)).toBe(500);
    expect(pick([300, 700], 400)).toBe(300);
    expect(pick([600, 700], 400)).toBe(600);
  });
  it('bold (700) looks heavier first, then lighter', () => {
    expect(pick([400, 900], 700)).toBe(900);
    expect(pick([400, 500], 700)).toBe(500);
  });
  it('light targets look lighter first', () => {
    expect(pick([200, 400], 300)).toBe(200);
    expect(weightDistance(300, 300)).toBe(0);
  });
  it('bold asks for at least 700, a black title stays black', () => {
    expect(targetWeight({ family: 'X', weight: 400 }, true)).toBe(700);
    expect(targetWeight({ family: 'X', weight: 900 }, true)).toBe(900);
    expect(targetWeight({ family: 'X', weight: 500 }, false)).toBe(500);
  });
});

describe('name matching', () => {
  const fs = face({
    familyNames: ['FangSong_GB2312', '仿宋_GB2312'],
    fullNames: ['仿宋_GB2312 常规'],
    postscriptName: 'FangSong_GB2312',
  });
  it('matches the Chinese and the English family, ignoring case and spaces', () => {
    expect(faceHasName(fs, '仿宋_GB2312')).toBe(true);
    expect(faceHasName(fs, 'fangsong_gb2312')).toBe(true);
    expect(faceHasName(fs, '仿宋')).toBe(false);
    expect(faceHasName(fs, 'FangSong')).toBe(false);
    expect(faceHasName(face({ familyNames: ['Noto Serif SC'] }), 'NotoSerifSC')).toBe(true);
  });
  it('prefers the project folder over the system, upright over italic', () => {
    const faces = [
      face({ origin: 'system', weight: 400, file: '/sys.ttf' }),
      face({ origin: 'project', weight: 300, italic: true, file: '/p-i.ttf' }),
      face({ origin: 'project', weight: 300, file: '/p.ttf' }),
    ];
    expect(matchCandidate(faces, 'X', 400).face!.file).toBe('/p.ttf');
  });
  it('passes over variable fonts and says why', () => {
    const m = matchCandidate([face({ variable: true, file: '/v.ttf' })], 'X', 400);
    expect(m.face).toBeNull();
    expect(m.rejected[0].reason).toMatch(/\/v\.ttf: .*variable font/);
  });
});

describe('faux bold', () => {
  it('only when bold is asked of a face lighter than 600', () => {
    expect(needsFakeBold({ weight: 400 }, true)).toBe(true);
    expect(needsFakeBold({ weight: 500 }, true)).toBe(true);
    expect(needsFakeBold({ weight: 600 }, true)).toBe(false);
    expect(needsFakeBold({ weight: 700 }, true)).toBe(false);
    expect(needsFakeBold({ weight: 400 }, false)).toBe(false);
  });
});
