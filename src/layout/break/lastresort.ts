/**
 * The last resort (docs/typography.md “Latin runs, URLs and numbers”): nothing
 * ever crosses the measure. A stretch of atoms no line may break inside (a
 * number, a word, a URL piece, with the marks that may not be parted from it)
 * that is wider than a line has its Latin atoms cut into single characters,
 * joined by `forced` joints (still no line starting with `%` or `)`, none ending
 * with `(`). The breaker takes a forced break only when no
 * allowed break fits (it costs more than any other line), and the setter reports
 * each one as a positioned warning.
 *
 * Two-em units and single characters are never cut: a chain of them wider than
 * a line stays overfull, and is warned about as such.
 */
import type { Kinsoku } from '../../template/index.js';
import { latinAtom, type Atom, type Joint } from './atoms.js';
import { noEnd, noStart } from './classes.js';

/** Atoms and the joints between them (joints[i] between atoms[i] and atoms[i + 1]). */
interface Run {
  readonly atoms: readonly Atom[];
  readonly joints: readonly Joint[];
}

/** Least width a run of atoms atoms[s..e] can be set in: cores and shrunk joints, pads all given up. */
function chainMinPt(atoms: readonly Atom[], joints: readonly Joint[], s: number, e: number): number {
  let w = 0;
  for (let i = s; i <= e; i++) {
    w += atoms[i]!.corePt;
    if (i < e) w += joints[i]!.minPt;
  }
  return w;
}

/** The atoms with every Latin atom of an over-wide unbreakable chain cut into characters; the same object when none is. */
export function cutOversized(at: Run, firstWidthPt: number, restWidthPt: number, kinsoku: Kinsoku): Run {
  const { atoms, joints } = at;
  const cut = new Uint8Array(atoms.length);
  let any = false;
  for (let s = 0; s < atoms.length;) {
    let e = s;
    while (e < joints.length && !joints[e]!.breakable) e++;
    const limit = s === 0 ? Math.min(firstWidthPt, restWidthPt) : restWidthPt;
    if (chainMinPt(atoms, joints, s, e) > limit + 1e-6) {
      for (let i = s; i <= e; i++) {
        if (atoms[i]!.kind === 'latin' && atoms[i]!.nChars > 1) {
          cut[i] = 1;
          any = true;
        }
      }
    }
    s = e + 1;
  }
  if (!any) return at;
  const outAtoms: Atom[] = [];
  const outJoints: Joint[] = [];
  atoms.forEach((a, i) => {
    if (i > 0) outJoints.push(joints[i - 1]!);
    if (cut[i] === 0) {
      outAtoms.push(a);
      return;
    }
    let prev: Atom | null = null;
    for (const ch of a.text) {
      const atom = latinAtom(ch, a.span, a.face);
      if (prev !== null) {
        // Even here no line starts with a closer (%, ')') or ends with an opener.
        const breakable = !noEnd(prev.endCls, kinsoku) && !noStart(atom.cls, kinsoku);
        outJoints.push({ kind: 'forced', natPt: 0, minPt: 0, maxPt: 0, emPt: a.span.sizePt, breakable });
      }
      outAtoms.push(atom);
      prev = atom;
    }
  });
  return { atoms: outAtoms, joints: outJoints };
}
