/**
 * Spacing between atoms: punctuation compression (标点挤压, clreq §3.1.6 and
 * TYPOGRAPHY.md: two adjacent marks that would take 2 em take 1.5 em) and the
 * joints between atoms — word spaces (¼…½ em), the ¼ em Han–Latin gap (clreq §3.2.1,
 * min ⅛ em, max ⅓ em; none next to Chinese punctuation), and plain inter-character gaps.
 */
import type { FontBook } from '../../fonts/types.js';
import type { Kinsoku } from '../../template/types.js';
import type { Atom, Joint } from './atoms.js';
import { noEnd, noStart } from './classes.js';

const closesSomething = (a: Atom): boolean => a.kind === 'punct' && (a.cls === 'stop' || a.cls === 'closing');

/**
 * Compress the adjustable space between two adjacent full-width marks: a stop or closing
 * mark before an opening one keeps half an em between them, an interpunct keeps its
 * quarter, every other pair (。” ）。 “《) closes up completely. Mutates the pads.
 */
export function compressAdjacentMarks(atoms: Atom[], spaceBefore: readonly boolean[]): void {
  for (let i = 0; i + 1 < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1]!;
    if (a.kind !== 'punct' || b.kind !== 'punct' || spaceBefore[i]) continue;
    const box = Math.min(a.boxPt, b.boxPt);
    let allowed = 0;
    if (closesSomething(a) && b.cls === 'opening') allowed = box / 2;
    else if (a.cls === 'interpunct' || b.cls === 'interpunct') allowed = box / 4;
    let excess = a.rightPt + b.leftPt - allowed;
    if (excess <= 0) continue;
    const fromB = Math.min(excess, b.leftPt);
    b.leftPt -= fromB;
    excess -= fromB;
    a.rightPt -= Math.min(excess, a.rightPt);
  }
}

const HAN_JOINTS = new Map<number, Joint>();

/** The joint between two Han characters of one size: nothing, always breakable (shared object). */
function hanJoint(em: number): Joint {
  let j = HAN_JOINTS.get(em);
  if (j === undefined) {
    j = { kind: 'plain', natPt: 0, minPt: 0, maxPt: 0, emPt: em, breakable: true };
    HAN_JOINTS.set(em, j);
  }
  return j;
}

/** Natural width of a word space: the face's space, held between ¼ and ½ em. */
function wordSpacePt(a: Atom, fonts: FontBook): number {
  const em = a.span.sizePt;
  const face = fonts.faceFor(a.span.role, a.span.bold, 0x20) ?? a.face;
  const adv = face.advanceEm(0x20) * em;
  return Math.min(Math.max(adv, em / 4), em / 2);
}

/** The joint between two adjacent atoms. */
export function jointBetween(a: Atom, b: Atom, space: boolean, glued: boolean, kinsoku: Kinsoku, fonts: FontBook): Joint {
  if (!space && a.kind === 'cjk' && b.kind === 'cjk' && a.cls === 'han' && b.cls === 'han' && a.span.sizePt === b.span.sizePt) {
    return hanJoint(a.span.sizePt);
  }
  const breakable = !glued && !noEnd(a.endCls, kinsoku) && !noStart(b.cls, kinsoku);
  if (glued) return { kind: 'glued', natPt: 0, minPt: 0, maxPt: 0, emPt: a.span.sizePt, breakable: false };
  const latinA = a.kind === 'latin';
  const latinB = b.kind === 'latin';
  if ((latinA && b.kind === 'cjk') || (a.kind === 'cjk' && latinB)) {
    const em = (latinA ? b : a).span.sizePt;
    return { kind: 'hanLatin', natPt: em / 4, minPt: em / 8, maxPt: em / 3, emPt: em, breakable };
  }
  const em = Math.max(a.span.sizePt, b.span.sizePt);
  if (space && (latinA || latinB || (a.kind === 'cjk' && b.kind === 'cjk'))) {
    const nat = wordSpacePt(latinA ? a : b, fonts);
    const e = (latinA ? a : b).span.sizePt;
    return { kind: 'word', natPt: nat, minPt: Math.min(nat, e / 4), maxPt: Math.max(nat, e / 2), emPt: e, breakable };
  }
  return { kind: 'plain', natPt: 0, minPt: 0, maxPt: 0, emPt: em, breakable };
}
