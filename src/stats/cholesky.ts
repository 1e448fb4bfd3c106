/**
 * Quadratic forms with the inverse of a symmetric positive definite matrix.
 */

/**
 * dᵀ A⁻¹ d for a symmetric positive definite A (k × k, k ≥ 0), by Cholesky: with A = L Lᵀ,
 * dᵀ A⁻¹ d = |L⁻¹ d|², a sum of squares, so the result is never negative.
 *
 * Returns null when a pivot is not above `relTol` × the largest diagonal entry of A: the
 * matrix is then singular or too close to it for the answer to mean anything. The test is
 * relative because rounding in A's entries is relative to their size.
 *
 * @example inverseQuadraticForm([[4, 0], [0, 1]], [2, 3]) // 4/4 + 9/1 = 10
 */
export function inverseQuadraticForm(a: readonly (readonly number[])[], d: readonly number[], relTol = 1e-12): number | null {
  const k = d.length;
  const maxDiag = Math.max(0, ...a.map((row, i) => row[i]!));
  const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    let pivot = a[j]![j]!;
    for (let m = 0; m < j; m++) pivot -= l[j]![m]! ** 2;
    if (!(pivot > relTol * maxDiag)) return null;
    l[j]![j] = Math.sqrt(pivot);
    for (let i = j + 1; i < k; i++) {
      let s = a[i]![j]!;
      for (let m = 0; m < j; m++) s -= l[i]![m]! * l[j]![m]!;
      l[i]![j] = s / l[j]![j]!;
    }
  }
  let sum = 0;
  const z = new Array<number>(k).fill(0); // z = L⁻¹ d by forward substitution
  for (let i = 0; i < k; i++) {
    let s = d[i]!;
    for (let m = 0; m < i; m++) s -= l[i]![m]! * z[m]!;
    z[i] = s / l[i]![i]!;
    sum += z[i]! ** 2;
  }
  return sum;
}
