/**
 * The baseline table ("Table 1"): per arm, n; mean (SD) and median (IQR) for continuous
 * variables; n (%) per category with missing as its own row; and the standardized mean
 * difference of every variable (Yang & Dalton's multivariate SMD for categorical ones),
 * with |SMD| > 0.1 flagged. No significance tests (CONSORT 2010, item 15).
 */

/** Summary of a continuous variable in one arm. Null statistics: no values, or suppressed. */
export interface ContinuousSummary {
  /** Participants with a value. */
  n: number;
  missing: number;
  mean: number | null;
  /** Sample standard deviation (n − 1 denominator). */
  sd: number | null;
  median: number | null;
  /** Quartiles by R's default (type 7) definition. */
  q1: number | null;
  q3: number | null;
  /** True when n is below the plan's small-cell threshold (and above 0), so nothing is shown. */
  suppressed: boolean;
}

/** A count in one arm: n and its fraction of the arm's participants (missing included). */
export interface LevelCount {
  /** Null when suppressed by the small-cell rule. */
  n: number | null;
  fraction: number | null;
  suppressed: boolean;
}

/** One row of a categorical variable: a level, or the missing row. */
export interface BaselineLevel {
  /** The level as it appears in the data ('1'/'0' for yes/no variables); '' for the missing row. */
  level: string;
  missing: boolean;
  arms: Record<string, LevelCount>;
}

/** Why an SMD could not be given as a number. */
export type SmdNote = 'no_overlap' | 'no_data' | null;

interface VariableBase {
  /** Contract column name: age, sex, diagnosis, education, worked_last_5y. */
  variable: string;
  /**
   * Treatment minus control, standardized. Null when not finite: 'no_overlap' (the arms
   * share no values, so the imbalance is unbounded) or 'no_data' (an arm has no values).
   */
  smd: number | null;
  smd_note: SmdNote;
  /** |smd| above the threshold, or no overlap at all. */
  imbalanced: boolean;
}

export interface ContinuousVariable extends VariableBase {
  kind: 'continuous';
  smd_method: 'pooled_sd';
  arms: Record<string, ContinuousSummary>;
}

export interface CategoricalVariable extends VariableBase {
  kind: 'categorical';
  smd_method: 'yang_dalton';
  /** Every level the plan or contract allows, in that order (empty ones kept), then missing. */
  levels: BaselineLevel[];
}

export type BaselineVariable = ContinuousVariable | CategoricalVariable;

export interface BaselineTable {
  /** Who is described: randomized participants who did not withdraw consent. */
  population: 'randomized_not_withdrawn';
  /** Participants per arm in the table. */
  arms: Record<string, number>;
  /** |SMD| above this is flagged (0.1, Austin 2009). */
  imbalance_threshold: number;
  small_cell_threshold: number;
  variables: BaselineVariable[];
}
