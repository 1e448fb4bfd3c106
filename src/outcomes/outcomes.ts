/**
 * The outcomes stage's findings in one object: employment at each timepoint (unadjusted,
 * adjusted, randomization test, bounds), month by month, time to first job, and subgroups.
 * Aggregates only: nothing here holds a row of participant data.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { WorkerPool } from '../parallel/pool.ts';
import { silentProgress, type Progress } from '../progress.ts';
import { G_COMPUTATION_CHUNK, gComputationBootstrapTask, gComputationChunkCount, type GComputationChunk } from '../stats/g-computation.ts';
import { chunkRange } from '../random/chunk-streams.ts';
import type { RedrawCounts } from '../stats/randomization-test.ts';
import { finishAdjustedRiskDifference, prepareAdjustedEmployment } from './adjusted-employment.ts';
import { employmentOverTime } from './employment-over-time.ts';
import type { EmploymentOverTime, SubgroupResult, TimepointEmployment } from './employment-results.ts';
import { unadjustedEmployment } from './employment.ts';
import { finishRandomizationTest, PERMUTATION_CHUNK, randomizationChunkCount, randomizationTestTask } from './randomization-test.ts';
import { employmentSubgroups } from './subgroups.ts';
import { timeToFirstJob, type TimeToFirstJobResult } from './time-to-first-job.ts';

export interface OutcomesResult {
  employment: TimepointEmployment[];
  employment_over_time: EmploymentOverTime;
  time_to_first_job: Omit<TimeToFirstJobResult, 'participants'>;
  employment_subgroups: SubgroupResult[];
}

/** How analyseEmployment runs; neither option changes a result. */
export interface EmploymentAnalysisOptions {
  /**
   * Threads for the resampling (bootstrap and randomization tests): 1 (default) computes
   * everything on the calling thread; t > 1 starts t − 1 worker threads beside it
   * (src/parallel/pool.ts). The results are identical for every value.
   */
  readonly threads?: number;
  /** Progress of each resampling step, in resamples or redraws. */
  readonly progress?: Progress;
  /** A pool to run on instead of one of `threads` threads started (and closed) here; it is left open. */
  readonly pool?: WorkerPool;
}

/** A bootstrap run's chunk results, or null when it could not be fitted at all (as the inline computation's RangeError). */
function orNullOnRangeError<T>(run: Promise<T>): Promise<T | null> {
  return run.catch((err: unknown) => {
    if (err instanceof RangeError) return null;
    throw err;
  });
}

/**
 * All employment analyses of the plan. `log` reports each step. The resampling steps of
 * every timepoint are submitted at once to a WorkerPool of `options.threads` threads, and
 * the steps without resampling (month by month, time to first job, subgroups) run on this
 * thread meanwhile; results are assembled in the plan's order, so they are the same for any
 * number of threads.
 */
export async function analyseEmployment(dataset: Dataset, plan: AnalysisPlan, log: (line: string) => void = () => undefined, options: EmploymentAnalysisOptions = {}): Promise<OutcomesResult> {
  const progress = options.progress ?? silentProgress;
  const pool = options.pool ?? new WorkerPool(options.threads ?? 1, { preload: [gComputationBootstrapTask.module, randomizationTestTask.module] });
  try {
    const timepoints = plan.timepoints.map((month) => {
      log(`  month ${month}: rates, effects and adjusted model ...`);
      const { status, result, randomization } = unadjustedEmployment(dataset, plan, month);
      return { month, result, randomization, adjusted: prepareAdjustedEmployment(dataset, plan, status, month) };
    });
    log(`  randomization tests (${plan.permutations} redraws) and bootstraps (${plan.bootstrap_resamples} resamples) at months ${plan.timepoints.join(', ')} ...`);
    const resampled = timepoints.map(({ month, randomization, adjusted }) => {
      const redraws: Promise<RedrawCounts[] | null> = randomization
        ? pool.run(randomizationTestTask, randomization, randomizationChunkCount(randomization), {
            label: `randomization test, month ${month}`,
            progress,
            units: (c) => chunkRange(randomization.permutations, PERMUTATION_CHUNK, c).to - c * PERMUTATION_CHUNK,
          })
        : Promise.resolve(null);
      const boot = adjusted.bootstrap;
      const resamples: Promise<GComputationChunk[] | null> = boot
        ? orNullOnRangeError(
            pool.run(gComputationBootstrapTask, boot.input, gComputationChunkCount(boot.input), {
              label: `adjusted risk difference bootstrap, month ${month}`,
              progress,
              units: (c) => chunkRange(boot.input.resamples, G_COMPUTATION_CHUNK, c).to - c * G_COMPUTATION_CHUNK,
            }),
          )
        : Promise.resolve([]);
      return Promise.all([redraws, resamples]);
    });
    // Nothing is computed on the pool until this thread yields: the steps below run while
    // the workers take the first chunks.
    log('  employment month by month, time to first job, subgroups ...');
    const employment_over_time = employmentOverTime(dataset, plan);
    // Row-level times stay out of the results (they are per participant).
    const { participants: _rows, ...timeToJob } = timeToFirstJob(dataset, plan);
    const employment_subgroups = employmentSubgroups(dataset, plan);
    const done = await Promise.all(resampled);
    const employment = timepoints.map(({ result, adjusted }, k): TimepointEmployment => {
      const [redraws, resamples] = done[k]!;
      const { missing_bounds, ...head } = result;
      return {
        ...head,
        randomization_test: redraws ? finishRandomizationTest(redraws) : null,
        missing_bounds,
        adjusted_odds_ratio: adjusted.adjusted_odds_ratio,
        adjusted_risk_difference: resamples ? finishAdjustedRiskDifference(adjusted, resamples) : null,
      };
    });
    return { employment, employment_over_time, time_to_first_job: timeToJob, employment_subgroups };
  } finally {
    if (!options.pool) await pool.close();
  }
}
