/**
 * The cost–benefit bootstrap in chunks for the worker pool. Each resample draws the
 * participants of each arm with replacement (stratified by arm: the arms' sizes are fixed
 * by the randomization) and recomputes the extra months of work. Resample r belongs to
 * chunk ⌊r / BOOTSTRAP_CHUNK⌋, and each chunk draws from its own generator, seeded from the
 * plan's seed, the procedure's stream and the chunk number alone (chunkRng): the resamples
 * are the same on any number of threads and in any order of chunks.
 */
import { defineTask } from '../parallel/pool.ts';
import { chunkCount, chunkRange, chunkRng } from '../random/chunk-streams.ts';
import { discountedMonths, lastEffect } from './model.ts';
import { monthlyDifferences, sharesFromCounts, type ArmPatterns } from './monthly-employment.ts';

/**
 * Resamples per chunk. Part of the output contract, like the stream number: another size
 * gives other resamples (and so other intervals) for the same seed.
 */
export const BOOTSTRAP_CHUNK = 100;

/** What every chunk reads (plain data and typed arrays). */
export interface BootstrapInput {
  /** The procedure's 32-bit seed (subSeed of the plan's seed and the cost–benefit stream). */
  seed: number;
  resamples: number;
  /** Months 1 … window, the annual discount rate, and how many last months give the lasting effect. */
  window: number;
  discountRate: number;
  lastMonths: number;
  intervention: ArmPatterns;
  control: ArmPatterns;
}

/** Number of chunks of the bootstrap. */
export function bootstrapChunkCount(input: BootstrapInput): number {
  return chunkCount(input.resamples, BOOTSTRAP_CHUNK);
}

/**
 * The resamples of chunk `chunk`: for each, [discounted extra months over the window, mean
 * difference over the last months], in resample order (2 numbers per resample). Each
 * resample draws the intervention arm's participants, then the control arm's. Pure.
 */
export function bootstrapChunk(input: BootstrapInput, chunk: number): Float64Array {
  const { from, to } = chunkRange(input.resamples, BOOTSTRAP_CHUNK, chunk);
  if (!Number.isInteger(chunk) || chunk < 0 || from >= to) throw new RangeError(`bootstrapChunk: no chunk ${chunk}`);
  const rng = chunkRng(input.seed, chunk);
  const { window: W } = input;
  const out = new Float64Array(2 * (to - from));
  const draws = new Int32Array(Math.max(input.intervention.participants, input.control.participants));
  const countI = new Float64Array(input.intervention.patternCount);
  const countC = new Float64Array(input.control.patternCount);
  const resample = (arm: ArmPatterns, count: Float64Array) => {
    count.fill(0);
    rng.indices(draws, arm.participants, arm.participants);
    for (let j = 0; j < arm.participants; j++) count[arm.pattern[draws[j]!]!]! += 1;
    return sharesFromCounts(arm, W, count);
  };
  for (let r = 0; r < to - from; r++) {
    const differences = monthlyDifferences(resample(input.intervention, countI), resample(input.control, countC));
    out[2 * r] = discountedMonths(differences, input.discountRate);
    out[2 * r + 1] = lastEffect(differences, input.lastMonths);
  }
  return out;
}

/** bootstrapChunk as a worker-pool task. */
export const bootstrapTask = defineTask(import.meta.url, 'bootstrapChunk', bootstrapChunk);
