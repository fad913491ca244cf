/**
 * Words kept whole: a span marked `keep` (a title's word, layout/words.ts) is never
 * broken across lines — every joint between two of its atoms becomes unbreakable.
 * Breaks between spans keep their own rules (kinsoku, glued Latin words).
 */
import type { Atomized } from './atoms.js';

export function keepWords(a: Atomized): Atomized {
  const { atoms } = a;
  let joints = a.joints;
  for (let i = 0; i < joints.length; i++) {
    const j = joints[i]!;
    const span = atoms[i]!.span;
    if (!j.breakable || !span.keep || atoms[i + 1]!.span !== span) continue;
    if (joints === a.joints) joints = [...joints];
    joints[i] = { ...j, breakable: false, kept: true };
  }
  return joints === a.joints ? a : { atoms: a.atoms, joints };
}
