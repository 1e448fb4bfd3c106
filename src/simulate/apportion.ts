/**
 * Whole-number shares that add up exactly: used wherever the simulator must hit a
 * published count (arm sizes, employed participants) while scaling to any trial size.
 */

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder, Hamilton's
 * method). Ties go to the earlier weight, so the result never depends on float noise
 * in a sort. When `weights` are counts that add up to `total`, they come back unchanged.
 *
 * @example apportion(10, [1, 1, 1]) // [4, 3, 3]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`apportion: total must be a whole number ≥ 0, got ${total}`);
  if (weights.length === 0 || !(sum > 0) || weights.some((w) => !(w >= 0))) {
    throw new RangeError('apportion: weights must be non-negative with a positive sum');
  }
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}
