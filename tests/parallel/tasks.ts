/** Chunk tasks for the pool's tests: pure functions of (input, chunk), and ones that throw. */
import { isMainThread } from 'node:worker_threads';
import { defineTask } from '../../src/parallel/pool.ts';
import { chunkRng } from '../../src/random/chunk-streams.ts';

export interface DrawInput {
  readonly seed: number;
  readonly perChunk: number;
  readonly weights: Float64Array;
}

/** perChunk draws of the chunk's generator, each scaled by a weight: depends on (input, chunk) only. */
export function drawChunk(input: DrawInput, chunk: number): Float64Array {
  const rng = chunkRng(input.seed, chunk);
  const out = new Float64Array(input.perChunk);
  for (let i = 0; i < out.length; i++) out[i] = rng.uniform() * input.weights[(chunk + i) % input.weights.length]!;
  return out;
}
export const drawTask = defineTask(import.meta.url, 'drawChunk', drawChunk);

/** Throws a RangeError at chunk `failAt` (every chunk for −1); with `onlyInWorker`, only in a worker thread. */
export function failingChunk(input: { failAt: number; onlyInWorker?: boolean }, chunk: number): number {
  if ((input.failAt === -1 || chunk === input.failAt) && !(input.onlyInWorker && isMainThread)) throw new RangeError(`chunk ${chunk} cannot be computed`);
  return chunk;
}
export const failingTask = defineTask(import.meta.url, 'failingChunk', failingChunk);

/** Whether the chunk ran in a worker thread, and whether its input's buffer was shared. */
export function whereChunk(input: { data: Float64Array }, chunk: number): { chunk: number; isMainThread: boolean; shared: boolean } {
  return { chunk, isMainThread, shared: input.data.buffer instanceof SharedArrayBuffer };
}
export const whereTask = defineTask(import.meta.url, 'whereChunk', whereChunk);

/** whereChunk after about `ms` milliseconds of work (for load balance). */
export function slowWhereChunk(input: { data: Float64Array; ms: number }, chunk: number): { chunk: number; isMainThread: boolean; shared: boolean } {
  const until = performance.now() + input.ms;
  while (performance.now() < until);
  return whereChunk(input, chunk);
}
export const slowWhereTask = defineTask(import.meta.url, 'slowWhereChunk', slowWhereChunk);
