/** Holm and Benjamini–Hochberg against R's p.adjust. */
import { describe, expect, it } from 'vitest';
import { adjustPValues } from '../../src/stats/p-adjust.ts';

const p = [0.01, 0.04, 0.03, 0.001, 0.2, 0.04, 0.5];

describe('adjustPValues', () => {
  it("equals R's p.adjust(p, 'holm'), ties included", () => {
    // R: p <- c(0.01, 0.04, 0.03, 0.001, 0.2, 0.04, 0.5); sprintf("%.15g", p.adjust(p, "holm"))
    const expected = [0.06, 0.16, 0.15, 0.007, 0.4, 0.16, 0.5];
    adjustPValues(p, 'holm').forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 14));
  });

  it("equals R's p.adjust(p, 'BH')", () => {
    // R: sprintf("%.15g", p.adjust(p, "BH"))
    const expected = [0.035, 0.056, 0.056, 0.007, 0.233333333333333, 0.056, 0.5];
    adjustPValues(p, 'benjamini-hochberg').forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 14));
  });

  it('caps at 1, keeps a single test as it is, accepts an empty family and refuses a non-p', () => {
    expect(adjustPValues([0.6, 0.7], 'holm')).toEqual([1, 1]);
    expect(adjustPValues([0.03], 'holm')).toEqual([0.03]);
    expect(adjustPValues([0.03], 'benjamini-hochberg')).toEqual([0.03]);
    expect(adjustPValues([], 'holm')).toEqual([]);
    expect(() => adjustPValues([NaN], 'holm')).toThrow(RangeError);
    expect(() => adjustPValues([1.5], 'benjamini-hochberg')).toThrow(RangeError);
  });
});
