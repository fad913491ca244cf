/**
 * The contents-entry trailer (docs/typography.md “Contents”): dot leaders from the end
 * of the entry's last text to the page number, the number half-width and flush with
 * the measure's right edge, at least `minGapPt` between text and number. The leader
 * is the template's string repeated at its own advance, aligned on one grid
 * (`leaderSlots`), as Word and LibreOffice repeat a tab's leader character.
 */
import type { FontBook, FontFace } from '../../fonts/index.js';
import type { LeaderTrailer, LineRun } from '../paragraph-types.js';

export interface MeasuredTrailer {
  readonly trailer: LeaderTrailer;
  readonly numberFace: FontFace;
  readonly leaderFace: FontFace;
  readonly numberPt: number;
  readonly leaderPt: number;
  /** Room the trailer needs after the text: minimum gap plus the number. */
  readonly needPt: number;
}

function faceOf(fonts: FontBook, t: LeaderTrailer, text: string): FontFace {
  const cp = text.codePointAt(0) ?? 0x30;
  return fonts.faceFor(t.span.role, t.span.bold, cp) ?? fonts.chain(t.span.role, t.span.bold)[0]!;
}

export function measureTrailer(t: LeaderTrailer, fonts: FontBook): MeasuredTrailer {
  const numberFace = faceOf(fonts, t, t.text);
  const leaderFace = faceOf(fonts, t, t.leader);
  const numberPt = numberFace.measureEm(t.text) * t.span.sizePt;
  const leaderPt = leaderFace.measureEm(t.leader) * t.span.sizePt;
  return { trailer: t, numberFace, leaderFace, numberPt, leaderPt, needPt: t.minGapPt + numberPt };
}

function run(t: LeaderTrailer, face: FontFace, text: string, xPt: number, csPt: number, widthPt: number): LineRun {
  return {
    text,
    fontKey: face.key,
    sizePt: t.span.sizePt,
    xPt,
    risePt: t.span.risePt,
    charSpacingPt: csPt,
    fakeBold: t.span.bold && face.weight < 600,
    fakeItalic: t.span.italic && !face.italic,
    strike: false,
    url: t.span.url,
    widthPt,
  };
}

/**
 * Where the leader units of a line go: whole units at their own advance (never spread,
 * so the dots keep one pitch however short the run), on a grid anchored at the
 * measure's right edge — the leaders of every entry fall in the same columns — from the
 * first grid point at or after the text's end to the last unit that ends before the number.
 */
export function leaderSlots(
  unitPt: number,
  textEndPt: number,
  numberXPt: number,
  measureWidthPt: number,
): { xPt: number; count: number } {
  if (!(unitPt > 0)) return { xPt: textEndPt, count: 0 };
  const first = Math.ceil((textEndPt - measureWidthPt) / unitPt - 1e-9);
  const last = Math.floor((numberXPt - unitPt - measureWidthPt) / unitPt + 1e-9);
  return { xPt: measureWidthPt + first * unitPt, count: Math.max(0, last - first + 1) };
}

/** Leader and number runs for a line whose text ends at `textEndPt`, on a measure `measureWidthPt` wide. */
export function trailerRuns(m: MeasuredTrailer, textEndPt: number, measureWidthPt: number): LineRun[] {
  const numberX = measureWidthPt - m.numberPt;
  const runs: LineRun[] = [];
  const { xPt, count } = leaderSlots(m.leaderPt, textEndPt, numberX, measureWidthPt);
  if (count > 0) {
    runs.push(run(m.trailer, m.leaderFace, m.trailer.leader.repeat(count), xPt, 0, count * m.leaderPt));
  }
  runs.push(run(m.trailer, m.numberFace, m.trailer.text, numberX, 0, m.numberPt));
  return runs;
}
