import { beforeAll, describe, expect, it } from 'vitest';
import type { FontBook } from '../../../src/fonts/types.js';
import type { Kinsoku } from '../../../src/template/types.js';
import type { SetLine } from '../../../src/layout/paragraph-types.js';
import { classify, noEnd, noStart, setParagraph } from '../../../src/layout/break/index.js';
import { span } from './common.js';
import { notoSerifBook, sampleParagraphs } from './real-font.js';

const paragraphs = sampleParagraphs();

let book: FontBook;
beforeAll(async () => {
  book = (await notoSerifBook()).book;
});

const setBody = (
  text: string,
  widthPt: number,
  kinsoku: Kinsoku = 'gb',
  charPitchPt: number | null = null,
): readonly SetLine[] =>
  setParagraph([span(text, { sizePt: 16, letterSpacingPt: charPitchPt === null ? 0 : -0.25 })], {
    widthPt,
    firstIndentPt: 32,
    restIndentPt: 0,
    align: 'justify',
    kinsoku,
    fonts: book,
    trailer: null,
    charPitchPt,
    maxGapStretchEm: 0.5,
  });

const lineText = (l: SetLine) => l.runs.map((r) => r.text).join('');
const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);

function checkParagraph(lines: readonly SetLine[], widthPt: number, kinsoku: Kinsoku): void {
  lines.forEach((l, i) => {
    const measure = widthPt - (i === 0 ? 32 : 0);
    const text = lineText(l);
    if (i < lines.length - 1) {
      expect(Math.abs(l.widthPt - measure), `line ${i} ${text}`).toBeLessThanOrEqual(0.01);
      const edge = Math.max(...l.runs.map((r) => r.xPt + r.widthPt));
      expect(Math.abs(edge - widthPt), `edge of line ${i}`).toBeLessThanOrEqual(0.01);
      expect(noEnd(classify(cps(text).pop()!), kinsoku), `line ${i} ends with ${text.slice(-1)}`).toBe(false);
    }
    if (i > 0) expect(noStart(classify(cps(text)[0]!), kinsoku), `line ${i} starts with ${text[0]}`).toBe(false);
    expect(l.overfull).toBe(false);
  });
}

describe('real paragraphs on Noto Serif SC', () => {
  it('has sample paragraphs to set', () => {
    expect(paragraphs.length).toBeGreaterThan(20);
  });

  it('sets the first sample paragraph flush on both edges, kinsoku respected', () => {
    const text = paragraphs[0]!;
    for (const widthPt of [442.2, 300, 217.5]) checkParagraph(setBody(text, widthPt), widthPt, 'gb');
  });

  it('sets every sample paragraph (gb and strict, plain and 28-character grid)', () => {
    for (const text of paragraphs) {
      checkParagraph(setBody(text, 442.2, 'gb'), 442.2, 'gb');
      checkParagraph(setBody(text, 441, 'strict', 15.75), 441, 'strict');
    }
  });

  it('puts 28 characters on a full grid line of Han text', () => {
    const lines = setBody(paragraphs[0]!, 441, 'gb', 15.75);
    const hanOnly = lines.slice(1, -1).filter((l) => /^[\p{Script=Han}]+$/u.test(lineText(l)));
    for (const l of hanOnly) expect([...lineText(l)]).toHaveLength(28);
  });

  it('sets a 10,000-character paragraph fast (linear-ish)', () => {
    let text = '';
    for (let i = 0; text.length < 10_000; i++) text += paragraphs[i % paragraphs.length];
    text = text.slice(0, 10_000);
    let t0 = performance.now();
    setBody(text, 442.2); // cold: fills the face's measuring caches, compiles
    const coldMs = performance.now() - t0;
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const runs = 5;
    let lines: readonly SetLine[] = [];
    for (let i = 0; i < runs; i++) lines = setBody(text, 442.2);
    const ms = (performance.now() - t0) / runs;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
    checkParagraph(lines, 442.2, 'gb');
    console.log(
      `10,000 characters: ${lines.length} lines; cold ${coldMs.toFixed(1)} ms, warm ${ms.toFixed(1)} ms wall, ${cpuMs.toFixed(1)} ms CPU = ${(cpuMs / 10).toFixed(2)} ms CPU per 1,000 characters`,
    );
    expect(cpuMs).toBeLessThan(100);
  });
});
