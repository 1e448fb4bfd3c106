/**
 * The quality-of-life stage's heavy work as one set of chunks for the worker pool: first one
 * mixed model per measure, then one completed data set per measure and imputation (with
 * its ANCOVAs). Each chunk is a pure function of the shared input and its index; a mixed
 * model has no randomness and an imputation draws from its own keyed generator, so the
 * results do not depend on the number of threads or the order chunks run in. The mixed
 * models come first so that the longest chunks start early.
 */
import { defineTask } from '../parallel/pool.ts';
import { imputationChunk, imputationChunkCount, type ImputationChunkResult, type ImputationInput } from './imputation.ts';
import { mixedModelAnalysis, type MixedModelAnalysis } from './mixed-model-analysis.ts';

/** Everything the chunks read (plain data and typed arrays, sent once to each worker). */
export interface QualityOfLifeWork {
  imputation: ImputationInput;
  /** The plan's waves (months), and per measure of imputation.measures the follow-up months the mixed model covers. */
  waves: number[];
  mixedMonths: number[][];
}

/** A chunk's result: a measure's mixed model, or one completed data set's ANCOVAs. */
export type QualityOfLifeChunkResult =
  | { kind: 'mixed'; measure: number; mixed: MixedModelAnalysis }
  | ({ kind: 'imputation' } & ImputationChunkResult);

/** Chunks of `work`: one mixed model per measure, then measures × imputations. */
export function qualityOfLifeChunkCount(work: QualityOfLifeWork): number {
  return work.mixedMonths.length + imputationChunkCount(work.imputation);
}

/** Chunk `chunk` of `work` (see the module comment). Pure. */
export function qualityOfLifeChunk(work: QualityOfLifeWork, chunk: number): QualityOfLifeChunkResult {
  const M = work.mixedMonths.length;
  if (chunk < M) {
    const measure = work.imputation.measures[chunk]!;
    return { kind: 'mixed', measure: chunk, mixed: mixedModelAnalysis(work.imputation.design, work.imputation.level, work.waves, measure.observed, work.mixedMonths[chunk]!) };
  }
  return { kind: 'imputation', ...imputationChunk(work.imputation, chunk - M) };
}

/** qualityOfLifeChunk as a worker-pool task. */
export const qualityOfLifeTask = defineTask(import.meta.url, 'qualityOfLifeChunk', qualityOfLifeChunk);
