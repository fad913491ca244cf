/**
 * Matching a template's font candidates ({family, weight}) against discovered
 * faces: names compared in every language the font carries (family, typographic
 * family, full name, PostScript name), weights chosen by the CSS Fonts 4 §5.2
 * font-weight matching rules, faux bold decided for single light weights.
 */
import type { FontCandidate } from '../template/index.js';
import type { FontFace } from './types.js';
import type { FaceInfo, Origin } from './discover.js';
import { normaliseFamily } from './names.js';

/** Whether a face carries `family` among its names (any language). */
export function faceHasName(face: FaceInfo, family: string): boolean {
  const want = normaliseFamily(family);
  return (
    face.familyNames.some((n) => normaliseFamily(n) === want) ||
    face.fullNames.some((n) => normaliseFamily(n) === want) ||
    normaliseFamily(face.postscriptName) === want
  );
}

/**
 * Sort key of `weight` for a wanted `target` (CSS Fonts 4 §5.2): lower is better.
 * 400–500 look up to 500 first, then down, then up; below 400 look down first;
 * above 500 look up first.
 */
export function weightDistance(target: number, weight: number): number {
  if (weight === target) return 0;
  if (target >= 400 && target <= 500) {
    if (weight > target && weight <= 500) return weight - target;
    if (weight < target) return 1000 + (target - weight);
    return 2000 + (weight - target);
  }
  if (target < 400) return weight < target ? target - weight : 1000 + (weight - target);
  return weight > target ? weight - target : 1000 + (target - weight);
}

const ORIGIN_ORDER: readonly Origin[] = ['project', 'system', 'npm'];

export interface CandidateMatch {
  readonly face: FaceInfo | null;
  /** Faces with the name that were passed over (variable fonts), with the reason. */
  readonly rejected: readonly { face: FaceInfo; reason: string }[];
}

/**
 * The best face for a candidate at `targetWeight`: faces of the first origin that
 * has the family at all (a font dropped into fonts/ wins over the system's), then
 * upright before italic, then the nearest weight, then discovery order.
 */
export function matchCandidate(faces: readonly FaceInfo[], family: string, targetWeight: number): CandidateMatch {
  const named = faces.filter((f) => faceHasName(f, family));
  const rejected = named
    .filter((f) => f.variable)
    .map((face) => ({
      face,
      reason: `${face.file}: “${face.englishFamily}” is a variable font; huibian needs static instances (one file per weight)`,
    }));
  const usable = named.filter((f) => !f.variable);
  for (const origin of ORIGIN_ORDER) {
    const pool = usable.filter((f) => f.origin === origin);
    if (pool.length === 0) continue;
    const best = pool
      .map((f, i) => ({ f, i }))
      .sort(
        (a, b) =>
          Number(a.f.italic) - Number(b.f.italic) ||
          weightDistance(targetWeight, a.f.weight) - weightDistance(targetWeight, b.f.weight) ||
          a.i - b.i,
      )[0];
    return { face: best.f, rejected };
  }
  return { face: null, rejected };
}

/** Weight wanted from a candidate for regular or bold text: bold asks for at least 700. */
export function targetWeight(candidate: FontCandidate, bold: boolean): number {
  return bold ? Math.max(candidate.weight, 700) : candidate.weight;
}

/** Faux bold (stroke + offset) when a style asks for bold and the face is a single light weight (< 600). */
export function needsFakeBold(face: Pick<FontFace, 'weight'>, bold: boolean): boolean {
  return bold && face.weight < 600;
}
