/**
 * Prediction interval for the true effect in a new study (Higgins, Thompson &
 * Spiegelhalter 2009, J R Stat Soc A 172:137; Riley, Higgins & Deeks 2011, BMJ 342:d549),
 * as R's `predict(rma(...))`.
 */
import { tQuantile } from '../stats/t-distribution.ts';
import type { RmaFit } from './rma.ts';

/**
 * 'metafor': predict.rma's default: the interval's critical value is the one of the
 * coefficients' intervals (z under test z; t with k − p df under knha), and the
 * prediction's variance uses the coefficients' covariance (scaled by s² under knha).
 * 'riley': predict.rma's `pi.type = "riley"`: t with k − p − 1 df (at least 1), the
 * formula of Riley et al. 2011 (t with k − 2 df without moderators).
 */
export type PredictionIntervalType = 'metafor' | 'riley';

/** A predicted mean effect with its confidence and prediction intervals (effect scale). */
export interface Prediction {
  estimate: number;
  se: number;
  ci: [number, number];
  /** estimate ± crit·√(se² + τ²). */
  prediction_interval: [number, number];
  /** Degrees of freedom of the prediction interval's t quantile; null when it uses z. */
  pi_df: number | null;
}

/**
 * The mean effect at moderator row x0 (default: the intercept alone, for a model without
 * moderators; a meta-regression needs x0 with the intercept's 1 first), its interval, and
 * the interval in which the true effect of a new study is expected to lie:
 * x0ᵀβ ± crit·√(x0ᵀ V x0 + τ²), as `predict(fit, newmods = x0[-1])` (type 'metafor') or
 * `predict(fit, pi.type = "riley")`. For a fixed-effect fit (τ² = 0) it equals the CI.
 *
 * @example predictionInterval(fitRma(yi, vi, null, { test: 'knha' })).prediction_interval
 */
export function predictionInterval(fit: RmaFit, x0: readonly number[] | null = null, type: PredictionIntervalType = 'metafor'): Prediction {
  const x = x0 ?? [1];
  if (x.length !== fit.p) throw new RangeError(`predictionInterval: x0 needs ${fit.p} entries (intercept first), got ${x.length}`);
  const estimate = x.reduce((s, v, a) => s + v * fit.beta[a]!, 0);
  let vpred = 0;
  for (let a = 0; a < fit.p; a++) for (let b = 0; b < fit.p; b++) vpred += x[a]! * fit.vb[a]![b]! * x[b]!;
  const se = Math.sqrt(Math.max(0, vpred));
  const ci: [number, number] = [estimate - fit.crit * se, estimate + fit.crit * se];
  let crit = fit.crit;
  let piDf = fit.df;
  if (type === 'riley') {
    // metafor: ddf (k − p even under z) minus the number of variance parameters (1 unless FE), at least 1.
    piDf = Math.max(1, fit.k - fit.p - (fit.method === 'FE' ? 0 : 1));
    crit = tQuantile((1 + fit.level) / 2, piDf);
  }
  const half = crit * Math.sqrt(se * se + fit.tau2);
  return { estimate, se, ci, prediction_interval: [estimate - half, estimate + half], pi_df: piDf };
}
