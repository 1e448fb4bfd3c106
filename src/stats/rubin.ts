/**
 * Rubin's rules for pooling m complete-data analyses of one scalar after multiple
 * imputation (Rubin 1987, Multiple Imputation for Nonresponse in Surveys, §3.1), with the
 * Barnard & Rubin (1999, Biometrika 86:948–955) small-sample degrees of freedom, computed
 * as R's `mice::pool` and `mice::pool.scalar` do (mice 3.15, `mice:::barnard.rubin`).
 */
import { tQuantile, tTwoSidedP } from './t-distribution.ts';

/** The pooled estimate and its components, named as in mice's `pool()$pooled`. */
export interface PooledEstimate {
  /** Mean of the m estimates, q̄ (mice's `estimate`/`qbar`); the estimates' units. */
  estimate: number;
  /** Standard error √t (mice's `std.error`). */
  se: number;
  /** Barnard–Rubin adjusted degrees of freedom (mice's `df`). */
  df: number;
  /** q̄ ± t(df, (1 + level)/2) · se, as mice's `confint(pool(fit), level = level)`. */
  ci: [number, number];
  /** Two-sided p of the t test of q̄ = 0 on df degrees of freedom (mice's `p.value`). */
  p: number;
  /** Within-imputation variance ū, the mean of the m variances. */
  ubar: number;
  /** Between-imputation variance b, the sample variance (divisor m − 1) of the estimates. */
  b: number;
  /** Total variance t = ū + (1 + 1/m) b. */
  t: number;
  /** Relative increase in variance due to nonresponse, (1 + 1/m) b / ū. */
  riv: number;
  /** Proportion of the total variance due to nonresponse, (1 + 1/m) b / t. */
  lambda: number;
  /** Fraction of missing information as mice reports it: (riv + 2/(df + 3)) / (riv + 1). */
  fmi: number;
  /** Number of imputations. */
  m: number;
}

/**
 * Pools m ≥ 2 complete-data estimates of one scalar and their squared standard errors by
 * Rubin's rules, with mice 3.15's formulas:
 *
 *   q̄ = mean(Q), ū = mean(U), b = var(Q), t = ū + (1 + 1/m) b,
 *   riv = (1 + 1/m) b / ū, λ = (1 + 1/m) b / t,
 *   df = ν_old ν_obs / (ν_old + ν_obs) with ν_old = (m − 1)/λ'², λ' = max(λ, 1e-4),
 *        ν_obs = (ν_com + 1)/(ν_com + 3) · ν_com · (1 − λ'), and df = ν_old when ν_com = ∞,
 *   fmi = (riv + 2/(df + 3)) / (riv + 1).
 *
 * The floor λ' = 1e-4 is mice's: it keeps df finite when b = 0 (every imputation gave the
 * same estimate, e.g. nothing was missing), where df is then close to ν_obs(λ' = 1e-4) and
 * fmi = 2/(df + 3) rather than 0. λ and riv themselves are reported unfloored, as mice does.
 *
 * @param estimates The m complete-data estimates Q₁ … Q_m.
 * @param variances Their squared standard errors U₁ … U_m (finite, ≥ 0, not all 0).
 * @param dfComplete Complete-data degrees of freedom ν_com (n − p of the analysis model;
 *   mice's `dfcom`), > 0; Infinity gives Rubin's (1987) large-sample ν_old.
 * @param level Confidence level of the interval, in (0, 1).
 * @throws RangeError for m < 2, unequal lengths, a non-finite estimate, a negative or
 *   non-finite variance, all variances 0, dfComplete ≤ 0 or NaN, or level outside (0, 1).
 *
 * @example poolRubin([1, 1.001, 0.999], [1, 1, 1], 97, 0.95).df // 95.0504488…, as mice::pool.scalar(…, n = 100, k = 3)$df
 */
export function poolRubin(estimates: readonly number[], variances: readonly number[], dfComplete: number, level: number): PooledEstimate {
  const m = estimates.length;
  if (variances.length !== m) throw new RangeError(`poolRubin: ${m} estimates but ${variances.length} variances`);
  if (m < 2) throw new RangeError(`poolRubin: pooling needs at least 2 imputations, got ${m}`);
  estimates.forEach((q, i) => {
    if (!Number.isFinite(q)) throw new RangeError(`poolRubin: estimate ${i + 1} is ${q}`);
  });
  variances.forEach((u, i) => {
    if (!(u >= 0) || !Number.isFinite(u)) throw new RangeError(`poolRubin: variance ${i + 1} is ${u}; a squared standard error must be finite and ≥ 0`);
  });
  if (!(dfComplete > 0)) throw new RangeError(`poolRubin: complete-data degrees of freedom must be > 0 (or Infinity), got ${dfComplete}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`poolRubin: confidence level must be in (0, 1), got ${level}`);

  const estimate = estimates.reduce((s, q) => s + q, 0) / m;
  const ubar = variances.reduce((s, u) => s + u, 0) / m;
  // With ū = 0 riv is infinite and, for a finite ν_com, df is 0: no t interval exists.
  if (!(ubar > 0)) throw new RangeError('poolRubin: every complete-data variance is 0, so there is no sampling variance to pool');
  const b = estimates.reduce((s, q) => s + (q - estimate) ** 2, 0) / (m - 1);
  const inflated = (1 + 1 / m) * b;
  const t = ubar + inflated;
  const riv = inflated / ubar;
  const lambda = inflated / t;

  const floored = lambda < 1e-4;
  const lambdaDf = floored ? 1e-4 : lambda;
  const dfOld = (m - 1) / lambdaDf ** 2;
  let df = dfOld;
  if (Number.isFinite(dfComplete)) {
    // ū/t is 1 − λ without the cancellation that would make ν_obs (and df) 0 when b ≫ ū.
    const oneMinusLambda = floored ? 1 - lambdaDf : ubar / t;
    const dfObs = ((dfComplete + 1) / (dfComplete + 3)) * dfComplete * oneMinusLambda;
    df = (dfOld * dfObs) / (dfOld + dfObs);
  }
  const fmi = (riv + 2 / (df + 3)) / (riv + 1);

  const se = Math.sqrt(t);
  const q = tQuantile((1 + level) / 2, df);
  // mice's summary() floors df at 0.001 for the p-value only.
  const p = tTwoSidedP(estimate / se, Math.max(df, 0.001));
  return { estimate, se, df, ci: [estimate - q * se, estimate + q * se], p, ubar, b, t, riv, lambda, fmi, m };
}
