/**
 * Difference in means with Welch's unequal-variance t interval and test, as R's
 * `t.test(a, b)` (Welch 1947; Satterthwaite degrees of freedom).
 */
import jStat from 'jstat';
import { mean, sampleVariance } from './moments.ts';

/** Estimate a − b with its interval and two-sided p; null fields when a group has fewer than 2 values or no spread. */
export interface WelchResult {
  estimate: number | null;
  ci: [number, number] | null;
  p: number | null;
  df: number | null;
}

/**
 * Welch's two-sample t: mean(a) − mean(b), interval mean ± t(df, (1+level)/2) · se with
 * se = √(s²a/na + s²b/nb) and df = se⁴ / ((s²a/na)²/(na−1) + (s²b/nb)²/(nb−1)).
 *
 * @example welchDifference([3, 5, 8, 2, 9, 11, 4], [1, 2, 2, 5, 3], 0.95) // estimate 3.4, ci [0.12834, 6.67166], p 0.043269
 */
export function welchDifference(a: readonly number[], b: readonly number[], confidence: number): WelchResult {
  const estimate = a.length > 0 && b.length > 0 ? mean(a) - mean(b) : null;
  if (a.length < 2 || b.length < 2) return { estimate, ci: null, p: null, df: null };
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return { estimate, ci: null, p: null, df: null };
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const t = estimate! / se;
  const q = jStat.studentt.inv((1 + confidence) / 2, df) as number;
  const p = Math.min(1, 2 * (1 - (jStat.studentt.cdf(Math.abs(t), df) as number)));
  return { estimate, ci: [estimate! - q * se, estimate! + q * se], p, df };
}
