/**
 * The contents-entry trailer (TYPOGRAPHY.md “Contents”): dot leaders from the end
 * of the entry's last text to the page number, the number half-width and flush with
 * the measure's right edge, at least `minGapPt` between text and number.
 */
import type { FontBook, FontFace } from '../../fonts/types.js';
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

/** Leader and number runs for a line whose text ends at `textEndPt`, on a measure `measureWidthPt` wide. */
export function trailerRuns(m: MeasuredTrailer, textEndPt: number, measureWidthPt: number): LineRun[] {
  const numberX = measureWidthPt - m.numberPt;
  const gap = numberX - textEndPt;
  const runs: LineRun[] = [];
  const count = m.leaderPt > 0 ? Math.floor((gap + 1e-9) / m.leaderPt) : 0;
  if (count > 0) {
    // Spread the leftover evenly so the dots run from the text right up to the number.
    const cs = (gap - count * m.leaderPt) / (count * [...m.trailer.leader].length);
    runs.push(run(m.trailer, m.leaderFace, m.trailer.leader.repeat(count), textEndPt, cs, gap));
  }
  runs.push(run(m.trailer, m.numberFace, m.trailer.text, numberX, 0, m.numberPt));
  return runs;
}
