/**
 * The analysis's random streams, one per procedure, all from the plan's seed (subSeed), so
 * adding a procedure or a timepoint never changes another's draws. Numbers are part of the
 * output contract: changing one changes published intervals and p-values.
 */
import { createRng, subSeed, type Rng } from '../random/rng.ts';

export const ANALYSIS_STREAM = {
  earningsBootstrap: 101,
  adjustedRiskDifference: 200,
  randomizationTest: 300,
  costBenefit: 900,
} as const;

/** The generator for one procedure, at one timepoint (month) where it runs per timepoint. */
export function analysisRng(seed: number, stream: number, month = 0): Rng {
  return createRng(analysisSeed(seed, stream, month));
}

/**
 * The 32-bit seed of one procedure (at one month): a procedure resampled in chunks gives it
 * to chunkRng (src/random/chunk-streams.ts) for each chunk's generator.
 */
export function analysisSeed(seed: number, stream: number, month = 0): number {
  return subSeed(seed, stream + month);
}
