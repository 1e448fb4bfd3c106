/**
 * Nonparametric bootstrap with percentile intervals (Efron & Tibshirani 1993, ch. 13),
 * seeded, so the same seed gives the same interval on every machine.
 */
import type { Rng } from '../random/rng.ts';
import { quantileSorted } from './quantile.ts';

/**
 * Percentile interval of `replicates` at `confidence`: the (1−level)/2 and (1+level)/2
 * quantiles by R's type 7 (so `quantile(reps, c(.025, .975))` in R gives the same interval
 * from the same replicates). Non-finite replicates are an error: the caller must not produce them.
 */
export function percentileInterval(replicates: Float64Array | readonly number[], confidence: number): [number, number] {
  const sorted = Float64Array.from(replicates).sort();
  if (sorted.length === 0 || !sorted.every(Number.isFinite)) throw new RangeError('percentileInterval: needs finite replicates');
  const alpha = (1 - confidence) / 2;
  const values = Array.from(sorted);
  return [quantileSorted(values, alpha), quantileSorted(values, 1 - alpha)];
}

/**
 * Bootstrap of mean(a) − mean(b), resampling each group with replacement (stratified by
 * group, as a randomized trial's arms are fixed in size). Returns the replicates.
 */
export function bootstrapMeanDifference(a: readonly number[], b: readonly number[], resamples: number, rng: Rng): Float64Array {
  if (a.length === 0 || b.length === 0) throw new RangeError('bootstrapMeanDifference: both groups need values');
  const out = new Float64Array(resamples);
  const resampledMean = (xs: readonly number[]) => {
    let sum = 0;
    for (let k = 0; k < xs.length; k++) sum += xs[rng.int(0, xs.length - 1)]!;
    return sum / xs.length;
  };
  for (let r = 0; r < resamples; r++) out[r] = resampledMean(a) - resampledMean(b);
  return out;
}
