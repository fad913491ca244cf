/**
 * Titles and contents entries broken between words, and contents leaders at one
 * pitch, in the PDF and alike in the DOCX (w:br where the PDF broke; LibreOffice's
 * rendering shows the same lines): the sample on compilation and official, a
 * collection of long titles (ideographic spaces, an explicit break) on official,
 * and the constructs fixture on headings-contents (heading entries with leaders).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build, convertAll, loadSample, pageCount, pdfLines, squash, writeTemp, type Built } from './pipeline.js';
import { unpack } from './shared.js';
import { typeArea } from '../../src/layout/geometry.js';
import { makeCollection, piece } from '../sources/helpers.js';

const LONG = [
  ['以新型工业化为牵引加快构建现代化产业体系　持续优化营商环境推动经济社会高质量发展', 'a'],
  ['深入实施创新驱动发展战略　加快培育新质生产力　以数字化变革塑造发展新动能', 'b'],
  ['|\n  坚持工业立区\n  加快构建现代化产业体系的实施意见', 'c'],
  ['在全市经济形势分析会暨四季度重点工作推进会上的讲话', 'd'],
] as const;

const built: Record<string, Built> = {};
const pdf: Record<string, string> = {};
const lo: Record<string, string> = {};

beforeAll(async () => {
  const sample = await loadSample();
  const dir = makeCollection({
    'collection.yaml': `title: 以新型工业化为牵引加快构建现代化产业体系　持续优化营商环境的讲话材料汇编\npieces: [${LONG.map(([, id]) => `${id}.md`).join(', ')}]\n`,
    ...Object.fromEntries(
      LONG.map(([title, id]) => [`${id}.md`, piece('正文。', `title: ${title}\nrole: 市委书记\nauthor: 某某`)]),
    ),
  });
  const long = await loadSample(dir);
  const constructs = await loadSample(resolve(__dirname, '../fixtures/constructs'));
  built.compilation = await build(sample, 'compilation', { kind: 'compilation' }, true);
  built.official = await build(sample, 'official', { kind: 'compilation' }, true);
  built.long = await build(long, 'official', { kind: 'compilation' }, true);
  built.headings = await build(constructs, 'headings-contents.yaml', { kind: 'compilation' }, true);
  for (const [k, b] of Object.entries(built)) pdf[k] = writeTemp(`${k}.pdf`, b.pdf!);
  Object.assign(
    lo,
    convertAll({ compilation: built.compilation.docx, official: built.official.docx, long: built.long.docx }),
  );
}, 300_000);

/** Leader dots of page `page` (1-based) from mutool's glyph origins, one array per line. */
function leaderDots(file: string, page: number, leader: string): { x: number[]; numberRightPt: number }[] {
  const xml = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', file, String(page)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const code = `&#x${leader.codePointAt(0)!.toString(16)};`;
  const out: { x: number[]; numberRightPt: number }[] = [];
  for (const line of xml.split('<line ').slice(1)) {
    const chars = [...line.matchAll(/<char quad="([^"]+)" x="([\d.]+)"[^>]*c="([^"]+)"/g)];
    const dots = chars.filter((c) => c[3] === code || c[3] === leader).map((c) => Number(c[2]));
    if (dots.length === 0) continue;
    const last = chars[chars.length - 1]!;
    out.push({ x: dots, numberRightPt: Number(last[1].split(' ')[2]) });
  }
  return out;
}

/** Problems with leaders: dots off one pitch inside a line or off one grid across lines, numbers not flush right. */
function leaderProblems(lines: { x: number[]; numberRightPt: number }[], rightPt: number): string[] {
  const bad: string[] = [];
  const pitches = lines.flatMap((l) => l.x.slice(1).map((x, i) => x - l.x[i]!));
  const pitch = pitches[0] ?? 0;
  for (const p of pitches) if (Math.abs(p - pitch) > 0.02) bad.push(`pitch ${p.toFixed(3)} ≠ ${pitch.toFixed(3)}`);
  const x0 = lines[0]?.x[0] ?? 0;
  for (const l of lines) {
    const off = ((((l.x[0]! - x0) / pitch) % 1) + 1) % 1;
    if (Math.min(off, 1 - off) * pitch > 0.05)
      bad.push(`line at x ${l.x[0]} off the grid by ${(off * pitch).toFixed(3)}`);
    if (Math.abs(l.numberRightPt - rightPt) > 0.5) bad.push(`number ends at ${l.numberRightPt}, not ${rightPt}`);
  }
  return bad;
}

describe('contents leaders', () => {
  for (const k of ['compilation', 'official', 'headings'])
    it(`${k}: every dot at one pitch, on one grid, the number flush with the type area`, () => {
      const t = built[k]!.template;
      const lines = leaderDots(pdf[k]!, 1, t.contents.leader);
      expect(lines.length).toBeGreaterThanOrEqual(6);
      // Short runs too: the shortest leader has only a few dots.
      expect(Math.min(...lines.map((l) => l.x.length))).toBeLessThan(30);
      const area = typeArea(t);
      expect(leaderProblems(lines, area.leftPt + area.widthPt)).toEqual([]);
    });

  it('the checker finds a leader spread out to fill its gap', () => {
    // Two lines whose dots were spread to different pitches (as a spread leader is).
    const spread = [
      { x: [100, 117.74, 135.48], numberRightPt: 500 },
      { x: [100, 116, 132, 148], numberRightPt: 500 },
    ];
    expect(leaderProblems(spread, 500).length).toBeGreaterThan(0);
  });

  it('DOCX: a right tab with a middle-dot leader at the type area edge (LibreOffice draws the dots)', () => {
    const styles = unpack(built.official.docx).xml('word/styles.xml');
    expect(styles).toMatch(/<w:tab w:val="right" w:pos="8844" w:leader="middleDot"\/>/);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', lo.official!, '-'], {
      encoding: 'utf8',
    });
    expect(text).toMatch(/高质量发展新动能·{10,}1/);
  });
});

describe('title breaks in the DOCX', () => {
  for (const k of ['compilation', 'official', 'long'])
    it(`${k}: every title and contents entry the PDF broke is broken there by w:br, and LibreOffice shows those lines`, () => {
      const b = built[k]!;
      const doc = unpack(b.docx).xml('word/document.xml');
      const text = doc
        .replace(/<w:br\/>/g, '\n')
        .replace(/<w:instrText[^>]*>.*?<\/w:instrText>/g, '')
        .replace(/<[^>]+>/g, '');
      const loLines = Array.from({ length: pageCount(lo[k]!) }, (_, i) => i + 1).flatMap((p) =>
        pdfLines(lo[k]!, p).map((l) => squash(l.text)),
      );
      const breaks = b.facts.titleBreaks;
      expect(breaks.length).toBeGreaterThan(3);
      for (const { key, lines } of breaks) {
        if (lines.length < 2) continue;
        expect(text, key).toContain(lines.join('\n'));
        for (const line of lines.slice(0, -1)) expect(loLines, `${key}: ${line}`).toContain(squash(line));
      }
    });

  it('long titles: the ideographic space is the break, the explicit break is kept, no word is split', () => {
    const breaks = new Map(built.long.facts.titleBreaks.map((e) => [e.key, e.lines]));
    expect(breaks.get('piece-1-title')).toEqual([
      '以新型工业化为牵引加快构建现代化产业体系',
      '持续优化营商环境推动经济社会高质量发展',
    ]);
    expect(breaks.get('piece-3-title')).toEqual(['坚持工业立区', '加快构建现代化产业体系的实施意见']);
    expect(breaks.get('compilation-title')?.[0]).toBe('以新型工业化为牵引加快构建现代化产业体系');
    for (const lines of breaks.values())
      for (let i = 1; i < lines.length; i++) {
        const join = lines[i - 1]!.slice(-1) + lines[i]![0];
        for (const w of ['工业', '构建', '营商', '优化', '分析', '加快', '会上'])
          expect(join === w[0]! + w[1]!).toBe(false);
      }
    const pdfText = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf.long!, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('以新型工业化为牵引加快构建现代化产业体系\n');
  });
});
