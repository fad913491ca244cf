/**
 * Two-em units as printed (docs/typography.md “Two-em dashes and ellipses”): every
 * —— of the two-em fixture — collection title, piece title, subtitle, contents
 * entries, body text in the body, lead and emphasis faces, a table, a footnote — is
 * one continuous rule filling its two ems, every …… / ⋯⋯ six dots on one even pitch
 * over its two ems, on `compilation`, `official` and the handout template; text
 * extraction gives ——/……; a subtitle the author began with —— shows it once.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { huibian, pdfText, ROOT, squash } from '../helpers/cli.js';
import { twoEmUnits, unitInks, type DashInk, type TwoEmUnit } from '../helpers/two-em-ink.js';

const FIXTURE = join(ROOT, 'tests/fixtures/two-em');
/** Rendering resolution of the ink strips; one pixel is 0.12 pt. */
const DPI = 600;
const PX = 72 / DPI;

/** The PDFs a build of the fixture writes: the compilation and each handout. */
function build(template: string): string[] {
  const out = mkdtempSync(join(tmpdir(), `huibian-two-em-${template}-`));
  const r = huibian(['build', FIXTURE, '--template', template, '--out', out, '--format', 'pdf', '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  const handouts = readdirSync(join(out, 'handouts'))
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(out, 'handouts', f));
  return [join(out, 'compilation.pdf'), ...handouts];
}

const outputs: Record<string, string[]> = {};

beforeAll(() => {
  outputs.compilation = build('compilation');
  outputs.official = build('official');
});

/** The units of a PDF's text, contents leaders aside (read once per PDF). */
const unitsRead = new Map<string, TwoEmUnit[]>();
function unitsOf(pdf: string): TwoEmUnit[] {
  let units = unitsRead.get(pdf);
  if (!units) {
    units = twoEmUnits(pdf).filter((u) => !u.leader);
    unitsRead.set(pdf, units);
  }
  return units;
}

/** Every unit of one kind in a template's PDFs with its ink and a label for failures; how many. */
function eachUnit<K extends TwoEmUnit['kind']>(
  template: string,
  kind: K,
  check: (u: TwoEmUnit, ink: K extends 'rule' ? DashInk : number[], where: string) => void,
): number {
  let seen = 0;
  for (const pdf of outputs[template]!) {
    const units = unitsOf(pdf).filter((x) => x.kind === kind);
    unitInks(pdf, units, DPI).forEach((ink, i) => {
      const u = units[i]!;
      seen++;
      check(u, ink as never, `${pdf} p.${u.page} ${u.text} at ${u.x0Pt.toFixed(1)},${u.topPt.toFixed(1)}`);
    });
  }
  return seen;
}

/** Units in extracted text (⋯ read as …, as the glyph reader does), contents leaders aside. */
function unitsInText(pdf: string): string[] {
  const text = pdfText(pdf)
    .replace(/⋯/g, '…')
    .replace(/…+\s*\d+\s*$/gm, '');
  return text.match(/—{2,}|…{2,}|⸺/g) ?? [];
}

describe.each(['compilation', 'official'])('two-em units on %s and its handouts', (template) => {
  it('finds every unit the text shows, in each place the fixture puts one', () => {
    const [compilation] = outputs[template]!;
    const text = squash(pdfText(compilation!));
    for (const s of [
      '守正创新——区县发展',
      '奋力推动高质量发展——在全区',
      '第一要务——这是',
      '促消费……各项',
      '抓产业——做强',
      '智能制造——提质',
      '改革⋯⋯企业',
      '产业——制造业',
      '延链补链……',
      '放管服——一件事',
      '企业开办——从申请',
      '营业执照……全程网办',
    ])
      expect(text).toContain(s);
    for (const pdf of outputs[template]!) {
      expect(
        unitsOf(pdf)
          .map((u) => u.text)
          .sort(),
        pdf,
      ).toEqual(unitsInText(pdf).sort());
    }
  });

  it('draws each —— as one rule without a hole filling its two ems', () => {
    const seen = eachUnit(template, 'rule', (u, ink, where) => {
      expect(u.emPt, where).not.toBeNull();
      // The unit's glyph boxes are its cells: two ems of the text around it.
      expect(Math.abs(u.x1Pt - u.x0Pt - u.ems * u.emPt!), where).toBeLessThan(0.05 * u.ems * u.emPt!);
      expect(ink.largestHolePt, where).toBeLessThanOrEqual(PX);
      expect(Math.abs(ink.inkFromPt - u.x0Pt), where).toBeLessThanOrEqual(2 * PX);
      expect(Math.abs(u.x1Pt - ink.inkToPt), where).toBeLessThanOrEqual(2 * PX);
    });
    expect(seen).toBeGreaterThanOrEqual(10);
  });

  it('sets each …… as six dots on one pitch over its two ems', () => {
    const seen = eachUnit(template, 'dots', (u, centres, where) => {
      expect(centres, where).toHaveLength(3 * u.ems);
      const pitch = (u.x1Pt - u.x0Pt) / centres.length;
      centres.forEach((c, i) =>
        expect(Math.abs(c - (u.x0Pt + pitch / 2 + i * pitch)), where).toBeLessThanOrEqual(1.5 * PX),
      );
    });
    expect(seen).toBeGreaterThanOrEqual(4);
  });
});

describe('a subtitle written with its own ——', () => {
  it('shows the dash once in the contents, the title block and the handout; a plain subtitle gets the contents dash', () => {
    for (const template of ['compilation', 'official']) {
      const [compilation, handoutDash, handoutPlain] = outputs[template]!;
      const text = squash(pdfText(compilation!));
      expect(text).not.toContain('———');
      // Contents entry, then the title block.
      expect(text.split('——在区委全会上的发言').length - 1).toBe(2);
      expect(text).toContain('——加快建设现代制造业基地');
      const handout = squash(pdfText(handoutDash!));
      expect(handout).toContain('——在区委全会上的发言');
      expect(handout).not.toContain('———');
      expect(squash(pdfText(handoutPlain!))).toContain('加快建设现代制造业基地');
    }
  });
});
