/**
 * CONSORT flow counts per arm: screening (from the plan, when given), randomized,
 * withdrawn, followed up in the registry at each timepoint and by questionnaire at each
 * wave, and analysed for the primary and each secondary outcome.
 */
import type { ScreeningPlan } from '../io/plan.ts';

/** A count per arm, keyed by arm label. */
export type ArmCounts = Record<string, number>;

export interface ConsortFlow {
  screening: ScreeningPlan | null;
  randomized: ArmCounts;
  withdrawn: ArmCounts;
  /** Not withdrawn, with a registry row for the month (per plan timepoint). */
  registry: { month: number; arms: ArmCounts }[];
  /** Not withdrawn, with a questionnaire row for the wave (at least one answer). */
  questionnaires: { wave: number; arms: ArmCounts }[];
  /**
   * Analysed per outcome: employment at each timepoint (the primary one flagged) and each
   * questionnaire measure at each follow-up wave.
   */
  analysed: { outcome: string; month: number; primary: boolean; arms: ArmCounts }[];
}
