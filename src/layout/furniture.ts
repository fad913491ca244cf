/**
 * Page furniture: the printed page number and the running header or footer.
 *
 * GB/T 9704-2012 §7.5: page numbers “— 1 —” in 四号 half-width digits, 7 mm
 * below the type area, odd pages right and even pages left, one character in
 * (template `pageNumber`: format, position center/outside/left/right,
 * `belowTypeAreaPt`, `insetPt`). Text is set by the paragraph setter; a running
 * header wider than the type area is shortened (header-text.ts).
 */
import type { GlyphRun, PageItem } from './pagetree.js';
import type { BlockEnv } from './blocks.js';
import type { SetLine } from './paragraph-types.js';
import { fillPattern } from '../model/placeholders.js';
import { spanOf } from './spans.js';
import type { Style } from '../template/index.js';
import type { FontBook } from '../fonts/index.js';
import type { Pos } from '../model/types.js';
import { fitHeaderText } from './header-text.js';

/** Sets a short text on one line at its natural width. */
function setLabel(env: BlockEnv, text: string, style: Style): SetLine | null {
  if (!text) return null;
  const lines = env.set([spanOf(text, style, { file: env.t.file, line: 1, column: 1 })], {
    widthPt: env.area.widthPt * 4,
    firstIndentPt: 0,
    restIndentPt: 0,
    align: 'left',
    kinsoku: env.t.kinsoku,
    maxGapStretchEm: env.t.maxGapStretchEm,
    fonts: env.fonts,
    trailer: null,
    charPitchPt: null,
  });
  return lines[0] ?? null;
}

/**
 * A set line's runs as page glyph runs. Where the setter compressed a run's last
 * mark (clreq §3.1.6: “。”” “）。” take 1.5 em) or squeezed the next run's opening
 * mark, its room is less than the sum of the glyph advances: its last glyph becomes a run of its own whose
 * character spacing takes the difference back, so every glyph's advance in the
 * PDF matches the layout and glyph boxes never overlap (text extraction and
 * search then read the line as one line). A two-em unit is left whole: it fills its
 * cells, and the PDF reads it and a squeezed mark over it as one /ActualText span.
 */
export function lineRuns(line: SetLine, xPt: number, baselinePt: number, fonts: FontBook): GlyphRun[] {
  const out: GlyphRun[] = [];
  line.runs.forEach((r, i) => {
    const next = line.runs[i + 1];
    // The run may advance up to its drawn width, and never past the next run's start
    // (an opening mark whose left half was squeezed starts inside this run's last advance).
    const limitPt = next && next.xPt > r.xPt ? Math.min(r.widthPt, next.xPt - r.xPt) : r.widthPt;
    const glyph = (text: string, x: number, charSpacingPt: number): GlyphRun => ({
      kind: 'glyphs',
      text,
      fontKey: r.fontKey,
      sizePt: r.sizePt,
      xPt: x,
      yPt: baselinePt - r.risePt,
      charSpacingPt,
      fakeBold: r.fakeBold,
      fakeItalic: r.fakeItalic,
      strike: r.strike,
      ...(r.twoEm ? { twoEm: true } : {}),
    });
    const face = fonts.faces.get(r.fontKey);
    if (!face || r.text.length === 0) {
      out.push(glyph(r.text, xPt + r.xPt, r.charSpacingPt));
      return;
    }
    // Sum of the advances in text order, as the PDF draws them: Latin (below U+2000) shaped and
    // kerned as one piece, everything else at the font's own advance; the last character's
    // advance and where it starts.
    let natural = 0;
    let lastAdvance = 0;
    let lastAt = 0;
    let latinFrom = -1;
    const endLatin = (to: number): void => {
      if (latinFrom < 0) return;
      const piece = r.text.slice(latinFrom, to);
      natural += face.measureEm(piece) * r.sizePt + [...piece].length * r.charSpacingPt;
      latinFrom = -1;
    };
    for (let i = 0; i < r.text.length;) {
      const cp = r.text.codePointAt(i)!;
      lastAt = i;
      i += cp > 0xffff ? 2 : 1;
      lastAdvance = face.advanceEm(cp) * r.sizePt + r.charSpacingPt;
      if (cp < 0x2000) {
        if (latinFrom < 0) latinFrom = lastAt;
      } else {
        endLatin(lastAt);
        natural += lastAdvance;
      }
    }
    endLatin(r.text.length);
    const excess = natural - limitPt;
    // A two-em unit keeps its cells: the renderer draws it across them and reads it as one span.
    if (excess <= 0.01 || r.twoEm) {
      out.push(glyph(r.text, xPt + r.xPt, r.charSpacingPt));
      return;
    }
    const head = r.text.slice(0, lastAt);
    if (head) out.push(glyph(head, xPt + r.xPt, r.charSpacingPt));
    out.push(glyph(r.text.slice(lastAt), xPt + r.xPt + natural - lastAdvance, r.charSpacingPt - excess));
  });
  return out;
}

/** The page number's glyph runs for printed page `n`. */
export function pageNumberItems(env: BlockEnv, n: number): PageItem[] {
  const spec = env.t.pageNumber;
  const line = setLabel(env, fillPattern(spec.format, { n }), env.t.styles.pageNumber);
  if (!line) return [];
  const { leftPt, topPt, widthPt, heightPt } = env.area;
  const w = line.widthPt;
  const side = spec.position === 'outside' ? (n % 2 === 1 ? 'right' : 'left') : spec.position;
  const x =
    side === 'center'
      ? leftPt + (widthPt - w) / 2
      : side === 'right'
        ? leftPt + widthPt - spec.insetPt - w
        : leftPt + spec.insetPt;
  return lineRuns(line, x, topPt + heightPt + spec.belowTypeAreaPt, env.fonts);
}

/**
 * Running header/footer, centred on the type area, with its optional rule; shortened to
 * the type area (header-text.ts) with a warning at the shortened title's position
 * (`positions`), once per text.
 */
export function headerItems(
  env: BlockEnv,
  vars: Readonly<Record<string, string>>,
  positions: { readonly collection: Pos; readonly title: Pos | null },
): PageItem[] {
  const spec = env.t.header;
  if (!spec || !spec.text) return [];
  const style = env.t.styles.header;
  const fitted = fitHeaderText(env.fonts, env.t, vars);
  if (fitted.shortened) {
    const pos = (fitted.shortened === 'title' ? positions.title : null) ?? positions.collection;
    const message = `the running header “${fitted.full}” is wider than the type area: shortened to “${fitted.text}”`;
    const seen = env.diag.items.some(
      (d) => d.message === message && d.file === pos.file && d.line === pos.line && d.column === pos.column,
    );
    if (!seen) env.diag.warning(pos, message);
  }
  const line = setLabel(env, fitted.text, style);
  if (!line) return [];
  const { leftPt, topPt, widthPt, heightPt } = env.area;
  const baseline = spec.placement === 'header' ? topPt - spec.gapPt : topPt + heightPt + spec.gapPt;
  const items: PageItem[] = lineRuns(line, leftPt + (widthPt - line.widthPt) / 2, baseline, env.fonts);
  if (spec.rule) {
    // Halfway between the text and the type area.
    const y =
      spec.placement === 'header'
        ? baseline + (topPt - baseline) / 2 + line.descentPt / 2
        : baseline - line.ascentPt - (spec.gapPt - line.ascentPt) / 2;
    items.push({ kind: 'rule', x1Pt: leftPt, y1Pt: y, x2Pt: leftPt + widthPt, y2Pt: y, widthPt: 0.5 });
  }
  return items;
}
