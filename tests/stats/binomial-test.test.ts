/**
 * binomialTest against R 4.2's binom.test (stats package), the independent reference.
 * Every expected value is printed by the R call beside it, with sprintf('%.17g', …).
 */
import { describe, expect, it } from 'vitest';
import { binomialTest } from '../../src/stats/binomial-test.ts';

/** Relative agreement with R's value (R itself is accurate to about 1e-14 here). */
function expectClose(actual: number, expected: number, rel = 1e-12): void {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

function expectR(count: number, n: number, p: number, level: number, rP: number, rCi: [number, number], rel = 1e-12): void {
  const r = binomialTest(count, n, p, level);
  expectClose(r.p, rP, rel);
  expectClose(r.ci[0], rCi[0], rel);
  expectClose(r.ci[1], rCi[1], rel);
}

describe('binomialTest', () => {
  it('matches R for an allocation check, 229 of 410 at p = 0.5', () => {
    // binom.test(229, 410, 0.5, conf.level = 0.95)
    expectR(229, 410, 0.5, 0.95, 0.020166071384817144, [0.5089757495085161, 0.60724656288711443]);
    // binom.test(229, 410, 0.5, conf.level = 0.99)
    expectR(229, 410, 0.5, 0.99, 0.020166071384817144, [0.49376078162303944, 0.62192616087409902]);
  });

  it('matches R for a 2:1 allocation ratio (p = 2/3)', () => {
    // binom.test(280, 410, 2/3)
    expectR(280, 410, 2 / 3, 0.95, 0.49642247255893029, [0.63546283341421517, 0.72772627916979626]);
    // binom.test(262, 410, 2/3)
    expectR(262, 410, 2 / 3, 0.95, 0.24907653058915458, [0.59044344737052101, 0.68558238829209706]);
  });

  it('gives the interval edges 0 and 1 exactly when the count is 0 or n', () => {
    // binom.test(0, 20, 0.5)
    expectR(0, 20, 0.5, 0.95, 1.9073486328124989e-6, [0, 0.16843347098308536]);
    // binom.test(0, 20, 0.3)
    expectR(0, 20, 0.3, 0.95, 0.0010589696700355855, [0, 0.16843347098308536]);
    // binom.test(20, 20, 0.5)
    expectR(20, 20, 0.5, 0.95, 1.9073486328124989e-6, [0.83156652901691464, 1]);
    // binom.test(20, 20, 0.9)
    expectR(20, 20, 0.9, 0.95, 0.25452997802490429, [0.83156652901691464, 1]);
    expect(binomialTest(0, 20, 0.5, 0.95).ci[0]).toBe(0);
    expect(binomialTest(20, 20, 0.5, 0.95).ci[1]).toBe(1);
  });

  it('matches R for small n', () => {
    // binom.test(1, 3, 0.5)
    expectR(1, 3, 0.5, 0.95, 1, [0.0084037586596126413, 0.9057006759497539]);
    // binom.test(2, 5, 0.3, conf.level = 0.9)
    expectR(2, 5, 0.3, 0.9, 0.6398499999999997, [0.076440391412328876, 0.81074462256222912]);
    // binom.test(1, 1, 0.5)
    expectR(1, 1, 0.5, 0.95, 1, [0.025000000000000022, 1]);
    // binom.test(0, 1, 0.5)
    expectR(0, 1, 0.5, 0.95, 1, [0, 0.97499999999999998]);
    // binom.test(5, 10, 0.5): the count equals n·p
    expectR(5, 10, 0.5, 0.95, 1, [0.18708602844739858, 0.81291397155260148]);
  });

  it("counts outcomes equally likely up to R's relative tolerance 1 + 1e-7", () => {
    // Without the tolerance, R's own arithmetic gives 0.125, 0.8036194 and 0.7268709 for the
    // first three (binom.test's two-sided rule re-run in R with relErr <- 1).
    // binom.test(1, 6, 0.5)
    expectR(1, 6, 0.5, 0.95, 0.21875000000000008, [0.0042107445144894742, 0.64123457899767478]);
    // binom.test(8, 15, 0.5)
    expectR(8, 15, 0.5, 0.95, 1, [0.26586134727739658, 0.78733327048069213]);
    // binom.test(6, 8, 2/3): P(X = 6) and P(X = 4) are equal in exact arithmetic
    expectR(6, 8, 2 / 3, 0.95, 1, [0.34914420558717579, 0.96814597375005573]);
    // In this implementation's own arithmetic the tolerance decides the next three: the
    // equally likely outcome comes out 1 ulp more likely than the observed one, so without
    // the tolerance the p-values would drop to R's un-tolerated 0.761554, 0.8178712, 0.6707819.
    // binom.test(8, 11, 2/3)
    expectR(8, 11, 2 / 3, 0.95, 1, [0.39025744042757882, 0.93978226582709334]);
    // binom.test(14, 20, 2/3)
    expectR(14, 20, 2 / 3, 0.95, 1, [0.45721081772371086, 0.88106840959427224]);
    // binom.test(2, 5, 1/3)
    expectR(2, 5, 1 / 3, 0.95, 1, [0.052744950526316912, 0.85336720036532676]);
  });

  it('matches R for p = 0 and p = 1 (the p-value is 1 or 0)', () => {
    // binom.test(0, 10, 0)
    expectR(0, 10, 0, 0.95, 1, [0, 0.30849710781876083]);
    // binom.test(3, 10, 0)
    expectR(3, 10, 0, 0.95, 0, [0.066739511177734495, 0.65245285005999731]);
    // binom.test(10, 10, 1)
    expectR(10, 10, 1, 0.95, 1, [0.69150289218123917, 1]);
    // binom.test(9, 10, 1)
    expectR(9, 10, 1, 0.95, 0, [0.55498388297180457, 0.99747142145553824]);
  });

  it('keeps relative accuracy for very small p-values and large n', () => {
    // binom.test(150, 1000, 0.2)
    expectR(150, 1000, 0.2, 0.95, 5.3546895345667146e-5, [0.12842481111617279, 0.173658128567036]);
    // binom.test(10, 1000, 0.5)
    expectR(10, 1000, 0.5, 0.95, 4.9666775829791753e-278, [0.0048055106910493079, 0.018313243055112394], 1e-11);
  });

  it('rejects impossible inputs with a RangeError', () => {
    for (const args of [
      [-1, 10, 0.5, 0.95],
      [11, 10, 0.5, 0.95],
      [1.5, 10, 0.5, 0.95],
      [0, 0, 0.5, 0.95],
      [1, 2.5, 0.5, 0.95],
      [1, 10, -0.1, 0.95],
      [1, 10, 1.1, 0.95],
      [1, 10, NaN, 0.95],
      [1, 10, 0.5, 1],
      [1, 10, 0.5, 0],
      [1, 10, 0.5, NaN],
    ] as [number, number, number, number][]) {
      expect(() => binomialTest(...args)).toThrow(RangeError);
    }
  });
});
