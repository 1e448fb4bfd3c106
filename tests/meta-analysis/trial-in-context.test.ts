/**
 * This trial set beside the earlier studies: the pooled estimate with it, the earlier
 * studies' pooled estimate and prediction interval without it, and where it lies. Expected
 * numbers are from R 4.2 with metafor 3.8-1 on the shipped sample's 12 synthetic studies and
 * the sample trial's 85/227 vs 49/181 at 18 months:
 *
 *   all <- escalc("RR", ai = c(e1, 85), n1i = c(n1, 227), ci = c(e2, 49), n2i = c(n2, 181))
 *   rma(yi, vi, data = all, method = "REML")          # with this trial (k = 13: z)
 *   rma(yi, vi, data = all[1:12, ], method = "REML")  # the earlier studies
 *   predict(...), weights(...), rma(..., method = "DL"), rma(..., method = "FE")
 *   rma(yi, vi, mods = ~ epl, data = all[1:12, ], method = "REML", test = "knha")
 */
import { describe, expect, it } from 'vitest';
import type { MetaAnalysisPlan } from '../../src/io/plan.ts';
import { checkEvidenceCsv } from '../../src/meta-analysis/evidence-csv.ts';
import { metaAnalysis } from '../../src/meta-analysis/meta-analysis.ts';
import { trialInContext, type TrialInContextInput } from '../../src/meta-analysis/trial-in-context.ts';
import { sampleEvidenceCsv } from '../../src/simulate/sample-evidence.ts';

const close = (actual: number, expected: number, digits = 7) => expect(actual).toBeCloseTo(expected, digits);
const closeAll = (actual: readonly number[], expected: readonly number[], digits = 7) => actual.forEach((a, i) => close(a, expected[i]!, digits));

const sample = checkEvidenceCsv(new TextEncoder().encode(sampleEvidenceCsv()), { moderators: ['employment_protection'] });
const PLAN: MetaAnalysisPlan = { method: 'REML', interval: 'auto', moderators: [], trial_moderators: {} };
const COUNTS = { events_intervention: 85, n_intervention: 227, events_control: 49, n_control: 181 };
const input = (changes: Partial<TrialInContextInput> = {}): TrialInContextInput => ({
  rows: sample.studies,
  moderators: sample.moderators,
  trialName: 'IPS-forsøket',
  month: 18,
  thisTrial: { counts: COUNTS },
  plan: PLAN,
  level: 0.95,
  ...changes,
});

describe('trialInContext on the shipped sample', () => {
  const r = trialInContext(input());

  it('pools the 12 synthetic studies and this trial; the published OR and RD rows are listed as not pooled', () => {
    expect(r.k).toBe(13);
    expect(r.studies.at(-1)).toMatchObject({ study: 'IPS-forsøket', origin: 'this_trial', year: null, counts: COUNTS });
    expect(r.studies.slice(0, -1).every((s) => s.origin === 'synthetic')).toBe(true);
    expect(r.excluded.map((e) => [e.study, e.reason, e.year, e.origin, e.reported?.measure])).toEqual([
      ['Bejerholm 2015', 'risk_difference_only', 2015, 'published', 'RD'],
      ['Sveinsdottir 2020 (SEED)', 'odds_ratio_only', 2020, 'published', 'OR'],
    ]);
    expect(r.evidence).toMatchObject({ rows: 14, published: 2, synthetic: 12 });
  });

  it('matches metafor with this trial: REML, z (13 studies), prediction interval, τ², I², Q', () => {
    const re = r.random_effects!;
    expect([re.method, re.test]).toEqual(['REML', 'z']);
    close(re.estimate, 2.04195866386);
    closeAll(re.ci, [1.68232294578, 2.47847489411]);
    closeAll(re.prediction_interval, [1.20330874538, 3.46510835305]);
    close(re.tau2, 0.0630315266119);
    close(re.i2, 0.534588552076);
    close(re.q, 25.5923877069, 6);
    close(re.q_p, 0.0122521672164);
    close(r.fixed!.estimate, 1.94066817305);
    closeAll(r.fixed!.ci, [1.71206945477, 2.19978982008]);
    expect(r.random_effects_other_method).toMatchObject({ method: 'DL' });
    close(r.random_effects_other_method!.estimate, 2.04139083005);
    close(r.random_effects_other_method!.tau2, 0.0621569564419);
  });

  it('gives each study its weight, this trial included (weights(rma) / 100)', () => {
    closeAll(
      r.studies.map((s) => s.weight_random),
      [8.52251678962, 8.62467909431, 6.31271250385, 5.97753113015, 8.11352935165, 5.61061007438, 10.02053061694, 5.11846984568, 9.61628571422, 4.76032961629, 5.16841951627, 10.69668936346, 11.45769638318].map((w) => w / 100),
      9,
    );
    close(r.studies.reduce((s, x) => s + x.weight_fixed, 0), 1, 12);
  });

  it('compares this trial with the earlier studies alone: their pooled RR and prediction interval', () => {
    const w = r.without_this_trial!;
    expect(w.k).toBe(12);
    close(w.random_effects.estimate, 2.141600072);
    closeAll(w.random_effects.ci, [1.76429902888, 2.59958816126]);
    closeAll(w.random_effects.prediction_interval, [1.33098135262, 3.44591669851]);
    close(w.random_effects.i2, 0.442846376395);
    const c = r.comparison!;
    close(c.trial.estimate, 85 / 227 / (49 / 181), 12);
    expect(c.position).toBe('within_prediction_interval');
    expect(c.intervals_overlap).toBe(true);
    close(c.pooled.estimate, w.random_effects.estimate, 12);
  });

  it('ends the cumulative analysis with this trial (no publication year) and leaves each study out in turn', () => {
    expect(r.cumulative.map((s) => s.year)).toEqual([2002, 2004, 2006, 2007, 2008, 2008, 2010, 2012, 2013, 2014, 2015, 2016, null]);
    expect(r.cumulative.at(-1)!.study).toBe('IPS-forsøket');
    close(r.cumulative.at(-1)!.estimate, 2.04195866386);
    // Leaving this trial out is the earlier studies' model.
    close(r.leave_one_out.find((s) => s.study === 'IPS-forsøket')!.estimate, 2.141600072);
  });

  it('uses the DerSimonian–Laird τ² when the plan says so, REML beside it', () => {
    const dl = trialInContext(input({ plan: { ...PLAN, method: 'DL' } }));
    expect(dl.random_effects!.method).toBe('DL');
    close(dl.random_effects!.estimate, 2.04139083005);
    closeAll(dl.random_effects!.prediction_interval, [1.20713492018, 3.45220443162]);
    expect(dl.random_effects_other_method!.method).toBe('REML');
    expect(dl.settings.method).toBe('DL');
  });
});

describe('trialInContext: meta-regression', () => {
  it('leaves this trial out of it without its moderator value (rma(mods = ~ epl, test = "knha") on the 12)', () => {
    const r = trialInContext(input({ plan: { ...PLAN, moderators: ['employment_protection'] } }));
    const reg = r.meta_regression!;
    expect(reg.missing_moderator).toEqual(['IPS-forsøket']);
    expect(reg.k).toBe(12);
    const slope = reg.coefficients[1]!;
    expect(slope.term).toBe('employment_protection');
    close(slope.estimate, -0.204380923323);
    close(slope.se, 0.09518969019);
    closeAll(slope.ci, [-0.416476770344, 0.00771492369767]);
    close(slope.p_value, 0.0573451743793);
  });

  it("takes this trial's value from the plan's trial_moderators (rma(mods = ~ c(epl, 2.3)))", () => {
    const r = trialInContext(input({ plan: { ...PLAN, moderators: ['employment_protection'], trial_moderators: { employment_protection: 2.3 } } }));
    expect(r.meta_regression!.k).toBe(13);
    close(r.meta_regression!.coefficients[1]!.estimate, -0.236971017714);
    close(r.meta_regression!.coefficients[1]!.p_value, 0.018145097825);
  });

  it('keeps the pooled result when the regression does not converge (metafor: "Fisher scoring algorithm did not converge")', () => {
    // A data set on which rma(yi, vi, mods = ~ epl, method = "REML", test = "knha") fails in metafor 3.8-1,
    // while rma(yi, vi, method = "REML") gives RR 2.2154 (prediction interval 1.3283–3.6948).
    const n1 = [76, 102, 75, 110, 76, 50, 104, 58, 361, 40, 45, 150];
    const e1 = [46, 62, 30, 34, 33, 27, 70, 12, 135, 18, 20, 114];
    const n2 = [74, 98, 74, 109, 75, 50, 104, 58, 359, 39, 45, 148];
    const e2 = [16, 19, 13, 15, 16, 12, 31, 8, 104, 8, 8, 38];
    const epl = [0.3, 0.3, 0.9, 1.2, 2.9, 1.6, 1.4, 2.5, 2.1, 1.4, 0.5, 0.3];
    const studies = n1.map((_, i) => ({ study: `S${i}`, year: 2000 + i, events_intervention: e1[i]!, n_intervention: n1[i]!, events_control: e2[i]!, n_control: n2[i]!, moderators: { epl: epl[i]! } }));
    const r = metaAnalysis(studies, { moderators: [{ name: 'epl', type: 'numeric' }] });
    close(r.random_effects.estimate, 2.2154, 4);
    closeAll(r.random_effects.prediction_interval, [1.3283, 3.6948], 4);
    expect(r.meta_regression).toBeNull();
    expect(r.meta_regression_note).toMatch(/did not converge/);
  });
});

describe('trialInContext: edge cases', () => {
  it('uses Knapp–Hartung below 10 studies, for both pooled results (rma(test = "knha"))', () => {
    const rows = sample.studies.filter((s) => s.source === 'synthetic').slice(0, 5);
    const r = trialInContext(input({ rows }));
    expect([r.k, r.random_effects!.test, r.without_this_trial!.random_effects.test]).toEqual([6, 'knha', 'knha']);
    close(r.random_effects!.estimate, 2.15852622111);
    closeAll(r.random_effects!.prediction_interval, [0.844276319582, 5.51861439101]);
    closeAll(r.without_this_trial!.random_effects.prediction_interval, [1.1051692513, 5.37610755966]);
  });

  it('says where a trial outside the prediction interval lies', () => {
    const low = trialInContext(input({ thisTrial: { counts: { events_intervention: 50, n_intervention: 227, events_control: 49, n_control: 181 } } }));
    expect(low.comparison!.position).toBe('below_prediction_interval');
    const high = trialInContext(input({ thisTrial: { counts: { events_intervention: 200, n_intervention: 227, events_control: 20, n_control: 181 } } }));
    expect(high.comparison!.position).toBe('above_prediction_interval');
  });

  it('pools the evidence alone, with the reason, when this trial has no risk ratio to add', () => {
    const r = trialInContext(input({ thisTrial: { reason: 'small_numbers' } }));
    expect(r.this_trial).toEqual({ study: 'IPS-forsøket', month: 18, counts: null, included: false, reason: 'small_numbers' });
    expect(r.k).toBe(12);
    close(r.random_effects!.estimate, 2.141600072);
    expect(r.without_this_trial).toBeNull();
    expect(r.comparison).toBeNull();
  });

  it('has this trial alone when every row of the file reports only an OR or RD', () => {
    const rows = sample.studies.filter((s) => s.source === 'published');
    const r = trialInContext(input({ rows }));
    expect(r.k).toBe(1);
    close(r.random_effects!.estimate, 85 / 227 / (49 / 181), 12);
    expect(r.without_this_trial).toBeNull();
    expect(r.excluded).toHaveLength(2);
  });

  it('has no pooled result, and says why for each row, when nothing gives a risk ratio', () => {
    const rows = sample.studies.filter((s) => s.source === 'published');
    const r = trialInContext(input({ rows, thisTrial: { reason: 'not_estimable' } }));
    expect([r.k, r.fixed, r.random_effects, r.studies]).toEqual([0, null, null, []]);
    expect(r.excluded.map((e) => e.reason)).toEqual(['risk_difference_only', 'odds_ratio_only']);
  });
});
