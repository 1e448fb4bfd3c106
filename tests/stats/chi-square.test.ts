/**
 * pearsonChiSquare and chiSquare1UpperTail against R 4.2 (stats package), printed with
 * sprintf('%.17g', …). In the calls, m(x1, n1, x2, n2) stands for the table
 * matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE).
 */
import { describe, expect, it } from 'vitest';
import { chiSquare1UpperTail, pearsonChiSquare } from '../../src/stats/chi-square.ts';

function expectClose(actual: number, expected: number, rel = 1e-13): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

function expectR(x1: number, n1: number, x2: number, n2: number, statistic: number, p: number, rel = 1e-13): void {
  const r = pearsonChiSquare(x1, n1, x2, n2);
  expect(r.note).toBeNull();
  expect(r.df).toBe(1);
  expectClose(r.statistic!, statistic, rel);
  expectClose(r.p, p, rel);
}

describe('chiSquare1UpperTail', () => {
  it('matches R’s pchisq(x, 1, lower.tail = FALSE) on both sides of the series/fraction switch', () => {
    const cases: [number, number][] = [
      [1e-8, 0.99992021154405275],
      [0.5, 0.47950012218695348],
      [2.9, 0.088579552579776885],
      [2.999, 0.083315927242249788],
      [3, 0.083264516663550558],
      [3.001, 0.083213140347148606],
      [3.1, 0.078292294146410202],
      [10, 0.0015654022580025519],
      [100, 1.5239706048321054e-23],
      [1000, 1.7958327848007259e-219],
    ];
    for (const [x, p] of cases) expectClose(chiSquare1UpperTail(x), p, 1e-14);
    // pchisq(3.841458820694124, 1, lower.tail = FALSE), at R's qchisq(0.95, 1)
    expectClose(chiSquare1UpperTail(3.841458820694124), 0.049999999999999975, 1e-14);
    // pchisq(1400, 1, lower.tail = FALSE): exp of a number near −700 costs a few digits
    expectClose(chiSquare1UpperTail(1400), 2.1010145162641344e-306, 1e-12);
  });

  it('gives 1 at 0 and 0 at infinity, and rejects negative or NaN input', () => {
    expect(chiSquare1UpperTail(0)).toBe(1);
    expect(chiSquare1UpperTail(Infinity)).toBe(0);
    expect(() => chiSquare1UpperTail(-1)).toThrow(RangeError);
    expect(() => chiSquare1UpperTail(NaN)).toThrow(RangeError);
  });
});

describe('pearsonChiSquare', () => {
  it('matches R’s chisq.test(…, correct = FALSE) on ordinary tables', () => {
    // chisq.test(m(56, 70, 48, 80), correct = FALSE)
    expectR(56, 70, 48, 80, 7.0234113712374571, 0.0080450813681965782);
    // chisq.test(m(71, 190, 59, 218), correct = FALSE)
    expectR(71, 190, 59, 218, 4.9649027001331003, 0.025866770360570512);
    // chisq.test(m(9, 10, 3, 10), correct = FALSE)
    expectR(9, 10, 3, 10, 7.5, 0.0061698993205441532);
    // chisq.test(m(7, 10, 3, 10), correct = FALSE)
    expectR(7, 10, 3, 10, 3.2000000000000002, 0.073638270120302773);
  });

  it('matches R with nobody or everybody employed in one arm, and n = 1', () => {
    // chisq.test(m(0, 10, 3, 10), correct = FALSE)
    expectR(0, 10, 3, 10, 3.5294117647058822, 0.060289173990602185);
    // chisq.test(m(5, 56, 0, 29), correct = FALSE)
    expectR(5, 56, 0, 29, 2.7511160714285716, 0.097186568170579746);
    // chisq.test(m(10, 10, 4, 10), correct = FALSE)
    expectR(10, 10, 4, 10, 8.5714285714285712, 0.0034147911781178134);
    // chisq.test(m(1, 1, 0, 1), correct = FALSE)
    expectR(1, 1, 0, 1, 2, 0.15729920705028447);
    // chisq.test(m(1, 1, 1, 2), correct = FALSE)
    expectR(1, 1, 1, 2, 0.75, 0.38647623077123266);
  });

  it('matches R for large n and very small p', () => {
    // chisq.test(m(12000, 40000, 11500, 40000), correct = FALSE)
    expectR(12000, 40000, 11500, 40000, 15.063076633402371, 0.00010397738933439493);
    // chisq.test(m(1000, 40000, 700, 40000), correct = FALSE)
    expectR(1000, 40000, 700, 40000, 54.090601757944555, 1.9145481318354818e-13);
    // chisq.test(m(1, 40000, 0, 40000), correct = FALSE)
    expectR(1, 40000, 0, 40000, 1.0000125001562519, 0.31730748320995356);
    // chisq.test(m(400, 400, 0, 400), correct = FALSE)
    expectR(400, 400, 0, 400, 800, 5.3958656116079012e-176);
  });

  it('gives p = 1 with a note where R gives NaN: nobody, or everybody, employed in both arms', () => {
    // chisq.test(m(0, 10, 0, 20), correct = FALSE) and m(10, 10, 20, 20): statistic and p NaN
    expect(pearsonChiSquare(0, 10, 0, 20)).toEqual({ statistic: null, df: 1, p: 1, note: 'no_events' });
    expect(pearsonChiSquare(10, 10, 20, 20)).toEqual({ statistic: null, df: 1, p: 1, note: 'all_events' });
    expect(pearsonChiSquare(0, 1, 0, 1)).toEqual({ statistic: null, df: 1, p: 1, note: 'no_events' });
    expect(pearsonChiSquare(1, 1, 1, 1)).toEqual({ statistic: null, df: 1, p: 1, note: 'all_events' });
  });

  it('gives exactly 0 and p = 1 for equal proportions, and is symmetric in the arms', () => {
    expect(pearsonChiSquare(3, 10, 6, 20)).toEqual({ statistic: 0, df: 1, p: 1, note: null });
    const a = pearsonChiSquare(13, 40, 7, 35);
    const b = pearsonChiSquare(7, 35, 13, 40);
    expectClose(a.statistic!, b.statistic!, 1e-15);
    expectClose(a.p, b.p, 1e-15);
  });

  it('rejects impossible inputs with a RangeError', () => {
    for (const args of [
      [0, 0, 1, 10],
      [1, 10, 0, 0],
      [11, 10, 1, 10],
      [1, 10, -1, 10],
      [1.5, 10, 1, 10],
      [1, NaN, 1, 10],
    ] as [number, number, number, number][]) {
      expect(() => pearsonChiSquare(...args)).toThrow(RangeError);
    }
  });
});
