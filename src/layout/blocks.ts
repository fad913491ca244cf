/**
 * Measure + break: the blocks of a piece → flow lines (docs/design.md “The layout phase”).
 *
 * Paragraphs, headings 1–4, lists (numbered by depth from the template's
 * `list:`, set as GB/T 9704 paragraphs: no hanging indent), block quotes (indented), code
 * blocks, thematic breaks, images (scaled to the measure, aspect kept, never
 * split, captioned), tables (table.ts) and footnotes, which are set here and
 * placed at the foot of their reference's page by the paginator. Centred titles
 * are balanced into a trapezoid (titles.ts); overfull lines are warned about
 * (overfull.ts). Every line goes through the paragraph setter.
 */
import * as path from 'node:path';
import type { Diagnostics } from '../model/diagnostics.js';
import type { Block, Footnote, ImageBlock, ListBlock, Pos } from '../model/types.js';
import type { FontBook } from '../fonts/index.js';
import type { ResolvedTemplate, Style } from '../template/index.js';
import { THEMATIC_BREAK_MARK } from '../template/index.js';
import { FlowBuilder, type NoteLookup } from './builder.js';
import { noteDest, type FlowLine, type FlowNote } from './flow.js';
import type { TableColumns, TitleBreaks } from './pagetree.js';
import { warnOverfull } from './overfull.js';
import { headingDest } from './headings.js';
import { addTable } from './table.js';
import { balanceCentred, setTitle, type BalancedTitle } from './titles.js';
import { wordBrokenContent } from './word-breaks.js';
import { charPitchFor, pitchPt, type TypeArea } from './geometry.js';
import { measureLabelPt } from './measure.js';
import { lineText, type ParagraphContent, type SetLine, type SetParagraph } from './paragraph-types.js';
import { listMarker as markerFor } from '../model/placeholders.js';
import { collectSpans, spanOf } from './spans.js';

/** What every block needs and nobody changes. */
export interface BlockEnv {
  readonly t: ResolvedTemplate;
  readonly fonts: FontBook;
  readonly set: SetParagraph;
  readonly area: TypeArea;
  readonly diag: Diagnostics;
  /** Folder image paths are relative to. */
  readonly dir: string;
  /** Collects the column widths of the tables laid out (for PageTree.tableColumns). */
  readonly tables?: TableColumns[];
  /** Collects the lines of the centred titles balanced over several lines (for PageTree.titleBreaks). */
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
  /** Names a balanced title in PageTree.titleBreaks (`piece-3-title`, …). */
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

export function addBlocks(env: BlockEnv, b: FlowBuilder, blocks: readonly Block[], frame: Frame): void {
  for (const block of blocks) addBlock(env, b, block, frame);
}

function addBlock(env: BlockEnv, b: FlowBuilder, block: Block, frame: Frame): void {
  const { t } = env;
  switch (block.kind) {
    case 'paragraph':
      addParagraph(env, b, {
        content: collectSpans(block.inlines, frame.paraStyle, t),
        style: frame.paraStyle,
        frame,
        splittable: true,
        keepWithNext: false,
      });
      break;
    case 'heading': {
      const style = t.styles[`heading${block.level}` as const];
      // Headings are counted in the order headings.ts lists them (footnotes' own headings are not).
      const anchors =
        b.piece === null || b.headingCount < 0
          ? []
          : [{ kind: 'dest' as const, name: headingDest(b.piece, b.headingCount++) }];
      addParagraph(env, b, {
        content: collectSpans(block.inlines, style, t),
        style,
        frame,
        splittable: false,
        keepWithNext: true,
        anchors,
        balance: true,
      });
      break;
    }
    case 'list':
      addList(env, b, block, frame);
      break;
    case 'quote': {
      const q = t.styles.quote;
      addBlocks(env, b, block.blocks, {
        leftPt: frame.leftPt + q.leftIndentPt,
        rightPt: frame.rightPt + q.rightIndentPt,
        paraStyle: { ...q, leftIndentPt: 0, rightIndentPt: 0 },
      });
      break;
    }
    case 'code': {
      const style = t.styles.code;
      const lines: SetLine[] = [];
      const xPt = frame.leftPt + style.leftIndentPt;
      const widthPt = env.area.widthPt - xPt - frame.rightPt - style.rightIndentPt;
      block.lines.forEach((text, k) => {
        const at = { ...block.pos, line: block.pos.line + 1 + k, column: 1 };
        const content = text ? [spanOf(text, style, at)] : [spanOf('\u3000', style, at)];
        const set = env.set(content, {
          widthPt,
          firstIndentPt: 0,
          restIndentPt: 0,
          align: 'left',
          kinsoku: t.kinsoku,
          maxGapStretchEm: t.maxGapStretchEm,
          fonts: env.fonts,
          trailer: null,
          charPitchPt: null,
        });
        warnOverfull(env.diag, content, set, widthPt, 0, 0);
        lines.push(...set);
      });
      b.addLines(lines, {
        xPt,
        pitchPt: pitchPt(t, style),
        spaceBeforePt: style.spaceBeforePt,
        spaceAfterPt: style.spaceAfterPt,
        splittable: true,
        keepWithNext: false,
      });
      break;
    }
    case 'thematicBreak':
      if (t.thematicBreak === 'page') b.pageBreak();
      else
        addParagraph(env, b, {
          content: [spanOf(THEMATIC_BREAK_MARK, t.styles.body, block.pos)],
          style: t.styles.body,
          frame,
          splittable: false,
          keepWithNext: false,
          align: 'center',
          firstIndentPt: 0,
        });
      break;
    case 'image':
      addImage(env, b, block, frame);
      break;
    case 'table':
      addTable(env, b, block, frame);
      break;
    default: {
      const never: never = block;
      throw new Error(`unknown block ${(never as { kind: string }).kind}`);
    }
  }
}

/** The marker of item `i` of a list: the template's `list.numbering` or `list.bullets` entry for its depth. */
export function listMarker(t: ResolvedTemplate, list: ListBlock, i: number): string {
  return markerFor(t.list, list, i);
}

/**
 * A list as GB/T 9704 sets numbered paragraphs: each item is a paragraph of the
 * `listItem` style whose text begins with its marker — the style's first-line indent
 * (2 em) before the marker, wrapped lines back at the style's left (the margin), no
 * hanging indent. A nested list is set the same way (its markers tell the depth); an
 * item's further blocks are paragraphs of the same style.
 */
function addList(env: BlockEnv, b: FlowBuilder, list: ListBlock, frame: Frame): void {
  const style = env.t.styles.listItem;
  const inner: Frame = { ...frame, paraStyle: style };
  list.items.forEach((item, i) => {
    const marker = spanOf(listMarker(env.t, list, i), style, item.pos);
    const [first, ...rest] = item.blocks;
    if (first && first.kind === 'paragraph') {
      addParagraph(env, b, {
        content: [marker, ...collectSpans(first.inlines, style, env.t)],
        style,
        frame,
        splittable: true,
        keepWithNext: false,
      });
      addBlocks(env, b, rest, inner);
    } else {
      addParagraph(env, b, { content: [marker], style, frame, splittable: false, keepWithNext: true });
      addBlocks(env, b, item.blocks, inner);
    }
  });
}

function addImage(env: BlockEnv, b: FlowBuilder, img: ImageBlock, frame: Frame): void {
  const { t, area } = env;
  const caption = t.styles.caption;
  const measurePt = area.widthPt - frame.leftPt - frame.rightPt;
  const captionPt = img.caption ? pitchPt(t, caption) + caption.spaceBeforePt : 0;
  const ratio = img.heightPx / Math.max(1, img.widthPx);
  // CSS px → pt at 96 dpi; never wider than the measure, never taller than the type area less its caption.
  let widthPt = Math.min(img.widthPx * 0.75, measurePt);
  let heightPt = widthPt * ratio;
  const maxH = area.heightPt - captionPt;
  if (heightPt > maxH) {
    heightPt = maxH;
    widthPt = heightPt / ratio;
  }
  const g = t.grid?.linePitchPt;
  const boxPt = g ? Math.ceil(heightPt / g - 0.001) * g : heightPt;
  const xPt = frame.leftPt + (measurePt - widthPt) / 2;
  b.addImage(
    path.resolve(env.dir, img.src),
    xPt,
    widthPt,
    heightPt,
    boxPt,
    caption.spaceBeforePt,
    img.caption ? 0 : caption.spaceAfterPt,
    !!img.caption,
  );
  if (img.caption)
    addParagraph(env, b, {
      content: [spanOf(img.caption, caption, img.pos)],
      style: { ...caption, spaceBeforePt: 0 },
      frame,
      splittable: false,
      keepWithNext: false,
      align: 'center',
      firstIndentPt: 0,
    });
}

/**
 * The piece's footnotes, set once each (footnote style, full measure: the number,
 * then the text hanging under itself) and looked up by number; a note referring to
 * another note carries it along. Built lazily so that order of definition is free.
 */
export function pieceNotes(env: BlockEnv, piece: number, notes: readonly Footnote[]): NoteLookup {
  const byN = new Map(notes.map((f) => [f.n, f]));
  const built = new Map<number, FlowNote | null>();
  const lookup = (n: number): FlowNote | undefined => {
    if (built.has(n)) return built.get(n) ?? undefined;
    const note = byN.get(n);
    if (!note) return undefined;
    built.set(n, null); // in progress: a cycle of notes referring to each other ends here
    const b = new FlowBuilder(env.t, piece, false);
    b.noteFor = lookup;
    b.headingCount = -1;
    b.tableCount = -1;
    addFootnote(env, b, note);
    const lines = b.items.filter((it): it is FlowLine => it.kind === 'line');
    const flow: FlowNote = {
      key: noteDest(piece, note.n),
      lines: lines.map((l, k) =>
        k === 0 ? { ...l, anchors: [...l.anchors, { kind: 'dest', name: noteDest(piece, note.n) }] } : l,
      ),
    };
    built.set(n, flow);
    return flow;
  };
  return lookup;
}

/** One footnote: its number, then its blocks. */
function addFootnote(env: BlockEnv, b: FlowBuilder, note: Footnote): void {
  const style = env.t.styles.footnote;
  const label = `${note.n}\u3000`;
  const labelPt = measureLabelPt(env.fonts, style, label);
  const [first, ...rest] = note.blocks;
  const frame: Frame = { leftPt: labelPt, rightPt: 0, paraStyle: { ...style, firstIndentPt: 0, leftIndentPt: 0 } };
  if (first && first.kind === 'paragraph') {
    addParagraph(env, b, {
      content: [spanOf(label, style, note.pos), ...collectSpans(first.inlines, style, env.t)],
      style: { ...style, leftIndentPt: 0, spaceBeforePt: 0, spaceAfterPt: 0 },
      frame: bodyFrame(env.t),
      splittable: true,
      keepWithNext: false,
      firstIndentPt: 0,
      restIndentPt: labelPt,
    });
    addBlocks(env, b, rest, frame);
  } else {
    addTextLine(env, b, label, style, note.pos, {
      keepWithNext: true,
      firstIndentPt: 0,
      align: 'left',
      balance: false,
    });
    addBlocks(env, b, note.blocks, frame);
  }
}
