/**
 * Nonparametric bootstrap with percentile intervals (Efron & Tibshirani 1993, ch. 13),
 * seeded, so the same seed gives the same interval on every machine.
 */
import { defineTask } from '../parallel/pool.ts';
import { chunkCount, chunkRange, chunkRng } from '../random/chunk-streams.ts';
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
 * group, as a randomized trial's arms are fixed in size). Returns the replicates. Each
 * resample draws a's indices, then b's (Rng.indices: the draws of rng.int(0, length − 1)).
 */
export function bootstrapMeanDifference(a: ArrayLike<number>, b: ArrayLike<number>, resamples: number, rng: Rng): Float64Array {
  if (a.length === 0 || b.length === 0) throw new RangeError('bootstrapMeanDifference: both groups need values');
  const out = new Float64Array(resamples);
  const draws = new Int32Array(Math.max(a.length, b.length));
  const resampledMean = (xs: ArrayLike<number>) => {
    rng.indices(draws, xs.length, xs.length);
    let sum = 0;
    for (let k = 0; k < xs.length; k++) sum += xs[draws[k]!]!;
    return sum / xs.length;
  };
  for (let r = 0; r < resamples; r++) out[r] = resampledMean(a) - resampledMean(b);
  return out;
}

/** A chunked bootstrap of mean(a) − mean(b): the groups, the number of resamples and the run's 32-bit seed. */
export interface MeanDifferenceBootstrapInput {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly resamples: number;
  readonly seed: number;
}

/** Resamples per chunk of bootstrapMeanDifferenceChunk (part of the output contract: it decides the draws). */
export const MEAN_DIFFERENCE_CHUNK = 256;

/**
 * Chunk `chunk` of a bootstrap of mean(a) − mean(b): resamples chunkRange(resamples,
 * MEAN_DIFFERENCE_CHUNK, chunk), drawn as bootstrapMeanDifference draws them from
 * chunkRng(seed, chunk). Pure, for a WorkerPool (meanDifferenceBootstrapTask); the chunks'
 * replicates in chunk order are the bootstrap's, for any number of threads.
 */
export function bootstrapMeanDifferenceChunk(input: MeanDifferenceBootstrapInput, chunk: number): Float64Array {
  const { from, to } = chunkRange(input.resamples, MEAN_DIFFERENCE_CHUNK, chunk);
  return bootstrapMeanDifference(input.a, input.b, Math.max(0, to - from), chunkRng(input.seed, chunk));
}

/** The chunked mean-difference bootstrap as a pool task (src/parallel/pool.ts). */
export const meanDifferenceBootstrapTask = defineTask(import.meta.url, 'bootstrapMeanDifferenceChunk', bootstrapMeanDifferenceChunk);

/** Number of chunks of a mean-difference bootstrap. */
export function meanDifferenceChunkCount(resamples: number): number {
  return chunkCount(resamples, MEAN_DIFFERENCE_CHUNK);
}
