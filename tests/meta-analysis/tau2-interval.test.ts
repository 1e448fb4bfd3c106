/**
 * The Q-profile interval of τ² (and of τ, I², H²) against metafor's confint(rma(...)).
 * metafor's root finder stops at an absolute tolerance of about 1.2e-4 in τ² by default,
 * so the references are computed with confint(res, control = list(tol = 1e-12)); the
 * default-tolerance numbers are checked to that tolerance.
 */
import { describe, expect, it } from 'vitest';
import { fitRma } from '../../src/meta-analysis/rma.ts';
import { generalizedQ, tau2Interval } from '../../src/meta-analysis/tau2-interval.ts';
import { expectRel } from './expect-close.ts';
import { EXTREME, HOMOGENEOUS, IDENTICAL, IPS } from './metafor-reference.ts';
import { DATASETS, optionsOf } from './reference-types.ts';

describe('tau2Interval matches confint(rma(...))', () => {
  for (const ds of DATASETS) {
    for (const [key, ref] of Object.entries(ds.fits)) {
      if (!ref.tau2_ci) continue;
      it(`${ds.name}: ${key}`, () => {
        const ci = tau2Interval(fitRma(ds.yi, ds.vi, null, optionsOf(key)))!;
        // bounds found by a root search agree to about 1e-12 relative with R at tol = 1e-12
        expectRel(ci.tau2[0], ref.tau2_ci![0]!, 'tau2 lower', 1e-8, 1e-12);
        expectRel(ci.tau2[1], ref.tau2_ci![1]!, 'tau2 upper', 1e-8, 1e-12);
        expectRel(ci.i2[0] * 100, ref.I2_ci![0]!, 'I2 lower', 1e-8, 1e-12);
        expectRel(ci.i2[1] * 100, ref.I2_ci![1]!, 'I2 upper', 1e-8, 1e-12);
        expectRel(ci.h2[0], ref.H2_ci![0]!, 'H2 lower', 1e-8, 1e-12);
        expectRel(ci.h2[1], ref.H2_ci![1]!, 'H2 upper', 1e-8, 1e-12);
        expect(ci.tau[0]).toBe(Math.sqrt(ci.tau2[0]));
        // metafor's default tolerance
        expect(Math.abs(ci.tau2[0] - ref.tau2_ci_default![0]!)).toBeLessThan(1.3e-4);
        expect(Math.abs(ci.tau2[1] - ref.tau2_ci_default![1]!)).toBeLessThan(1.3e-4);
        expect(ci.note === 'empty').toBe(ref.ci_null);
      });
    }
  }
});

describe('tau2Interval edge cases', () => {
  it('τ² = 0: the lower bound is 0 and the upper bound positive', () => {
    const ci = tau2Interval(fitRma(HOMOGENEOUS.escalc.yi, HOMOGENEOUS.escalc.vi))!;
    expect(ci.tau2[0]).toBe(0);
    expect(ci.tau2[1]).toBeGreaterThan(0);
    expect(ci.note).toBeNull();
  });

  it('identical effects: Q(0) is below the lower χ² quantile, so the interval is empty, reported [0, 0]', () => {
    const ci = tau2Interval(fitRma(IDENTICAL.escalc.yi, IDENTICAL.escalc.vi, null, { test: 'knha' }))!;
    expect(ci.tau2).toEqual([0, 0]);
    expect(ci.note).toBe('empty');
    expect(IDENTICAL.fits.REML_knha.ci_null).toBe(true);
  });

  it('an upper bound beyond the search range is the range end, as metafor\'s "> …"', () => {
    const fit = fitRma(EXTREME.escalc.yi, EXTREME.escalc.vi);
    const ci = tau2Interval(fit)!;
    expect(EXTREME.fits.REML_z.ub_sign).toBe('>');
    expect(ci.note).toBe('upper_above_search_range');
    expect(ci.search_max).toBe(10 * fit.tau2);
    expectRel(ci.tau2[1], EXTREME.fits.REML_z.tau2_ci[1], 'upper');
  });

  it('the bounds solve Q(τ²) = χ² quantile: the lower one at 0.975, the upper one at 0.025 (7 df)', () => {
    const fit = fitRma(IPS.escalc.yi, IPS.escalc.vi);
    const ci = tau2Interval(fit)!;
    // qchisq(c(0.975, 0.025), 7) in R
    expectRel(generalizedQ(fit, ci.tau2[0]), 16.012764274629323, 'Q at lower', 1e-10);
    expectRel(generalizedQ(fit, ci.tau2[1]), 1.6898691806773545, 'Q at upper', 1e-10);
  });

  it('a 90 % interval lies inside the 95 % one', () => {
    const fit = fitRma(IPS.escalc.yi, IPS.escalc.vi);
    const ci95 = tau2Interval(fit)!;
    const ci90 = tau2Interval(fit, 0.9)!;
    expect(ci90.tau2[0]).toBeGreaterThan(ci95.tau2[0]);
    expect(ci90.tau2[1]).toBeLessThan(ci95.tau2[1]);
  });

  it('is null for a fixed-effect model and for one study', () => {
    expect(tau2Interval(fitRma(IPS.escalc.yi, IPS.escalc.vi, null, { method: 'FE' }))).toBeNull();
    expect(tau2Interval(fitRma([0.2], [0.01]))).toBeNull();
  });
});
