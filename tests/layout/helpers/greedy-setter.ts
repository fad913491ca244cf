/**
 * A greedy stand-in for the paragraph setter (src/layout/break/): breaks
 * between any two characters, no punctuation rules, no justification — enough
 * to test block layout and pagination with predictable line counts.
 */
import type { LineRun, SetLine, SetParagraph, StyledSpan } from '../../../src/layout/paragraph-types.js';

interface Glyph {
  ch: string;
  span: Omit<StyledSpan, 'text'>;
  key: string;
  w: number;
}

export const greedySetter: SetParagraph = (content, o) => {
  const paras: Glyph[][] = [[]];
  for (const c of content) {
    if ('kind' in c) {
      paras.push([]);
      continue;
    }
    const { text, ...span } = c as StyledSpan;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const face = o.fonts.faceFor(span.role, span.bold, cp)!;
      const han = cp >= 0x2e80;
      const w = han && o.charPitchPt !== null ? o.charPitchPt : face.advanceEm(cp) * span.sizePt + span.letterSpacingPt;
      paras[paras.length - 1].push({ ch, span, key: face.key, w });
    }
  }
  const raw: { glyphs: Glyph[]; indent: number }[] = [];
  for (const glyphs of paras) {
    let cur: Glyph[] = [];
    let width = 0;
    const indentNow = (): number => (raw.length === 0 ? o.firstIndentPt : o.restIndentPt);
    for (const g of glyphs) {
      if (cur.length && width + g.w > o.widthPt - indentNow() + 0.001) {
        raw.push({ glyphs: cur, indent: indentNow() });
        cur = [];
        width = 0;
      }
      cur.push(g);
      width += g.w;
    }
    raw.push({ glyphs: cur, indent: indentNow() });
  }
  return raw.map(({ glyphs, indent }, li) => {
    const runs: LineRun[] = [];
    const natural = glyphs.reduce((s, g) => s + g.w, 0);
    const free = o.widthPt - indent - natural;
    let x = indent + (o.align === 'center' ? free / 2 : o.align === 'right' ? free : 0);
    for (const g of glyphs) {
      const last = runs[runs.length - 1];
      if (
        last &&
        last.fontKey === g.key &&
        last.sizePt === g.span.sizePt &&
        last.url === g.span.url &&
        last.risePt === g.span.risePt &&
        last.strike === g.span.strike
      ) {
        runs[runs.length - 1] = { ...last, text: last.text + g.ch, widthPt: last.widthPt + g.w };
      } else {
        runs.push({
          text: g.ch,
          fontKey: g.key,
          sizePt: g.span.sizePt,
          xPt: x,
          risePt: g.span.risePt,
          charSpacingPt: 0,
          fakeBold: false,
          fakeItalic: false,
          strike: g.span.strike,
          url: g.span.url,
          widthPt: g.w,
        });
      }
      x += g.w;
    }
    let hasTrailer = false;
    if (o.trailer && li === raw.length - 1) {
      const t = o.trailer;
      const face = o.fonts.chain(t.span.role, t.span.bold)[0];
      const numW = [...t.text].reduce((s, ch) => s + face.advanceEm(ch.codePointAt(0)!) * t.span.sizePt, 0);
      const leadW = face.advanceEm(t.leader.codePointAt(0)!) * t.span.sizePt;
      const room = o.widthPt - x - numW - t.minGapPt;
      const count = Math.max(0, Math.floor(room / leadW));
      const trailerRun = (text: string, xPt: number, widthPt: number): LineRun => ({
        text,
        fontKey: face.key,
        sizePt: t.span.sizePt,
        xPt,
        risePt: 0,
        charSpacingPt: 0,
        fakeBold: false,
        fakeItalic: false,
        strike: false,
        url: null,
        widthPt,
      });
      if (count) runs.push(trailerRun(t.leader.repeat(count), x, count * leadW));
      runs.push(trailerRun(t.text, o.widthPt - numW, numW));
      hasTrailer = true;
    }
    const size = Math.max(
      ...glyphs.map((g) => g.span.sizePt),
      (content.find((c) => !('kind' in c)) as StyledSpan | undefined)?.sizePt ?? 10,
    );
    const line: SetLine = {
      runs,
      hasTrailer,
      ascentPt: 0.88 * size,
      descentPt: 0.12 * size,
      widthPt: natural,
      overfull: natural > o.widthPt - indent + 0.001,
    };
    return line;
  });
};
