/**
 * associationTest: the choice between Fisher's exact test and Pearson's chi-square, and the
 * values it passes on, against R 4.2 (stats package), printed with sprintf('%.17g', …).
 * In the calls, m(x1, n1, x2, n2) stands for matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE);
 * the smallest expected count is min(chisq.test(m(…))$expected).
 */
import { describe, expect, it } from 'vitest';
import { associationTest } from '../../src/stats/association-test.ts';

function expectClose(actual: number, expected: number, rel = 1e-13): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

describe('associationTest', () => {
  it('uses Pearson without continuity correction when every expected count is at least 5', () => {
    // chisq.test(m(56, 70, 48, 80), correct = FALSE): X² 7.0234113712374571, p 0.0080450813681965782; min expected 21.466666666666665
    let r = associationTest(56, 70, 48, 80);
    expect(r.method).toBe('pearson_chi_square');
    expect(r.note).toBeNull();
    expectClose(r.statistic!, 7.0234113712374571);
    expectClose(r.p, 0.0080450813681965782);
    expectClose(r.minExpected, 21.466666666666665);
    // chisq.test(m(12000, 40000, 11500, 40000), correct = FALSE): X² 15.063076633402371, p 0.00010397738933439493
    r = associationTest(12000, 40000, 11500, 40000);
    expect(r.method).toBe('pearson_chi_square');
    expectClose(r.statistic!, 15.063076633402371);
    expectClose(r.p, 0.00010397738933439493);
    expect(r.minExpected).toBe(11750);
  });

  it('keeps Pearson at a smallest expected count of exactly 5', () => {
    // chisq.test(m(7, 10, 3, 10), correct = FALSE): X² 3.2000000000000002, p 0.073638270120302773; min expected 5
    const r = associationTest(7, 10, 3, 10);
    expect(r.method).toBe('pearson_chi_square');
    expect(r.minExpected).toBe(5);
    expectClose(r.statistic!, 3.2000000000000002);
    expectClose(r.p, 0.073638270120302773);
  });

  it('uses Fisher when an expected count is below 5', () => {
    // fisher.test(m(6, 10, 3, 10))$p.value 0.36984996427720895; min expected 4.5
    let r = associationTest(6, 10, 3, 10);
    expect(r).toMatchObject({ method: 'fisher_exact', statistic: null, minExpected: 4.5, note: null });
    expectClose(r.p, 0.36984996427720895, 1e-12);
    // fisher.test(m(9, 10, 3, 10))$p.value 0.019766611097880419; min expected 4
    r = associationTest(9, 10, 3, 10);
    expect(r).toMatchObject({ method: 'fisher_exact', statistic: null, minExpected: 4, note: null });
    expectClose(r.p, 0.019766611097880419, 1e-12);
    // fisher.test(m(5, 56, 0, 29))$p.value 0.16062144320947117; min expected 1.7058823529411764
    r = associationTest(5, 56, 0, 29);
    expect(r.method).toBe('fisher_exact');
    expectClose(r.minExpected, 1.7058823529411764);
    expectClose(r.p, 0.16062144320947117, 1e-12);
    // fisher.test(m(1, 1, 0, 1))$p.value 1; min expected 0.5
    expect(associationTest(1, 1, 0, 1)).toEqual({ method: 'fisher_exact', statistic: null, p: 1, minExpected: 0.5, note: null });
    // fisher.test(m(1, 40000, 0, 40000))$p.value 1; min expected 0.5 (large arms, rare outcome)
    expect(associationTest(1, 40000, 0, 40000)).toEqual({ method: 'fisher_exact', statistic: null, p: 1, minExpected: 0.5, note: null });
  });

  it('gives p = 1 and says so when nobody, or everybody, is employed in both arms', () => {
    expect(associationTest(0, 10, 0, 20)).toEqual({ method: 'fisher_exact', statistic: null, p: 1, minExpected: 0, note: 'no_events' });
    expect(associationTest(10, 10, 20, 20)).toEqual({ method: 'fisher_exact', statistic: null, p: 1, minExpected: 0, note: 'all_events' });
    expect(associationTest(0, 40000, 0, 40000)).toEqual({ method: 'fisher_exact', statistic: null, p: 1, minExpected: 0, note: 'no_events' });
  });

  it('rejects impossible inputs with a RangeError', () => {
    for (const args of [
      [0, 0, 1, 10],
      [11, 10, 1, 10],
      [1, 10, -1, 10],
      [1.5, 10, 1, 10],
    ] as [number, number, number, number][]) {
      expect(() => associationTest(...args)).toThrow(RangeError);
    }
  });
});
