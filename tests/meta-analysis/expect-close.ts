/**
 * Comparison with reference numbers by relative error. The correctness bar for the
 * meta-analysis is 5 significant digits against metafor; the tests ask for far more
 * (DEFAULT_REL), because the estimators follow metafor's algorithms step for step and
 * agree to about 1e-10, so a real slip shows at once.
 */
import { expect } from 'vitest';

/** Relative tolerance of the comparisons with metafor. */
export const DEFAULT_REL = 1e-8;

/**
 * |actual − expected| ≤ rel·|expected|; an expected 0 must be matched within `zeroAbs`.
 * `what` names the quantity in the failure message.
 */
export function expectRel(actual: number | null | undefined, expected: number, what: string, rel = DEFAULT_REL, zeroAbs = 1e-12): void {
  expect(actual, what).toBeTypeOf('number');
  const a = actual as number;
  if (!Number.isFinite(expected)) {
    expect(a, what).toBe(expected);
    return;
  }
  const err = Math.abs(a - expected);
  const bound = expected === 0 ? zeroAbs : rel * Math.abs(expected);
  if (!(err <= bound)) expect.fail(`${what}: got ${a}, expected ${expected} (error ${err.toExponential(2)} > ${bound.toExponential(2)})`);
}

/** expectRel for each entry of two arrays of the same length. */
export function expectAllRel(actual: readonly (number | null)[], expected: readonly number[], what: string, rel = DEFAULT_REL, zeroAbs = 1e-12): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  expected.forEach((e, i) => expectRel(actual[i], e, `${what}[${i}]`, rel, zeroAbs));
}
