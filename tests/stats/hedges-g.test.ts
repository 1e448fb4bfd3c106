/** Hedges' exact correction against metafor. */
import { describe, expect, it } from 'vitest';
import { hedgesCorrection } from '../../src/stats/hedges-g.ts';

describe('hedgesCorrection', () => {
  it("equals metafor's exact factor (.cmicalc)", () => {
    // R: cmi <- function(mi) exp(lgamma(mi/2) - log(sqrt(mi/2)) - lgamma((mi-1)/2))  # as metafor:::.cmicalc
    //    sprintf("%.15g", cmi(c(2, 10, 57.5, 408)))
    const expected = [0.564189583547756, 0.922745608053087, 0.986889992043529, 0.998160449573768];
    [2, 10, 57.5, 408].forEach((df, k) => expect(hedgesCorrection(df)).toBeCloseTo(expected[k]!, 12));
  });

  it("gives metafor's escalc SMD when applied to d", () => {
    // R: metafor::escalc("SMD", m1i = 5.2, m2i = 4.1, sd1i = 2, sd2i = 2.5, n1i = 12, n2i = 9)$yi  # 0.474718585071111
    const pooled = Math.sqrt((11 * 4 + 8 * 6.25) / 19);
    expect((1.1 / pooled) * hedgesCorrection(19)).toBeCloseTo(0.474718585071111, 12);
  });

  it('refuses df below 2', () => {
    expect(() => hedgesCorrection(1)).toThrow(RangeError);
    expect(() => hedgesCorrection(NaN)).toThrow(RangeError);
  });
});
