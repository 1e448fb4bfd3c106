/**
 * The assembled meta-analysis result (risk-ratio scale) against metafor: every pooled
 * number is exp() of an rma() result in metafor-reference.ts (calls written there).
 */
import { describe, expect, it } from 'vitest';
import type { EvidenceStudy } from '../../src/meta-analysis/effect-size.ts';
import { KNHA_BELOW_K, metaAnalysis } from '../../src/meta-analysis/meta-analysis.ts';
import { expectRel } from './expect-close.ts';
import { BCG, IPS, TWO, WITH_INTERVAL } from './metafor-reference.ts';

const ipsStudies: EvidenceStudy[] = IPS.data.study.map((study, i) => ({
  study,
  year: IPS.data.year[i]!,
  events_intervention: IPS.data.ai[i]!,
  n_intervention: IPS.data.n1i[i]!,
  events_control: IPS.data.ci[i]!,
  n_control: IPS.data.n2i[i]!,
  moderators: { epl: IPS.data.epl[i]!, region: IPS.data.region[i]! },
}));

const evidence: EvidenceStudy[] = [
  ...ipsStudies,
  { study: 'Reported RR', year: 2021, measure: 'RR', estimate: 1.63, ci_low: 1.46, ci_high: 1.82 },
  { study: 'Reported OR', year: 2020, measure: 'OR', estimate: 10.39, ci_low: 2.79, ci_high: 38.68 },
];

const bcgStudies: EvidenceStudy[] = BCG.data.author.map((study, i) => ({
  study,
  year: BCG.data.year[i]!,
  events_intervention: BCG.data.tpos[i]!,
  n_intervention: BCG.data.tpos[i]! + BCG.data.tneg[i]!,
  events_control: BCG.data.cpos[i]!,
  n_control: BCG.data.cpos[i]! + BCG.data.cneg[i]!,
}));

describe('metaAnalysis', () => {
  it('IPS + an RR-only study (9 pooled, an OR-only study excluded): REML with Knapp–Hartung, as rma(…, test = "knha")', () => {
    const m = metaAnalysis(evidence);
    const ref = WITH_INTERVAL.fits.REML_knha;
    expect(m.k).toBe(9);
    expect(m.excluded).toEqual([{ study: 'Reported OR', index: 9, reason: 'odds_ratio_only' }]);
    const re = m.random_effects;
    expect([re.method, re.test, re.df]).toEqual(['REML', 'knha', 8]);
    expectRel(re.estimate, Math.exp(ref.beta), 'RR');
    expectRel(re.ci[0], Math.exp(ref.ci_lb), 'RR ci.lb');
    expectRel(re.ci[1], Math.exp(ref.ci_ub), 'RR ci.ub');
    expectRel(re.p, ref.p, 'p');
    expectRel(re.prediction_interval[0], Math.exp(ref.pi[0]), 'pi.lb');
    expectRel(re.prediction_interval[1], Math.exp(ref.pi[1]), 'pi.ub');
    expectRel(re.tau2, ref.tau2, 'tau2');
    expectRel(re.tau2_ci![0], ref.tau2_ci[0], 'tau2 ci.lb');
    expectRel(re.tau2_ci![1], ref.tau2_ci[1], 'tau2 ci.ub');
    expectRel(re.i2, ref.I2 / 100, 'I2 fraction');
    expectRel(re.i2_ci![0], ref.I2_ci[0] / 100, 'I2 ci.lb');
    expectRel(re.i2_ci![1], ref.I2_ci[1] / 100, 'I2 ci.ub');
    expectRel(re.h2, ref.H2, 'H2');
    expectRel(re.q, ref.QE, 'Q');
    expect(re.q_df).toBe(8);
    expectRel(re.q_p, ref.QEp, 'Q p');

    const fe = WITH_INTERVAL.fits.FE;
    expectRel(m.fixed.estimate, Math.exp(fe.beta), 'FE RR');
    expectRel(m.fixed.ci[0], Math.exp(fe.ci_lb), 'FE ci.lb');
    expectRel(m.fixed.ci[1], Math.exp(fe.ci_ub), 'FE ci.ub');
    expectRel(m.fixed.p, fe.p, 'FE p');

    const dl = WITH_INTERVAL.fits.DL_knha;
    expect(m.random_effects_other_method!.method).toBe('DL');
    expectRel(m.random_effects_other_method!.estimate, Math.exp(dl.beta), 'DL RR');
    expectRel(m.random_effects_other_method!.tau2, dl.tau2, 'DL tau2');
    expectRel(m.random_effects_other_method!.prediction_interval[1], Math.exp(dl.pi[1]), 'DL pi.ub');

    m.studies.forEach((s, i) => {
      expectRel(s.weight_random, ref.weights_pct[i]! / 100, `random weight ${i}`);
      expectRel(s.weight_fixed, fe.weights_pct[i]! / 100, `fixed weight ${i}`);
      expectRel(s.log_rr, WITH_INTERVAL.escalc.yi[i]!, `log RR ${i}`);
    });
    expect(m.studies.map((s) => s.source)).toEqual([...Array(8).fill('counts'), 'estimate_ci']);
    // the reported RR's own interval comes back from its SE
    expectRel(m.studies[8]!.ci[0], 1.46, 'reported ci.lb', 1e-3);
    expectRel(m.studies[8]!.ci[1], 1.82, 'reported ci.ub', 1e-3);
    expect(m.meta_regression).toBeNull();
    expect(m.meta_regression_note).toBeNull();
  });

  it('leave-one-out is labelled by the study left out; cumulative adds studies by year', () => {
    const m = metaAnalysis(evidence);
    expect(m.leave_one_out.map((l) => l.study)).toEqual([...IPS.data.study, 'Reported RR']);
    expect(m.leave_one_out.every((l) => l.k === 8)).toBe(true);
    expect(m.cumulative.map((c) => c.year)).toEqual([1999, 2004, 2007, 2007, 2012, 2015, 2019, 2020, 2021]);
    expect(m.cumulative.map((c) => c.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const last = m.cumulative.at(-1)!;
    expect([last.estimate, last.ci]).toEqual([m.random_effects.estimate, m.random_effects.ci]);
    // the first eight steps are IPS alone, as cumul(rma(…IPS…, test = "knha"), order = year)
    m.cumulative.slice(0, 8).forEach((c, i) => {
      expectRel(c.estimate, Math.exp(IPS.fits.REML_knha.cumul.estimate[i]!), `cumulative RR ${i}`);
      expectRel(c.ci[0], Math.exp(IPS.fits.REML_knha.cumul.ci_lb[i]!), `cumulative ci.lb ${i}`);
      expectRel(c.tau2, IPS.fits.REML_knha.cumul.tau2[i]!, `cumulative tau2 ${i}`);
    });
  });

  it(`uses the normal interval from ${KNHA_BELOW_K} studies on: dat.bcg (13 trials) as rma(yi, vi) with test = "z"`, () => {
    const m = metaAnalysis(bcgStudies);
    const ref = BCG.fits.REML_z;
    expect([m.random_effects.test, m.random_effects.df]).toEqual(['z', null]);
    expectRel(m.random_effects.estimate, Math.exp(ref.beta), 'RR');
    expectRel(m.random_effects.ci[0], Math.exp(ref.ci_lb), 'ci.lb');
    expectRel(m.random_effects.prediction_interval[0], Math.exp(ref.pi[0]), 'pi.lb');
    m.leave_one_out.forEach((l, i) => {
      expectRel(l.estimate, Math.exp(ref.leave1out.estimate[i]!), `leave-one-out RR ${i}`);
      expectRel(l.i2, ref.leave1out.I2[i]! / 100, `leave-one-out I2 ${i}`);
    });
    const order = [...BCG.data.year.keys()].sort((a, b) => BCG.data.year[a]! - BCG.data.year[b]! || a - b);
    expect(m.cumulative.map((c) => c.study)).toEqual(order.map((i) => BCG.data.author[i]));
    m.cumulative.forEach((c, i) => expectRel(c.estimate, Math.exp(ref.cumul.estimate[i]!), `cumulative RR ${i}`));
    // the test can be forced
    expect(metaAnalysis(bcgStudies, { test: 'knha' }).random_effects.ci[0]).toBeCloseTo(Math.exp(BCG.fits.REML_knha.ci_lb), 12);
  });

  it('DL as the plan\'s method, with REML beside it', () => {
    const m = metaAnalysis(ipsStudies, { method: 'DL' });
    expectRel(m.random_effects.tau2, IPS.fits.DL_knha.tau2, 'DL tau2');
    expectRel(m.random_effects.estimate, Math.exp(IPS.fits.DL_knha.beta), 'DL RR');
    expect(m.random_effects_other_method!.method).toBe('REML');
    expectRel(m.random_effects_other_method!.tau2, IPS.fits.REML_knha.tau2, 'REML tau2');
  });

  it('Riley prediction interval on request', () => {
    const m = metaAnalysis(ipsStudies, { prediction_interval: 'riley' });
    expect(m.random_effects.prediction_interval_type).toBe('riley');
    expectRel(m.random_effects.prediction_interval[0], Math.exp(IPS.fits.REML_knha.pi_riley[0]), 'pi.lb');
  });

  it('two studies', () => {
    const m = metaAnalysis(ipsStudies.slice(6));
    expect(m.k).toBe(2);
    expectRel(m.random_effects.estimate, Math.exp(TWO.fits.REML_knha.beta), 'RR');
    expectRel(m.random_effects.ci[1], Math.exp(TWO.fits.REML_knha.ci_ub), 'ci.ub');
    expectRel(m.random_effects.tau2_ci![1], TWO.fits.REML_knha.tau2_ci[1], 'tau2 ci.ub');
    expect(m.leave_one_out.map((l) => l.k)).toEqual([1, 1]);
  });

  it('one study: the pooled RR is the study\'s, with a z interval and no τ² interval', () => {
    const m = metaAnalysis(ipsStudies.slice(0, 1));
    expect(m.k).toBe(1);
    expect(m.random_effects.test).toBe('z');
    expect(m.random_effects.tau2_ci).toBeNull();
    expect(m.random_effects_other_method).toBeNull();
    expect(m.leave_one_out).toEqual([]);
    expectRel(m.random_effects.estimate, m.studies[0]!.estimate, 'RR');
    expect(m.random_effects.prediction_interval).toEqual(m.random_effects.ci);
  });

  it('meta-regression on request; too few studies for it leaves a note and keeps the pooled result', () => {
    const m = metaAnalysis(ipsStudies, { moderators: [{ name: 'epl', type: 'numeric' }] });
    expectRel(m.meta_regression!.coefficients[1]!.estimate, IPS.mods.epl_knha.beta[1], 'epl');
    const few = metaAnalysis(ipsStudies.slice(5, 7), { moderators: [{ name: 'epl', type: 'numeric' }] });
    expect(few.meta_regression).toBeNull();
    expect(few.meta_regression_note).toMatch(/too few/);
    expect(few.k).toBe(2);
  });

  it('refuses evidence with no risk ratio at all', () => {
    expect(() => metaAnalysis([{ study: 'OR', measure: 'OR', estimate: 2, ci_low: 1, ci_high: 4 }])).toThrow(/no study gives a risk ratio/);
  });

  it('is deterministic and JSON-safe (no NaN or Infinity)', () => {
    const a = JSON.stringify(metaAnalysis(evidence, { moderators: [{ name: 'epl', type: 'numeric' }] }));
    const b = JSON.stringify(metaAnalysis(evidence, { moderators: [{ name: 'epl', type: 'numeric' }] }));
    expect(a).toBe(b);
    expect(a).not.toMatch(/null,null|NaN|Infinity/);
  });
});
