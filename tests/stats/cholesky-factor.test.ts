/** Cholesky solve, inverse and log-determinant against R 4.2's solve() and determinant(). */
import { describe, expect, it } from 'vitest';
import { choleskyFactor, choleskyInverse, choleskyLogDet, choleskySolve } from '../../src/stats/cholesky-factor.ts';

describe('choleskyFactor', () => {
  const a = [
    [4, 2, 0.6],
    [2, 3, 0.4],
    [0.6, 0.4, 1],
  ];

  it('solves, inverts and gives log det A as R', () => {
    const l = choleskyFactor(a)!;
    // A <- matrix(c(4, 2, 0.6, 2, 3, 0.4, 0.6, 0.4, 1), 3); solve(A, c(1, -2, 0.5))
    const x = choleskySolve(l, [1, -2, 0.5]);
    [0.80939226519337015, -1.2762430939226519, 0.52486187845303867].forEach((e, i) => expect(x[i]).toBeCloseTo(e, 14));
    // solve(A), column by column
    const inv = choleskyInverse(l);
    const r = [0.39226519337016574, -0.24309392265193369, -0.13812154696132595, -0.24309392265193372, 0.50276243093922657, -0.055248618784530405, -0.13812154696132595, -0.055248618784530405, 1.1049723756906078];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(inv[i]![j]).toBeCloseTo(r[j * 3 + i]!, 14);
    // determinant(A)$modulus
    expect(choleskyLogDet(l)).toBeCloseTo(1.9796212063976248, 14);
  });

  it('returns null for singular or indefinite matrices, judged relative to the diagonal', () => {
    expect(choleskyFactor([[1, 1], [1, 1]])).toBeNull();
    expect(choleskyFactor([[1, 2], [2, 1]])).toBeNull();
    expect(choleskyFactor([[1e-300, 0], [0, 1e-300]])).not.toBeNull();
  });
});
