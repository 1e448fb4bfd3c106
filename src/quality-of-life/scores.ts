/**
 * One measure's answers as a participant × wave grid, the shape every questionnaire analysis
 * starts from: questionnaires.csv has a row per participant and wave, with gaps.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';

/** Scores of one measure: values[w][i] is participant i's answer at plan wave w, NaN when missing. */
export interface MeasureScores {
  /** The plan's waves, months since randomization; waves[0] is the baseline (0). */
  waves: number[];
  /** Typed, so that a registry-scale measure is a few flat arrays rather than millions of boxed values. */
  values: Float64Array[];
}

/** The answers to `column` for every participant (withdrawn ones included; callers filter). */
export function measureScores(dataset: Dataset, plan: AnalysisPlan, column: string): MeasureScores {
  const n = dataset.participants.participant_id.length;
  const waves = plan.questionnaire_waves;
  const values = waves.map(() => new Float64Array(n).fill(NaN));
  const q = dataset.questionnaires;
  const scores = q.scores[column];
  if (!scores) throw new RangeError(`no questionnaire column '${column}' in the dataset`);
  for (let r = 0; r < q.participant.length; r++) {
    const w = waves.indexOf(q.wave[r]!);
    const v = scores[r];
    if (w >= 0 && v !== null && v !== undefined) values[w]![q.participant[r]!] = v;
  }
  return { waves: [...waves], values };
}

/** Indices of the analysed participants (randomized, not withdrawn) of each plan arm. */
export function analysedByArm(dataset: Dataset, plan: AnalysisPlan): Map<string, number[]> {
  const p = dataset.participants;
  const rows = new Map(plan.arms.map((a) => [a, [] as number[]]));
  for (let i = 0; i < p.arm.length; i++) if (p.withdrawn[i] === 0) rows.get(p.arm[i]!)?.push(i);
  return rows;
}
