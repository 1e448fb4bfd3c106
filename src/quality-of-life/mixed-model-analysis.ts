/**
 * Sensitivity analysis 1: all follow-up waves in one linear mixed model, fixed effects
 * arm × wave, baseline score, site and the plan's covariates, a random intercept per
 * participant, REML (as `lmerTest::lmer(y ~ arm * wave + baseline + site + covariates +
 * (1 | id), REML = TRUE)`). It uses every answer a participant gave, so someone who
 * answered at 6 months but not at 12 still counts; it assumes answers are missing at
 * random given the earlier answers and the covariates.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { interventionArm } from '../outcomes/employment-over-time.ts';
import { armTerm } from '../outcomes/model-columns.ts';
import { designMatrix } from '../stats/design-matrix.ts';
import { tInference } from '../stats/linear-model.ts';
import { fitRandomIntercept } from '../stats/mixed-model.ts';
import { adjustmentTerms, armColumn, modelFrame } from './ancova.ts';
import type { MixedModelDifference } from './quality-of-life-results.ts';
import type { MeasureScores } from './scores.ts';

/** The model's arm difference at each follow-up wave (keyed by month), and its variance components. */
export interface MixedModelAnalysis {
  byMonth: Map<number, MixedModelDifference>;
  participantVariance: number | null;
  residualVariance: number | null;
  converged: boolean;
}

/**
 * Fits the mixed model to the analysed participants `rows` over the follow-up waves in
 * `months` (the caller leaves out waves where an arm has no answers: they carry no
 * information on the arm difference there). Waves the model cannot estimate get a null
 * difference with a note.
 */
export function mixedModelAnalysis(
  dataset: Dataset, plan: AnalysisPlan, sites: readonly string[], rows: readonly number[], scores: MeasureScores, months: readonly number[],
): MixedModelAnalysis {
  const obs: { i: number; w: number }[] = [];
  for (const month of months) {
    const w = scores.waves.indexOf(month);
    rows.forEach((i) => {
      if (scores.values[w]![i] !== null) obs.push({ i, w });
    });
  }
  const empty = (note: string, nParticipants = 0, nObservations = 0): MixedModelDifference => ({
    estimate: null, se: null, ci: null, df: null, p: null, note, df_method: 'satterthwaite', n_participants: nParticipants, n_observations: nObservations,
  });
  const none = (note: string): MixedModelAnalysis => ({
    byMonth: new Map(months.map((m) => [m, empty(note)])), participantVariance: null, residualVariance: null, converged: false,
  });
  if (months.length === 0 || obs.length === 0) return none('no_answers');

  const build = (set: typeof obs, levels: readonly number[]) => {
    const frame = modelFrame(dataset, set.map((o) => o.i), { baseline: set.map((o) => scores.values[0]![o.i]!) });
    const design = designMatrix({ ...frame, wave: set.map((o) => String(scores.waves[o.w])) }, {
      terms: [armTerm(plan), { name: 'wave', type: 'categorical', levels: levels.map(String) }, ...adjustmentTerms(plan, sites)],
      interaction: { a: 'arm', b: 'wave' },
    });
    return { design, used: design.rows.map((r) => set[r]!) };
  };
  // A wave where, after complete cases, an arm has no row says nothing about the arm difference
  // there, and would make the arm × wave columns aliased in a way that moves one wave's effect
  // onto another's: such waves leave the model.
  const first = build(obs, months);
  const armsAt = (month: number) => new Set(first.used.filter((o) => scores.waves[o.w] === month).map((o) => dataset.participants.arm[o.i])).size;
  const kept = months.filter((month) => armsAt(month) === plan.arms.length);
  if (kept.length === 0) return none('not_estimable');
  const { design, used } = kept.length === months.length ? first : build(obs.filter((o) => kept.includes(scores.waves[o.w]!)), kept);
  const y = used.map((o) => scores.values[o.w]![o.i]!);
  const nParticipants = new Set(used.map((o) => o.i)).size;
  if (design.singleLevelTerms.includes('arm')) return none('no_answers_in_arm');
  if (y.every((v) => v === y[0])) return none('no_variance');
  if (used.length <= design.columnNames.length) return none('too_few_answers');

  let fit: ReturnType<typeof fitRandomIntercept>;
  try {
    fit = fitRandomIntercept(design.X, y, used.map((o) => o.i));
  } catch (e) {
    if (e instanceof RangeError) return none('not_estimable');
    throw e;
  }
  const arm = armColumn(design, plan);
  const reference = String(kept[0]);
  const byMonth = new Map<number, MixedModelDifference>();
  for (const month of months) {
    // Wave `month`'s arm difference: the arm coefficient plus that wave's interaction (none for the reference wave).
    const L = new Array<number>(design.columnNames.length).fill(0);
    const interaction = design.columnNames.indexOf(`arm${interventionArm(plan)}:wave${month}`);
    const isReference = String(month) === reference;
    if (arm < 0 || !kept.includes(month) || (!isReference && interaction < 0)) {
      byMonth.set(month, empty('not_estimable', nParticipants, used.length));
      continue;
    }
    L[arm] = 1;
    if (!isReference) L[interaction] = 1;
    const c = fit.contrast(L);
    const t = tInference(c.estimate, c.se, c.df, plan.confidence_level);
    byMonth.set(month, {
      estimate: c.estimate, se: c.se, ci: t.ci, df: c.df, p: t.p, note: t.ci === null ? 'no_variance' : null,
      df_method: 'satterthwaite', n_participants: nParticipants, n_observations: used.length,
    });
  }
  return { byMonth, participantVariance: fit.groupVariance, residualVariance: fit.residualVariance, converged: fit.converged };
}
