/**
 * The bootstrap and the randomization p-value. Their randomness cannot be matched to R's
 * generator, so the tests check what the methods guarantee: the percentile rule equals R's
 * quantile(type = 7) on the same replicates, the same seed gives the same interval, and
 * the Monte Carlo p-value follows (1 + b) / (1 + B).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/random/rng.ts';
import { bootstrapMeanDifference, percentileInterval } from '../../src/stats/bootstrap.ts';
import { randomizationPValue } from '../../src/stats/randomization-test.ts';

describe('percentileInterval', () => {
  it('takes type-7 quantiles of the replicates, as R does', () => {
    // R: quantile(c(5, 1, 4, 2, 3, 10, 7, 6, 9, 8), c(0.025, 0.975)) → 1.225 9.775
    const [lo, hi] = percentileInterval([5, 1, 4, 2, 3, 10, 7, 6, 9, 8], 0.95);
    expect(lo).toBeCloseTo(1.225, 12);
    expect(hi).toBeCloseTo(9.775, 12);
  });

  it('refuses non-finite replicates', () => {
    expect(() => percentileInterval([1, Number.NaN], 0.95)).toThrow(RangeError);
  });
});

describe('bootstrapMeanDifference', () => {
  it('is repeatable for a seed and centred on the observed difference', () => {
    const a = Array.from({ length: 200 }, (_, i) => (i % 7) + 10);
    const b = Array.from({ length: 150 }, (_, i) => i % 5);
    const r1 = bootstrapMeanDifference(a, b, 2000, createRng(3));
    const r2 = bootstrapMeanDifference(a, b, 2000, createRng(3));
    expect(r1).toEqual(r2);
    const observed = a.reduce((s, x) => s + x, 0) / a.length - b.reduce((s, x) => s + x, 0) / b.length;
    const [lo, hi] = percentileInterval(r1, 0.95);
    expect(lo).toBeLessThan(observed);
    expect(hi).toBeGreaterThan(observed);
    // Normal-theory half-width 1.96·√(var(a)/na + var(b)/nb) = 1.96·√(4/200 + 2/150) ≈ 0.358;
    // the percentile interval must be close to it for these symmetric data.
    expect(Math.abs((hi - lo) / 2 - 0.358)).toBeLessThan(0.04);
  });

  it('gives a zero-width interval when nothing varies', () => {
    const r = bootstrapMeanDifference([3, 3, 3], [1, 1], 100, createRng(1));
    expect(percentileInterval(r, 0.95)).toEqual([2, 2]);
  });
});

describe('randomizationPValue', () => {
  it('is (1 + extreme) / (1 + defined)', () => {
    const stats = [0.1, -0.5, 0.3, null, 0.5, -0.05];
    let k = 0;
    const r = randomizationPValue(0.3, () => stats[k++]!, stats.length);
    // |T*| ≥ 0.3: -0.5, 0.3, 0.5 → 3 of 5 defined.
    expect(r).toEqual({ p: 4 / 6, permutations: 5 });
  });

  it('never gives 0, even when no redraw is as extreme', () => {
    expect(randomizationPValue(1, () => 0, 99).p).toBe(0.01);
  });
});
