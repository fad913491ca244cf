/**
 * Accumulates the flow (see flow.ts) while blocks are laid out, and encodes the
 * page-break rules of docs/typography.md “Paragraphs, lists and pasted text” into `breakBefore`:
 *
 * - widows and orphans: inside a paragraph of n lines a page may end only after
 *   its second line and before its second-to-last (so 2- and 3-line paragraphs
 *   never split);
 * - keep-with-next (titles, subtitles, bylines, headings): no break between the
 *   block's last line and what follows; such blocks are never split inside;
 * - unsplittable groups (contents entries, captions, images) take no break inside.
 *
 * Spaces: a block's space before adds to the previous block's space after (as
 * Word and LibreOffice do); on a grid the sum is snapped to whole grid lines.
 */
import type { NodeId } from '../model/types.js';
import type { ResolvedTemplate } from '../template/index.js';
import {
  noteNumberOf,
  type Anchor,
  type BoxLine,
  type BoxRule,
  type FlowBox,
  type FlowItem,
  type FlowNote,
} from './flow.js';
import { spacePt } from './geometry.js';
import type { SetLine } from './paragraph-types.js';

export interface GroupOptions {
  readonly xPt: number;
  readonly pitchPt: number;
  readonly spaceBeforePt: number;
  readonly spaceAfterPt: number;
  /** The lines may be split across pages (subject to widows/orphans). */
  readonly splittable: boolean;
  /** Never the last thing on a page. */
  readonly keepWithNext: boolean;
  /** Anchors on the group's first line (destinations). */
  readonly anchors?: readonly Anchor[];
  /** A link covering every line of the group (contents entries). */
  readonly linkDest?: string | null;
}

/** Resolves a footnote number of the current piece to its set note. */
export type NoteLookup = (n: number) => FlowNote | undefined;

/** The notes a set line references (footnote-reference runs carry `huibian-note:<n>` as their url). */
function notesOfLine(line: SetLine, lookup: NoteLookup | null): FlowNote[] {
  if (!lookup) return [];
  const out: FlowNote[] = [];
  for (const r of line.runs) {
    const n = noteNumberOf(r.url);
    if (n === null) continue;
    const note = lookup(n);
    if (note && !out.includes(note)) out.push(note);
  }
  return out;
}

/** What a table row (or row slice) needs to become a flow box. */
export interface BoxSpec {
  readonly heightPt: number;
  readonly lines: readonly BoxLine[];
  readonly rules: readonly BoxRule[];
  readonly rulesWhenLast: readonly BoxRule[];
  readonly repeat: FlowBox | null;
  readonly spaceBeforePt: number;
  readonly spaceAfterPt: number;
  /** A page may end before this box (false inside a kept group, e.g. after a header row). */
  readonly breakBefore: boolean;
  readonly keepWithNext: boolean;
}

export class FlowBuilder {
  readonly items: FlowItem[] = [];
  /** Footnotes of the piece being laid out, by number (null: references carry no notes). */
  noteFor: NoteLookup | null = null;
  /** Destinations of the current piece's headings by node id (headings.ts); null: headings get none (footnotes). */
  headingDests: ReadonlyMap<NodeId, string> | null = null;
  /** Whether the tables laid out go into the facts' table columns (a piece's body; not its footnotes). */
  recordTables = false;
  private pendingSpacePt = 0;
  private keepNext = false;
  /** Anchors waiting for the next line or box (a destination set before its first line exists). */
  private pendingAnchors: Anchor[] = [];

  constructor(
    private readonly template: ResolvedTemplate,
    public piece: number | null,
    public front: boolean,
  ) {}

  /** Attach an anchor to whatever line or box comes next. */
  anchorNext(anchor: Anchor): void {
    this.pendingAnchors.push(anchor);
  }

  /** Keep the previous block with whatever comes next (a list marker line, a figure before its caption). */
  keepWithNext(): void {
    this.keepNext = true;
  }

  addLines(lines: readonly SetLine[], o: GroupOptions): void {
    const n = lines.length;
    if (n === 0) return;
    const space = spacePt(this.template, this.pendingSpacePt + o.spaceBeforePt);
    lines.forEach((line, i) => {
      let breakBefore: boolean;
      if (i === 0) breakBefore = !this.keepNext;
      else breakBefore = o.splittable && !o.keepWithNext && i >= 2 && i <= n - 2;
      const anchors: Anchor[] = [];
      if (i === 0) {
        anchors.push(...this.pendingAnchors, ...(o.anchors ?? []));
        this.pendingAnchors = [];
      }
      if (o.linkDest) anchors.push({ kind: 'link', dest: o.linkDest });
      const notes = notesOfLine(line, this.noteFor);
      this.items.push({
        ...(notes.length ? { notes } : {}),
        kind: 'line',
        line,
        xPt: o.xPt,
        pitchPt: o.pitchPt,
        spaceBeforePt: i === 0 ? space : 0,
        breakBefore,
        piece: this.piece,
        front: this.front,
        anchors,
      });
    });
    this.pendingSpacePt = o.spaceAfterPt;
    this.keepNext = o.keepWithNext;
  }

  /** An unbreakable box (a table row); returns it (header rows are repeated by reference). */
  addBox(o: BoxSpec): FlowBox {
    const notes = o.lines.flatMap((l) => notesOfLine(l.line, this.noteFor)).filter((n, i, all) => all.indexOf(n) === i);
    const box: FlowBox = {
      kind: 'box',
      heightPt: o.heightPt,
      lines: o.lines,
      rules: o.rules,
      rulesWhenLast: o.rulesWhenLast,
      repeat: o.repeat,
      spaceBeforePt: spacePt(this.template, this.pendingSpacePt + o.spaceBeforePt),
      breakBefore: o.breakBefore && !this.keepNext,
      piece: this.piece,
      front: this.front,
      anchors: this.takeAnchors(),
      ...(notes.length ? { notes } : {}),
    };
    this.items.push(box);
    this.pendingSpacePt = o.spaceAfterPt;
    this.keepNext = o.keepWithNext;
    return box;
  }

  addImage(
    file: string,
    xPt: number,
    widthPt: number,
    heightPt: number,
    boxPt: number,
    spaceBeforePt: number,
    spaceAfterPt: number,
    keepWithNext: boolean,
  ): void {
    this.items.push({
      kind: 'image',
      file,
      xPt,
      widthPt,
      heightPt,
      boxPt,
      spaceBeforePt: spacePt(this.template, this.pendingSpacePt + spaceBeforePt),
      breakBefore: !this.keepNext,
      piece: this.piece,
      front: this.front,
      anchors: this.takeAnchors(),
    });
    this.pendingSpacePt = spaceAfterPt;
    this.keepNext = keepWithNext;
  }

  addRule(xPt: number, widthPt: number, boxPt: number, thicknessPt: number, keepWithNext: boolean): void {
    this.items.push({
      kind: 'rule',
      xPt,
      widthPt,
      boxPt,
      thicknessPt,
      spaceBeforePt: spacePt(this.template, this.pendingSpacePt),
      breakBefore: !this.keepNext,
      piece: this.piece,
      front: this.front,
      anchors: this.takeAnchors(),
    });
    this.pendingSpacePt = 0;
    this.keepNext = keepWithNext;
  }

  /** A forced page break; spaces and keeps do not carry across it. */
  pageBreak(): void {
    const last = this.items[this.items.length - 1];
    if (last && last.kind !== 'pageBreak') this.items.push({ kind: 'pageBreak' });
    this.pendingSpacePt = 0;
    this.keepNext = false;
  }

  private takeAnchors(): Anchor[] {
    const a = this.pendingAnchors;
    this.pendingAnchors = [];
    return a;
  }
}
