/** inverseQuadraticForm against R 4.2's solve() (printed with sprintf('%.17g', …)). */
import { describe, expect, it } from 'vitest';
import { inverseQuadraticForm } from '../../src/stats/cholesky.ts';

describe('inverseQuadraticForm', () => {
  it('matches R for a positive definite matrix', () => {
    const a = [
      [4, 2, 0.6],
      [2, 3, 0.4],
      [0.6, 0.4, 1],
    ];
    // A <- matrix(c(4, 2, 0.6, 2, 3, 0.4, 0.6, 0.4, 1), 3); d <- c(1, -2, 0.5); t(d) %*% solve(A, d)
    expect(inverseQuadraticForm(a, [1, -2, 0.5])).toBeCloseTo(3.6243093922651934, 14);
    expect(inverseQuadraticForm([[4, 0], [0, 1]], [2, 3])).toBe(10);
    expect(inverseQuadraticForm([], [])).toBe(0);
  });

  it('returns null for singular or indefinite matrices, judged relative to the diagonal', () => {
    expect(inverseQuadraticForm([[1, 1], [1, 1]], [1, 0])).toBeNull();
    expect(inverseQuadraticForm([[1e-300, 0], [0, 1e-300]], [1, 0])).not.toBeNull(); // small but well conditioned
    expect(inverseQuadraticForm([[1, 0], [0, 1e-13]], [1, 0])).toBeNull();
    expect(inverseQuadraticForm([[1, 2], [2, 1]], [1, 0])).toBeNull();
  });
});
