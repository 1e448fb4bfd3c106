/**
 * The adjusted employment analysis at one timepoint: logistic regression of employment on
 * arm, site (the stratification variable) and the plan's covariates. Maximum likelihood;
 * when it separates or does not converge, Firth's penalized likelihood instead, and the
 * result says so. Also the standardized (g-computation) risk difference with a seeded
 * bootstrap interval.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { designMatrix, type DesignMatrix } from '../stats/design-matrix.ts';
import { firthProfileInterval, fitFirth } from '../stats/firth.ts';
import { bootstrapStandardizedRiskDifference } from '../stats/g-computation.ts';
import { fitLogistic, lrTest, waldInterval } from '../stats/logistic-regression.ts';
import { chiSquareUpperTail } from '../stats/chi-square-tail.ts';
import type { AdjustedOddsRatio, TimepointEmployment } from './employment-results.ts';
import { interventionArm } from './employment-over-time.ts';
import { armTerm, covariateTerm, modelColumns, siteLevels } from './model-columns.ts';
import { ANALYSIS_STREAM } from './streams.ts';
import { subSeed } from '../random/rng.ts';

type Adjusted = Pick<TimepointEmployment, 'adjusted_odds_ratio' | 'adjusted_risk_difference'>;

/** Adjusted odds ratio and standardized risk difference at `month`; `status` is each participant's outcome (1, 0, −1). */
export function adjustedEmployment(dataset: Dataset, plan: AnalysisPlan, status: Int8Array, month: number): Adjusted {
  const columns = modelColumns(dataset, status);
  const terms = [armTerm(plan), { name: 'site', type: 'categorical' as const, levels: siteLevels(dataset) }, ...plan.covariates.map((c) => covariateTerm(c, plan))];
  const dm = designMatrix(columns, { terms, response: 'y' });
  const armColumn = dm.columnNames.indexOf(`arm${interventionArm(plan)}`);
  const y = dm.y!;
  if (armColumn < 0 || y.length === 0 || y.every((v) => v === y[0])) {
    const note = armColumn < 0 ? 'arm_not_estimable' : 'all_outcomes_equal';
    return { adjusted_odds_ratio: nullOddsRatio(dm, note), adjusted_risk_difference: null };
  }
  return {
    adjusted_odds_ratio: orNull(() => adjustedOddsRatio(dm, y, armColumn, plan.confidence_level), () => nullOddsRatio(dm, 'model_not_converged')),
    adjusted_risk_difference: orNull(() => adjustedRiskDifference(dm, y, armColumn, plan, month), () => null),
  };
}

/**
 * The model's result, or the fallback when even Firth's method cannot be fitted (complete
 * separation by arm can defeat it): one timepoint must not stop the whole analysis.
 */
function orNull<T>(compute: () => T, fallback: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof RangeError) return fallback();
    throw err;
  }
}

function adjustedOddsRatio(dm: DesignMatrix, y: (0 | 1)[], armColumn: number, level: number): AdjustedOddsRatio {
  const reduced = dm.X.map((row) => row.filter((_, j) => j !== armColumn));
  const ml = fitLogistic(dm.X, y);
  const base = { n: y.length, terms: dm.columnNames, correction: null, note: null };
  if (!ml.separation && ml.converged) {
    const w = waldInterval(ml, armColumn, level);
    const lr = lrTest(ml, fitLogistic(reduced, y));
    return { ...base, estimate: w.oddsRatio, ci: [w.lower, w.upper], p: lr.p, method: 'wald_interval_lr_test', model: 'maximum_likelihood', separation: false, converged: true };
  }
  // Firth: profile penalized-likelihood interval and penalized likelihood-ratio test
  // (Heinze & Schemper 2002), as R's logistf reports them.
  const firth = fitFirth(dm.X, y);
  const profile = firthProfileInterval(dm.X, y, firth, armColumn, level);
  const firthReduced = fitFirth(reduced, y);
  const statistic = Math.max(0, 2 * (firth.penalizedLogLik - firthReduced.penalizedLogLik));
  return {
    ...base,
    estimate: Math.exp(firth.coefficients[armColumn]!),
    ci: [Math.exp(profile.lower), Math.exp(profile.upper)],
    p: chiSquareUpperTail(statistic, 1),
    method: 'profile_penalized_likelihood',
    model: 'firth',
    separation: ml.separation,
    converged: firth.converged,
  };
}

function adjustedRiskDifference(dm: DesignMatrix, y: (0 | 1)[], armColumn: number, plan: AnalysisPlan, month: number): TimepointEmployment['adjusted_risk_difference'] {
  const boot = bootstrapStandardizedRiskDifference(dm.X, y, armColumn, {
    resamples: plan.bootstrap_resamples,
    seed: subSeed(plan.seed, ANALYSIS_STREAM.adjustedRiskDifference + month),
    confidence: plan.confidence_level,
  });
  return {
    estimate: boot.estimate.difference,
    ci: [boot.lower, boot.upper],
    p: null,
    method: 'g_computation_bootstrap_percentile',
    correction: boot.estimate.method === 'firth' ? 'firth' : null,
    note: boot.estimate.note,
    resamples: boot.used,
    failed_resamples: boot.failed,
  };
}

function nullOddsRatio(dm: DesignMatrix, note: string): AdjustedOddsRatio {
  return {
    estimate: null,
    ci: null,
    p: null,
    method: 'wald_interval_lr_test',
    correction: null,
    note,
    model: 'maximum_likelihood',
    separation: false,
    converged: false,
    n: dm.rows.length,
    terms: dm.columnNames,
  };
}
