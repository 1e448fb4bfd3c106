/**
 * The quality-of-life stage's findings in one object: for every plan measure and wave, the
 * description per arm; at follow-up waves the ANCOVA (primary), Hedges' g, the multiplicity
 * correction across the family, the mixed model and multiple imputation (sensitivity).
 * Aggregates only: nothing here holds a row of participant data.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan, Measure } from '../io/plan.ts';
import { siteLevels } from '../outcomes/model-columns.ts';
import { hedgesCorrection } from '../stats/hedges-g.ts';
import { sampleVariance } from '../stats/moments.ts';
import { adjustPValues } from '../stats/p-adjust.ts';
import { ancovaDifference, type AncovaFit } from './ancova.ts';
import { imputedAncova } from './imputed-ancova.ts';
import { IMPUTATION_ITERATIONS, imputationRows, multiplyImpute } from './imputation.ts';
import { mixedModelAnalysis } from './mixed-model-analysis.ts';
import type { AncovaDifference, HedgesG, QualityOfLifeMethods, QualityOfLifeResult, QualityOfLifeWave } from './quality-of-life-results.ts';
import { analysedByArm, measureScores, type MeasureScores } from './scores.ts';
import { armWaveSummary, minAnswersForSummary } from './wave-summary.ts';

/**
 * All questionnaire analyses of the plan. `log` reports progress per measure (imputation
 * takes the longest).
 */
export function analyseQualityOfLife(dataset: Dataset, plan: AnalysisPlan, log: (line: string) => void = () => undefined): QualityOfLifeResult {
  const byArm = analysedByArm(dataset, plan);
  const analysed = [...byArm.values()].flat().sort((a, b) => a - b);
  const sites = siteLevels(dataset);
  const imputationSet = imputationRows(dataset, plan, analysed);
  const rows: QualityOfLifeWave[] = [];
  const mixedModels: QualityOfLifeMethods['mixed_models'] = [];

  for (const measure of plan.measures) {
    log(`  ${measure.column}: description, ANCOVA, mixed model, ${plan.imputations} imputations ...`);
    const scores = measureScores(dataset, plan, measure.column);
    const followUps = scores.waves.slice(1);
    const withAnswers = followUps.filter((month) => plan.arms.every((arm) => answered(scores, month, byArm.get(arm)!) > 0));
    const mixed = mixedModelAnalysis(dataset, plan, sites, analysed, scores, withAnswers);
    mixedModels.push({ measure: measure.column, participant_variance: mixed.participantVariance, residual_variance: mixed.residualVariance, converged: mixed.converged });
    const imputed = withAnswers.length > 0 ? multiplyImpute(dataset, plan, sites, imputationSet, scores, measure.column) : [];
    const baselineHidden = plan.arms.some((arm) => armWaveSummary(byArm.get(arm)!.map((i) => scores.values[0]![i]!), plan).suppressed);
    // A pooled SD over an arm whose baseline summary is withheld would give its spread back.
    const g = baselineHidden ? null : gScale(scores, byArm);

    scores.waves.forEach((month, w) => {
      const arms = Object.fromEntries(plan.arms.map((arm) => [arm, armWaveSummary(byArm.get(arm)!.map((i) => scores.values[w]![i]!), plan)]));
      const base = { measure: measure.column, label: measure.label, higher_is_better: measure.higher_is_better, min: measure.min, max: measure.max, month, baseline: w === 0, arms };
      if (w === 0) {
        rows.push({ ...base, difference: null, hedges_g: null, mixed_model: null, multiple_imputation: null });
        return;
      }
      const fit = withAnswers.includes(month)
        ? ancovaDifference(dataset, plan, sites, analysed, analysed.map((i) => scores.values[w]![i]!), analysed.map((i) => scores.values[0]![i]!))
        : { ...noEstimate('no_answers_in_arm'), n: 0, terms: [] };
      rows.push({
        ...base,
        difference: { ...fit, p_adjusted: null, reading: reading(fit, measure) },
        hedges_g: hedgesG(fit, g),
        mixed_model: mixed.byMonth.get(month) ?? { ...noEstimate('no_answers_in_arm'), df_method: 'satterthwaite', n_participants: 0, n_observations: 0 },
        multiple_imputation: withAnswers.includes(month)
          ? imputedAncova(dataset, plan, sites, imputationSet, imputed, w)
          : { ...noEstimate('no_answers_in_arm'), m: plan.imputations, fmi: null, riv: null, n: 0 },
      });
    });
  }

  // The family: every measure at every follow-up wave the plan declares, less the tests that cannot be done.
  const tested = rows.filter((r) => !r.baseline && r.difference!.p !== null);
  const adjusted = adjustPValues(tested.map((r) => r.difference!.p!), plan.multiplicity);
  tested.forEach((r, k) => {
    r.difference!.p_adjusted = adjusted[k]!;
  });

  return {
    quality_of_life: rows,
    quality_of_life_methods: {
      multiplicity: plan.multiplicity,
      min_n_for_summary: minAnswersForSummary(plan),
      family: tested.map((r) => ({ measure: r.measure, month: r.month })),
      covariates: plan.covariates,
      imputations: plan.imputations,
      imputation_iterations: IMPUTATION_ITERATIONS,
      mixed_models: mixedModels,
    },
  };
}

function noEstimate(note: string) {
  return { estimate: null, se: null, ci: null, df: null, p: null, note };
}

function answered(scores: MeasureScores, month: number, rows: readonly number[]): number {
  const w = scores.waves.indexOf(month);
  return rows.filter((i) => scores.values[w]![i] !== null).length;
}

/**
 * 'better' or 'worse' for the intervention when the interval excludes 0, by the plan's
 * direction: a lower depression score is better, so a negative difference reads 'better'.
 */
export function reading(fit: AncovaFit, measure: Measure): AncovaDifference['reading'] {
  if (fit.estimate === null || fit.ci === null) return null;
  if (fit.ci[0] <= 0 && fit.ci[1] >= 0) return 'no_clear_difference';
  return (fit.estimate > 0) === measure.higher_is_better ? 'better' : 'worse';
}

/** Pooled baseline SD and its df: the scale of Hedges' g. */
function gScale(scores: MeasureScores, byArm: Map<string, number[]>): { sd: number; df: number } | null {
  let ss = 0;
  let df = 0;
  for (const rows of byArm.values()) {
    const values = rows.map((i) => scores.values[0]![i]).filter((v): v is number => v !== null && v !== undefined);
    if (values.length < 2) continue;
    ss += sampleVariance(values) * (values.length - 1);
    df += values.length - 1;
  }
  return df >= 2 && ss > 0 ? { sd: Math.sqrt(ss / df), df } : null;
}

/**
 * Hedges' g: the ANCOVA's adjusted difference over the pooled baseline SD, times the exact
 * small-sample correction J(df). The interval is the ANCOVA interval on the same scale, which
 * treats the baseline SD as known (its own uncertainty is small beside the difference's).
 */
function hedgesG(fit: AncovaFit, scale: { sd: number; df: number } | null): HedgesG {
  if (scale === null || fit.estimate === null) return { estimate: null, ci: null, pooled_baseline_sd: scale?.sd ?? null, correction: null };
  const j = hedgesCorrection(scale.df);
  const f = j / scale.sd;
  return { estimate: fit.estimate * f, ci: fit.ci ? [fit.ci[0] * f, fit.ci[1] * f] : null, pooled_baseline_sd: scale.sd, correction: j };
}
