/**
 * Choosing the breaks of a whole paragraph (Knuth–Plass-style dynamic programming
 * over feasible breakpoints; clreq §3.1.7 prohibitions, docs/typography.md “Breaking a
 * line”: squeeze in first, push out second; runts: “Paragraphs, lists and pasted text”).
 *
 * Every line from a feasible start to a breakable joint is judged by its badness:
 * how much it must shrink (punctuation space, word spaces, Han–Latin gaps) against
 * how much it can, or how much it must stretch against a comfortable amount. Demerits
 * add a penalty for breaking before a pushed-out character (a break whose next
 * line would begin with a character that only moved down to keep a no-start mark
 * company), for a runt last line and for a break inside a Latin word (after a
 * hyphen, inside a URL). Far above these: a line whose gaps would stretch past the
 * template's cap per gap (`maxGapStretch`: the breaker prefers breaking inside a
 * Latin run to spacing Chinese out to 1 em gaps), a line with nothing to stretch,
 * a last-resort break at a character (lastresort.ts), and last an overfull line,
 * each taken only when nothing cheaper sets the paragraph. The scan from each start
 * stops as soon as the line can no longer shrink to the measure, so the work is
 * linear in the paragraph length times the atoms per line.
 */
import type { Kinsoku } from '../../template/index.js';
import type { Atom, Joint } from './atoms.js';
import { inWord, startCutPt } from './justify.js';

export interface BreakParams {
  /** Measure of the paragraph's first line and of every later line, pt. */
  readonly firstWidthPt: number;
  readonly restWidthPt: number;
  /** Lines other than the last are stretched to the measure. */
  readonly justify: boolean;
  /** Width the trailer (minimum leader gap + page number) needs on the last line, or null. */
  readonly trailerPt: number | null;
  /** Apply the runt rule to the last line. */
  readonly runt: boolean;
  readonly kinsoku: Kinsoku;
  /** Most a gap may stretch past its natural width, em of the gap. */
  readonly maxGapStretchEm: number;
}

/** A line as the inclusive atom range [start, end]. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** Comfortable stretch of a plain inter-character gap, em. */
const PLAIN_STRETCH_EM = 0.05;
const LINE_PENALTY = 10;
const PUSH_OUT_PENALTY = 600;
const RUNT_PENALTY = 1e7;
/** A break inside a Latin word (UAX #14, URL rules), like TeX's hyphen penalty. */
const INWORD_PENALTY = 3000;
/**
 * A line whose gaps stretch past the cap: worse than any line within it (≤ 1e10); more the
 * further past, up to OVER_CAP_MOST em, so still better than a line with nothing to stretch (1e12).
 */
const OVER_CAP_PENALTY = 1e11;
const OVER_CAP_MOST = 8;
/** A last-resort break between two characters of a word: worse than any allowed break. */
const FORCED_PENALTY = 1e13;
const OVERFULL_PENALTY = 1e15;
const MAX_BADNESS = 1e5;
/** A short line with nothing to stretch (one atom): worse than any stretchable line (demerits 1e12). */
const UNJUSTIFIABLE = 1e6;
/** A short line inside one word (a URL's middle): set ragged; badness 100 when 10% short. */
const RAGGED_WORD_SCALE = 10;
/** Badness above which a line is tried only when nothing better sets the paragraph. */
const TOLERANCE = 1000;

function badness(ratio: number): number {
  return Math.min(MAX_BADNESS, 100 * ratio * ratio * ratio);
}

/**
 * Working arrays, kept between calls and grown as needed: a balanced title alone
 * is broken a dozen times, and allocating fourteen typed arrays per call showed in
 * the profiles. Every array is fully written (or filled) before it is read.
 */
class Scratch {
  cap = 0;
  f64: Float64Array[] = [];
  i32: Int32Array[] = [];
  u8: Uint8Array[] = [];

  /** `count` Float64 arrays, Int32 arrays and Uint8 arrays of at least `n + 1` elements each. */
  ensure(n: number): void {
    if (n + 1 <= this.cap) return;
    this.cap = Math.max(n + 1, 2 * this.cap, 64);
    this.f64 = Array.from({ length: 14 }, () => new Float64Array(this.cap));
    this.i32 = Array.from({ length: 3 }, () => new Int32Array(this.cap));
    this.u8 = Array.from({ length: 3 }, () => new Uint8Array(this.cap));
  }
}
const scratch = new Scratch();

/** Choose line ranges for atoms (≥ 1 atom) minimising total demerits. */
export function chooseBreaks(atoms: readonly Atom[], joints: readonly Joint[], p: BreakParams): LineRange[] {
  const n = atoms.length;
  scratch.ensure(n);
  const [full, shr, rightPad, jNat, jShr, jStr, preW, preS, preT, bestA, brkPen, preTier, prePlainEm, preOpenEm] =
    scratch.f64.map((a) => a.subarray(0, n + 1)) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
  const [preH, prevA, prevB] = scratch.i32.map((a) => a.subarray(0, n + 1)) as [Int32Array, Int32Array, Int32Array];
  const [isHan, canBreak, pushOut] = scratch.u8.map((a) => a.subarray(0, n + 1)) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  // Per-atom and per-joint quantities used by the scan.
  let hanTotal = 0;
  for (let i = 0; i < n; i++) {
    const a = atoms[i]!;
    full[i] = a.leftPt + a.corePt + a.rightPt;
    shr[i] = a.leftPt + a.rightPt;
    rightPad[i] = a.rightPt;
    isHan[i] = a.han ? 1 : 0;
    canBreak[i] = i === n - 1 || joints[i]!.breakable ? 1 : 0;
    const kind = i === n - 1 ? null : joints[i]!.kind;
    brkPen[i] = kind === 'inword' ? INWORD_PENALTY : kind === 'forced' ? FORCED_PENALTY : 0;
    if (a.han) hanTotal++;
  }
  for (let i = 0; i + 1 < n; i++) {
    const j = joints[i]!;
    const tier = j.kind === 'word' || j.kind === 'hanLatin';
    jNat[i] = j.natPt;
    jShr[i] = tier ? j.natPt - j.minPt : 0;
    jStr[i] = tier ? j.maxPt - j.natPt : j.kind === 'plain' ? PLAIN_STRETCH_EM * j.emPt : 0;
  }
  // pushOut[i]: breaking before atom i pushes it down with a no-start successor.
  pushOut.fill(0);
  for (let i = 0; i + 1 < n; i++) {
    const j = joints[i]!;
    if (!j.breakable && j.kind !== 'glued' && !j.kept && i > 0 && joints[i - 1]!.breakable) pushOut[i] = 1;
  }

  // Prefix sums over atoms (each with the joint after it): width, shrink, stretch, Han count.
  preW[0] = 0;
  preS[0] = 0;
  preT[0] = 0;
  preH[0] = 0;
  preTier[0] = 0;
  prePlainEm[0] = 0;
  preOpenEm[0] = 0;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    const j = last ? null : joints[i]!;
    preW[i + 1] = preW[i]! + full[i]! + (last ? 0 : jNat[i]!);
    preS[i + 1] = preS[i]! + shr[i]! + (last ? 0 : jShr[i]!);
    preT[i + 1] = preT[i]! + (last ? 0 : jStr[i]!);
    preH[i + 1] = preH[i]! + isHan[i]!;
    // What justification gives (justify.ts): the tiers up to their maxima, then every plain gap
    // equally — or, with no plain gap, every gap outside a word.
    const tier = j !== null && (j.kind === 'word' || j.kind === 'hanLatin');
    preTier[i + 1] = preTier[i]! + (tier ? j.maxPt - j.natPt : 0);
    prePlainEm[i + 1] = prePlainEm[i]! + (j !== null && j.kind === 'plain' ? j.emPt : 0);
    preOpenEm[i + 1] = preOpenEm[i]! + (j !== null && !inWord(j.kind) ? j.emPt : 0);
  }
  const cap = p.maxGapStretchEm;
  /** How far past the cap (em per gap) the line atoms[s..e], short of its measure by `needPt`, stretches its gaps; 0 within. */
  const overCap = (s: number, e: number, needPt: number): number => {
    const rest = needPt - (preTier[e]! - preTier[s]!);
    if (rest <= 1e-6) return 0;
    const plainEm = prePlainEm[e]! - prePlainEm[s]!;
    const em = plainEm > 0 ? plainEm : preOpenEm[e]! - preOpenEm[s]!;
    return em > 0 && rest > cap * em + 1e-6 ? rest / em - cap : 0;
  };

  /** One dynamic-programming pass; lines looser than `maxBadness` are not taken. */
  // The first search's best demerits live in bestA; a second search needs its own (bestB, allocated then).
  const search = (
    maxBadness: number,
    best: Float64Array,
    prev: Int32Array,
  ): { best: Float64Array; prev: Int32Array } => {
    best.fill(Infinity);
    prev.fill(-1);
    best[0] = 0;
    // A justified line with measure − w > maxRatio × stretch is too loose to take.
    const maxRatio = Math.cbrt(maxBadness / 100);
    const jump = p.justify && Number.isFinite(maxRatio);
    const consider = (s: number, e: number, d: number): void => {
      const total = best[s]! + d;
      if (total < best[e + 1]!) {
        best[e + 1] = total;
        prev[e + 1] = s;
      }
    };
    for (let s = 0; s < n; s++) {
      if (best[s] === Infinity) continue;
      const measure = s === 0 ? p.firstWidthPt : p.restWidthPt;
      const cut = startCutPt(atoms[s]!, p.kinsoku);
      const widthTo = (e: number): number => preW[e]! - preW[s]! + full[e]! - rightPad[e]! - cut;
      let from = s;
      let found = false;
      if (jump) {
        // Skip (binary search) the ends whose lines are too loose to take; they still count as found.
        let lo = s;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (measure - widthTo(mid) > maxRatio * (preT[mid]! - preT[s]!)) lo = mid + 1;
          else hi = mid;
        }
        from = lo;
        for (let e = s; e < from && !found; e++) if (canBreak[e] === 1) found = true;
      }
      for (let e = from; e < n; e++) {
        const w = widthTo(e);
        const sh = preS[e]! - preS[s]! + shr[e]! - rightPad[e]! - cut;
        const last = e === n - 1;
        const tooWide = w - sh > measure + 1e-6;
        if (canBreak[e] === 1) {
          let d: number;
          if (last) {
            const need = p.trailerPt ?? 0;
            if (w + need <= measure + 1e-6) d = 0;
            else if (w - sh + need <= measure + 1e-6) d = badness((w + need - measure) / sh);
            else d = OVERFULL_PENALTY;
            d = (LINE_PENALTY + d) ** 2;
            const han = preH[e + 1]! - preH[s]!;
            if (p.runt && s > 0 && han < 2 && hanTotal >= 2) d += RUNT_PENALTY;
          } else if (tooWide) {
            d = found ? Infinity : OVERFULL_PENALTY;
          } else {
            const stretch = preT[e]! - preT[s]!;
            let b: number;
            let over = 0;
            if (w > measure) b = badness((w - measure) / sh);
            else if (!p.justify) b = 100 * ((measure - w) / measure) ** 2;
            else if (stretch > 0) {
              b = badness((measure - w) / stretch);
              over = overCap(s, e, measure - w);
            } else if (measure - w <= 1e-6) b = 0;
            else
              b =
                e > s
                  ? Math.min(MAX_BADNESS, 100 * (((measure - w) / measure) * RAGGED_WORD_SCALE) ** 2)
                  : UNJUSTIFIABLE;
            // Too loose for this pass: a candidate (no overfull fallback needed), but not taken.
            d =
              b > maxBadness
                ? Infinity
                : (LINE_PENALTY + b) ** 2 +
                  (pushOut[e + 1] ? PUSH_OUT_PENALTY : 0) +
                  (over > 0 ? OVER_CAP_PENALTY * (1 + Math.min(over, OVER_CAP_MOST)) : 0) +
                  brkPen[e]!;
            found = true;
          }
          if (d < Infinity) {
            consider(s, e, d);
            found = true;
          }
        }
        if (tooWide && found) break;
      }
    }
    return { best, prev };
  };
  // First only lines within tolerance (few reachable breakpoints: fast); if that leaves the
  // end unreachable or overfull, search again taking any line.
  let { best, prev } = search(TOLERANCE, bestA, prevA);
  if (!(best[n]! < RUNT_PENALTY)) {
    const all = search(Infinity, new Float64Array(n + 1), prevB);
    if (all.best[n]! < best[n]!) ({ best, prev } = all);
  }
  const lines: LineRange[] = [];
  for (let end = n; end > 0; end = prev[end]!) lines.push({ start: prev[end]!, end: end - 1 });
  return lines.reverse();
}
