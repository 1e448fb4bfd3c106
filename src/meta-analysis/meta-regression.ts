/**
 * Meta-regression: the study effects (log risk ratios) on one or more study-level
 * moderators in the mixed-effects model, as R's
 * `rma(yi, vi, mods = ~ m1 + m2, method = "REML", test = "knha")` (Thompson & Higgins 2002,
 * Stat Med 21:1559; Knapp & Hartung 2003, Stat Med 22:2693).
 */
import { designMatrix, type CellValue, type TermSpec } from '../stats/design-matrix.ts';
import type { StudyEffect } from './effect-size.ts';
import { fitRma, type RmaOptions, type Tau2Method, type TestMethod } from './rma.ts';

/** A moderator: numeric as is, or categorical with treatment contrasts (first level the reference). */
export type ModeratorSpec = TermSpec;

/** One coefficient of a meta-regression (effect scale: log risk ratio per unit of the moderator). */
export interface RegressionCoefficient {
  /** '(Intercept)', the moderator's name, or name + level for a categorical one (R's naming). */
  term: string;
  estimate: number;
  se: number;
  /** t under knha, z under z. */
  statistic: number;
  p_value: number;
  ci: [number, number];
  /** exp of estimate and ci: the ratio of risk ratios per unit (for the intercept, the RR at moderators 0). */
  ratio: { estimate: number; ci: [number, number] };
}

/** A fitted meta-regression. */
export interface MetaRegression {
  /** Studies used (complete in every moderator). */
  k: number;
  /** Studies left out for a missing moderator value (labels, input order). */
  missing_moderator: string[];
  /** Model columns dropped as constant or collinear (as metafor's "Redundant predictors dropped"). */
  aliased: string[];
  method: Tau2Method;
  test: TestMethod;
  /** Degrees of freedom of the t tests under knha (k − p), else null. */
  df: number | null;
  coefficients: RegressionCoefficient[];
  /** Residual between-study variance. */
  tau2: number;
  /** Residual I², fraction. */
  i2: number;
  h2: number;
  /**
   * Share of τ² accounted for by the moderators, max(0, (τ²₀ − τ²)/τ²₀) with τ²₀ from the
   * same studies without moderators (Raudenbush 2009), fraction; 0 when τ²₀ = 0 (metafor's
   * R², which it prints in percent).
   */
  r2: number;
  /** Test of residual heterogeneity, QE on k − p df. */
  qe: number;
  qe_df: number;
  qe_p: number;
  /** Omnibus test of the moderators: F on (m, k − p) df under knha, χ² on m df under z. */
  qm: number | null;
  qm_df: [number, number | null];
  qm_p: number | null;
}

/**
 * Fits the meta-regression of the effects on `moderators` (taken from each study's
 * `moderators` record), REML and Knapp–Hartung by default. Studies with a missing moderator
 * value are left out (metafor's na.omit), levels without studies dropped, and constant or
 * collinear columns dropped (a RangeError when none is left). Needs at least p + 1 studies
 * for p coefficients.
 *
 * @example metaRegression(effects, [{ name: 'year', type: 'numeric' }]).coefficients[1].estimate
 */
export function metaRegression(effects: readonly StudyEffect[], moderators: readonly ModeratorSpec[], options: RmaOptions = {}): MetaRegression {
  if (moderators.length === 0) throw new RangeError('metaRegression: name at least one moderator');
  const opts: RmaOptions = { method: options.method ?? 'REML', test: options.test ?? 'knha', level: options.level ?? 0.95 };
  const columns: Record<string, CellValue[]> = {};
  for (const m of moderators) columns[m.name] = effects.map((e) => e.moderators[m.name] ?? null);
  const design = designMatrix(columns, { terms: moderators });
  if (design.columnNames.length < 2) {
    // Without a moderator column left, QM would test the intercept instead: say so rather than mislabel it.
    throw new RangeError('metaRegression: every moderator is constant (or collinear) among the studies with values for it');
  }
  const used = design.rows.map((i) => effects[i]!);
  const yi = used.map((e) => e.yi);
  const vi = used.map((e) => e.vi);
  const fit = fitRma(yi, vi, design.X, opts);
  const base = fitRma(yi, vi, null, opts);
  const r2 = base.tau2 === 0 ? 0 : Math.max(0, (base.tau2 - fit.tau2) / base.tau2);
  return {
    k: fit.k,
    missing_moderator: design.droppedRows.map((i) => effects[i]!.study),
    aliased: design.aliased,
    method: fit.method,
    test: fit.test,
    df: fit.df,
    coefficients: design.columnNames.map((term, a) => ({
      term,
      estimate: fit.beta[a]!,
      se: fit.se[a]!,
      statistic: fit.statistic[a]!,
      p_value: fit.p_value[a]!,
      ci: fit.ci[a]!,
      ratio: { estimate: Math.exp(fit.beta[a]!), ci: [Math.exp(fit.ci[a]![0]), Math.exp(fit.ci[a]![1])] },
    })),
    tau2: fit.tau2,
    i2: fit.i2,
    h2: fit.h2,
    r2,
    qe: fit.q,
    qe_df: fit.q_df,
    qe_p: fit.q_p,
    qm: fit.qm,
    qm_df: fit.qm_df,
    qm_p: fit.qm_p,
  };
}
