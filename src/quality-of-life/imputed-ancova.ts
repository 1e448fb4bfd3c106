/**
 * Sensitivity analysis 2: the primary ANCOVA on each of m imputed data sets, pooled by
 * Rubin's rules (Rubin 1987, Multiple Imputation for Nonresponse in Surveys) with Barnard &
 * Rubin's (1999, Biometrika 86:948–955) degrees of freedom, as mice's `pool`.
 */
import { poolRubin } from '../stats/rubin.ts';
import type { ImputedFit } from './imputation.ts';
import type { ImputedDifference } from './quality-of-life-results.ts';

/**
 * Pools one wave's ANCOVA over the m completed data sets (`fits`, one per imputation, in
 * imputation order; see imputationChunk) at confidence `level`; `rows` is the number of
 * participants the imputation covers. Null with a note when a data set's ANCOVA has no
 * estimate or no spread (then no pooled variance exists).
 */
export function imputedAncova(fits: readonly ImputedFit[], level: number, rows: number): ImputedDifference {
  const m = fits.length;
  const empty = (note: string): ImputedDifference => ({ estimate: null, se: null, ci: null, df: null, p: null, note, m, fmi: null, riv: null, n: rows });
  const failed = fits.find((f) => f.estimate === null || f.se === null || f.df === null || !(f.se > 0));
  if (failed) return empty(failed.note ?? 'not_estimable');
  const pooled = poolRubin(fits.map((f) => f.estimate!), fits.map((f) => f.se! ** 2), fits[0]!.df!, level);
  return {
    estimate: pooled.estimate, se: pooled.se, ci: pooled.ci, df: pooled.df, p: pooled.p, note: null,
    m, fmi: pooled.fmi, riv: pooled.riv, n: fits[0]!.n,
  };
}
