/**
 * The meta-analysis of the employment effect across trials, on the risk-ratio scale, as
 * results.json carries it under `meta_analysis`: the pooled risk ratio by the fixed-effect
 * and the random-effects model, heterogeneity, a prediction interval, each study with its
 * weight, leave-one-out and cumulative analyses, and optionally a meta-regression.
 * Everything is computed on the log risk ratio and exponentiated at the end.
 */
import { normalQuantileTwoSided } from '../stats/wilson.ts';
import { studyEffects, type EvidenceStudy, type ExcludedStudy, type EffectSource, type ZeroCellCorrection } from './effect-size.ts';
import { metaRegression, type MetaRegression, type ModeratorSpec } from './meta-regression.ts';
import { predictionInterval, type PredictionIntervalType } from './prediction-interval.ts';
import { ConvergenceError, fitRma, type RmaFit, type TestMethod } from './rma.ts';
import { cumulative, cumulativeOrder, leaveOneOut, type SubsetFit } from './sensitivity.ts';
import { tau2Interval, type Tau2Interval } from './tau2-interval.ts';

/** Below this many studies the Knapp–Hartung interval is the default ('auto'): the normal one is too narrow then (IntHout et al. 2014, BMC Med Res Methodol 14:25). */
export const KNHA_BELOW_K = 10;

/** Options of metaAnalysis. */
export interface MetaAnalysisOptions {
  /** τ² estimator of the random-effects model (default 'REML'). */
  method?: 'REML' | 'DL';
  /** 'auto' (default): 'knha' when fewer than 10 studies are pooled, else 'z'; the meta-regression then always uses 'knha'. */
  test?: TestMethod | 'auto';
  /** Confidence level, fraction (default 0.95). */
  level?: number;
  /** Default 'metafor' (predict.rma's default); see PredictionIntervalType. */
  prediction_interval?: PredictionIntervalType;
  /** Leave out studies with no events (or only events) in both arms (default false, as metafor). */
  drop_double_zero?: boolean;
  /** Moderators for a meta-regression (none by default). */
  moderators?: readonly ModeratorSpec[];
}

/** A risk ratio with its interval (ratio scale). */
export interface PooledRatio {
  estimate: number;
  ci: [number, number];
  /** Two-sided p of the test of RR = 1. */
  p: number;
}

/** The random-effects result. */
export interface RandomEffectsResult extends PooledRatio {
  method: 'REML' | 'DL';
  /** 'knha' (Hartung–Knapp–Sidik–Jonkman, t with df) or 'z'. */
  test: TestMethod;
  df: number | null;
  /** Interval for the risk ratio of a new study, ratio scale. */
  prediction_interval: [number, number];
  prediction_interval_type: PredictionIntervalType;
  tau2: number;
  /** Q-profile interval of τ² (null with one study). */
  tau2_ci: [number, number] | null;
  tau2_ci_note: Tau2Interval['note'];
  /** I² as a fraction, with the interval that follows from τ²'s. */
  i2: number;
  i2_ci: [number, number] | null;
  h2: number;
  q: number;
  q_df: number;
  q_p: number;
}

/** The other τ² estimator's result, as a sensitivity analysis. */
export interface OtherMethodResult extends PooledRatio {
  method: 'REML' | 'DL';
  prediction_interval: [number, number];
  tau2: number;
  i2: number;
}

/** One pooled study. */
export interface StudyResult {
  study: string;
  year: number | null;
  /** The study's risk ratio and its Wald interval at the analysis level (ratio scale). */
  estimate: number;
  ci: [number, number];
  log_rr: number;
  se: number;
  source: EffectSource;
  correction: ZeroCellCorrection;
  /** Share of the total weight, fractions summing to 1. */
  weight_fixed: number;
  weight_random: number;
}

/** A subset fit on the ratio scale, labelled by the study left out or added. */
export interface SubsetResult {
  study: string;
  year: number | null;
  k: number;
  estimate: number;
  ci: [number, number];
  p: number;
  tau2: number;
  i2: number;
  q: number;
  q_p: number;
}

/** Everything under `meta_analysis` in results.json. */
export interface MetaAnalysisResult {
  measure: 'RR';
  k: number;
  level: number;
  fixed: PooledRatio;
  random_effects: RandomEffectsResult;
  random_effects_other_method: OtherMethodResult | null;
  studies: StudyResult[];
  excluded: ExcludedStudy[];
  /** Each study left out in turn (input order); empty with one study. */
  leave_one_out: SubsetResult[];
  /** Studies added by year (ties and missing years in input order, missing years last). */
  cumulative: SubsetResult[];
  /** Null when no moderators were asked for, or the model could not be fitted (see meta_regression_note). */
  meta_regression: MetaRegression | null;
  /** Why a requested meta-regression is missing (e.g. too few studies for its coefficients), else null. */
  meta_regression_note: string | null;
}

function ratio(fit: RmaFit): PooledRatio {
  return { estimate: Math.exp(fit.beta[0]!), ci: [Math.exp(fit.ci[0]![0]), Math.exp(fit.ci[0]![1])], p: fit.p_value[0]! };
}

function subsetRatio(f: SubsetFit, study: string, year: number | null): SubsetResult {
  return { study, year, k: f.k, estimate: Math.exp(f.estimate), ci: [Math.exp(f.ci[0]), Math.exp(f.ci[1])], p: f.p_value, tau2: f.tau2, i2: f.i2, q: f.q, q_p: f.q_p };
}

/**
 * Pools the studies' risk ratios (see studyEffects for which studies count and how zero
 * cells are handled): fixed effect (inverse variance, z), random effects (REML by default;
 * Knapp–Hartung below 10 studies), Q-profile interval for τ² and I², prediction interval,
 * leave-one-out, cumulative by year, the other τ² estimator for comparison, and a
 * meta-regression when moderators are given. Every model is fitted as metafor's rma does.
 * Throws a RangeError when no study gives a risk ratio.
 *
 * @example metaAnalysis(studies).random_effects.estimate // pooled RR
 */
export function metaAnalysis(studies: readonly EvidenceStudy[], options: MetaAnalysisOptions = {}): MetaAnalysisResult {
  const level = options.level ?? 0.95;
  const method = options.method ?? 'REML';
  const piType = options.prediction_interval ?? 'metafor';
  const { included, excluded } = studyEffects(studies, { dropDoubleZero: options.drop_double_zero ?? false });
  const k = included.length;
  if (k === 0) throw new RangeError('metaAnalysis: no study gives a risk ratio (counts, or a risk ratio with its interval)');
  const test: TestMethod = options.test === undefined || options.test === 'auto' ? (k < KNHA_BELOW_K ? 'knha' : 'z') : options.test;
  const yi = included.map((s) => s.yi);
  const vi = included.map((s) => s.vi);
  const opts = { method, test, level } as const;

  const fixed = fitRma(yi, vi, null, { method: 'FE', test: 'z', level });
  const random = fitRma(yi, vi, null, opts);
  const pred = predictionInterval(random, null, piType);
  const tauCi = tau2Interval(random);

  const otherMethod = method === 'REML' ? 'DL' : 'REML';
  let other: OtherMethodResult | null = null;
  if (k > 1) {
    const o = fitRma(yi, vi, null, { ...opts, method: otherMethod });
    const op = predictionInterval(o, null, piType);
    other = { method: otherMethod, ...ratio(o), prediction_interval: [Math.exp(op.prediction_interval[0]), Math.exp(op.prediction_interval[1])], tau2: o.tau2, i2: o.i2 };
  }

  const z = normalQuantileTwoSided(level, 'metaAnalysis');
  const sumFixed = fixed.weights.reduce((s, w) => s + w, 0);
  const sumRandom = random.weights.reduce((s, w) => s + w, 0);
  const studyResults: StudyResult[] = included.map((s, i) => {
    const se = Math.sqrt(s.vi);
    return {
      study: s.study,
      year: s.year,
      estimate: Math.exp(s.yi),
      ci: [Math.exp(s.yi - z * se), Math.exp(s.yi + z * se)],
      log_rr: s.yi,
      se,
      source: s.source,
      correction: s.correction,
      weight_fixed: fixed.weights[i]! / sumFixed,
      weight_random: random.weights[i]! / sumRandom,
    };
  });

  let regression: MetaRegression | null = null;
  let regressionNote: string | null = null;
  if (options.moderators && options.moderators.length > 0) {
    try {
      // Knapp–Hartung unless the caller fixed the test: 'auto' chooses by the number of
      // studies for the pooled estimate, but a meta-regression's z tests are too liberal at
      // any number of studies a review has (Knapp & Hartung 2003), as the README states.
      const regressionTest: TestMethod = options.test === 'z' || options.test === 'knha' ? options.test : 'knha';
      regression = metaRegression(included, options.moderators, { ...opts, test: regressionTest });
    } catch (err) {
      // Too few studies, collinear moderators or a τ² that does not converge (metafor fails
      // there too) must not take the pooled result down with it.
      if (!(err instanceof RangeError || err instanceof ConvergenceError)) throw err;
      regressionNote = err.message;
    }
  }

  const order = cumulativeOrder(included.map((s) => s.year));
  return {
    measure: 'RR',
    k,
    level,
    fixed: ratio(fixed),
    random_effects: {
      method,
      test: random.test,
      df: random.df,
      ...ratio(random),
      prediction_interval: [Math.exp(pred.prediction_interval[0]), Math.exp(pred.prediction_interval[1])],
      prediction_interval_type: piType,
      tau2: random.tau2,
      tau2_ci: tauCi ? tauCi.tau2 : null,
      tau2_ci_note: tauCi ? tauCi.note : null,
      i2: random.i2,
      i2_ci: tauCi ? tauCi.i2 : null,
      h2: random.h2,
      q: random.q,
      q_df: random.q_df,
      q_p: random.q_p,
    },
    random_effects_other_method: other,
    studies: studyResults,
    excluded,
    leave_one_out: leaveOneOut(yi, vi, opts).map((f, i) => subsetRatio(f, included[i]!.study, included[i]!.year)),
    cumulative: cumulative(yi, vi, order, opts).map((f, step) => subsetRatio(f, included[order[step]!]!.study, included[order[step]!]!.year)),
    meta_regression: regression,
    meta_regression_note: regressionNote,
  };
}
