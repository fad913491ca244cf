/**
 * Deterministic pseudo-random numbers for the benchmark generator.
 *
 * mulberry32 (a 32-bit state, full period 2^32): the same seed gives the same
 * collection on every machine and Node version, so benchmark inputs are
 * reproducible and comparable across runs.
 */

/** A PRNG returning floats in [0, 1) from a 32-bit integer seed. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max] (both inclusive). */
export function intBetween(rand, min, max) {
  return min + Math.floor(rand() * (max - min + 1));
}

/** One element of a non-empty array. */
export function pick(rand, items) {
  return items[Math.floor(rand() * items.length)];
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled(rand, items) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
