/**
 * Leave-one-out and cumulative meta-analysis against metafor's leave1out(res) and
 * cumul(res, order = year); exact calls in metafor-reference.ts.
 */
import { describe, expect, it } from 'vitest';
import { fitRma } from '../../src/meta-analysis/rma.ts';
import { cumulative, cumulativeOrder, leaveOneOut, type SubsetFit } from '../../src/meta-analysis/sensitivity.ts';
import { expectRel } from './expect-close.ts';
import { IPS, TWO } from './metafor-reference.ts';
import { DATASETS, optionsOf, type RefSeries } from './reference-types.ts';

function expectSeries(fits: SubsetFit[], ref: RefSeries): void {
  expect(fits.length).toBe(ref.estimate.length);
  fits.forEach((f, i) => {
    expectRel(f.estimate, ref.estimate[i]!, `estimate ${i}`);
    expectRel(f.se, ref.se[i]!, `se ${i}`);
    expectRel(f.p_value, ref.pval[i]!, `p ${i}`);
    expectRel(f.ci[0], ref.ci_lb[i]!, `ci.lb ${i}`);
    expectRel(f.ci[1], ref.ci_ub[i]!, `ci.ub ${i}`);
    expectRel(f.q, ref.Q[i]!, `Q ${i}`);
    expectRel(f.q_p, ref.Qp[i]!, `Qp ${i}`);
    // τ² near 0 in some steps (REML stops when it changes by ≤ 1e-5): still matched to 1e-8 relative
    expectRel(f.tau2, ref.tau2[i]!, `tau2 ${i}`);
    expectRel(f.i2 * 100, ref.I2[i]!, `I2 ${i}`);
    expectRel(f.h2, ref.H2[i]!, `H2 ${i}`);
  });
}

describe('leaveOneOut matches leave1out(res)', () => {
  for (const ds of DATASETS) {
    for (const [key, ref] of Object.entries(ds.fits)) {
      if (!ref.leave1out) continue;
      it(`${ds.name}: ${key}`, () => expectSeries(leaveOneOut(ds.yi, ds.vi, optionsOf(key)), ref.leave1out!));
    }
  }
});

describe('cumulative matches cumul(res, order = year)', () => {
  for (const ds of DATASETS) {
    for (const [key, ref] of Object.entries(ds.fits)) {
      if (!ref.cumul) continue;
      it(`${ds.name}: ${key}`, () => expectSeries(cumulative(ds.yi, ds.vi, cumulativeOrder(ds.years!), optionsOf(key)), ref.cumul!));
    }
  }
});

describe('leaveOneOut and cumulative', () => {
  it('two studies: each leave-one-out fit is the other study alone, with a z interval', () => {
    const fits = leaveOneOut(TWO.escalc.yi, TWO.escalc.vi, { method: 'REML', test: 'knha' });
    expect(fits.map((f) => [f.k, f.test, f.tau2])).toEqual([
      [1, 'z', 0],
      [1, 'z', 0],
    ]);
    expectRel(fits[0]!.estimate, TWO.escalc.yi[1], 'without study 1');
  });

  it('one study: no leave-one-out', () => {
    expect(leaveOneOut([0.3], [0.02])).toEqual([]);
  });

  it('the last cumulative step is the full model', () => {
    const order = cumulativeOrder(IPS.data.year);
    const last = cumulative(IPS.escalc.yi, IPS.escalc.vi, order, { test: 'knha' }).at(-1)!;
    const full = fitRma(IPS.escalc.yi, IPS.escalc.vi, null, { test: 'knha' });
    expect(last.estimate).toBe(full.beta[0]);
    expect(last.ci).toEqual(full.ci[0]);
  });

  it('orders by year with ties in input order and missing years last, as R order()', () => {
    expect(cumulativeOrder([2007, 1999, null, 2007, 2004, null])).toEqual([1, 4, 0, 3, 2, 5]);
    expect(cumulativeOrder(IPS.data.year)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('rejects an order that is not a permutation', () => {
    expect(() => cumulative([0.1, 0.2], [0.01, 0.02], [0, 0])).toThrow(RangeError);
    expect(() => cumulative([0.1, 0.2], [0.01, 0.02], [0])).toThrow(RangeError);
  });
});
