/**
 * Description of one measure at one wave per arm: who answered, mean, SD and the interval of
 * the mean (for the chart), under the small-cell rule that Table 1 follows.
 */
import { MIN_N_FOR_SUMMARY } from '../design/baseline.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { mean, sampleSd } from '../stats/moments.ts';
import { tQuantile } from '../stats/t-distribution.ts';
import type { ArmWaveSummary } from './quality-of-life-results.ts';

/** The fewest answers whose mean and SD are shown: max(small_cell_threshold, 10), as Table 1. */
export function minAnswersForSummary(plan: AnalysisPlan): number {
  return Math.max(plan.small_cell_threshold, MIN_N_FOR_SUMMARY);
}

/**
 * Summary of `values` (one per analysed participant of the arm, NaN = no answer). A mean of
 * fewer than max(small_cell_threshold, 10) answers is withheld, as Table 1's summaries are:
 * with a handful of answers the mean and SD come close to revealing each one. The counts
 * follow Table 1's rule too (see ArmWaveSummary.counts_suppressed).
 */
export function armWaveSummary(values: ArrayLike<number>, plan: AnalysisPlan): ArmWaveSummary {
  const answers: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) answers.push(values[i]!);
  const n = answers.length;
  const missing = values.length - n;
  const small = (x: number) => x > 0 && x < plan.small_cell_threshold;
  const counts_suppressed = small(n) || small(missing);
  const counts = counts_suppressed
    ? { n: null, missing: null, share_missing: null, counts_suppressed }
    : { n, missing, share_missing: values.length > 0 ? missing / values.length : null, counts_suppressed };
  const suppressed = n > 0 && n < minAnswersForSummary(plan);
  if (n === 0 || suppressed) return { ...counts, mean: null, sd: null, ci: null, suppressed };
  const m = mean(answers);
  if (n < 2) return { ...counts, mean: m, sd: null, ci: null, suppressed };
  const sd = sampleSd(answers);
  const half = tQuantile((1 + plan.confidence_level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { ...counts, mean: m, sd, ci: sd > 0 ? [m - half, m + half] : null, suppressed };
}
