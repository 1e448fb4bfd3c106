/**
 * Student's t distribution to full double precision, from stdlib (ports of Boost's
 * incomplete beta and its inverse). jStat's t quantile is off by about 3e-8 relative, which
 * shows in the 8th digit of an interval; these agree with R's qt and pt to about 1e-15.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantileStdlib from '@stdlib/stats-base-dists-t-quantile';

/** The t quantile for probability `p` with `df` > 0 degrees of freedom, as R's qt(p, df). */
export function tQuantile(p: number, df: number): number {
  return tQuantileStdlib(p, df);
}

/** Two-sided p-value of a t statistic, 2 P(T > |t|), as R's 2 * pt(-abs(t), df). */
export function tTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
