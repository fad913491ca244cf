/**
 * What every block handler shares (handlers/, one per block kind): the environment nobody
 * changes (`BlockEnv`), the inherited frame (indents, paragraph style), and setting one
 * paragraph through the paragraph setter into the flow (`addParagraph`, `addTextLine`):
 * centred titles balanced into a trapezoid (titles.ts), contents entries broken between
 * words (word-breaks.ts), overfull lines warned about (overfull.ts). Every line goes
 * through the paragraph setter.
 */
import type { Diagnostics } from '../model/diagnostics.js';
import type { Pos } from '../model/types.js';
import type { FontBook } from '../fonts/index.js';
import type { ResolvedTemplate, Style } from '../template/index.js';
import type { FlowBuilder } from './builder.js';
import type { TableColumns, TitleBreaks } from './pagetree.js';
import { warnOverfull } from './overfull.js';
import { balanceCentred, setTitle, type BalancedTitle } from './titles.js';
import { wordBrokenContent } from './word-breaks.js';
import { charPitchFor, pitchPt, type TypeArea } from './geometry.js';
import { lineText, type ParagraphContent, type SetLine, type SetParagraph } from './paragraph-types.js';
import { spanOf } from './spans.js';

/** What every block needs and nobody changes. */
export interface BlockEnv {
  readonly t: ResolvedTemplate;
  readonly fonts: FontBook;
  readonly set: SetParagraph;
  readonly area: TypeArea;
  readonly diag: Diagnostics;
  /** Folder image paths are relative to. */
  readonly dir: string;
  /** Collects the column widths of the tables laid out (for LayoutFacts.tableColumns). */
  readonly tables?: TableColumns[];
  /** Collects the lines of the centred titles balanced over several lines (for LayoutFacts.titleBreaks). */
  readonly titleBreaks?: TitleBreaks[];
}

/** Inherited context: extra indents and the paragraph style in force (quote, list, footnote). */
export interface Frame {
  readonly leftPt: number;
  readonly rightPt: number;
  readonly paraStyle: Style;
}

export function bodyFrame(t: ResolvedTemplate): Frame {
  return { leftPt: 0, rightPt: 0, paraStyle: t.styles.body };
}

export interface ParagraphSpec {
  readonly content: readonly ParagraphContent[];
  readonly style: Style;
  readonly frame: Frame;
  readonly splittable: boolean;
  readonly keepWithNext: boolean;
  readonly firstIndentPt?: number;
  readonly restIndentPt?: number;
  readonly align?: Style['align'];
  readonly trailer?: Parameters<SetParagraph>[1]['trailer'];
  readonly linkDest?: string | null;
  readonly anchors?: Parameters<FlowBuilder['addLines']>[1]['anchors'];
  /** Centred and wrapping: balance the lines into a trapezoid (titles). */
  readonly balance?: boolean;
  /** Names a balanced title in LayoutFacts.titleBreaks (`piece-3-title`, …). */
  readonly titleKey?: string;
  /** Break only between words (contents entries; word-breaks.ts); with `titleKey`, its lines are recorded. */
  readonly words?: boolean;
}

/** Sets one paragraph with the setter and adds its lines to the flow; returns the lines. */
export function addParagraph(env: BlockEnv, b: FlowBuilder, p: ParagraphSpec): readonly SetLine[] {
  const { style, frame } = p;
  const xPt = frame.leftPt + style.leftIndentPt;
  const widthPt = env.area.widthPt - xPt - frame.rightPt - style.rightIndentPt;
  const options = {
    widthPt,
    firstIndentPt: p.firstIndentPt ?? style.firstIndentPt,
    restIndentPt: p.restIndentPt ?? 0,
    align: p.align ?? style.align,
    kinsoku: env.t.kinsoku,
    maxGapStretchEm: env.t.maxGapStretchEm,
    fonts: env.fonts,
    trailer: p.trailer ?? null,
    charPitchPt: charPitchFor(env.t, style),
  };
  let lines: readonly SetLine[];
  let shiftPt = 0;
  if (
    p.balance &&
    options.align === 'center' &&
    options.firstIndentPt === 0 &&
    options.restIndentPt === 0 &&
    !options.trailer
  ) {
    const only = p.content.length === 1 && !('kind' in p.content[0]!) ? p.content[0] : null;
    const balanced: BalancedTitle & { texts?: readonly string[] } = only
      ? setTitle(env.set, only, options, style.sizePt)
      : balanceCentred(env.set, p.content, options, style.sizePt);
    lines = balanced.lines;
    shiftPt = (widthPt - balanced.widthPt) / 2;
    if (p.titleKey && env.titleBreaks && lines.length > 1)
      recordTitle(env.titleBreaks, p.titleKey, balanced.texts ?? lines.map(lineText));
  } else if (p.words) {
    const content = wordBrokenContent(env.set, p.content, options);
    lines = env.set(content, options);
    const texts = contentLines(content);
    if (p.titleKey && env.titleBreaks && texts.length === lines.length) recordTitle(env.titleBreaks, p.titleKey, texts);
  } else {
    lines = env.set(p.content, options);
  }
  warnOverfull(env.diag, p.content, lines, widthPt, options.firstIndentPt, options.restIndentPt);
  b.addLines(lines, {
    xPt: xPt + shiftPt,
    pitchPt: pitchPt(env.t, style),
    spaceBeforePt: style.spaceBeforePt,
    spaceAfterPt: style.spaceAfterPt,
    splittable: p.splittable,
    keepWithNext: p.keepWithNext || style.keepWithNext,
    anchors: p.anchors,
    linkDest: p.linkDest,
  });
  return lines;
}

/** The text of each hard-break segment of `content`. */
function contentLines(content: readonly ParagraphContent[]): string[] {
  const out = [''];
  for (const c of content) {
    if ('kind' in c) out.push('');
    else out[out.length - 1] += c.text;
  }
  return out;
}

/** Records a title's lines under its key, replacing an earlier pass's. */
function recordTitle(into: TitleBreaks[], key: string, lines: readonly string[]): void {
  const entry = { key, lines: [...lines] };
  const at = into.findIndex((e) => e.key === key);
  if (at >= 0) into[at] = entry;
  else into.push(entry);
}

/** A one-span paragraph of plain text (titles, bylines, banner lines). */
export function addTextLine(
  env: BlockEnv,
  b: FlowBuilder,
  text: string,
  style: Style,
  pos: Pos,
  extra: Partial<ParagraphSpec> = {},
): void {
  if (!text) return;
  addParagraph(env, b, {
    content: [spanOf(text, style, pos)],
    style,
    frame: bodyFrame(env.t),
    splittable: false,
    keepWithNext: true,
    balance: true,
    ...extra,
  });
}
