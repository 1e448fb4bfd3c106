/**
 * The outcomes stage's findings in one object: employment at each timepoint (unadjusted,
 * adjusted, randomization test, bounds), month by month, time to first job, and subgroups.
 * Aggregates only: nothing here holds a row of participant data.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { adjustedEmployment } from './adjusted-employment.ts';
import { employmentOverTime } from './employment-over-time.ts';
import type { EmploymentOverTime, SubgroupResult, TimepointEmployment } from './employment-results.ts';
import { unadjustedEmployment } from './employment.ts';
import { employmentSubgroups } from './subgroups.ts';
import { timeToFirstJob, type TimeToFirstJobResult } from './time-to-first-job.ts';

export interface OutcomesResult {
  employment: TimepointEmployment[];
  employment_over_time: EmploymentOverTime;
  time_to_first_job: Omit<TimeToFirstJobResult, 'participants'>;
  employment_subgroups: SubgroupResult[];
}

/**
 * All employment analyses of the plan. `log` reports progress per timepoint (the
 * resampling steps take seconds on large trials).
 */
export function analyseEmployment(dataset: Dataset, plan: AnalysisPlan, log: (line: string) => void = () => undefined): OutcomesResult {
  const employment = plan.timepoints.map((month) => {
    log(`  month ${month}: rates, effects and randomization test (${plan.permutations} redraws) ...`);
    const { status, result } = unadjustedEmployment(dataset, plan, month);
    log(`  month ${month}: adjusted model and bootstrap (${plan.bootstrap_resamples} resamples) ...`);
    return { ...result, ...adjustedEmployment(dataset, plan, status, month) };
  });
  log('  employment month by month, time to first job, subgroups ...');
  // Row-level times stay out of the results (they are per participant).
  const { participants: _rows, ...timeToJob } = timeToFirstJob(dataset, plan);
  return {
    employment,
    employment_over_time: employmentOverTime(dataset, plan),
    time_to_first_job: timeToJob,
    employment_subgroups: employmentSubgroups(dataset, plan),
  };
}
