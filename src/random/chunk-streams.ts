/**
 * Random streams of a resampling procedure split into fixed-size chunks. Resample r belongs
 * to chunk ⌊r / size⌋, and chunk c draws from its own generator, seeded from the procedure's
 * seed and c alone (subSeed), so a chunk's draws are the same whichever thread runs it and
 * whatever ran before: results do not depend on the number of threads. The chunk size is
 * part of a procedure's output contract, like its stream number: changing it changes the
 * draws.
 */
import { createRng, subSeed, type Rng } from './rng.ts';

/** The generator of chunk `chunk` of the procedure whose 32-bit seed is `seed`. */
export function chunkRng(seed: number, chunk: number): Rng {
  return createRng(subSeed(seed, chunk));
}

/** Number of chunks of `size` for `total` resamples (the last may be shorter). */
export function chunkCount(total: number, size: number): number {
  return Math.ceil(total / size);
}

/** The resamples [from, to) of chunk `chunk`. */
export function chunkRange(total: number, size: number, chunk: number): { from: number; to: number } {
  const from = chunk * size;
  return { from, to: Math.min(total, from + size) };
}
