/** Welch's t interval against R's t.test (Welch is R's default). */
import { describe, expect, it } from 'vitest';
import { welchDifference } from '../../src/stats/welch.ts';

/** Agreement to `digits` significant digits (jStat's t quantile is good to about 1e-9, so bounds agree to 7). */
const close = (actual: number, expected: number, digits = 7) => expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(10 ** -digits);

describe('welchDifference', () => {
  it('equals R t.test(a, b)', () => {
    // R: a <- c(3,5,8,2,9,11,4); b <- c(1,2,2,5,3); r <- t.test(a, b)
    //    sprintf("%.15g", c(r$conf.int, r$p.value, r$parameter))
    //    0.128340436227899 6.6716595637721 0.0432694318138472 8.82516076333
    const r = welchDifference([3, 5, 8, 2, 9, 11, 4], [1, 2, 2, 5, 3], 0.95);
    expect(r.estimate).toBeCloseTo(3.4, 12);
    close(r.ci![0], 0.128340436227899);
    close(r.ci![1], 6.6716595637721);
    close(r.p!, 0.0432694318138472);
    close(r.df!, 8.82516076333, 10);
  });

  it('gives nulls, never NaN, for a group of one or no spread', () => {
    expect(welchDifference([1], [2, 3], 0.95)).toEqual({ estimate: -1.5, ci: null, p: null, df: null });
    expect(welchDifference([2, 2], [2, 2], 0.95)).toEqual({ estimate: 0, ci: null, p: null, df: null });
    expect(welchDifference([], [], 0.95).estimate).toBeNull();
  });
});
