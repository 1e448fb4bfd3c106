/**
 * Logistic regression on covariate patterns against R 4.2 and against fitLogistic on the
 * participants' rows. R (frequency weights on one row per pattern and outcome):
 *
 *   d <- data.frame(arm = c(0,0,0,1,1,1,0,1), age = c(25,40,55,25,40,55,33,47),
 *                   s = c(3,5,2,6,7,4,0,9), m = c(10,12,9,11,10,8,4,12))
 *   long <- rbind(data.frame(arm = d$arm, age = d$age, y = 1, w = d$s),
 *                 data.frame(arm = d$arm, age = d$age, y = 0, w = d$m - d$s))
 *   fit <- glm(y ~ arm + age, weights = w, family = binomial, data = long[long$w > 0, ])
 *   coef(fit); sqrt(diag(vcov(fit))); deviance(fit); fit$null.deviance
 */
import { describe, expect, it } from 'vitest';
import { designMatrix } from '../../src/stats/design-matrix.ts';
import { fitLogisticPatterns, patternDesign, patternIrls, PatternWorkspace } from '../../src/stats/logistic-patterns.ts';
import { fitLogistic } from '../../src/stats/logistic-regression.ts';
import { rowPatterns } from '../../src/stats/row-patterns.ts';
import { TRIAL_TERMS, trialColumns } from '../fixtures/logistic/trial-data.ts';

function expectRel(actual: readonly number[], expected: readonly number[], rel: number): void {
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(rel * Math.abs(expected[i]!)));
}

const small = {
  x: [[1, 0, 25], [1, 0, 40], [1, 0, 55], [1, 1, 25], [1, 1, 40], [1, 1, 55], [1, 0, 33], [1, 1, 47]],
  s: [3, 5, 2, 6, 7, 4, 0, 9],
  m: [10, 12, 9, 11, 10, 8, 4, 12],
};

/** The participants' rows of patterns: each pattern's failures, then its successes. */
function expand(x: number[][], s: number[], m: number[]): { x: number[][]; y: number[] } {
  const rows: number[][] = [];
  const y: number[] = [];
  x.forEach((row, p) => {
    for (let c = 0; c < m[p]!; c++) {
      rows.push(row);
      y.push(c < m[p]! - s[p]! ? 0 : 1);
    }
  });
  return { x: rows, y };
}

describe('fitLogisticPatterns', () => {
  it('matches R glm with frequency weights', () => {
    const fit = fitLogisticPatterns(small.x, small.s, small.m);
    expectRel(fit.coefficients, [-1.022880877969893465, 1.4606774631783177032, 0.0027439470425304861], 1e-8);
    // R starts a weighted fit elsewhere ((w·y + ½)/(w + 1)); the last step's weights, which the
    // standard errors use, differ at the convergence criterion's precision
    expectRel(fit.se, [0.942047446035466196, 0.497036146047833804, 0.022213453643449291], 1e-6);
    expectRel([fit.deviance, fit.nullDeviance], [95.714008111668903, 105.14774782556749], 1e-10);
    expect(fit.nobs).toBe(76);
    expect(fit.separation).toBe(false);
  });

  it('is fitLogistic on the rows, to rounding, for the trial data with and without arm × site', () => {
    for (const interaction of [undefined, { a: 'arm', b: 'site' }] as const) {
      const dm = designMatrix(trialColumns(), { response: 'employed', terms: TRIAL_TERMS, interaction });
      const rows = fitLogistic(dm.X, dm.y!);
      const groups = rowPatterns(dm.X[0]!.map((_, j) => dm.X.map((r) => r[j]!)));
      const x = Array.from(groups.first, (i) => dm.X[i]!);
      const s = new Array<number>(groups.count).fill(0);
      const m = new Array<number>(groups.count).fill(0);
      dm.y!.forEach((v, i) => {
        s[groups.patternOf[i]!]! += v;
        m[groups.patternOf[i]!]! += 1;
      });
      expect(groups.count).toBeLessThan(dm.X.length);
      const pat = fitLogisticPatterns(x, s, m);
      expectRel(pat.coefficients, rows.coefficients, 1e-10);
      expectRel(pat.se, rows.se, 1e-10);
      expectRel([pat.deviance, pat.nullDeviance, pat.nobs], [rows.deviance, rows.nullDeviance, rows.nobs], 1e-12);
      expect(pat.iterations).toBe(rows.iterations);
    }
  });

  it('gives the same fit summing cells\' moments as summing the patterns\' rows', () => {
    // many patterns per cell (age the only numeric column): the design adds up cells
    const x: number[][] = [];
    const s: number[] = [];
    const m: number[] = [];
    for (let a = 0; a < 2; a++) for (let site = 0; site < 3; site++) for (let age = 20; age < 65; age++) {
      x.push([1, a, site === 1 ? 1 : 0, site === 2 ? 1 : 0, age]);
      m.push(5 + ((age * 7 + site) % 11));
      s.push(Math.round(m.at(-1)! * (0.2 + 0.3 * a + 0.1 * site - 0.004 * (age - 40)) + ((age % 3) - 1)));
    }
    const design = patternDesign(x.flat(), x.length, 5);
    expect(design.rows).toBeNull();
    const active = Int32Array.from(x, (_, p) => p);
    const cells = patternIrls(design, active, x.length, Float64Array.from(m), Float64Array.from(s), new PatternWorkspace(design), null)!;
    const expanded = expand(x, s, m);
    const rows = fitLogistic(expanded.x, expanded.y);
    expectRel(Array.from(cells.beta), rows.coefficients, 1e-9);
    expectRel([cells.deviance], [rows.deviance], 1e-12);
    expect(cells.separationSign).toBeNull();
  });

  it('sees separation as fitLogistic does', () => {
    // nobody employed in arm 0: quasi-complete separation by arm
    const x = [[1, 0, 30], [1, 0, 50], [1, 1, 30], [1, 1, 50]];
    const s = [0, 0, 4, 3];
    const m = [6, 5, 7, 6];
    const pat = fitLogisticPatterns(x, s, m);
    const expanded = expand(x, s, m);
    const rows = fitLogistic(expanded.x, expanded.y);
    expect(rows.separation).toBe(true);
    expect(pat.separation).toBe(true);
  });

  it('refuses counts that are not whole or rank-deficient patterns', () => {
    expect(() => fitLogisticPatterns(small.x, small.s, small.m.map((v) => v + 0.5))).toThrow(RangeError);
    expect(() => fitLogisticPatterns(small.x.map((r) => [...r, 2 * r[1]!]), small.s, small.m)).toThrow(/rank deficient/);
  });
});

describe('rowPatterns', () => {
  it('groups rows equal in every column, numbered in order of first appearance', () => {
    const g = rowPatterns([['a', 'b', 'a', 'a', null], [1, 1, 1, 2, 1]]);
    expect(Array.from(g.patternOf)).toEqual([0, 1, 0, 2, 3]);
    expect(Array.from(g.first)).toEqual([0, 1, 3, 4]);
    expect(g.count).toBe(4);
    const some = rowPatterns([['a', 'b', 'a', 'a', null]], Int32Array.from([4, 2, 0]));
    expect(Array.from(some.patternOf)).toEqual([1, -1, 1, -1, 0]);
  });
});
