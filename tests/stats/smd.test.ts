/**
 * Standardized mean differences against values computed independently in R 4.2 (base R
 * only), printed with sprintf('%.17g', …).
 *
 * Continuous (Austin 2009, Stat Med 28:3083):
 *   (mean(t) - mean(c)) / sqrt((var(t) + var(c)) / 2)
 * Categorical (Yang & Dalton 2012, SAS Global Forum paper 335-2012), written with solve():
 *   yd <- function(cT, cC) {
 *     keep <- (cT + cC) > 0; cT <- cT[keep]; cC <- cC[keep]
 *     T <- (cT / sum(cT))[-1]; C <- (cC / sum(cC))[-1]
 *     cv <- function(p) { m <- -outer(p, p); diag(m) <- p * (1 - p); m }
 *     S <- (cv(T) + cv(C)) / 2; d <- T - C
 *     sqrt(drop(t(d) %*% solve(S, d)))
 *   }
 */
import { describe, expect, it } from 'vitest';
import { smdCategorical, smdContinuous } from '../../src/stats/smd.ts';

function expectValue(actual: { value: number | null; note: string | null }, expected: number): void {
  expect(actual.note).toBeNull();
  expect(actual.value).not.toBeNull();
  expect(Math.abs(actual.value! - expected)).toBeLessThan(1e-13);
}

describe('smdContinuous', () => {
  it('matches R (pooled SD, n − 1 variances)', () => {
    const t = [23, 35, 41, 29, 52, 38, 30, 44];
    const c = [27, 33, 48, 36, 25, 40, 31];
    // t <- c(23, 35, 41, 29, 52, 38, 30, 44); c <- c(27, 33, 48, 36, 25, 40, 31)
    // (mean(t) - mean(c)) / sqrt((var(t) + var(c)) / 2)
    expectValue(smdContinuous(t, c), 0.25690999835107103);
    expectValue(smdContinuous(c, t), -0.25690999835107103);
  });

  it('gives no_data when an arm has no values (or one value: no SD)', () => {
    expect(smdContinuous([], [1, 2, 3])).toEqual({ value: null, note: 'no_data' });
    expect(smdContinuous([1, 2, 3], [])).toEqual({ value: null, note: 'no_data' });
    expect(smdContinuous([5], [1, 2, 3])).toEqual({ value: null, note: 'no_data' });
  });

  it('handles zero variance: equal constants give 0, different constants no_overlap', () => {
    expect(smdContinuous([0.1, 0.1, 0.1], [0.1, 0.1])).toEqual({ value: 0, note: null });
    expect(smdContinuous([30, 30], [40, 40, 40])).toEqual({ value: null, note: 'no_overlap' });
    // One constant arm is fine: (30 - 2) / sqrt((0 + var(1:3)) / 2) = 28 / sqrt(0.5)
    expectValue(smdContinuous([30, 30], [1, 2, 3]), 28 / Math.sqrt(0.5));
  });

  it('rejects non-finite values', () => {
    expect(() => smdContinuous([1, NaN], [1, 2])).toThrow(RangeError);
  });
});

describe('smdCategorical (Yang & Dalton)', () => {
  it('matches R for five levels, one empty in both arms', () => {
    // yd(c(12, 7, 5, 3, 0), c(10, 9, 2, 6, 0))
    expectValue(smdCategorical([12, 7, 5, 3, 0], [10, 9, 2, 6, 0]), 0.46039744999925003);
  });

  it('does not depend on the level order (which level is dropped)', () => {
    // yd(c(3, 5, 12, 7, 0), c(6, 2, 10, 9, 0)) = 0.46039744999924997
    expectValue(smdCategorical([3, 5, 12, 7, 0], [6, 2, 10, 9, 0]), 0.46039744999924997);
    expectValue(smdCategorical([0, 7, 12, 3, 5], [0, 9, 10, 6, 2]), 0.46039744999925003);
  });

  it('keeps a level that is empty in one arm only (finite, matches R)', () => {
    // yd(c(5, 0, 7), c(4, 3, 6))
    expectValue(smdCategorical([5, 0, 7], [4, 3, 6]), 0.77543473337909108);
    // yd(c(10, 0, 0), c(3, 4, 5)): the treatment arm is constant, the arms share level 1
    expectValue(smdCategorical([10, 0, 0], [3, 4, 5]), 2.4494897427831783);
    // yd(c(40, 1, 0), c(0, 1, 30)): one shared participant-level each, large but finite
    expectValue(smdCategorical([40, 1, 0], [0, 1, 30]), 11.832159566199241);
  });

  it('equals the binary SMD for two levels', () => {
    // yd(c(20, 30), c(28, 22)) = 0.32444284226152498
    // p1 <- 30/50; p2 <- 22/50; (p1 - p2) / sqrt((p1*(1-p1) + p2*(1-p2))/2) = 0.32444284226152503
    expectValue(smdCategorical([20, 30], [28, 22]), 0.32444284226152503);
    const binary = (p1: number, p2: number) => Math.abs(p1 - p2) / Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2);
    for (const [t, c] of [
      [[3, 9], [7, 2]],
      [[1, 99], [50, 50]],
      [[0, 5], [1, 4]],
    ] as const) {
      const r = smdCategorical(t, c);
      expect(r.value!).toBeCloseTo(binary(t[1] / (t[0] + t[1]), c[1] / (c[0] + c[1])), 13);
    }
  });

  it('gives null and no_overlap, never a near-zero value, when the arms share no level', () => {
    // Two levels: S = 0. MASS::ginv(S) is 0, so a generalized inverse (tableone) reports SMD 0.
    expect(smdCategorical([5, 0], [0, 7])).toEqual({ value: null, note: 'no_overlap' });
    // Three levels: solve(S, d) stops with "system is computationally singular";
    // sqrt(t(d) %*% MASS::ginv(S) %*% d) gives 0.20412414523193176, a finite answer to an unbounded question.
    expect(smdCategorical([5, 0, 0], [0, 3, 4])).toEqual({ value: null, note: 'no_overlap' });
    expect(smdCategorical([0, 2, 0, 6], [4, 0, 1, 0])).toEqual({ value: null, note: 'no_overlap' });
  });

  it('gives 0 when both arms lie in the same single level, no_data when an arm is empty', () => {
    expect(smdCategorical([4, 0, 0], [9, 0, 0])).toEqual({ value: 0, note: null });
    expect(smdCategorical([0, 0], [3, 1])).toEqual({ value: null, note: 'no_data' });
    expect(smdCategorical([0, 0], [0, 0])).toEqual({ value: null, note: 'no_data' });
  });

  it('rejects mismatched or non-count input', () => {
    expect(() => smdCategorical([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => smdCategorical([], [])).toThrow(RangeError);
    expect(() => smdCategorical([1, -1], [1, 2])).toThrow(RangeError);
    expect(() => smdCategorical([1, 0.5], [1, 2])).toThrow(RangeError);
  });
});
