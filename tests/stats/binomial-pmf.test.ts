/** binomialLogPmf and logSumExp against R 4.2's dbinom (values printed with sprintf('%.17g', …)). */
import { describe, expect, it } from 'vitest';
import { binomialLogPmf } from '../../src/stats/binomial-pmf.ts';
import { logSumExp } from '../../src/stats/log-sum-exp.ts';

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe('binomialLogPmf', () => {
  it('matches R dbinom', () => {
    const small = binomialLogPmf(10, 0.3);
    // dbinom(c(0, 3, 7, 10), 10, 0.3)
    const r = [0.02824752489999998, 0.26682793199999993, 0.0090016919999999865, 5.9048999999999949e-6];
    [0, 3, 7, 10].forEach((k, i) => expect(relErr(Math.exp(small[k]!), r[i]!)).toBeLessThan(1e-13));

    const trial = binomialLogPmf(410, 0.5);
    // dbinom(c(0, 200, 410), 410, 0.5)
    expect(relErr(Math.exp(trial[0]!), 3.7818280418451566e-124)).toBeLessThan(1e-12);
    expect(relErr(Math.exp(trial[200]!), 0.034869388502509154)).toBeLessThan(1e-13);
    expect(relErr(Math.exp(trial[410]!), 3.7818280418451566e-124)).toBeLessThan(1e-12);

    const rare = binomialLogPmf(100000, 1e-5);
    // dbinom(c(1, 5), 100000, 1e-5)
    expect(relErr(Math.exp(rare[1]!), 0.36788128057937802)).toBeLessThan(1e-12);
    expect(relErr(Math.exp(rare[5]!), 0.0030654933990540644)).toBeLessThan(1e-12);
  });

  it('sums to 1 and rejects p outside (0, 1)', () => {
    expect(Math.exp(logSumExp(binomialLogPmf(57, 0.123)))).toBeCloseTo(1, 14);
    expect(Array.from(binomialLogPmf(0, 0.4))).toEqual([0]);
    expect(() => binomialLogPmf(5, 0)).toThrow(RangeError);
    expect(() => binomialLogPmf(5, 1)).toThrow(RangeError);
    expect(() => binomialLogPmf(-1, 0.5)).toThrow(RangeError);
  });
});

describe('logSumExp', () => {
  it('adds probabilities held as logarithms, far below the double range too', () => {
    expect(logSumExp([Math.log(0.25), Math.log(0.5)])).toBeCloseTo(Math.log(0.75), 15);
    expect(logSumExp([-2000, -2000])).toBeCloseTo(-2000 + Math.log(2), 12);
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([1, 2, 3], 1, 2)).toBe(2);
  });
});
