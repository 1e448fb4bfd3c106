/**
 * The questionnaire results (quality of life and health, the trial's secondary outcomes) as
 * results.json carries them, under `quality_of_life` (one entry per measure and wave) and
 * `quality_of_life_methods`. Differences are always intervention minus control on the
 * measure's own scale; whether that is better or worse depends on the measure's direction
 * (`higher_is_better`), never on the sign alone. No NaN or Infinity anywhere: an estimate
 * that does not exist is null, with a note saying why.
 */
import type { Interval } from '../outcomes/employment-results.ts';

/** One arm at one wave: who answered, and the mean and SD of their answers. */
export interface ArmWaveSummary {
  /** Analysed participants (not withdrawn) with an answer on this measure at this wave; null when counts_suppressed. */
  n: number | null;
  /** Analysed participants without an answer (no row for the wave, or an empty cell); null when counts_suppressed. */
  missing: number | null;
  /** missing / (n + missing); null when the arm has no analysed participants, or counts_suppressed. */
  share_missing: number | null;
  /**
   * n and missing are hidden together when either is from 1 to below the small-cell threshold
   * (they add up to the arm size, so one gives the other away), as Table 1's counts.
   */
  counts_suppressed: boolean;
  /** Null when n = 0, or when n is below the small-cell rule's minimum for summaries. */
  mean: number | null;
  /** Sample SD (n − 1); null when n < 2 or suppressed. */
  sd: number | null;
  /** The t interval of the arm's mean (for the chart); null when sd is null. */
  ci: Interval | null;
  /** The summary is withheld by the small-cell rule (0 < n < max(threshold, 10)). */
  suppressed: boolean;
}

/** An adjusted difference in means (intervention − control) with its t-based interval. */
export interface MeanDifference {
  estimate: number | null;
  se: number | null;
  ci: Interval | null;
  /** Degrees of freedom of the t reference distribution. */
  df: number | null;
  p: number | null;
  /** Why the estimate is null (e.g. 'no_answers_in_arm', 'no_variance'), or null. */
  note: string | null;
}

/** The primary comparison: ANCOVA of the follow-up score. */
export interface AncovaDifference extends MeanDifference {
  /** p after the plan's multiplicity correction across the family; null outside the family or when p is null. */
  p_adjusted: number | null;
  /** Participants in the model: an answer at this wave and at baseline, and complete covariates. */
  n: number;
  /** Model terms, R style: arm, baseline score, site, the plan's covariates. */
  terms: string[];
  /**
   * The reading the report gives: 'better' or 'worse' for the intervention when the interval
   * excludes 0 (direction from the plan), 'no_clear_difference' when it includes 0, null when
   * there is no estimate.
   */
  reading: 'better' | 'worse' | 'no_clear_difference' | null;
}

/** Hedges' g: the adjusted difference over the pooled baseline SD, small-sample corrected. */
export interface HedgesG {
  estimate: number | null;
  /** The ANCOVA interval on the same scale (baseline SD treated as known). */
  ci: Interval | null;
  /** Pooled baseline SD of the analysed participants who answered at baseline. */
  pooled_baseline_sd: number | null;
  /** Exact small-sample correction factor J(df), df = baseline answers − 2. */
  correction: number | null;
}

/** Sensitivity: linear mixed model over all follow-up waves (REML, random intercept per participant). */
export interface MixedModelDifference extends MeanDifference {
  df_method: 'satterthwaite';
  /** Participants and observations (participant-waves) in the model. */
  n_participants: number;
  n_observations: number;
}

/** Sensitivity: ANCOVA after multiple imputation, pooled by Rubin's rules. */
export interface ImputedDifference extends MeanDifference {
  /** Imputed data sets pooled. */
  m: number;
  /** Fraction of missing information (mice's `fmi`). */
  fmi: number | null;
  /** Relative increase in variance due to nonresponse (mice's `riv`). */
  riv: number | null;
  /** Participants in each imputed analysis (all analysed participants with complete covariates). */
  n: number;
}

/** One measure at one wave. At baseline (month 0) only the description is given. */
export interface QualityOfLifeWave {
  /** The plan's column name of the measure. */
  measure: string;
  label: { nb: string; en: string };
  higher_is_better: boolean;
  /** Range of the scale, from the plan. */
  min: number;
  max: number;
  /** Wave, months since randomization (0 = baseline). */
  month: number;
  baseline: boolean;
  arms: Record<string, ArmWaveSummary>;
  /** Null at baseline. */
  difference: AncovaDifference | null;
  hedges_g: HedgesG | null;
  mixed_model: MixedModelDifference | null;
  multiple_imputation: ImputedDifference | null;
}

/** How the questionnaire analyses were done, for the report's method notes and for checking. */
export interface QualityOfLifeMethods {
  multiplicity: 'holm' | 'benjamini-hochberg';
  /** The fewest answers whose mean and SD are shown: max(small_cell_threshold, 10), as Table 1. */
  min_n_for_summary: number;
  /** The secondary tests the correction runs over: every measure at every follow-up wave where the ANCOVA gives a p-value. */
  family: { measure: string; month: number }[];
  /** Adjustment covariates beyond arm, baseline score and site. */
  covariates: string[];
  imputations: number;
  /** Rounds of chained equations before each imputed data set is taken. */
  imputation_iterations: number;
  /** Per measure: the mixed model's variance components (null when it could not be fitted). */
  mixed_models: {
    measure: string;
    participant_variance: number | null;
    residual_variance: number | null;
    converged: boolean;
  }[];
}

export interface QualityOfLifeResult {
  quality_of_life: QualityOfLifeWave[];
  quality_of_life_methods: QualityOfLifeMethods;
}
