/**
 * Sample quantiles by R's default definition (Hyndman & Fan 1996, type 7).
 *
 * jStat is not used: `jStat.percentile(x, p)` drops the interpolation in the top interval
 * (it gives 3 for the 0.75 quantile of 1, 2, 3, 4; R gives 3.25) and
 * `jStat.quantiles(x, [p], 1, 1)`, which is type 7 otherwise, returns NaN for one value.
 */

/**
 * The p-quantile of `values` (any order; NaN not allowed), equal to R's
 * `quantile(values, p, type = 7)`: with h = (n − 1)p + 1 (1-based) and x sorted,
 * Q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]), computed as R does.
 *
 * @example quantile([1, 2, 3, 4], 0.75) // 3.25
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.some((v) => Number.isNaN(v))) throw new RangeError('quantile: values must not contain NaN');
  return quantileSorted([...values].sort((a, b) => a - b), p);
}

/**
 * As `quantile`, for values already sorted ascending (not checked), so several quantiles
 * of one sample need one sort.
 *
 * @example quantileSorted([1, 2, 2, 9], 0.5) // 2
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile: no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must lie between 0 and 1, got ${p}`);
  // 1-based as in R's source, so that h rounds exactly as R's does (1 + 1/3 − 1 ≠ 1/3).
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1]!;
  const x = sorted[hi - 1]!;
  if (!(index > lo && x !== qs)) return qs; // R skips the interpolation for ties and exact ranks
  const h = index - lo;
  return (1 - h) * qs + h * x;
}
