/**
 * Shared test fixtures for the font tests: the small subset fonts in
 * tests/fixtures/fonts/, temporary project folders, and a minimal resolved
 * template whose font candidates each test chooses.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontCandidate, FontRole, ResolvedTemplate, Style, StyleName } from '../../../src/template/types.js';
import { STYLE_NAMES } from '../../../src/template/types.js';
import { fixtureStyle, fixtureTemplate } from '../../helpers/template.js';
import { tempDir as sharedTempDir, writeTree } from '../../helpers/tmp.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'fonts');

/** Noto Serif SC 400 / 700 and Noto Sans SC 400, subset to a few characters (see make-fixtures.mjs). */
export const serif400 = (): Buffer => readFileSync(join(FIXTURES, 'serif-400.ttf'));
export const serif700 = (): Buffer => readFileSync(join(FIXTURES, 'serif-700.ttf'));
export const sans400 = (): Buffer => readFileSync(join(FIXTURES, 'sans-400.ttf'));

/** A fresh project folder with `fonts/` holding the given files. */
export function tempProject(files: Record<string, Buffer> = {}): string {
  const dir = sharedTempDir('huibian-fonts-');
  mkdirSync(join(dir, 'fonts'));
  writeTree(join(dir, 'fonts'), files);
  return dir;
}

export const tempDir = (): string => sharedTempDir('huibian-cache-');

const baseStyle: Style = fixtureStyle({ sizePt: 16, linePt: 28.95, firstIndentPt: 32 });

const cand = (family: string, weight = 400): FontCandidate => ({ family, weight });

/** A template whose roles name `fonts` (family names, or [family, weight]). Every style is body text unless overridden. */
export function template(
  fonts: Partial<Record<FontRole, (string | [string, number])[]>>,
  opts: {
    fallback?: (string | [string, number])[];
    styles?: Partial<Record<StyleName, Partial<Style>>>;
    file?: string;
  } = {},
): ResolvedTemplate {
  const toCands = (l: (string | [string, number])[] = []): FontCandidate[] =>
    l.map((x) => (typeof x === 'string' ? cand(x) : cand(x[0], x[1])));
  const styles = Object.fromEntries(
    STYLE_NAMES.map((n) => [n, { ...baseStyle, ...(opts.styles?.[n] ?? {}) }]),
  ) as Record<StyleName, Style>;
  return fixtureTemplate({
    file: opts.file ?? '/templates/test.yaml',
    page: { widthPt: 595, heightPt: 842, marginTopPt: 105, marginBottomPt: 99, marginLeftPt: 79, marginRightPt: 74 },
    fonts: {
      title: toCands(fonts.title),
      body: toCands(fonts.body),
      hei: toCands(fonts.hei),
      kai: toCands(fonts.kai),
      song: toCands(fonts.song),
    },
    fallback: toCands(opts.fallback),
    styles,
    contents: { numberGapPt: 16 },
    pageNumber: { format: '— {n} —', position: 'outside', belowTypeAreaPt: 20, insetPt: 14 },
  });
}
