/**
 * Standardized mean differences (SMD) between two arms, for baseline balance.
 */
import { inverseQuadraticForm } from './cholesky.ts';
import { mean, sampleVariance } from './moments.ts';

/**
 * An SMD, or why there is none: 'no_data' when an arm has no usable values, 'no_overlap'
 * when the arms share no values so the standardized difference is unbounded.
 */
export interface SmdResult {
  value: number | null;
  note: 'no_overlap' | 'no_data' | null;
}

const NO_DATA: SmdResult = { value: null, note: 'no_data' };
const NO_OVERLAP: SmdResult = { value: null, note: 'no_overlap' };

/**
 * SMD of a continuous variable, treatment minus control, in units of the pooled SD:
 * (x̄_T − x̄_C) / √((s²_T + s²_C)/2), sample variances (n − 1). Austin 2009, Stat Med
 * 28:3083, eq. 1. Signed.
 *
 * 'no_data' when an arm has fewer than 2 values (no SD); when both SDs are 0, the result is
 * 0 for equal means and 'no_overlap' otherwise.
 *
 * @example smdContinuous([1, 2, 3], [2, 3, 4]) // { value: -1, note: null }
 */
export function smdContinuous(treatment: readonly number[], control: readonly number[]): SmdResult {
  if ([...treatment, ...control].some((v) => !Number.isFinite(v))) throw new RangeError('smdContinuous: values must be finite numbers');
  if (treatment.length < 2 || control.length < 2) return NO_DATA;
  const diff = mean(treatment) - mean(control);
  const pooled = (sampleVariance(treatment) + sampleVariance(control)) / 2;
  if (pooled === 0) return diff === 0 ? { value: 0, note: null } : NO_OVERLAP;
  return { value: diff / Math.sqrt(pooled), note: null };
}

/**
 * Multivariate SMD of a categorical variable (Yang & Dalton 2012, SAS Global Forum paper
 * 335-2012): from the level counts of each arm (same level order), with proportions p,
 * drop levels empty in both arms, then the first level; T and C are the remaining
 * proportion vectors and S = (S_T + S_C)/2 with S_ii = p_i(1 − p_i), S_ij = −p_i p_j.
 * SMD = √((T − C)ᵀ S⁻¹ (T − C)), never negative. For 2 levels it is the binary SMD
 * |p_T − p_C| / √((p_T(1 − p_T) + p_C(1 − p_C))/2); which level is dropped does not matter.
 *
 * Singular S. S is positive semidefinite, and vᵀSv = 0 exactly when v (with 0 on
 * the dropped level) is constant on each arm's observed levels. Once levels empty in both
 * arms are gone, that forces v = 0 if the arms share a level; so S is singular exactly when
 * the arms' observed levels are disjoint. Then v = indicator of the arm without the dropped
 * level gives vᵀ(T − C) = ±1 ≠ 0: T − C is outside S's range and the distance is unbounded,
 * so the result is 'no_overlap', never a generalized-inverse value (MASS::ginv, as used by
 * R's tableone, gives a finite value there: 0 for two levels). The case "singular but T − C in the range", where a
 * pseudo-inverse would be right, arises only from levels empty in both arms (a zero row and
 * column of S with a zero difference), and those are dropped first, which is the same
 * answer. Deciding singularity from the integer counts is exact, so no tolerance decides
 * it. The Cholesky step keeps a relative pivot tolerance (1e-12 × the largest variance;
 * relative because rounding in S is relative to its entries) only as a guard against a bug:
 * with a shared level the smallest pivot was about 1/N of the largest in checks with R
 * (N participants), so it fails only beyond about 1e11 participants, and then throws.
 *
 * @example smdCategorical([10, 30], [20, 20]) // { value: 0.5345224838248488, note: null }
 */
export function smdCategorical(countsT: readonly number[], countsC: readonly number[]): SmdResult {
  checkCounts(countsT, countsC);
  const keep = countsT.map((t, i) => t + countsC[i]! > 0);
  const t = countsT.filter((_, i) => keep[i]);
  const c = countsC.filter((_, i) => keep[i]);
  const nT = sum(t);
  const nC = sum(c);
  if (nT === 0 || nC === 0) return NO_DATA;
  if (!t.some((x, i) => x > 0 && c[i]! > 0)) return NO_OVERLAP;
  const pT = t.map((x) => x / nT).slice(1);
  const pC = c.map((x) => x / nC).slice(1);
  const s = pT.map((_, i) => pT.map((_, j) => (covariance(pT, i, j) + covariance(pC, i, j)) / 2));
  const q = inverseQuadraticForm(
    s,
    pT.map((x, i) => x - pC[i]!),
  );
  if (q === null) throw new Error('smdCategorical: numerically singular covariance although the arms share a level (please report)');
  return { value: Math.sqrt(q), note: null };
}

/** Multinomial covariance of level indicators i and j. */
function covariance(p: readonly number[], i: number, j: number): number {
  return i === j ? p[i]! * (1 - p[i]!) : -p[i]! * p[j]!;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function checkCounts(countsT: readonly number[], countsC: readonly number[]): void {
  if (countsT.length !== countsC.length || countsT.length === 0) {
    throw new RangeError(`smdCategorical: both arms need counts for the same levels (got ${countsT.length} and ${countsC.length})`);
  }
  if (![...countsT, ...countsC].every((x) => Number.isInteger(x) && x >= 0)) {
    throw new RangeError('smdCategorical: counts must be whole numbers ≥ 0');
  }
}
