/**
 * A piece's footnotes: each set once (footnote style, full measure, the number then the text
 * hanging under itself) and looked up by number; the paginator places them at the foot of
 * their reference's page.
 */
import type { Footnote } from '../../model/types.js';
import { FlowBuilder, type NoteLookup } from '../builder.js';
import { noteDest, type FlowLine, type FlowNote } from '../flow.js';
import { addParagraph, addTextLine, bodyFrame, type BlockEnv, type Frame } from '../blocks.js';
import { measureLabelPt } from '../measure.js';
import { collectSpans, spanOf } from '../spans.js';
import type { AddBlocks } from './context.js';

/**
 * The piece's footnotes, set once each (footnote style, full measure: the number,
 * then the text hanging under itself) and looked up by number; a note referring to
 * another note carries it along. Built lazily so that order of definition is free.
 */
export function pieceNotes(env: BlockEnv, piece: number, notes: readonly Footnote[], addBlocks: AddBlocks): NoteLookup {
  const byN = new Map(notes.map((f) => [f.n, f]));
  const built = new Map<number, FlowNote | null>();
  const lookup = (n: number): FlowNote | undefined => {
    if (built.has(n)) return built.get(n) ?? undefined;
    const note = byN.get(n);
    if (!note) return undefined;
    built.set(n, null); // in progress: a cycle of notes referring to each other ends here
    const b = new FlowBuilder(env.t, piece, false);
    b.noteFor = lookup;
    addFootnote(env, b, note, addBlocks);
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
function addFootnote(env: BlockEnv, b: FlowBuilder, note: Footnote, addBlocks: AddBlocks): void {
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
