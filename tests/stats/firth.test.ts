/**
 * fitFirth and firthProfileInterval.
 *
 * References:
 *  - The endometrial cancer data of Heinze & Schemper (2002), the worked example of Firth's
 *    method (tests/fixtures/logistic/endometrial.ts says where the data come from). The
 *    published R logistf results, `logistf(HG ~ NV + PI + EH, data = endometrial)`:
 *    coefficients 3.77455951 (intercept), 2.92927330 (NV), −0.03475175 (PI), −2.60416387 (EH),
 *    profile penalized likelihood 95 % limits (1.0825371, 7.20928050), (0.6097244, 7.85463171),
 *    (−0.1244587, 0.04045547), (−4.3651832, −1.23272106), as recorded from logistf in the test
 *    suite of the firthlogist Python package (jzluo/firthlogist,
 *    firthlogist/tests/test_firthlogist.py). logistf stops at step and score changes of 1e-5,
 *    so these agree with the exact solution to about 1e-7.
 *  - An independent base-R implementation, tests/fixtures/logistic/firth.R (logistf is not
 *    installed here): Newton iteration on the modified score with a finite-difference
 *    Jacobian (not the information-matrix step used here), cross-checked by maximizing the
 *    penalized log-likelihood with optim, profile limits by uniroot. Printed by reference.R.
 *  - Two exact results: an intercept-only model with no events has π̂ = 1/(2(n + 1)); a
 *    column that singles out one observation has leverage 1, so that observation's fitted
 *    probability is ¾ (y = 1) and the other coefficients are the Firth fit without it.
 */
import { describe, expect, it } from 'vitest';
import { designMatrix } from '../../src/stats/design-matrix.ts';
import { firthProfileInterval, fitFirth } from '../../src/stats/firth.ts';
import { fitLogistic } from '../../src/stats/logistic-regression.ts';
import { endometrial } from '../fixtures/logistic/endometrial.ts';
import { TRIAL_TERMS, trialColumns } from '../fixtures/logistic/trial-data.ts';

function expectRel(actual: readonly number[], expected: readonly number[], rel: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i]!;
    expect(Math.abs(a - e)).toBeLessThanOrEqual(rel * Math.abs(e));
  });
}

describe('fitFirth on the endometrial data (Heinze & Schemper 2002)', () => {
  const { X, y } = endometrial();
  const fit = fitFirth(X, y, { names: ['(Intercept)', 'NV', 'PI', 'EH'] });

  it('agrees with the published logistf estimates', () => {
    expect(fit.converged).toBe(true);
    expectRel(fit.coefficients, [3.77455951, 2.9292733, -0.03475175, -2.60416387], 1e-6);
  });

  it('agrees with the independent base-R solution to 1e-9', () => {
    // firth_newton(model.matrix(~ NV + PI + EH, en), en$HG): coef, se, penalized log-likelihood
    expectRel(fit.coefficients, [3.774559713647113, 2.9292733531971211, -0.03475175987043666, -2.6041639252936819], 1e-9);
    expectRel(fit.se, [1.4886916634356753, 1.5507637294530501, 0.039578147347763437, 0.77601764250157024], 1e-9);
    expectRel([fit.penalizedLogLik], [-24.037267800697926], 1e-12);
    // optim's direct maximization of l* lands within 1e-4 of the same point
    expectRel(fit.coefficients, [3.7746144129248886, 2.929282857148138, -0.03475376821494984, -2.6041769966085], 1e-4);
  });

  it('gives the published profile penalized likelihood intervals', () => {
    const logistf: [number, number][] = [
      [1.0825371, 7.2092805],
      [0.6097244, 7.85463171],
      [-0.1244587, 0.04045547],
      [-4.3651832, -1.23272106],
    ];
    // firth_profile(X, y, fn, j) in base R
    const baseR: [number, number][] = [
      [1.0825371197458511, 7.2092804951069507],
      [0.60972443638333029, 7.8546316981401931],
      [-0.12445872085169606, 0.040455473180560877],
      [-4.3651832439213756, -1.2327210616795294],
    ];
    for (let j = 0; j < 4; j++) {
      const ci = firthProfileInterval(X, y, fit, j);
      expectRel([ci.lower, ci.upper], logistf[j]!, 2e-7);
      expectRel([ci.lower, ci.upper], baseR[j]!, 1e-7);
      expect(ci.estimate).toBe(fit.coefficients[j]);
    }
  });

  it('stays finite where maximum likelihood diverges (NV)', () => {
    const ml = fitLogistic(X, y);
    expect(ml.separation).toBe(true);
    expect(ml.coefficients[1]).toBeGreaterThan(18);
    expect(fit.coefficients[1]).toBeLessThan(3);
  });
});

describe('fitFirth', () => {
  it('shrinks the estimates towards 0 on data without separation, and matches base R', () => {
    const d = designMatrix(trialColumns(), { response: 'employed', terms: TRIAL_TERMS });
    const ml = fitLogistic(d.X, d.y!);
    const firth = fitFirth(d.X, d.y!);
    // firth_newton(model.matrix(~ arm + site + age + sex, dd), dd$employed)
    expectRel(firth.coefficients, [
      0.39674564370090842, 0.48869679916704001, -0.018618936162896227, -0.42197750013837959, 0.49423975201359777, -0.024050257298278598,
      0.36038031918561581,
    ], 1e-9);
    expectRel(firth.se, [
      0.56088755026339188, 0.29932954711777543, 0.38113100653810833, 0.3894934160417417, 0.54710951906001504, 0.010662325809158614,
      0.29980722168313206,
    ], 1e-9);
    expectRel([firth.penalizedLogLik], [-115.25091273583108], 1e-12);
    firth.coefficients.forEach((b, j) => {
      expect(Math.sign(b)).toBe(Math.sign(ml.coefficients[j]!));
      expect(Math.abs(b)).toBeLessThan(Math.abs(ml.coefficients[j]!));
    });
  });

  it('gives finite estimates under complete separation, as base R', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => [1, v]);
    const y = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const fit = fitFirth(x, y);
    expect(fit.converged).toBe(true);
    // firth_newton(cbind(1, xs), ys)
    expectRel(fit.coefficients, [-5.3385726312934585, 0.97064956932608348], 1e-9);
    expectRel(fit.se, [3.32271227807417, 0.57654083513883858], 1e-9);
    expectRel([fit.penalizedLogLik], [-1.0806980632073926], 1e-12);
  });

  it('gives π̂ = 1/(2(n + 1)) for an intercept-only model without events', () => {
    const fit = fitFirth(Array.from({ length: 12 }, () => [1]), new Array(12).fill(0));
    expect(fit.coefficients[0]).toBeCloseTo(-Math.log(25), 9); // steps stop at 1e-10
    expect(fit.fitted[0]).toBeCloseTo(1 / 26, 11);
  });

  it('converges when one observation has a column to itself (leverage 1), where the plain iteration oscillates', () => {
    // The modified score for that column is 1 − π + 1·(½ − π) = 0, so π = ¾ exactly; the
    // curvature of l* there is twice the information, which makes the undamped step overshoot by 2.
    const base = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((v) => [1, v]);
    const yBase = [0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1];
    const x = [...base.map((r) => [...r, 0]), [1, 6.5, 1]];
    const y = [...yBase, 1];
    const fit = fitFirth(x, y);
    expect(fit.converged).toBe(true);
    expect(fit.fitted[12]).toBeCloseTo(0.75, 10);
    const without = fitFirth(base, yBase);
    expectRel(fit.coefficients.slice(0, 2), without.coefficients, 1e-8);
  });

  it('refuses rank-deficient designs', () => {
    expect(() => fitFirth([[1, 0], [1, 0]], [0, 1])).toThrow(/rank deficient/);
  });
});
