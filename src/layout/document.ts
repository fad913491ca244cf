/**
 * layoutDocument with the paragraph setter passed in (tests use a stand-in).
 *
 * Page references are resolved as Typst does: lay out again until the contents'
 * numbers equal the pages the pieces land on, at most 5 passes, with a warning
 * naming every entry that did not settle (docs/design.md “The layout phase”). The body's lines are set
 * once; only the contents are re-set per pass, and the pages are built only on
 * the pass that settles (the others need just the page numbers).
 */
import { Diagnostics, type Diagnostic } from '../model/diagnostics.js';
import type { Collection } from '../model/types.js';
import type { FontBook } from '../fonts/index.js';
import type { ResolvedTemplate } from '../template/index.js';
import type { BlockEnv } from './blocks.js';
import { composeBody, composeContents, composeHandout, type ContentsNumbers, type HeadingNumbers } from './compose.js';
import { headingDest, listedHeadings } from './headings.js';
import { finalize, pageNumbers } from './finalize.js';
import { pitchPt, typeArea } from './geometry.js';
import { paginate } from './paginate.js';
import type { PageTree } from './pagetree.js';
import type { LayoutFacts } from './facts.js';
import type { SetParagraph } from './paragraph-types.js';

export type LayoutTarget = { readonly kind: 'compilation' } | { readonly kind: 'handout'; readonly piece: number };

export interface LayoutInput {
  readonly collection: Collection;
  readonly template: ResolvedTemplate;
  readonly fonts: FontBook;
  readonly target: LayoutTarget;
}

export interface LayoutResult {
  readonly tree: PageTree;
  /** What the DOCX repeats of this layout (facts.ts). */
  readonly facts: LayoutFacts;
  readonly warnings: Diagnostic[];
}

/** Most layout passes taken to settle the contents' page numbers. */
export const MAX_PASSES = 5;

export function layoutWith(input: LayoutInput, set: SetParagraph): LayoutResult {
  const { collection: c, template: t, fonts, target } = input;
  const diag = new Diagnostics();
  const env: BlockEnv = { t, fonts, set, area: typeArea(t), diag, dir: c.dir, tables: [], titleBreaks: [] };
  // The footnote separator takes one footnote line's pitch above the notes.
  const foot = { separatorPt: pitchPt(t, t.styles.footnote) };

  if (target.kind === 'handout') {
    const piece = c.pieces.find((p) => p.n === target.piece);
    if (!piece) throw new Error(`handout: no piece numbered ${target.piece}`);
    const flow = composeHandout(env, piece);
    diag.throwIfErrors();
    const { tree, facts } = finalize({
      env,
      collection: c,
      drafts: paginate(flow, env.area.heightPt, foot),
      pieces: [piece.n],
      passes: 1,
    });
    return { tree, facts, warnings: diag.warnings };
  }

  const body = composeBody(env, c);
  diag.throwIfErrors();
  const all = c.pieces.map((p) => p.n);
  let numbers: ContentsNumbers = new Map(c.pieces.map((p) => [p.n, p.n]));
  let headingNumbers: HeadingNumbers = new Map();
  const listed = c.pieces.flatMap((p) =>
    listedHeadings(p, t.contents.headingLevels).map((h) => ({ piece: p, h, dest: headingDest(p.n, h.index) })),
  );
  let done: { readonly tree: PageTree; readonly facts: LayoutFacts } | null = null;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const front = composeContents(env, c, numbers, headingNumbers);
    const drafts = paginate([...front, ...body], env.area.heightPt, foot);
    // The pages themselves are built once, on the pass that settles (or the last).
    const landed = pageNumbers(c, drafts, all);
    const actual = new Map(landed.piecePages.map((pp) => [pp.n, pp.startPage]));
    const headingActual = new Map(landed.headingPages.map((hp) => [headingDest(hp.piece, hp.index), hp.page]));
    const unsettled = c.pieces.filter((p) => actual.get(p.n) !== numbers.get(p.n));
    const unsettledHeadings = listed.filter(
      (e) => headingActual.get(e.dest) !== (headingNumbers.get(e.dest) ?? numbers.get(e.piece.n)),
    );
    const settled = unsettled.length === 0 && unsettledHeadings.length === 0;
    if (settled || pass === MAX_PASSES) done = finalize({ env, collection: c, drafts, pieces: all, passes: pass });
    if (settled) break;
    if (pass === MAX_PASSES) {
      for (const p of unsettled) {
        diag.warning(
          p.pos,
          `contents entry ${p.n} (“${p.title}”) did not settle after ${MAX_PASSES} passes: the contents say page ${numbers.get(p.n)}, the piece starts on page ${actual.get(p.n)}`,
        );
      }
      for (const e of unsettledHeadings) {
        diag.warning(
          e.h.block.pos,
          `contents entry for a heading of piece ${e.piece.n} did not settle after ${MAX_PASSES} passes: the contents say page ${headingNumbers.get(e.dest) ?? numbers.get(e.piece.n)}, the heading is on page ${headingActual.get(e.dest)}`,
        );
      }
    }
    numbers = actual;
    headingNumbers = headingActual;
  }
  return { ...done!, warnings: diag.warnings };
}
