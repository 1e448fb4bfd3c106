/**
 * Sample mean and variance.
 */

/**
 * Arithmetic mean of `values` (NaN if empty). Summed as deviations from the first value,
 * so a constant sample gives that constant exactly (0.1, 0.1, 0.1 → 0.1) and its
 * variance exactly 0.
 *
 * @example mean([2, 4, 9]) // 5
 */
export function mean(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return NaN;
  const shift = values[0]!;
  let sum = 0;
  for (const v of values) sum += v - shift;
  return shift + sum / n;
}

/**
 * Sample variance with the n − 1 denominator, as R's `var` (NaN for fewer than 2 values).
 * Two passes: squared deviations from the mean.
 *
 * @example sampleVariance([2, 4, 9]) // 13
 */
export function sampleVariance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return ss / (n - 1);
}

/**
 * Sample standard deviation, √sampleVariance, as R's `sd` (NaN for fewer than 2 values).
 *
 * @example sampleSd([2, 4, 9]) // 3.605551275463989
 */
export function sampleSd(values: readonly number[]): number {
  return Math.sqrt(sampleVariance(values));
}
