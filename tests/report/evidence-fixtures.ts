/**
 * Results of the evidence stages for the report tests: this trial beside the shipped
 * sample's evidence file (12 synthetic studies, 2 published rows that cannot be pooled), the
 * sites' fidelity from a sample fidelity file, variants for the cases the report words
 * differently, and hostile variants whose strings from input files try to inject markup.
 */
import { analyzeFidelity } from '../../src/fidelity/fidelity.ts';
import { DEFAULT_FIDELITY_BANDS } from '../../src/fidelity/bands.ts';
import { checkFidelityCsv } from '../../src/fidelity/fidelity-csv.ts';
import { sampleFidelityCsv } from '../../src/fidelity/sample-fidelity.ts';
import { riskDifferencesForCorrelation, type SiteEmployment, type TrialFidelity } from '../../src/fidelity/site-employment.ts';
import type { MetaAnalysisPlan } from '../../src/io/plan.ts';
import { checkEvidenceCsv, type EvidenceRow } from '../../src/meta-analysis/evidence-csv.ts';
import { trialInContext, type StudyCounts, type TrialInContext, type TrialInContextInput } from '../../src/meta-analysis/trial-in-context.ts';
import { sampleEvidenceCsv } from '../../src/simulate/sample-evidence.ts';
import { PLAN } from './fixtures.ts';

export const EVIDENCE = checkEvidenceCsv(new TextEncoder().encode(sampleEvidenceCsv()), { moderators: ['employment_protection'] });
/** The sample trial's primary timepoint: 85/227 vs 49/181 (RR 1.38). */
export const TRIAL_COUNTS: StudyCounts = { events_intervention: 85, n_intervention: 227, events_control: 49, n_control: 181 };
const META_PLAN: MetaAnalysisPlan = { method: 'REML', interval: 'auto', moderators: ['employment_protection'], trial_moderators: {} };

/** trialInContext on the sample evidence with `change` applied to its input. */
export function metaFixture(change: Partial<TrialInContextInput> = {}): TrialInContext {
  return trialInContext({
    rows: EVIDENCE.studies,
    moderators: EVIDENCE.moderators,
    trialName: PLAN.trial.name,
    month: PLAN.primary_timepoint,
    thisTrial: { counts: TRIAL_COUNTS },
    plan: META_PLAN,
    level: PLAN.confidence_level,
    ...change,
  });
}

export const META = metaFixture();

/** The sample's rows with every synthetic row made published (with a citation). */
export const PUBLISHED_ROWS: EvidenceRow[] = EVIDENCE.studies.map((r) => (r.source === 'synthetic' ? { ...r, source: 'published', citation: `${r.study}, J Test ${r.year}` } : r));

export const EVIL_STUDY = '<script>alert("study")</script>';
export const EVIL_COUNTRY = '<img src=x onerror=alert(1)>';
export const EVIL_CITATION = 'Doe J "><b>bold</b> & co';
/** The first synthetic study renamed with markup, its country and citation too; an excluded row with markup. */
export const EVIL_META = metaFixture({
  rows: EVIDENCE.studies.map((r, i) =>
    i === 2 ? { ...r, study: EVIL_STUDY, country: EVIL_COUNTRY, citation: EVIL_CITATION } : i === 0 ? { ...r, study: `${EVIL_STUDY} 2`, citation: EVIL_CITATION } : r,
  ),
});

export const FIDELITY_SITES = ['Hordaland', 'Sør-Trøndelag', 'Østfold', 'Oslo'];
export const SITE_EMPLOYMENT: SiteEmployment[] = [
  { site: 'Hordaland', risk_difference: 0.024, ci: [-0.181, 0.218], reason: null },
  { site: 'Oslo', risk_difference: 0.16, ci: [-0.054, 0.346], reason: null },
  { site: 'Sør-Trøndelag', risk_difference: 0.067, ci: [-0.164, 0.282], reason: null },
  { site: 'Østfold', risk_difference: null, ci: null, reason: 'suppressed' },
];

/** The fidelity result of `csv` against FIDELITY_SITES and SITE_EMPLOYMENT. */
export function fidelityFixture(csv: string, sites = FIDELITY_SITES, employment = SITE_EMPLOYMENT): TrialFidelity {
  const check = checkFidelityCsv(csv, sites);
  if (check.total > 0) throw new Error(JSON.stringify(check.violations));
  return {
    ...analyzeFidelity({ ratings: check.ratings, bands: DEFAULT_FIDELITY_BANDS, trialSites: sites, riskDifferences: riskDifferencesForCorrelation(employment), month: 18, confidence: 0.95 }),
    site_employment: employment,
  };
}

/** Four sites reviewed (totals 97–109), Oslo's review missing item 25. */
const FIDELITY_CSV = sampleFidelityCsv(FIDELITY_SITES, 7)
  .split('\n')
  .filter((line) => !/^Oslo,25,/.test(line))
  .join('\n');
export const FIDELITY = fidelityFixture(FIDELITY_CSV);

export const EVIL_SITE_NAME = '<svg onload=alert(1)>';
export const EVIL_FIDELITY = fidelityFixture(
  sampleFidelityCsv(['Hordaland', EVIL_SITE_NAME, 'Oslo'], 3),
  ['Hordaland', EVIL_SITE_NAME, 'Oslo'],
  [
    { site: 'Hordaland', risk_difference: 0.02, ci: [-0.2, 0.24], reason: null },
    { site: EVIL_SITE_NAME, risk_difference: 0.1, ci: [-0.1, 0.3], reason: null },
    { site: 'Oslo', risk_difference: 0.16, ci: [-0.05, 0.35], reason: null },
  ],
);

/** Six complete reviews and six site differences, as in the shipped sample: r, its interval and Spearman's rho exist. */
export const SIX_SITES = ['Akershus', 'Buskerud', 'Hordaland', 'Oslo', 'Sør-Trøndelag', 'Østfold'];
export const FIDELITY_SIX = fidelityFixture(
  sampleFidelityCsv(SIX_SITES, 20130901),
  SIX_SITES,
  SIX_SITES.map((site, i) => ({ site, risk_difference: [0.156, 0.115, 0.024, 0.16, 0.067, 0.05][i]!, ci: [-0.05 - i / 100, 0.3 + i / 100] as [number, number], reason: null })),
);
