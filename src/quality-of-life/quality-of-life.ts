/**
 * The quality-of-life stage's findings in one object: for every plan measure and wave, the
 * description per arm; at follow-up waves the ANCOVA (primary), Hedges' g, the multiplicity
 * correction across the family, the mixed model and multiple imputation (sensitivity).
 * Aggregates only: nothing here holds a row of participant data.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan, Measure } from '../io/plan.ts';
import { siteLevels } from '../outcomes/model-columns.ts';
import { runChunks } from '../parallel/pool.ts';
import { silentProgress, type Progress } from '../progress.ts';
import { hedgesCorrection } from '../stats/hedges-g.ts';
import { sampleVariance } from '../stats/moments.ts';
import { adjustPValues } from '../stats/p-adjust.ts';
import { ancovaDifference, ancovaTerms, type AncovaFit } from './ancova.ts';
import { fixedDesign, waveValues } from './fixed-design.ts';
import { imputedAncova } from './imputed-ancova.ts';
import { IMPUTATION_ITERATIONS, imputationInput, imputationRows } from './imputation.ts';
import { qualityOfLifeChunkCount, qualityOfLifeTask, type QualityOfLifeWork } from './quality-of-life-chunks.ts';
import type { AncovaDifference, HedgesG, QualityOfLifeMethods, QualityOfLifeResult, QualityOfLifeWave } from './quality-of-life-results.ts';
import { analysedByArm, measureScores, type MeasureScores } from './scores.ts';
import { armWaveSummary, minAnswersForSummary } from './wave-summary.ts';

/** How the analysis may run: never changes a result. */
export interface QualityOfLifeOptions {
  /** Threads for the mixed models and imputations (1, the default: all on the calling thread). */
  threads?: number;
  /** Progress of the mixed models and imputations, in models fitted (label 'quality of life'). */
  progress?: Progress;
}

/**
 * All questionnaire analyses of the plan. `log` reports each step; the mixed models and the
 * imputations (measures × plan.imputations completed data sets, the longest step) run as
 * chunks on `options.threads` threads (quality-of-life-chunks.ts), with the same result for
 * any number of threads.
 */
export async function analyseQualityOfLife(
  dataset: Dataset, plan: AnalysisPlan, log: (line: string) => void = () => undefined, options: QualityOfLifeOptions = {},
): Promise<QualityOfLifeResult> {
  const byArm = analysedByArm(dataset, plan);
  const analysed = [...byArm.values()].flat().sort((a, b) => a - b);
  const sites = siteLevels(dataset);
  // The participants every model can use (analysed, every covariate known), coded once.
  const design = fixedDesign(dataset, plan, sites, imputationRows(dataset, plan, analysed));
  const terms = ancovaTerms(plan);
  const rows: QualityOfLifeWave[] = [];
  const mixedModels: QualityOfLifeMethods['mixed_models'] = [];
  const modelled: { name: string; values: Float64Array[]; analyse: number[]; months: number[] }[] = [];
  const pending: { wave: QualityOfLifeWave; measure: number; w: number; month: number }[] = [];

  log(`  description and ANCOVA of ${plan.measures.length} measures ...`);
  for (const measure of plan.measures) {
    const scores = measureScores(dataset, plan, measure.column);
    const values = scores.values.map((col) => waveValues(design, col));
    const followUps = scores.waves.slice(1);
    const withAnswers = followUps.filter((month) => plan.arms.every((arm) => answered(scores, month, byArm.get(arm)!) > 0));
    const analyse = scores.waves.map((_, w) => w).filter((w) => w > 0 && withAnswers.includes(scores.waves[w]!));
    if (analyse.length > 0) modelled.push({ name: measure.column, values, analyse, months: withAnswers });
    else mixedModels.push({ measure: measure.column, participant_variance: null, residual_variance: null, converged: false });
    const armValues = (arm: string, w: number) => Float64Array.from(byArm.get(arm)!, (i) => scores.values[w]![i]!);
    const baselineHidden = plan.arms.some((arm) => armWaveSummary(armValues(arm, 0), plan).suppressed);
    // A pooled SD over an arm whose baseline summary is withheld would give its spread back.
    const g = baselineHidden ? null : gScale(scores, byArm);

    scores.waves.forEach((month, w) => {
      const arms = Object.fromEntries(plan.arms.map((arm) => [arm, armWaveSummary(armValues(arm, w), plan)]));
      const base = { measure: measure.column, label: measure.label, higher_is_better: measure.higher_is_better, min: measure.min, max: measure.max, month, baseline: w === 0, arms };
      if (w === 0) {
        rows.push({ ...base, difference: null, hedges_g: null, mixed_model: null, multiple_imputation: null });
        return;
      }
      const fit = withAnswers.includes(month)
        ? ancovaDifference(design, plan.confidence_level, terms, values[w]!, values[0]!)
        : { ...noEstimate('no_answers_in_arm'), n: 0, terms: [] };
      const row: QualityOfLifeWave = {
        ...base,
        difference: { ...fit, p_adjusted: null, reading: reading(fit, measure) },
        hedges_g: hedgesG(fit, g),
        mixed_model: { ...noEstimate('no_answers_in_arm'), df_method: 'satterthwaite', n_participants: 0, n_observations: 0 },
        multiple_imputation: { ...noEstimate('no_answers_in_arm'), m: plan.imputations, fmi: null, riv: null, n: 0 },
      };
      rows.push(row);
      if (withAnswers.includes(month)) pending.push({ wave: row, measure: modelled.length - 1, w, month });
    });
  }

  // The mixed models and the imputations (one chunk per measure, and per measure and completed data set).
  if (modelled.length > 0) {
    log(`  mixed models and multiple imputation: ${modelled.length} measures × ${plan.imputations} data sets ...`);
    const work: QualityOfLifeWork = {
      imputation: imputationInput(design, plan, terms, modelled),
      waves: [...plan.questionnaire_waves],
      mixedMonths: modelled.map((m) => m.months),
    };
    const results = await runChunks(qualityOfLifeTask, work, qualityOfLifeChunkCount(work), {
      threads: options.threads ?? 1, label: 'quality of life', progress: options.progress ?? silentProgress,
    });
    const mixed = results.flatMap((r) => (r.kind === 'mixed' ? [r] : []));
    const imputed = results.flatMap((r) => (r.kind === 'imputation' ? [r] : []));
    for (const [k, m] of modelled.entries()) {
      const fit = mixed.find((r) => r.measure === k)!.mixed;
      mixedModels.push({ measure: m.name, participant_variance: fit.participantVariance, residual_variance: fit.residualVariance, converged: fit.converged });
    }
    // The plan's measure order, whichever measures had no model.
    mixedModels.sort((a, b) => plan.measures.findIndex((m) => m.column === a.measure) - plan.measures.findIndex((m) => m.column === b.measure));
    for (const { wave, measure, w, month } of pending) {
      const fit = mixed.find((r) => r.measure === measure)!.mixed.byMonth.find(([mo]) => mo === month);
      if (fit) wave.mixed_model = fit[1];
      const fits = imputed.filter((r) => r.measure === measure).sort((a, b) => a.imputation - b.imputation).map((r) => r.fits.find((f) => f.wave === w)!);
      wave.multiple_imputation = imputedAncova(fits, plan.confidence_level, design.rows.length);
    }
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
  const col = scores.values[scores.waves.indexOf(month)]!;
  let n = 0;
  for (const i of rows) if (!Number.isNaN(col[i]!)) n++;
  return n;
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
    const values: number[] = [];
    for (const i of rows) if (!Number.isNaN(scores.values[0]![i]!)) values.push(scores.values[0]![i]!);
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
