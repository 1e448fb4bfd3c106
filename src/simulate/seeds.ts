/**
 * Independent random streams from one seed. Each part of the simulation (who is in the
 * trial, their careers, their questionnaires) draws from its own stream, so changing how
 * one part is drawn never changes the data of another.
 */
import { createRng, subSeed, type Rng } from '../random/rng.ts';

export { subSeed };

/** The simulator's random streams, one per part. Numbers are part of the output contract. */
export const STREAM = { cohort: 1, careers: 2, questionnaires: 3, fidelity: 4 } as const;

/** The seeded generator for one part of the simulation. */
export function streamRng(seed: number, stream: number): Rng {
  return createRng(subSeed(seed, stream));
}

/** A standard logistic draw: the noise that turns a log-odds score into a random ranking. */
export function logisticNoise(rng: Rng): number {
  const u = rng.uniform();
  // Keeps the logarithm finite when the draw is exactly 0.
  const v = u === 0 ? Number.EPSILON : u;
  return Math.log(v / (1 - v));
}
