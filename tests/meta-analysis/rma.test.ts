/**
 * fitRma against metafor's rma() (REML and DL, z and Knapp–Hartung, and the fixed-effect
 * model) on every reference data set: pooled estimate, SE, test, interval, τ² and its SE,
 * I², H², Q and its p, QM and its p, and the weights. The exact rma() calls are written
 * beside the numbers in metafor-reference.ts.
 */
import { describe, expect, it } from 'vitest';
import { fitRma } from '../../src/meta-analysis/rma.ts';
import { expectRel } from './expect-close.ts';
import { BCG, HOMOGENEOUS, IDENTICAL, IPS, TWO } from './metafor-reference.ts';
import { DATASETS, first, optionsOf } from './reference-types.ts';

describe('fitRma matches metafor::rma', () => {
  for (const ds of DATASETS) {
    for (const [key, ref] of Object.entries(ds.fits)) {
      it(`${ds.name}: ${key}`, () => {
        const fit = fitRma(ds.yi, ds.vi, null, optionsOf(key));
        expectRel(fit.beta[0], first(ref.beta), 'beta');
        expectRel(fit.se[0], first(ref.se), 'se');
        expectRel(fit.statistic[0], first(ref.stat), 'z or t');
        expectRel(fit.p_value[0], first(ref.p), 'p');
        expectRel(fit.ci[0]![0], first(ref.ci_lb), 'ci.lb');
        expectRel(fit.ci[0]![1], first(ref.ci_ub), 'ci.ub');
        expectRel(fit.tau2, ref.tau2, 'tau2');
        if (ref.se_tau2 === null) expect(fit.se_tau2).toBeNull();
        else expectRel(fit.se_tau2, ref.se_tau2, 'se.tau2');
        expectRel(fit.i2 * 100, ref.I2, 'I2 (%)');
        expectRel(fit.h2, ref.H2, 'H2');
        expectRel(fit.q, ref.QE, 'Q');
        expectRel(fit.q_p, ref.QEp, 'Q p', undefined, 1e-300);
        if (ref.QM === null) expect(fit.qm).toBeNull();
        else {
          expectRel(fit.qm, ref.QM, 'QM');
          expectRel(fit.qm_p, ref.QMp!, 'QM p');
        }
        const total = fit.weights.reduce((s, w) => s + w, 0);
        ref.weights_pct.forEach((w, i) => expectRel((100 * fit.weights[i]!) / total, w, `weight ${i}`));
      });
    }
  }
});

describe('fitRma edge cases', () => {
  it('two studies: Knapp–Hartung uses t with 1 df, so its interval is very wide', () => {
    const fit = fitRma(TWO.escalc.yi, TWO.escalc.vi, null, { method: 'REML', test: 'knha' });
    expect(fit.df).toBe(1);
    expect(fit.ci[0]![1] - fit.ci[0]![0]).toBeGreaterThan(5 * (TWO.fits.REML_z.ci_ub - TWO.fits.REML_z.ci_lb));
  });

  it('estimates τ² as exactly 0 when Q is below its df, and I² is then 0', () => {
    for (const method of ['REML', 'DL'] as const) {
      const fit = fitRma(HOMOGENEOUS.escalc.yi, HOMOGENEOUS.escalc.vi, null, { method });
      expect(fit.tau2).toBe(0);
      expect(fit.i2).toBe(0);
      expect(fit.h2).toBe(1);
      expect(fit.q).toBeLessThan(fit.q_df);
    }
  });

  it('Knapp–Hartung without truncation: s² < 1 makes the interval narrower than the z one, as metafor', () => {
    const z = fitRma(HOMOGENEOUS.escalc.yi, HOMOGENEOUS.escalc.vi, null, { test: 'z' });
    const kh = fitRma(HOMOGENEOUS.escalc.yi, HOMOGENEOUS.escalc.vi, null, { test: 'knha' });
    expect(kh.s2w).toBeLessThan(1);
    expect(kh.se[0]).toBeLessThan(z.se[0]!);
  });

  it('identical effects: Knapp–Hartung s² is 0 and the interval collapses, as metafor', () => {
    const fit = fitRma(IDENTICAL.escalc.yi, IDENTICAL.escalc.vi, null, { test: 'knha' });
    expect(fit.s2w).toBe(0);
    expect(fit.ci[0]![0]).toBe(fit.ci[0]![1]);
    expect(fit.qm).toBeNull();
  });

  it('one study: τ² = 0 and a z interval even when knha is asked for (metafor: "Setting argument test=\\"z\\" since k=1")', () => {
    const fit = fitRma([IPS.escalc.yi[0]], [IPS.escalc.vi[0]], null, { method: 'REML', test: 'knha' });
    expect(fit.test).toBe('z');
    expect(fit.tau2).toBe(0);
    expect(fit.df).toBeNull();
    expectRel(fit.beta[0], IPS.escalc.yi[0], 'beta');
    expectRel(fit.se[0], Math.sqrt(IPS.escalc.vi[0]), 'se');
    expect([fit.q, fit.q_p, fit.i2, fit.h2]).toEqual([0, 1, 0, 1]);
  });

  it('counts REML iterations; DL and FE have none', () => {
    expect(fitRma(BCG.escalc.yi, BCG.escalc.vi).iterations).toBeGreaterThan(1);
    expect(fitRma(BCG.escalc.yi, BCG.escalc.vi, null, { method: 'DL' }).iterations).toBeNull();
    expect(fitRma(BCG.escalc.yi, BCG.escalc.vi, null, { method: 'FE' }).se_tau2).toBeNull();
  });

  it('rejects bad input', () => {
    expect(() => fitRma([], [])).toThrow(RangeError);
    expect(() => fitRma([0.1, 0.2], [0.01, 0])).toThrow(RangeError);
    expect(() => fitRma([0.1, 0.2], [0.01])).toThrow(RangeError);
    expect(() => fitRma([0.1, NaN], [0.01, 0.02])).toThrow(RangeError);
    // 2 coefficients and τ² need at least 3 studies
    expect(() => fitRma([0.1, 0.2], [0.01, 0.02], [[1, 0], [1, 1]])).toThrow(/too few/);
    // collinear moderators
    expect(() => fitRma([0.1, 0.2, 0.3, 0.4], [0.01, 0.02, 0.03, 0.04], [[1, 1, 2], [1, 2, 4], [1, 3, 6], [1, 4, 8]])).toThrow(/full rank/);
  });
});
