/**
 * Hedges' small-sample correction of a standardized mean difference (Hedges 1981, J Educ
 * Stat 6:107–128; Hedges & Olkin 1985, Statistical Methods for Meta-Analysis, eq. 5.2.10),
 * in its exact gamma-function form as metafor's escalc(measure = "SMD") uses it.
 */
import gammaDeltaRatio from '@stdlib/math-base-special-gamma-delta-ratio';

/**
 * J(df) = Γ(df/2) / (√(df/2) · Γ((df − 1)/2)), the factor that makes d = difference / pooled
 * SD unbiased; about 1 − 3/(4 df − 1). df is the pooled SD's degrees of freedom (n1 + n2 − 2),
 * at least 2.
 *
 * @example hedgesCorrection(10) // 0.922745608…
 */
export function hedgesCorrection(df: number): number {
  if (!(df >= 2)) throw new RangeError(`hedgesCorrection: df must be at least 2 (found ${df})`);
  // Γ(z) / Γ(z + ½) directly: a difference of log-gammas loses digits as df grows.
  return 1 / (Math.sqrt(df / 2) * gammaDeltaRatio((df - 1) / 2, 0.5));
}
