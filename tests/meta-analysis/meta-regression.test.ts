/**
 * Meta-regression against metafor's rma(yi, vi, mods = ~ …, method = "REML", test = …):
 * coefficients, SEs, tests, intervals, residual τ², I², H², R², QE and QM (F under knha);
 * exact calls in metafor-reference.ts.
 */
import { describe, expect, it } from 'vitest';
import type { StudyEffect } from '../../src/meta-analysis/effect-size.ts';
import { metaRegression, type ModeratorSpec } from '../../src/meta-analysis/meta-regression.ts';
import type { RmaOptions } from '../../src/meta-analysis/rma.ts';
import { expectRel } from './expect-close.ts';
import { BCG, IPS } from './metafor-reference.ts';
import { asVector, type RefFit } from './reference-types.ts';

function effects(yi: readonly number[], vi: readonly number[], moderators: Record<string, number | string | null>[]): StudyEffect[] {
  return yi.map((y, i) => ({ study: `S${i + 1}`, year: null, index: i, yi: y, vi: vi[i]!, source: 'counts', correction: null, moderators: moderators[i]! }));
}

const ipsEffects = effects(
  IPS.escalc.yi,
  IPS.escalc.vi,
  IPS.data.epl.map((epl, i) => ({ epl, year: IPS.data.year[i]!, region: IPS.data.region[i]! })),
);
const bcgEffects = effects(
  BCG.escalc.yi,
  BCG.escalc.vi,
  BCG.data.ablat.map((ablat, i) => ({ ablat, year: BCG.data.year[i]! })),
);

const num = (name: string): ModeratorSpec => ({ name, type: 'numeric' });

const CASES: { name: string; effects: StudyEffect[]; mods: ModeratorSpec[]; options: RmaOptions; ref: RefFit; terms: string[] }[] = [
  { name: 'IPS ~ epl, knha', effects: ipsEffects, mods: [num('epl')], options: { test: 'knha' }, ref: IPS.mods.epl_knha, terms: ['(Intercept)', 'epl'] },
  { name: 'IPS ~ epl, z', effects: ipsEffects, mods: [num('epl')], options: { test: 'z' }, ref: IPS.mods.epl_z, terms: ['(Intercept)', 'epl'] },
  { name: 'IPS ~ epl + year, knha', effects: ipsEffects, mods: [num('epl'), num('year')], options: { test: 'knha' }, ref: IPS.mods.epl_year_knha, terms: ['(Intercept)', 'epl', 'year'] },
  { name: 'IPS ~ epl + year, z', effects: ipsEffects, mods: [num('epl'), num('year')], options: { test: 'z' }, ref: IPS.mods.epl_year_z, terms: ['(Intercept)', 'epl', 'year'] },
  { name: 'IPS ~ region (categorical), knha', effects: ipsEffects, mods: [{ name: 'region', type: 'categorical' }], options: { test: 'knha' }, ref: IPS.mods.region_knha, terms: ['(Intercept)', 'regionnorth_america'] },
  { name: 'IPS ~ region (categorical), z', effects: ipsEffects, mods: [{ name: 'region', type: 'categorical' }], options: { test: 'z' }, ref: IPS.mods.region_z, terms: ['(Intercept)', 'regionnorth_america'] },
  { name: 'dat.bcg ~ ablat, knha', effects: bcgEffects, mods: [num('ablat')], options: { test: 'knha' }, ref: BCG.mods.ablat_knha, terms: ['(Intercept)', 'ablat'] },
  { name: 'dat.bcg ~ ablat, z', effects: bcgEffects, mods: [num('ablat')], options: { test: 'z' }, ref: BCG.mods.ablat_z, terms: ['(Intercept)', 'ablat'] },
  { name: 'dat.bcg ~ ablat + year, knha', effects: bcgEffects, mods: [num('ablat'), num('year')], options: { test: 'knha' }, ref: BCG.mods.ablat_year_knha, terms: ['(Intercept)', 'ablat', 'year'] },
  { name: 'dat.bcg ~ ablat + year, z', effects: bcgEffects, mods: [num('ablat'), num('year')], options: { test: 'z' }, ref: BCG.mods.ablat_year_z, terms: ['(Intercept)', 'ablat', 'year'] },
  { name: 'dat.bcg ~ ablat, DL, knha', effects: bcgEffects, mods: [num('ablat')], options: { method: 'DL', test: 'knha' }, ref: BCG.mods.ablat_DL_knha, terms: ['(Intercept)', 'ablat'] },
];

describe('metaRegression matches rma(yi, vi, mods = …)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = metaRegression(c.effects, c.mods, c.options);
      expect(r.coefficients.map((x) => x.term)).toEqual(c.terms);
      const [beta, se, stat, p, lb, ub] = [c.ref.beta, c.ref.se, c.ref.stat, c.ref.p, c.ref.ci_lb, c.ref.ci_ub].map(asVector);
      r.coefficients.forEach((x, a) => {
        expectRel(x.estimate, beta![a]!, `${x.term} estimate`);
        expectRel(x.se, se![a]!, `${x.term} se`);
        expectRel(x.statistic, stat![a]!, `${x.term} statistic`);
        expectRel(x.p_value, p![a]!, `${x.term} p`);
        expectRel(x.ci[0], lb![a]!, `${x.term} ci.lb`);
        expectRel(x.ci[1], ub![a]!, `${x.term} ci.ub`);
        expect(x.ratio.estimate).toBe(Math.exp(x.estimate));
      });
      expectRel(r.tau2, c.ref.tau2, 'residual tau2');
      expectRel(r.i2 * 100, c.ref.I2, 'residual I2');
      expectRel(r.h2, c.ref.H2, 'H2');
      expectRel(r.r2 * 100, c.ref.R2!, 'R2', undefined, 1e-12);
      expectRel(r.qe, c.ref.QE, 'QE');
      expectRel(r.qe_p, c.ref.QEp, 'QE p');
      expectRel(r.qm, c.ref.QM!, 'QM');
      expectRel(r.qm_p, c.ref.QMp!, 'QM p');
      expect(r.qm_df).toEqual(c.ref.QMdf);
      expect(r.df).toBe(c.ref.QMdf![1]);
    });
  }

  it('dat.bcg: latitude explains most of τ² (R² about 76 % with REML and knha)', () => {
    const r = metaRegression(bcgEffects, [num('ablat')]);
    expect(r.r2).toBeGreaterThan(0.7);
    expect(r.method).toBe('REML');
    expect(r.test).toBe('knha');
  });
});

describe('metaRegression data handling', () => {
  it('leaves out studies with a missing moderator value (na.omit)', () => {
    const withMissing = bcgEffects.map((e, i) => (i === 0 ? { ...e, moderators: { ...e.moderators, ablat: null } } : e));
    const r = metaRegression(withMissing, [num('ablat')]);
    expect(r.k).toBe(12);
    expect(r.missing_moderator).toEqual(['S1']);
    const direct = metaRegression(bcgEffects.slice(1), [num('ablat')]);
    expect(r.coefficients[1]!.estimate).toBe(direct.coefficients[1]!.estimate);
  });

  it('drops a moderator that is collinear with another ("Redundant predictors dropped")', () => {
    const doubled = bcgEffects.map((e) => ({ ...e, moderators: { ...e.moderators, ablat2: 2 * (e.moderators.ablat as number) } }));
    const r = metaRegression(doubled, [num('ablat'), num('ablat2')]);
    expect(r.aliased).toEqual(['ablat2']);
    expect(r.coefficients.map((c) => c.term)).toEqual(['(Intercept)', 'ablat']);
  });

  it('refuses a moderator that is the same in every study, rather than testing the intercept under its name', () => {
    expect(() => metaRegression(ipsEffects.slice(0, 2).concat(ipsEffects.slice(0, 2)), [num('epl')])).toThrow(/constant/);
  });

  it('needs p + 1 studies and at least one moderator', () => {
    expect(() => metaRegression(ipsEffects.slice(0, 3), [num('epl'), num('year')])).toThrow(/too few/);
    expect(() => metaRegression(ipsEffects, [])).toThrow(RangeError);
  });
});
