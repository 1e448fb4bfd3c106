/**
 * quantile against R 4.2's quantile(x, probs, type = 7), the default type; values printed
 * with sprintf('%.17g', …). Ties and repeated values are where definitions differ most.
 */
import { describe, expect, it } from 'vitest';
import jStat from 'jstat';
import { quantile, quantileSorted } from '../../src/stats/quantile.ts';

describe('quantile (type 7)', () => {
  it('matches R with ties', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const probs = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
    // quantile(c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5), c(0, .1, .25, .5, .75, .9, 1), type = 7)
    expect(probs.map((p) => quantile(x, p))).toEqual([1, 1, 2.5, 4, 5, 6, 9]);
    // quantile(c(2, 2, 2, 7), c(.25, .5, .75, .9), type = 7)
    expect([0.25, 0.5, 0.75, 0.9].map((p) => quantile([2, 2, 2, 7], p))).toEqual([2, 2, 3.25, 5.5000000000000009]);
  });

  it('interpolates exactly as R does (same rounding)', () => {
    // quantile(c(0.1, 0.7), c(1/3, .5), type = 7)
    expect([1 / 3, 0.5].map((p) => quantile([0.1, 0.7], p))).toEqual([0.29999999999999993, 0.39999999999999997]);
    // quantile(c(-1.5, 2.25, -1.5, 10, 3), c(0.3, 0.65), type = 7)
    expect([0.3, 0.65].map((p) => quantile([-1.5, 2.25, -1.5, 10, 3], p))).toEqual([-0.74999999999999933, 2.7000000000000002]);
  });

  it('handles one value, leaves its input unsorted, and rejects bad input', () => {
    // quantile(42, c(0, .25, 1), type = 7)
    expect([0, 0.25, 1].map((p) => quantile([42], p))).toEqual([42, 42, 42]);
    const x = [3, 1, 2];
    quantile(x, 0.5);
    expect(x).toEqual([3, 1, 2]);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, NaN], 0.5)).toThrow(RangeError);
  });

  it('documents why jStat is not used: its percentile is not type 7 in the top interval', () => {
    // quantile(1:4, 0.75, type = 7) is 3.25
    expect(jStat.percentile([1, 2, 3, 4], 0.75)).toBe(3);
    expect(Number.isNaN(jStat.quantiles([42], [0.5], 1, 1)[0])).toBe(true);
  });
});
