/**
 * Spacing between atoms: punctuation compression (标点挤压, clreq §3.1.6 and
 * docs/typography.md “Widths and compression”: two adjacent marks that would take 2 em take 1.5 em) and the
 * joints between atoms — word spaces (¼…½ em), the ¼ em Han–Latin gap (clreq §3.2.1,
 * min ⅛ em, max ⅓ em; none next to Chinese punctuation), and plain inter-character gaps.
 */
import type { FontBook } from '../../fonts/index.js';
import type { Kinsoku } from '../../template/index.js';
import type { Atom, Joint } from './atoms.js';
import { isLetterOrDigit, noEnd, noStart } from './classes.js';

const closesSomething = (a: Atom): boolean => a.kind === 'punct' && (a.cls === 'stop' || a.cls === 'closing');

/**
 * Compress the adjustable space between two adjacent full-width marks with no space
 * between them: a stop or closing mark before an opening one keeps half an em between
 * them, an interpunct keeps its quarter, every other pair (。” ）。 “《) closes up
 * completely. Mutates the pads; called as each atom is read, so a mark's left pad is
 * settled before the pair it starts.
 */
export function compressMarkPair(a: Atom, b: Atom): void {
  const box = Math.min(a.boxPt, b.boxPt);
  let allowed = 0;
  if (closesSomething(a) && b.cls === 'opening') allowed = box / 2;
  else if (a.cls === 'interpunct' || b.cls === 'interpunct') allowed = box / 4;
  let excess = a.rightPt + b.leftPt - allowed;
  if (excess <= 0) return;
  const fromB = Math.min(excess, b.leftPt);
  b.leftPt -= fromB;
  excess -= fromB;
  a.rightPt -= Math.min(excess, a.rightPt);
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

/** How an atom continues the Latin word before it: in one piece (`glued`), at a break opportunity (`inword`), or not at all. */
export type Link = 'glued' | 'inword' | null;

/** The first or the last code point of a non-empty string. */
function edgeCp(text: string, end: boolean): number {
  if (!end) return text.codePointAt(0)!;
  const low = text.charCodeAt(text.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && text.length > 1 ? text.codePointAt(text.length - 2)! : low;
}

/**
 * The ¼ em Han–Latin gap stands between a Han character and a letter or digit only:
 * not beside half-width punctuation or symbols (老城区,辖 · 微克/立方米 · 预约+无感),
 * nor beside a raised footnote mark.
 */
function hanLatin(han: Atom, latin: Atom, latinAfter: boolean): boolean {
  return (
    han.cls === 'han' &&
    han.span.risePt === 0 &&
    latin.span.risePt === 0 &&
    isLetterOrDigit(edgeCp(latin.text, !latinAfter))
  );
}

/** The joint between two adjacent atoms. */
export function jointBetween(a: Atom, b: Atom, space: boolean, link: Link, kinsoku: Kinsoku, fonts: FontBook): Joint {
  if (
    !space &&
    a.kind === 'cjk' &&
    b.kind === 'cjk' &&
    a.cls === 'han' &&
    b.cls === 'han' &&
    a.span.sizePt === b.span.sizePt
  ) {
    return hanJoint(a.span.sizePt);
  }
  if (link === 'glued') return { kind: 'glued', natPt: 0, minPt: 0, maxPt: 0, emPt: a.span.sizePt, breakable: false };
  // A break the word's own rules allow (UAX #14, URLs): prohibitions of single marks do not apply inside.
  if (link === 'inword') return { kind: 'inword', natPt: 0, minPt: 0, maxPt: 0, emPt: a.span.sizePt, breakable: true };
  const breakable = !noEnd(a.endCls, kinsoku) && !noStart(b.cls, kinsoku);
  const latinA = a.kind === 'latin';
  const latinB = b.kind === 'latin';
  const em = Math.max(a.span.sizePt, b.span.sizePt);
  // Nothing beside a two-em unit: no Han–Latin gap, and a space written next to —— is dropped.
  if (a.cls === 'twoEm' || b.cls === 'twoEm')
    return { kind: 'plain', natPt: 0, minPt: 0, maxPt: 0, emPt: em, breakable };
  if ((latinA && b.kind === 'cjk' && hanLatin(b, a, false)) || (a.kind === 'cjk' && latinB && hanLatin(a, b, true))) {
    const e = (latinA ? b : a).span.sizePt;
    return { kind: 'hanLatin', natPt: e / 4, minPt: e / 8, maxPt: e / 3, emPt: e, breakable };
  }
  if (space && (latinA || latinB || (a.kind === 'cjk' && b.kind === 'cjk'))) {
    const nat = wordSpacePt(latinA ? a : b, fonts);
    const e = (latinA ? a : b).span.sizePt;
    return { kind: 'word', natPt: nat, minPt: Math.min(nat, e / 4), maxPt: Math.max(nat, e / 2), emPt: e, breakable };
  }
  return { kind: 'plain', natPt: 0, minPt: 0, maxPt: 0, emPt: em, breakable };
}
