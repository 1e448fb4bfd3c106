/**
 * CONSORT flow counts per arm: screening (from the plan, when given), randomized,
 * withdrawn, followed up in the registry at each timepoint and by questionnaire at each
 * wave, and analysed for the primary and each secondary outcome.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan, ScreeningPlan } from '../io/plan.ts';
import { employmentStatus, UNKNOWN } from '../outcomes/employment-status.ts';

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
   * Analysed per outcome (complete cases): employment at each timepoint, the primary one
   * first and flagged, then each questionnaire measure (its column) at each wave after the
   * first (baseline) wave, counting those with a score for it.
   */
  analysed: { outcome: string; month: number; primary: boolean; arms: ArmCounts }[];
}

/**
 * Counts the CONSORT flow from the dataset: withdrawn participants are counted as
 * randomized and withdrawn, and in nothing after that.
 */
export function consortFlow(dataset: Dataset, plan: AnalysisPlan): ConsortFlow {
  const { participants: p, employment: e, questionnaires: q } = dataset;
  const n = p.participant_id.length;
  const analysable = (i: number) => p.withdrawn[i] === 0;
  const count = (include: (i: number) => boolean): ArmCounts => {
    const arms: ArmCounts = Object.fromEntries(plan.arms.map((a) => [a, 0]));
    for (let i = 0; i < n; i++) if (include(i)) arms[p.arm[i]!]! += 1;
    return arms;
  };
  const hasRow = (participant: ArrayLike<number>, time: ArrayLike<number>, at: number, ok: (r: number) => boolean = () => true) => {
    const seen = new Uint8Array(n);
    for (let r = 0; r < participant.length; r++) if (time[r] === at && ok(r)) seen[participant[r]!] = 1;
    return (i: number) => analysable(i) && seen[i] === 1;
  };
  const measures = plan.measures.map((m) => m.column);
  const answered = (r: number) => measures.some((c) => q.scores[c]![r] !== null);
  const scored = (column: string) => (r: number) => q.scores[column]![r] !== null;

  const employmentAnalysed = plan.timepoints.map((month) => {
    const status = employmentStatus(dataset, plan, month);
    return { outcome: 'employment', month, primary: month === plan.primary_timepoint, arms: count((i) => status[i] !== UNKNOWN) };
  });
  const followUpWaves = plan.questionnaire_waves.slice(1);
  const measuresAnalysed = measures.flatMap((column) =>
    followUpWaves.map((wave) => ({ outcome: column, month: wave, primary: false, arms: count(hasRow(q.participant, q.wave, wave, scored(column))) })),
  );
  return {
    screening: plan.screening,
    randomized: count(() => true),
    withdrawn: count((i) => !analysable(i)),
    registry: plan.timepoints.map((month) => ({ month, arms: count(hasRow(e.participant, e.month, month)) })),
    questionnaires: plan.questionnaire_waves.map((wave) => ({ wave, arms: count(hasRow(q.participant, q.wave, wave, answered)) })),
    analysed: [...employmentAnalysed.filter((a) => a.primary), ...employmentAnalysed.filter((a) => !a.primary), ...measuresAnalysed],
  };
}
