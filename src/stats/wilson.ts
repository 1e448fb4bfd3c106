/**
 * The Wilson score interval for a binomial proportion, without continuity correction.
 */
import jStat from 'jstat';

/**
 * Two-sided Wilson score interval for the proportion x/n, as fractions (not percentages):
 * the p with |x/n − p| ≤ z·√(p(1 − p)/n), z = Φ⁻¹((1 + confidence)/2). Closed form
 *
 *   (x + z²/2 ± z·√(x(n − x)/n + z²/4)) / (n + z²),
 *
 * equal to R's `prop.test(x, n, correct = FALSE, conf.level = confidence)$conf.int`
 * (Wilson 1927, J Am Stat Assoc 22:209; Newcombe 1998, Stat Med 17:857, method 3).
 * The bounds are exactly 0 when x = 0 and exactly 1 when x = n; n = 0 gives [0, 1].
 *
 * Computed without cancellation: the upper bound is the "+" root, a sum of positive terms,
 * and the lower bound comes from the product of the roots, low·high = x²/(n(n + z²)), so
 * both keep their relative accuracy to a few ulps for any n (the "−" root of the closed
 * form, as in R, loses about a digit when x is small).
 *
 * @example wilsonInterval(56, 70, 0.95) // [0.69183…, 0.87695…]
 */
export function wilsonInterval(x: number, n: number, confidence: number): [number, number] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`wilsonInterval: n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(x) || x < 0 || x > n) {
    throw new RangeError(`wilsonInterval: x must be a whole number from 0 to n = ${n}, got ${x}`);
  }
  const z = normalQuantileTwoSided(confidence, 'wilsonInterval');
  if (n === 0) return [0, 1];
  const z2 = z * z;
  const high = x === n ? 1 : (x + z2 / 2 + z * Math.sqrt((x * (n - x)) / n + z2 / 4)) / (n + z2);
  const low = x === 0 ? 0 : (x * x) / (n * (n + z2) * high);
  return [low, high];
}

/**
 * Φ⁻¹((1 + confidence)/2), the normal quantile of a two-sided interval (1.959963984540054
 * for 0.95; jStat's value agrees with R's qnorm to a few units in the last place).
 * Throws a RangeError unless 0 < confidence < 1.
 */
export function normalQuantileTwoSided(confidence: number, caller: string): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${caller}: confidence must lie strictly between 0 and 1, got ${confidence}`);
  }
  return jStat.normal.inv((1 + confidence) / 2, 0, 1) as number;
}
