/**
 * Weighted least squares of study effects on a model matrix, and the projection matrix
 * P = W − W X (XᵀWX)⁻¹ XᵀW that the τ² estimators and the Q statistics are built from
 * (Viechtbauer 2005, J Educ Behav Stat 30:261, eq. 6; metafor's rma.uni). Matrices are
 * small (k studies × p coefficients), so everything is dense.
 */
import { choleskyFactor, choleskyInverse, choleskyLogDet } from '../stats/cholesky-factor.ts';

/** A weighted least-squares fit with weights w. */
export interface WlsFit {
  /** Coefficients (XᵀWX)⁻¹ XᵀW y. */
  beta: number[];
  /** (XᵀWX)⁻¹: the coefficients' covariance matrix when w are inverse variances. */
  xwxInverse: number[][];
  /** log det(XᵀWX), for the restricted likelihood. */
  logDetXwx: number;
  /** Weighted residual sum of squares Σ wᵢ (yᵢ − xᵢᵀβ)² = yᵀ P y. */
  rss: number;
}

/**
 * Fits y on X with weights w (all positive). Throws a RangeError when XᵀWX is singular
 * (the moderators are collinear, or fewer distinct rows than coefficients).
 */
export function wlsFit(X: readonly (readonly number[])[], y: readonly number[], w: readonly number[]): WlsFit {
  const k = y.length;
  const p = X[0]!.length;
  const xwx: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xwy = new Array<number>(p).fill(0);
  for (let i = 0; i < k; i++) {
    const xi = X[i]!;
    const wi = w[i]!;
    for (let a = 0; a < p; a++) {
      xwy[a]! += wi * xi[a]! * y[i]!;
      for (let b = 0; b <= a; b++) xwx[a]![b]! += wi * xi[a]! * xi[b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xwx[b]![a] = xwx[a]![b]!;
  const l = choleskyFactor(xwx);
  if (l === null) throw new RangeError('meta-analysis: the model matrix is not of full rank (collinear moderators)');
  const inv = choleskyInverse(l);
  const beta = inv.map((row) => row.reduce((s, v, b) => s + v * xwy[b]!, 0));
  let rss = 0;
  for (let i = 0; i < k; i++) {
    let fitted = 0;
    for (let a = 0; a < p; a++) fitted += X[i]![a]! * beta[a]!;
    rss += w[i]! * (y[i]! - fitted) ** 2;
  }
  return { beta, xwxInverse: inv, logDetXwx: choleskyLogDet(l), rss };
}

/** P = W − W X (XᵀWX)⁻¹ XᵀW (k × k, symmetric), given (XᵀWX)⁻¹. */
export function projectionMatrix(X: readonly (readonly number[])[], w: readonly number[], xwxInverse: readonly (readonly number[])[]): number[][] {
  const k = w.length;
  const p = xwxInverse.length;
  // Row i of X (XᵀWX)⁻¹, reused for every column j.
  const xv = X.map((xi) => xwxInverse.map((col) => col.reduce((s, v, b) => s + v * xi[b]!, 0)));
  const P: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let h = 0;
      for (let a = 0; a < p; a++) h += xv[i]![a]! * X[j]![a]!;
      const v = (i === j ? w[i]! : 0) - w[i]! * w[j]! * h;
      P[i]![j] = v;
      P[j]![i] = v;
    }
  }
  return P;
}

/** The trace of a square matrix. */
export function trace(A: readonly (readonly number[])[]): number {
  return A.reduce((s, row, i) => s + row[i]!, 0);
}
