/**
 * The Clopper–Pearson ("exact") confidence interval for a binomial proportion.
 */
import { binomialLogPmf } from './binomial-pmf.ts';
import { logSumExp } from './log-sum-exp.ts';

/**
 * Exact two-sided interval for the proportion count/n, as R's
 * `binom.test(count, n, conf.level = confidenceLevel)$conf.int`
 * (Clopper & Pearson 1934, Biometrika 26:404). With α = (1 − level)/2, the lower bound
 * solves P(X ≥ count | p) = α and the upper bound P(X ≤ count | p) = α (equivalently R's
 * qbeta(α, count, n − count + 1) and qbeta(1 − α, count + 1, n − count)); the bounds are
 * exactly 0 when count = 0 and 1 when count = n. Proportions (fractions), not percentages.
 *
 * The binomial tails are summed directly (see binomialLogPmf) and each bound is found by
 * bisection to the last bit of a double; jStat's beta.inv is only good to about 1e-9.
 *
 * @example clopperPearson(229, 410, 0.95) // [0.50897574950851…, 0.60724656288711…]
 */
export function clopperPearson(count: number, n: number, confidenceLevel: number): [number, number] {
  checkCounts(count, n, 'clopperPearson');
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`clopperPearson: confidence level must lie strictly between 0 and 1, got ${confidenceLevel}`);
  }
  const logAlpha = Math.log((1 - confidenceLevel) / 2);
  // P(X ≥ count | p) rises with p; P(X ≤ count | p) falls with p.
  const low = count === 0 ? 0 : bisect((p) => logSumExp(binomialLogPmf(n, p), count, n + 1) < logAlpha);
  const high = count === n ? 1 : bisect((p) => logSumExp(binomialLogPmf(n, p), 0, count + 1) > logAlpha);
  return [low, high];
}

/** Throws a RangeError unless n ≥ 1 and 0 ≤ count ≤ n are whole numbers. */
export function checkCounts(count: number, n: number, caller: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${caller}: n must be a whole number ≥ 1, got ${n}`);
  if (!Number.isInteger(count) || count < 0 || count > n) {
    throw new RangeError(`${caller}: count must be a whole number from 0 to n = ${n}, got ${count}`);
  }
}

/**
 * The boundary in (0, 1) where `below(p)` turns from true to false, to adjacent doubles.
 * Terminates: every step halves the interval until no double lies strictly inside.
 */
function bisect(below: (p: number) => boolean): number {
  let lo = 0;
  let hi = 1;
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) return mid;
    if (below(mid)) lo = mid;
    else hi = mid;
  }
}
