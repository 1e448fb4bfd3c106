/**
 * Leave-one-out and cumulative meta-analysis: the model refitted on subsets of the
 * studies, with the same τ² method, test and level, as R's `leave1out(fit)` and
 * `cumul(fit, order = year)` (metafor).
 */
import { fitRma, type RmaFit, type RmaOptions, type TestMethod } from './rma.ts';

/** A model without moderators fitted to a subset of the studies (effect scale). */
export interface SubsetFit {
  /** Studies in the subset. */
  k: number;
  estimate: number;
  se: number;
  /** z or t statistic. */
  statistic: number;
  p_value: number;
  ci: [number, number];
  /** The test used (z when the subset has one study, as metafor). */
  test: TestMethod;
  df: number | null;
  tau2: number;
  /** Fraction. */
  i2: number;
  h2: number;
  q: number;
  q_p: number;
}

function subsetFit(fit: RmaFit): SubsetFit {
  return {
    k: fit.k,
    estimate: fit.beta[0]!,
    se: fit.se[0]!,
    statistic: fit.statistic[0]!,
    p_value: fit.p_value[0]!,
    ci: fit.ci[0]!,
    test: fit.test,
    df: fit.df,
    tau2: fit.tau2,
    i2: fit.i2,
    h2: fit.h2,
    q: fit.q,
    q_p: fit.q_p,
  };
}

/**
 * For each study i (input order), the model fitted without it, as
 * `leave1out(rma(yi, vi, method, test))`. Needs k ≥ 2 (returns [] otherwise); with k = 2
 * each fit has one study, so τ² = 0 and the test is z, as in metafor.
 *
 * @example leaveOneOut(yi, vi, { method: 'REML', test: 'knha' })[0].estimate // pooled log RR without study 1
 */
export function leaveOneOut(yi: readonly number[], vi: readonly number[], options: RmaOptions = {}): SubsetFit[] {
  if (yi.length < 2) return [];
  return yi.map((_, i) =>
    subsetFit(
      fitRma(
        yi.filter((_, j) => j !== i),
        vi.filter((_, j) => j !== i),
        null,
        options,
      ),
    ),
  );
}

/**
 * The order of a cumulative meta-analysis: ascending by `key` (e.g. publication year),
 * ties and missing keys in input order, missing keys last, as R's `order(key)` (stable,
 * `na.last = TRUE`). Returns input indices.
 */
export function cumulativeOrder(key: readonly (number | null)[]): number[] {
  return key
    .map((value, index) => ({ value, index }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      return a.value - b.value || a.index - b.index;
    })
    .map((e) => e.index);
}

/**
 * Cumulative meta-analysis: the model fitted to the first 1, 2, …, k studies in `order`
 * (input indices, e.g. from cumulativeOrder by year), as
 * `cumul(rma(yi, vi, method, test), order = year)`. The first step has one study:
 * τ² = 0 and a z interval, as metafor.
 *
 * @example cumulative(yi, vi, cumulativeOrder(years), { method: 'REML' }).at(-1) // the full model
 */
export function cumulative(yi: readonly number[], vi: readonly number[], order: readonly number[], options: RmaOptions = {}): SubsetFit[] {
  if (order.length !== yi.length || new Set(order).size !== yi.length || order.some((i) => !(i >= 0 && i < yi.length))) {
    throw new RangeError('cumulative: order must be a permutation of the study indices');
  }
  const ys = order.map((i) => yi[i]!);
  const vs = order.map((i) => vi[i]!);
  return ys.map((_, step) => subsetFit(fitRma(ys.slice(0, step + 1), vs.slice(0, step + 1), null, options)));
}
