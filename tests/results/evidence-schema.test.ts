/**
 * results.schema.json for the evidence keys, `meta_analysis` and `fidelity`: the results
 * the library makes from the shipped sample's evidence.csv and fidelity.csv are accepted,
 * with the variants the producers can write (no file, nothing to pool, an incomplete rating),
 * and each mutation a producer can never write is rejected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIDELITY_BANDS } from '../../src/fidelity/bands.ts';
import { analyzeFidelity } from '../../src/fidelity/fidelity.ts';
import { checkFidelityCsv } from '../../src/fidelity/fidelity-csv.ts';
import { riskDifferencesForCorrelation, type SiteEmployment, type TrialFidelity } from '../../src/fidelity/site-employment.ts';
import { checkEvidenceCsv } from '../../src/meta-analysis/evidence-csv.ts';
import { trialInContext } from '../../src/meta-analysis/trial-in-context.ts';
import { assembleResults } from '../../src/results/assemble.ts';
import { ROOT, SAMPLE } from '../helpers/cli.ts';
import { COST_BENEFIT, OUTCOMES, PLAN, QUALITY_OF_LIFE, SUMMARY, VERIFY } from '../report/fixtures.ts';

// Mutations build shapes the types forbid, so the objects are untyped here.
type Json = any;

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/results.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(schema);
const validator = (key: string) => ajv.getSchema(`${schema.$id}#/properties/${key}`)!;
const validMeta = validator('meta_analysis');
const validFidelity = validator('fidelity');

const evidence = checkEvidenceCsv(readFileSync(join(SAMPLE, 'evidence.csv')), { moderators: ['employment_protection'] });
const META = trialInContext({
  rows: evidence.studies,
  moderators: evidence.moderators,
  trialName: 'IPS-forsøket',
  month: 18,
  thisTrial: { counts: { events_intervention: 85, n_intervention: 227, events_control: 49, n_control: 181 } },
  plan: { method: 'REML', interval: 'auto', moderators: ['employment_protection'], trial_moderators: {} },
  level: 0.95,
});

const SITE_EMPLOYMENT: SiteEmployment[] = [
  { site: 'Akershus', risk_difference: 0.156, ci: [-0.057, 0.347], reason: null },
  { site: 'Buskerud', risk_difference: 0.115, ci: [-0.134, 0.347], reason: null },
  { site: 'Hordaland', risk_difference: null, ci: null, reason: 'suppressed' },
  { site: 'Oslo', risk_difference: 0.16, ci: [-0.054, 0.346], reason: null },
  { site: 'Sør-Trøndelag', risk_difference: 0.067, ci: [-0.164, 0.282], reason: null },
  { site: 'Østfold', risk_difference: 0.05, ci: [-0.177, 0.267], reason: null },
];
const sites = SITE_EMPLOYMENT.map((s) => s.site);
const ratings = checkFidelityCsv(readFileSync(join(SAMPLE, 'fidelity.csv')), sites).ratings;
const FIDELITY: TrialFidelity = {
  ...analyzeFidelity({ ratings, bands: DEFAULT_FIDELITY_BANDS, trialSites: sites, riskDifferences: riskDifferencesForCorrelation(SITE_EMPLOYMENT), month: 18, confidence: 0.95 }),
  site_employment: SITE_EMPLOYMENT,
};

const json = (x: unknown): Json => JSON.parse(JSON.stringify(x));
function mutated(base: unknown, change: (r: Json) => void): Json {
  const r = json(base);
  change(r);
  return r;
}
const errorsOf = (validate: typeof validMeta, value: unknown) => (validate(value) ? [] : (validate.errors ?? []));

describe('results.schema.json: meta_analysis', () => {
  it('accepts the sample’s meta-analysis, and null when no evidence file was delivered', () => {
    expect(errorsOf(validMeta, json(META))).toEqual([]);
    expect(errorsOf(validMeta, null)).toEqual([]);
  });

  it('is a real result with every part filled (this trial, the earlier studies, a regression, excluded rows)', () => {
    expect(META.comparison).not.toBeNull();
    expect(META.meta_regression).not.toBeNull();
    expect(META.excluded).toHaveLength(2);
    expect(META.studies.some((s) => s.origin === 'this_trial')).toBe(true);
  });

  const accepted: [string, (r: Json) => void][] = [
    ['nothing to pool', (r) => Object.assign(r, { k: 0, fixed: null, random_effects: null, random_effects_other_method: null, studies: [], leave_one_out: [], cumulative: [], meta_regression: null, without_this_trial: null, comparison: null })],
    ['this trial not pooled (small numbers)', (r) => Object.assign(r.this_trial, { counts: null, included: false, reason: 'small_numbers' })],
    ['a regression that could not be fitted', (r) => Object.assign(r, { meta_regression: null, meta_regression_note: 'too few studies' })],
    ['an empty τ² interval', (r) => Object.assign(r.random_effects, { tau2_ci: [0, 0], tau2_ci_note: 'empty' })],
    ['a categorical trial moderator', (r) => (r.settings.trial_moderators = { region: 'Nordic' })],
  ];
  it.each(accepted)('accepts %s', (_name, change) => {
    expect(errorsOf(validMeta, mutated(META, change))).toEqual([]);
  });

  const rejected: [string, (r: Json) => void][] = [
    ['an extra key', (r) => (r.extra = 1)],
    ['I² in percent', (r) => (r.random_effects.i2 = 53.4)],
    ['an unknown τ² method', (r) => (r.random_effects.method = 'ML')],
    ['a risk ratio of 0', (r) => (r.fixed.estimate = 0)],
    ['a missing prediction interval', (r) => delete r.random_effects.prediction_interval],
    ['a negative weight', (r) => (r.studies[0].weight_random = -0.1)],
    ['an unknown origin', (r) => (r.studies[0].origin = 'review')],
    ['an unknown exclusion reason', (r) => (r.excluded[0].reason = 'hazard_ratio_only')],
    ['a measure other than RR', (r) => (r.measure = 'OR')],
    ['an unknown position', (r) => (r.comparison.position = 'near')],
    ['a study without a name', (r) => (r.studies[0].study = '')],
    ['an extra key in a coefficient', (r) => (r.meta_regression.coefficients[0].z = 1)],
  ];
  it.each(rejected)('rejects %s', (_name, change) => {
    expect(validMeta(mutated(META, change))).toBe(false);
  });
});

describe('results.schema.json: fidelity', () => {
  it('accepts the sample’s fidelity result, and null when no fidelity file was delivered', () => {
    expect(errorsOf(validFidelity, json(FIDELITY))).toEqual([]);
    expect(errorsOf(validFidelity, null)).toEqual([]);
  });

  it('accepts an incomplete rating and a correlation that cannot be computed', () => {
    const r = mutated(FIDELITY, (f) => {
      Object.assign(f.sites[0], { complete: false, total: null, band: null, reason: 'incomplete', missing_items: [25] });
      f.sites[0].items[24] = null;
      Object.assign(f.correlation, { r: null, ci: null, p: null, reason: 'too_few_sites', spearman: { rho: null, p: null, p_method: null, ties: false } });
    });
    expect(errorsOf(validFidelity, r)).toEqual([]);
  });

  const rejected: [string, (r: Json) => void][] = [
    ['an extra key', (r) => (r.extra = 1)],
    ['24 item scores', (r) => r.sites[0].items.pop()],
    ['a score of 6', (r) => (r.sites[0].items[0] = 6)],
    ['a total above 125', (r) => (r.sites[0].total = 126)],
    ['a correlation above 1', (r) => (r.correlation.r = 1.2)],
    ['a date that is not YYYY-MM-DD', (r) => (r.sites[0].rated_on = '02.05.2014')],
    ['a risk difference in points', (r) => (r.site_employment[0].risk_difference = 15.6)],
    ['an unknown exclusion reason', (r) => (r.correlation.excluded = [{ site: 'Oslo', reason: 'late' }])],
    ['a band label in one language', (r) => delete r.bands[0].label.en],
  ];
  it.each(rejected)('rejects %s', (_name, change) => {
    expect(validFidelity(mutated(FIDELITY, change))).toBe(false);
  });
});

describe('assembleResults', () => {
  it('carries both results under their keys, null when not delivered', () => {
    const withEvidence = assembleResults(PLAN, SUMMARY, VERIFY, OUTCOMES, QUALITY_OF_LIFE, COST_BENEFIT, { metaAnalysis: META, fidelity: FIDELITY });
    expect(withEvidence.meta_analysis).toBe(META);
    expect(withEvidence.fidelity).toBe(FIDELITY);
    const without = assembleResults(PLAN, SUMMARY, VERIFY, OUTCOMES, QUALITY_OF_LIFE, COST_BENEFIT);
    expect([without.meta_analysis, without.fidelity]).toEqual([null, null]);
  });
});
