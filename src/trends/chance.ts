// Whether a move between two quarters is beyond what chance gives, for the quarters before a
// figure's process limits are locked: an exact test on two counts, a wider tolerance otherwise.
//
// Two counts x (before) and y (now), each Poisson: given their sum n, y is Binomial(n, 1/2) when
// nothing changed (the conditional test of Przyborowski and Wilenski). A rise is beyond chance when
// P(Y >= y | n) < CHANCE_LEVEL, a fall when P(Y <= y | n) < CHANCE_LEVEL: one-sided 2.5% each way,
// 5% in all. Percentages, rates, days and amounts arrive without the denominators a test would
// need, so there a move must exceed WIDER_TOLERANCE times the measure's tolerance on both counts.
import type { Tolerance } from "./judge-types.js";

/** One-sided level of the two-count test. */
export const CHANCE_LEVEL = 0.025;
/** For figures that are not counts: how many times the tolerance a move must exceed. */
export const WIDER_TOLERANCE = 2;

// Lanczos approximation (g = 7, n = 9): log-gamma to about 15 significant digits.
const G = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = G[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += G[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(Y >= k) for Y ~ Binomial(n, 1/2). */
export function upperTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const logHalfN = n * Math.log(0.5);
  const lgN = logGamma(n + 1);
  let sum = 0;
  for (let j = k; j <= n; j++) {
    const term = Math.exp(lgN - logGamma(j + 1) - logGamma(n - j + 1) + logHalfN);
    sum += term;
    if (term < sum * 1e-17) break; // terms only shrink past the mode; k >= n/2 on every call that matters
  }
  return Math.min(1, sum);
}

/** The one-sided p-value of a move from `before` to `now`, both counts, in the direction it went. */
export function twoCountP(before: number, now: number): number {
  const x = Math.max(0, Math.round(before));
  const y = Math.max(0, Math.round(now));
  if (x === y) return 1;
  const n = x + y;
  return y > x ? upperTail(y, n) : upperTail(x, n); // P(Y <= y) = P(n - Y >= x) by symmetry
}

export interface ChanceReading {
  beyond: boolean;
  /** For counts, the test's p-value; null for the tolerance reading. */
  p: number | null;
}

/** Whether the move from `before` to `now` is beyond chance for a figure of this kind. */
export function beyondChance(before: number, now: number, count: boolean, tolerance: Tolerance): ChanceReading {
  if (count) {
    const p = twoCountP(before, now);
    return { beyond: p < CHANCE_LEVEL, p };
  }
  const size = Math.abs(now - before);
  return { beyond: size > WIDER_TOLERANCE * tolerance.absolute && size > WIDER_TOLERANCE * tolerance.relative * Math.abs(before), p: null };
}
