/**
 * Confidence interval for the between-study variance τ² by the Q-profile method
 * (Viechtbauer 2007, Stat Med 26:37), with the intervals for τ, I² and H² that follow
 * from it, as R's `confint(rma(...))` (metafor's default type "QP").
 */
import jStat from 'jstat';
import type { RmaFit } from './rma.ts';
import { wlsFit } from './weighted-least-squares.ts';

/** The Q-profile interval of τ² and what follows from it. */
export interface Tau2Interval {
  /** [low, high] of τ². */
  tau2: [number, number];
  /** √ of the τ² bounds. */
  tau: [number, number];
  /** τ²/(vt + τ²) at the bounds, as fractions. */
  i2: [number, number];
  /** τ²/vt + 1 at the bounds. */
  h2: [number, number];
  /**
   * null normally. 'empty': even at τ² = 0 the generalized Q is below the lower χ²
   * quantile (the studies agree more than chance allows), so no τ² ≥ 0 is in the interval;
   * reported as [0, 0], as metafor does. 'upper_above_search_range': the upper bound is
   * beyond `search_max` and is reported as search_max (metafor prints "> 100").
   */
  note: 'empty' | 'upper_above_search_range' | null;
  /** Upper end of the search, max(100, 10·τ̂²) as metafor. */
  search_max: number;
}

/** The generalized Q statistic Σ wᵢ (yᵢ − xᵢᵀβ̂(τ²))² with wᵢ = 1/(vᵢ + τ²): decreasing in τ². */
export function generalizedQ(fit: Pick<RmaFit, 'yi' | 'vi' | 'X'>, tau2: number): number {
  return wlsFit(
    fit.X,
    fit.yi,
    fit.vi.map((v) => 1 / (v + tau2)),
  ).rss;
}

/**
 * The τ² in [lo, hi] where the decreasing function f crosses `target`, by bisection to
 * the last bits (f(lo) ≥ target ≥ f(hi)). Bisection is slow but cannot miss on a
 * monotone function, and each step costs one weighted regression of k studies.
 */
function solveDecreasing(f: (t: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

/**
 * Q-profile confidence interval for τ² of a fitted random-effects model (method REML or
 * DL, k ≥ 2), as `confint(fit)` of metafor: the bounds are the τ² where the generalized Q
 * equals the χ²_{k−p} quantiles at (1 + level)/2 (lower bound) and (1 − level)/2 (upper
 * bound), searched in [0, max(100, 10·τ̂²)]. A bound whose equation has no root at τ² ≥ 0
 * is 0. Solved to full double precision (metafor's `uniroot` stops at an absolute
 * tolerance of about 1.2e-4 in τ² unless given `control = list(tol = …)`).
 * I² and H² bounds use the fit's vt. Returns null for a fixed-effect fit or k = 1.
 *
 * @example tau2Interval(fitRma(yi, vi)).tau2 // [low, high]
 */
export function tau2Interval(fit: RmaFit, level = fit.level): Tau2Interval | null {
  if (fit.method === 'FE' || fit.k < 2) return null;
  const df = fit.k - fit.p;
  const alpha = 1 - level;
  const critUpper = jStat.chisquare.inv(1 - alpha / 2, df) as number; // gives the lower bound of τ²
  const critLower = jStat.chisquare.inv(alpha / 2, df) as number; // gives the upper bound of τ²
  const searchMin = 0;
  const searchMax = Math.max(100, fit.tau2 * 10);
  const Q = (t: number) => generalizedQ(fit, t);
  const qMin = Q(searchMin);
  const qMax = Q(searchMax);
  let low: number;
  let high: number;
  let note: Tau2Interval['note'] = null;
  if (qMin < critLower) {
    low = searchMin;
    high = searchMin;
    note = 'empty';
  } else {
    if (qMax > critLower) {
      high = searchMax;
      note = 'upper_above_search_range';
    } else high = solveDecreasing(Q, critLower, searchMin, searchMax);
    if (qMax > critUpper) low = searchMax;
    else if (qMin < critUpper) low = searchMin;
    else low = solveDecreasing(Q, critUpper, searchMin, searchMax);
  }
  const i2 = (t: number) => t / (fit.vt + t);
  const h2 = (t: number) => t / fit.vt + 1;
  return {
    tau2: [low, high],
    tau: [Math.sqrt(low), Math.sqrt(high)],
    i2: [i2(low), i2(high)],
    h2: [h2(low), h2(high)],
    note,
    search_max: searchMax,
  };
}
