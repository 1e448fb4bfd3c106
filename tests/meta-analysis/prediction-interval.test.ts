/**
 * Prediction intervals against metafor's predict(rma(...)) and
 * predict(rma(...), pi.type = "riley"); exact calls in metafor-reference.ts.
 */
import { describe, expect, it } from 'vitest';
import { predictionInterval } from '../../src/meta-analysis/prediction-interval.ts';
import { fitRma } from '../../src/meta-analysis/rma.ts';
import { expectRel } from './expect-close.ts';
import { BCG, IPS, TWO } from './metafor-reference.ts';
import { DATASETS, optionsOf } from './reference-types.ts';

describe('predictionInterval matches predict(rma(...))', () => {
  for (const ds of DATASETS) {
    for (const [key, ref] of Object.entries(ds.fits)) {
      if (!ref.pi) continue;
      it(`${ds.name}: ${key}`, () => {
        const fit = fitRma(ds.yi, ds.vi, null, optionsOf(key));
        const p = predictionInterval(fit);
        expectRel(p.prediction_interval[0], ref.pi![0]!, 'pi.lb');
        expectRel(p.prediction_interval[1], ref.pi![1]!, 'pi.ub');
        expect(p.ci).toEqual(fit.ci[0]);
        const r = predictionInterval(fit, null, 'riley');
        expectRel(r.prediction_interval[0], ref.pi_riley![0]!, 'riley pi.lb');
        expectRel(r.prediction_interval[1], ref.pi_riley![1]!, 'riley pi.ub');
      });
    }
  }
});

describe('predictionInterval', () => {
  it('uses t with k − 1 df under knha and z under z (metafor default); Riley: t with k − 2 df', () => {
    const kh = predictionInterval(fitRma(IPS.escalc.yi, IPS.escalc.vi, null, { test: 'knha' }));
    const z = predictionInterval(fitRma(IPS.escalc.yi, IPS.escalc.vi, null, { test: 'z' }));
    const riley = predictionInterval(fitRma(IPS.escalc.yi, IPS.escalc.vi, null, { test: 'z' }), null, 'riley');
    expect([kh.pi_df, z.pi_df, riley.pi_df]).toEqual([7, null, 6]);
  });

  it('two studies: Riley has k − 2 = 0 df, raised to 1 as metafor does', () => {
    const r = predictionInterval(fitRma(TWO.escalc.yi, TWO.escalc.vi, null, { test: 'knha' }), null, 'riley');
    expect(r.pi_df).toBe(1);
  });

  it('at moderator values of a meta-regression: predict(res, newmods = 40) on dat.bcg ~ ablat', () => {
    const X = BCG.data.ablat.map((a) => [1, a]);
    const fit = fitRma(BCG.escalc.yi, BCG.escalc.vi, X, { method: 'REML', test: 'knha' });
    const p = predictionInterval(fit, [1, 40]);
    const [pred, se, lb, ub, pilb, piub] = BCG.mods.ablat_knha.pred;
    expectRel(p.estimate, pred, 'pred');
    expectRel(p.se, se, 'se');
    expectRel(p.ci[0], lb, 'ci.lb');
    expectRel(p.ci[1], ub, 'ci.ub');
    expectRel(p.prediction_interval[0], pilb, 'pi.lb');
    expectRel(p.prediction_interval[1], piub, 'pi.ub');
    expect(() => predictionInterval(fit)).toThrow(RangeError);
  });

  it('equals the confidence interval for a fixed-effect model', () => {
    const fit = fitRma(IPS.escalc.yi, IPS.escalc.vi, null, { method: 'FE' });
    const p = predictionInterval(fit);
    expect(p.prediction_interval).toEqual(p.ci);
  });
});
