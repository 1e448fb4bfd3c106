/**
 * The employment results (the trial's primary question) as results.json carries them,
 * under `employment` (one entry per timepoint), `employment_over_time`,
 * `time_to_first_job` and `employment_subgroups`. Differences and ratios are always
 * intervention minus (or over) control. No NaN or Infinity anywhere: an estimate that
 * does not exist is null, with a note saying why.
 */

/** An interval [low, high] at the plan's confidence level. */
export type Interval = [number, number];

/** Per arm at one month: who had data, who was employed, the rate and its Wilson interval. */
export interface ArmRate {
  /** Analysed: not withdrawn, with the outcome known. */
  n: number;
  /** Not withdrawn, outcome unknown (registry months missing). */
  missing: number;
  employed: number;
  rate: number | null;
  ci: Interval | null;
}

/** One effect estimate with its interval and p-value, and how it was made. */
export interface Effect {
  estimate: number | null;
  ci: Interval | null;
  p: number | null;
  /** The method, e.g. 'newcombe_hybrid_score', 'log_scale_wald', 'woolf'. */
  method: string;
  /** A correction applied (e.g. 'haldane_anscombe_0.5' for a zero cell), or null. */
  correction: string | null;
  /** Why the estimate is null or special (e.g. 'no_events'), or null. */
  note: string | null;
}

/** Arm plus site plus the plan's covariates: maximum likelihood, or Firth's penalized likelihood after separation. */
export interface AdjustedOddsRatio extends Effect {
  model: 'maximum_likelihood' | 'firth';
  /** Separation or non-convergence was detected in the maximum-likelihood fit. */
  separation: boolean;
  converged: boolean;
  /** Participants in the model (complete cases for the covariates). */
  n: number;
  terms: string[];
}

export interface TimepointEmployment {
  month: number;
  primary: boolean;
  definition: 'employed_in_month' | 'any_employment_to_month';
  analysis_set: 'complete_case';
  arms: Record<string, ArmRate>;
  risk_difference: Effect;
  risk_ratio: Effect;
  odds_ratio: Effect;
  /** Pearson chi-square, or Fisher's exact test where an expected count is below 5. */
  test: { method: 'pearson_chi_square' | 'fisher_exact'; statistic: number | null; p: number };
  adjusted_odds_ratio: AdjustedOddsRatio | null;
  /** Standardized (g-computation) risk difference with a percentile bootstrap interval. */
  adjusted_risk_difference: (Effect & { resamples: number; failed_resamples: number }) | null;
  /** p-value of the risk difference from re-randomizing under the trial's design. */
  randomization_test: { p: number; permutations: number } | null;
  /** When outcomes are missing: risk differences with every missing outcome set worst and best for the intervention. */
  missing_bounds: { worst_case: Effect; best_case: Effect } | null;
}

export interface EmploymentOverTime {
  /** Share employed in each registry month, per arm (employed in that month; complete cases). */
  months: { month: number; arms: Record<string, ArmRate> }[];
  /** Employed months per participant over the registry months, among those with every month observed. */
  months_employed: { first: number; last: number; arms: Record<string, { n: number; mean: number | null; sd: number | null }>; difference: Effect };
  /** Gross earnings summed over the registry months, among those with every month and amount recorded (NOK). */
  earnings: {
    arms: Record<string, { n: number; mean: number | null; sd: number | null }>;
    difference: Effect & { resamples: number };
  };
}

/** Risk difference per level of a pre-declared subgroup, and the arm × subgroup interaction test. */
export interface SubgroupResult {
  variable: string;
  month: number;
  /**
   * Per level: analysed and employed per arm. A level where any arm's analysed, employed or
   * not-employed count lies between 1 and the plan's small-cell threshold is suppressed
   * whole (counts null, difference null with note 'suppressed'): it would otherwise undo
   * the suppression of the baseline table.
   */
  levels: { level: string; arms: Record<string, { n: number | null; employed: number | null }>; risk_difference: Effect; suppressed: boolean }[];
  /** Likelihood-ratio test of arm × subgroup in a logistic model (null when it cannot be fitted). */
  interaction: { statistic: number; df: number; p: number } | null;
  note: string | null;
}
