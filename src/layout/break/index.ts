/**
 * huibian's paragraph setter: styled text in, set lines out (the `SetParagraph`
 * contract of ../paragraph-types.ts). Everything docs/typography.md says about a single
 * paragraph happens here — atoms and classes (clreq §3.1), punctuation compression,
 * Han–Latin spacing (clreq §3.2), prohibitions (clreq §3.1.7), squeeze-in before
 * push-out, whole-paragraph breaking, justification (clreq §3.8), runts, indents,
 * contents trailers and hard breaks.
 *
 * Phases: split at hard breaks → atomize (measure) → cut words wider than a line
 * at characters (the last resort) → choose breaks → fit each line → place glyphs →
 * merge runs. A line ending in a last-resort break, or stretched past the
 * template's cap per gap, says so (`SetLine.forcedBreak`, `overStretchEm`) for a
 * positioned warning.
 */
import type { ParagraphContent, ParagraphOptions, SetLine, SetParagraph, StyledSpan } from '../paragraph-types.js';
import { atomize, type Atom, type Atomized, type Joint } from './atoms.js';
import { chooseBreaks } from './breaks.js';
import { fitLine, inWord } from './justify.js';
import { keepWords } from './keep.js';
import { cutOversized } from './lastresort.js';
import { LineExtent, lineExtent, mergeRuns, placeCells } from './runs.js';
import { measureTrailer, trailerRuns, type MeasuredTrailer } from './trailer.js';

export { classify, prohibitedLineEndChars, prohibitedLineStartChars, noEnd, noStart } from './classes.js';
export { isWide } from '../../model/cjk.js';
export type { CharClass } from './classes.js';

/** Split paragraph content at hard breaks. */
function segments(content: readonly ParagraphContent[]): StyledSpan[][] {
  const out: StyledSpan[][] = [[]];
  for (const c of content) {
    if ('kind' in c && c.kind === 'break') out.push([]);
    else out[out.length - 1]!.push(c as StyledSpan);
  }
  return out;
}

function emptyLine(spans: readonly StyledSpan[], options: ParagraphOptions, fallback: StyledSpan | undefined): SetLine {
  const span = spans[0] ?? fallback;
  if (span === undefined)
    return { runs: [], hasTrailer: false, ascentPt: 0, descentPt: 0, widthPt: 0, overfull: false };
  const face = options.fonts.chain(span.role, span.bold)[0]!;
  return {
    runs: [],
    hasTrailer: false,
    ...lineExtent([{ face, sizePt: span.sizePt, risePt: 0 }]),
    widthPt: 0,
    overfull: false,
  };
}

interface SegmentCtx {
  readonly atoms: readonly Atom[];
  readonly joints: readonly Joint[];
  readonly first: boolean;
  readonly last: boolean;
}

/** The whole word (the atoms joined inside one word) around the break after atoms[end]. */
function wordAround(atoms: readonly Atom[], joints: readonly Joint[], end: number): string {
  let s = end;
  while (s > 0 && inWord(joints[s - 1]!.kind)) s--;
  let e = end;
  while (e < joints.length && inWord(joints[e]!.kind)) e++;
  return atoms
    .slice(s, e + 1)
    .map((a) => a.text)
    .join('');
}

function setSegment(seg: SegmentCtx, options: ParagraphOptions, trailer: MeasuredTrailer | null): SetLine[] {
  const firstIndent = seg.first ? options.firstIndentPt : options.restIndentPt;
  const firstWidth = options.widthPt - firstIndent;
  const restWidth = options.widthPt - options.restIndentPt;
  const { atoms, joints } = options.noCharBreaks ? seg : cutOversized(seg, firstWidth, restWidth, options.kinsoku);
  const justify = options.align === 'justify';
  const withTrailer = seg.last ? trailer : null;
  const ranges = chooseBreaks(atoms, joints, {
    firstWidthPt: firstWidth,
    restWidthPt: restWidth,
    justify,
    trailerPt: withTrailer?.needPt ?? null,
    runt: seg.last,
    kinsoku: options.kinsoku,
    maxGapStretchEm: options.maxGapStretchEm,
  });
  return ranges.map((r, li) => {
    const isLast = li === ranges.length - 1;
    const indent = li === 0 ? firstIndent : options.restIndentPt;
    const measure = options.widthPt - indent;
    const trailerHere = isLast ? withTrailer : null;
    const target = measure - (trailerHere?.needPt ?? 0);
    const fit = fitLine(atoms, joints, r.start, r.end, target, justify && !isLast, options.kinsoku);
    let x = indent;
    if (trailerHere === null && fit.widthPt < measure) {
      if (options.align === 'center') x += (measure - fit.widthPt) / 2;
      else if (options.align === 'right') x += measure - fit.widthPt;
    }
    const cells = placeCells(atoms, r.start, fit, x);
    const runs = mergeRuns(cells);
    const extent = new LineExtent();
    for (const c of cells) extent.add(c.atom.face, c.atom.span.sizePt, c.atom.span.risePt);
    let widthPt = fit.widthPt;
    if (trailerHere !== null) {
      runs.push(...trailerRuns(trailerHere, x + fit.widthPt, options.widthPt));
      const span = trailerHere.trailer.span;
      extent.add(trailerHere.numberFace, span.sizePt, span.risePt);
      widthPt = options.widthPt - x;
    }
    const forced = !isLast && joints[r.end]!.kind === 'forced';
    const over = justify && !isLast && fit.maxStretchEm > options.maxGapStretchEm + 1e-6;
    return {
      runs,
      hasTrailer: trailerHere !== null,
      ascentPt: extent.ascentPt,
      descentPt: extent.descentPt,
      widthPt,
      overfull: fit.widthPt > target + 0.01,
      ...(forced ? { forcedBreak: { word: wordAround(atoms, joints, r.end), pos: atoms[r.end]!.span.pos } } : {}),
      ...(over ? { overStretchEm: fit.maxStretchEm } : {}),
    };
  });
}

/** A paragraph's content cut at hard breaks and measured: independent of the measure. */
interface Measured {
  readonly fonts: ParagraphOptions['fonts'];
  readonly kinsoku: ParagraphOptions['kinsoku'];
  readonly charPitchPt: number | null;
  readonly segs: readonly StyledSpan[][];
  readonly atomized: readonly Atomized[];
}

/**
 * The last content measured: a centred title is set again on narrower and narrower
 * measures (titles.ts), one call after another with the same content array, each
 * time from the same atoms. Atoms are not changed once made, so sharing them
 * between settings is safe; holding only the last keeps no other paragraph alive.
 */
let lastContent: readonly ParagraphContent[] | null = null;
let lastMeasured: Measured | null = null;

function measured(content: readonly ParagraphContent[], options: ParagraphOptions): Measured {
  const hit = content === lastContent ? lastMeasured : null;
  if (
    hit !== null &&
    hit.fonts === options.fonts &&
    hit.kinsoku === options.kinsoku &&
    hit.charPitchPt === options.charPitchPt
  )
    return hit;
  const segs = segments(content);
  const m: Measured = {
    fonts: options.fonts,
    kinsoku: options.kinsoku,
    charPitchPt: options.charPitchPt,
    segs,
    atomized: segs.map((spans) => keepWords(atomize(spans, options))),
  };
  lastContent = content;
  lastMeasured = m;
  return m;
}

/** Set one paragraph into lines (see the module docblock). */
export const setParagraph: SetParagraph = (content, options) => {
  const m = measured(content, options);
  const segs = m.segs;
  const allSpans = segs.flat();
  if (allSpans.every((s) => s.text.trim() === '') && segs.length === 1) return [];
  const trailer = options.trailer === null ? null : measureTrailer(options.trailer, options.fonts);
  const lines: SetLine[] = [];
  segs.forEach((spans, g) => {
    const { atoms, joints } = m.atomized[g]!;
    const first = lines.length === 0;
    const last = g === segs.length - 1;
    if (atoms.length === 0) {
      lines.push(emptyLine(spans, options, allSpans[0]));
      return;
    }
    lines.push(...setSegment({ atoms, joints, first, last }, options, trailer));
  });
  return lines;
};
