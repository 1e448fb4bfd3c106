/**
 * A small hand-built ingest summary, plan and verify result for the report tests, variants
 * for the cases the report words differently (verification failed or impossible, no
 * screening counts, suppressed and unbounded baseline cells), the employment outcomes, the
 * questionnaire results, the cost–benefit results, and hostile variants whose strings from input
 * data try to inject markup.
 */
import type {
  BreakEvenWage,
  CostBenefit,
  CostBenefitResult,
  CostParameters,
  PersistenceScenario,
  ScenarioResult,
  SensitivityBar,
} from '../../src/cost-benefit/cost-benefit-results.ts';
import type { BaselineTable, CategoricalVariable } from '../../src/design/baseline.ts';
import type { VerifyResult } from '../../src/design/verify.ts';
import type { IngestSummary } from '../../src/io/dataset.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import type { ArmRate, Effect, EmploymentOverTime, SubgroupResult, TimepointEmployment } from '../../src/outcomes/employment-results.ts';
import type { OutcomesResult } from '../../src/outcomes/outcomes.ts';
import type { QualityOfLifeResult, QualityOfLifeWave } from '../../src/quality-of-life/quality-of-life-results.ts';
import type { KaplanMeierStep } from '../../src/stats/kaplan-meier.ts';
import { wilsonInterval } from '../../src/stats/wilson.ts';
import { PLAN as TEST_PLAN } from '../helpers/delivery.ts';
import { DEFAULT_FIDELITY_BANDS } from '../../src/fidelity/bands.ts';

export const PLAN: AnalysisPlan = {
  ...TEST_PLAN,
  trial: { name: 'IPS-forsøket i seks fylker', registration: 'NCT01964092' },
  timepoints: [6, 12, 18],
  primary_timepoint: 18,
  registry_months: { first: 0, last: 18 },
  diagnosis_levels: ['depression', 'anxiety', 'bipolar', 'psychosis', 'spiseforstyrrelse', 'other'],
  measures: [
    { column: 'qol', label: { nb: 'Livskvalitet', en: 'Quality of life' }, min: 0, max: 10, higher_is_better: true },
    { column: 'health', label: { nb: 'Selvvurdert helse', en: 'Self-rated health' }, min: 1, max: 5, higher_is_better: true },
    { column: 'depression', label: { nb: 'Depressive symptomer', en: 'Depressive symptoms' }, min: 0, max: 27, higher_is_better: false },
    { column: 'functioning', label: { nb: 'Funksjonsnivå', en: 'Functioning' }, min: 0, max: 100, higher_is_better: true },
    {
      column: 'work_belief',
      label: { nb: 'Tro på at arbeid er bra for helsen', en: 'Belief that work is good for health' },
      min: 1,
      max: 5,
      higher_is_better: true,
    },
  ],
  randomization: {
    method: 'permuted_blocks',
    ratio: { IPS: 1, TVR: 1 },
    block_sizes: [2, 4, 6],
    strata: [],
    allocation_list: null,
    sha256: null,
    seed: null,
  },
  screening: null,
  subgroups: ['sex', 'age_group', 'diagnosis', 'worked_last_5y', 'site'],
  age_groups: [30],
  imputations: 20,
  costs: null,
  meta_analysis: { method: 'REML', interval: 'auto', moderators: [], trial_moderators: {} },
  fidelity: { bands: DEFAULT_FIDELITY_BANDS.map((b) => ({ ...b, label: { ...b.label } })) },
};

export const SUMMARY: IngestSummary = {
  files: [
    {
      file: 'participants.csv',
      rows: 1234,
      dialect: { encoding: 'windows-1252', bom: true, delimiter: ';', decimal: ',', line_ending: 'CRLF' },
    },
    { file: 'employment.csv', rows: 23456, dialect: { encoding: 'utf-8', bom: false, delimiter: ',', decimal: '.', line_ending: 'LF' } },
  ],
  participants: {
    total: 1234,
    withdrawn: 7,
    by_arm: [
      { arm: 'IPS', randomized: 611, withdrawn: 4 },
      { arm: 'TVR', randomized: 623, withdrawn: 3 },
    ],
    by_site: [
      { site: 'Hordaland', arm: 'IPS', randomized: 101 },
      { site: 'Hordaland', arm: 'TVR', randomized: 103 },
      { site: 'Sør-Trøndelag', arm: 'IPS', randomized: 510 },
      { site: 'Sør-Trøndelag', arm: 'TVR', randomized: 507 },
      // No IPS row: the report must show an explicit 0.
      { site: 'Østfold', arm: 'TVR', randomized: 13 },
    ],
  },
  registry_months: { first: 0, last: 18 },
  questionnaire_waves: [0, 6, 12],
  warnings: [{ code: 'no_registry', count: 3 }],
};

export const EVIL_SITE = '<script>alert(1)</script>';
export const EVIL_TRIAL = 'Trial "A&B" <i>x</i>';

export const EVIL_PLAN: AnalysisPlan = { ...PLAN, trial: { name: EVIL_TRIAL } };
export const EVIL_SUMMARY: IngestSummary = {
  ...SUMMARY,
  files: [{ ...SUMMARY.files[0]!, file: '<img src=x onerror=alert(1)>.csv' }],
  participants: {
    ...SUMMARY.participants,
    by_site: [
      { site: EVIL_SITE, arm: 'IPS', randomized: 5 },
      { site: EVIL_SITE, arm: 'TVR', randomized: 6 },
    ],
  },
  warnings: [{ code: 'ignored_column', file: 'questionnaires.csv', column: '<b onmouseover="x">bold</b> & \'quoted\'' }],
};

/** SHA-256 of the allocation list in the fixtures (of the text "test"; any 64 hex digits do). */
export const LIST_SHA256 = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const OTHER_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const level = (lvl: string, ips: number | null, tvr: number | null, missing = false): CategoricalVariable['levels'][number] => ({
  level: lvl,
  missing,
  arms: {
    IPS: ips === null ? { n: null, fraction: null, suppressed: true } : { n: ips, fraction: ips / 607, suppressed: false },
    TVR: tvr === null ? { n: null, fraction: null, suppressed: true } : { n: tvr, fraction: tvr / 620, suppressed: false },
  },
});

/**
 * Table 1 of the fixture trial, as the producer's rules make it: a small count suppressed
 * (bipolar, IPS; 2) with its partner (spiseforstyrrelse, 40: the smallest other non-zero
 * count in that column), which withholds the diagnosis SMD and its flag; 2 missing ages in
 * IPS, hidden with that arm's age n (605 = 607 − 2); and one imbalanced variable.
 */
export const BASELINE: BaselineTable = {
  population: 'randomized_not_withdrawn',
  arms: { IPS: 607, TVR: 620 },
  imbalance_threshold: 0.1,
  small_cell_threshold: 3,
  min_n_for_summary: 10,
  variables: [
    {
      variable: 'age',
      kind: 'continuous',
      smd_method: 'pooled_sd',
      smd: -0.06163,
      smd_note: null,
      imbalanced: false,
      arms: {
        IPS: { n: null, missing: null, mean: 38.42, sd: 10.87, median: 37, q1: 29.5, q3: 47, suppressed: false, missing_suppressed: true },
        TVR: { n: 620, missing: 0, mean: 39.1, sd: 11.2, median: 38, q1: 30, q3: 48.25, suppressed: false, missing_suppressed: false },
      },
    },
    {
      variable: 'sex',
      kind: 'categorical',
      smd_method: 'yang_dalton',
      smd: 0.0304,
      smd_note: null,
      imbalanced: false,
      levels: [level('F', 330, 328), level('M', 277, 292), level('', 0, 0, true)],
    },
    {
      variable: 'diagnosis',
      kind: 'categorical',
      smd_method: 'yang_dalton',
      smd: null,
      smd_note: 'suppressed',
      imbalanced: null,
      levels: [
        level('depression', 250, 262),
        level('anxiety', 180, 175),
        level('bipolar', null, 12),
        level('psychosis', 60, 70),
        level('spiseforstyrrelse', null, 38),
        level('other', 75, 63),
        level('', 0, 0, true),
      ],
    },
    {
      variable: 'education',
      kind: 'categorical',
      smd_method: 'yang_dalton',
      smd: 0.1456,
      smd_note: null,
      imbalanced: true,
      levels: [level('primary', 150, 160), level('secondary', 300, 310), level('higher', 150, 140), level('', 7, 10, true)],
    },
    {
      variable: 'worked_last_5y',
      kind: 'categorical',
      smd_method: 'yang_dalton',
      smd: 0.0456,
      smd_note: null,
      imbalanced: false,
      levels: [level('1', 400, 395), level('0', 200, 220), level('', 7, 5, true)],
    },
  ],
};

/** The fixture trial verified against its list, with screening counts (1 234 randomized, as in SUMMARY). */
export const VERIFY: VerifyResult = {
  randomization: {
    design: { method: 'permuted_blocks', stratification: 'site', ratio: { IPS: 1, TVR: 1 }, block_sizes: [2, 4, 6] },
    verification: {
      status: 'verified',
      list: { file: 'allocation.csv', sha256: LIST_SHA256, slots: 1500, source: 'file' },
      commitment: { expected: LIST_SHA256, matches: true },
      regenerated_from_seed: { matches: true },
      problems: [],
      problems_total: 0,
    },
    allowed_unverified: false,
    arm_counts: {
      by_site: [
        { site: 'Hordaland', arms: { IPS: 101, TVR: 103 } },
        { site: 'Sør-Trøndelag', arms: { IPS: 510, TVR: 507 } },
        { site: 'Østfold', arms: { IPS: 0, TVR: 13 } },
      ],
      overall: { IPS: 611, TVR: 623 },
    },
    // R: binom.test(611, 1234, 0.5)
    ratio_test: {
      arm: 'IPS',
      count: 611,
      n: 1234,
      expected_fraction: 0.5,
      observed_fraction: 611 / 1234,
      ci: [0.466876603297559, 0.52342214083941],
      p: 0.754190694713538,
    },
  },
  consort: {
    screening: {
      assessed: 2000,
      excluded: [
        { reason: { nb: 'Oppfylte ikke kriteriene for å delta', en: 'Did not meet the inclusion criteria' }, n: 512 },
        { reason: { nb: 'Ønsket ikke å delta', en: 'Declined to take part' }, n: 254 },
      ],
    },
    randomized: { IPS: 611, TVR: 623 },
    withdrawn: { IPS: 4, TVR: 3 },
    registry: [
      { month: 6, arms: { IPS: 606, TVR: 619 } },
      { month: 12, arms: { IPS: 604, TVR: 617 } },
      { month: 18, arms: { IPS: 601, TVR: 615 } },
    ],
    questionnaires: [
      { wave: 0, arms: { IPS: 590, TVR: 601 } },
      { wave: 6, arms: { IPS: 512, TVR: 498 } },
      { wave: 12, arms: { IPS: 470, TVR: 455 } },
    ],
    analysed: [
      { outcome: 'employment', month: 6, primary: false, arms: { IPS: 606, TVR: 619 } },
      { outcome: 'employment', month: 12, primary: false, arms: { IPS: 604, TVR: 617 } },
      { outcome: 'employment', month: 18, primary: true, arms: { IPS: 601, TVR: 615 } },
      { outcome: 'qol', month: 6, primary: false, arms: { IPS: 511, TVR: 497 } },
      { outcome: 'qol', month: 12, primary: false, arms: { IPS: 468, TVR: 452 } },
      { outcome: 'work_belief', month: 6, primary: false, arms: { IPS: 509, TVR: 494 } },
      { outcome: 'work_belief', month: 12, primary: false, arms: { IPS: 466, TVR: 450 } },
    ],
  },
  baseline: BASELINE,
};

/** One problem of every kind, then more, so the warning has to cut its list. */
export const PROBLEMS: VerifyResult['randomization']['verification']['problems'] = [
  { kind: 'commitment_mismatch', expected: LIST_SHA256, actual: OTHER_SHA256 },
  { kind: 'arm_mismatch', site: 'Hordaland', allocation_no: 17, recorded: 'IPS', listed: 'TVR' },
  { kind: 'reused', site: 'Hordaland', allocation_no: 18, times: 2 },
  { kind: 'gap', site: 'Hordaland', allocation_no: 40 },
  { kind: 'not_in_list', site: 'Hordaland', allocation_no: 999 },
  { kind: 'no_allocation_no', site: 'Sør-Trøndelag', count: 4 },
  { kind: 'differs_from_seed', site: 'Sør-Trøndelag', allocation_no: 5, listed: 'IPS', regenerated: 'TVR' },
  { kind: 'differs_from_seed', site: 'Sør-Trøndelag', allocation_no: 1001, listed: null, regenerated: 'IPS' },
  { kind: 'gap', site: 'Østfold', allocation_no: 3 },
  { kind: 'gap', site: 'Østfold', allocation_no: 4 },
  { kind: 'gap', site: 'Østfold', allocation_no: 7 },
  { kind: 'gap', site: 'Østfold', allocation_no: 8 },
];

/**
 * Baseline edge cases: age known for only 2 in IPS (summary, n and missing hidden, so the
 * SMD is withheld), no overlap, no data (education missing for all of IPS).
 */
export const BASELINE_EDGES: BaselineTable = {
  ...BASELINE,
  variables: [
    {
      variable: 'age',
      kind: 'continuous',
      smd_method: 'pooled_sd',
      smd: null,
      smd_note: 'suppressed',
      imbalanced: null,
      arms: {
        IPS: { n: null, missing: null, mean: null, sd: null, median: null, q1: null, q3: null, suppressed: true, missing_suppressed: true },
        TVR: { n: 620, missing: 0, mean: 39.1, sd: 11.2, median: 38, q1: 30, q3: 48.25, suppressed: false, missing_suppressed: false },
      },
    },
    {
      variable: 'education',
      kind: 'categorical',
      smd_method: 'yang_dalton',
      smd: null,
      smd_note: 'no_data',
      imbalanced: false,
      levels: [level('primary', 0, 160), level('secondary', 0, 310), level('higher', 0, 140), level('', 607, 10, true)],
    },
    {
      variable: 'worked_last_5y',
      kind: 'categorical',
      smd_method: 'yang_dalton',
      smd: null,
      smd_note: 'no_overlap',
      imbalanced: true,
      levels: [level('1', 607, 0), level('0', 0, 620), level('', 0, 0, true)],
    },
  ],
};

/** Verification failed and the run went on with --allow-unverified; no screening counts. */
export const VERIFY_UNVERIFIED: VerifyResult = {
  ...VERIFY,
  randomization: {
    ...VERIFY.randomization,
    verification: {
      status: 'failed',
      list: { file: 'allocation.csv', sha256: OTHER_SHA256, slots: 1500, source: 'file' },
      commitment: { expected: LIST_SHA256, matches: false },
      regenerated_from_seed: { matches: false },
      problems: PROBLEMS,
      problems_total: 15,
    },
    allowed_unverified: true,
  },
  consort: { ...VERIFY.consort, screening: null },
  baseline: BASELINE_EDGES,
};

/** No allocation list at all: nothing could be checked. Simple randomization, 2:1. */
export const VERIFY_NO_LIST: VerifyResult = {
  ...VERIFY,
  randomization: {
    ...VERIFY.randomization,
    design: { method: 'simple', stratification: 'site', ratio: { IPS: 2, TVR: 1 }, block_sizes: [] },
    verification: { status: 'no_list', list: null, commitment: null, regenerated_from_seed: null, problems: [], problems_total: 0 },
    allowed_unverified: true,
    // R: binom.test(229, 410, 2/3)$p.value is 6.05489e-06 (below 0.001)
    ratio_test: { arm: 'IPS', count: 229, n: 410, expected_fraction: 2 / 3, observed_fraction: 229 / 410, ci: [0.508975749508516, 0.607246562887114], p: 6.05489e-6 },
  },
};

export const EVIL_REASON = '<img src=x onerror="alert(2)"> & co';
export const EVIL_LEVEL = '<b>bold</b>';
export const EVIL_MEASURE = '<svg onload=alert(3)>';

/** Hostile strings wherever the verify result carries text from input. */
export const EVIL_VERIFY: VerifyResult = {
  ...VERIFY_UNVERIFIED,
  randomization: {
    ...VERIFY_UNVERIFIED.randomization,
    verification: {
      ...VERIFY_UNVERIFIED.randomization.verification,
      list: { file: '<script>x</script>.csv', sha256: OTHER_SHA256, slots: 1, source: 'file' },
      problems: [
        { kind: 'arm_mismatch', site: EVIL_SITE, allocation_no: 1, recorded: 'IPS', listed: 'TVR' },
        { kind: 'no_allocation_no', site: EVIL_SITE, count: 2 },
      ],
    },
    arm_counts: { by_site: [{ site: EVIL_SITE, arms: { IPS: 5, TVR: 6 } }], overall: { IPS: 5, TVR: 6 } },
  },
  consort: {
    ...VERIFY.consort,
    screening: { assessed: 20, excluded: [{ reason: { nb: EVIL_REASON, en: EVIL_REASON }, n: 9 }] },
  },
  baseline: {
    ...BASELINE,
    variables: [
      { ...(BASELINE.variables[2] as CategoricalVariable), levels: [level(EVIL_LEVEL, 5, 6), level('', 0, 0, true)] },
    ],
  },
};

/** A plan whose measure labels are hostile too. */
export const EVIL_VERIFY_PLAN: AnalysisPlan = {
  ...EVIL_PLAN,
  diagnosis_levels: [EVIL_LEVEL],
  measures: PLAN.measures.map((m) => ({ ...m, label: { nb: EVIL_MEASURE, en: EVIL_MEASURE } })),
};

/** Per arm at one month, with the Wilson interval as the outcomes stage computes it. */
const armRate = (employed: number, n: number, missing: number): ArmRate => ({
  n,
  missing,
  employed,
  rate: n > 0 ? employed / n : null,
  ci: n > 0 ? wilsonInterval(employed, n, 0.95) : null,
});

const effect = (estimate: number | null, ci: [number, number] | null, p: number | null, method: string, extra: Partial<Effect> = {}): Effect => ({
  estimate,
  ci,
  p,
  method,
  correction: null,
  note: null,
  ...extra,
});

/** One Kaplan–Meier step from [time, at risk, events, censored, survival, std_err, low, high]. */
const step = ([time, at_risk, events, censored, survival, std_err, low, high]: readonly number[]): KaplanMeierStep => ({
  time: time!,
  at_risk: at_risk!,
  events: events!,
  censored: censored!,
  survival: survival!,
  std_err: std_err!,
  ci: [low!, high!],
});

// Employed per registry month 0–18, IPS then TVR; months 6, 12 and 18 as in EMPLOYMENT.
const EMPLOYED_BY_MONTH = {
  IPS: [3, 4, 4, 5, 5, 6, 7, 30, 55, 80, 105, 150, 190, 200, 205, 210, 215, 220, 223],
  TVR: [2, 2, 1, 1, 1, 0, 0, 20, 40, 60, 80, 120, 150, 155, 158, 160, 162, 164, 166],
};
const ANALYSED_BY_MONTH = (arm: 'IPS' | 'TVR', month: number) =>
  arm === 'IPS' ? (month < 12 ? 606 : month < 18 ? 604 : 601) : month < 12 ? 619 : month < 18 ? 617 : 615;

/**
 * Employment at the three timepoints, the numbers as R and the project's statistics give
 * them for these counts (Wilson, Newcombe hybrid score, Katz, Woolf, Pearson or Fisher).
 * Month 6 has a zero cell: no one employed in TVR, so the ratios carry the Haldane–Anscombe
 * correction, the test is Fisher's, and the adjusted model separated and used Firth's
 * method. Month 12 lost two bootstrap resamples. Outcomes are missing in both arms at every
 * month (as in VERIFY's CONSORT counts), so every timepoint has worst- and best-case bounds.
 */
export const EMPLOYMENT: TimepointEmployment[] = [
  {
    month: 6,
    primary: false,
    definition: 'employed_in_month',
    analysis_set: 'complete_case',
    arms: { IPS: armRate(7, 606, 1), TVR: armRate(0, 619, 1) },
    risk_difference: effect(0.011551, [0.002985, 0.023649], 0.00712377335061014, 'newcombe_hybrid_score'),
    risk_ratio: effect(15.321252, [0.876971, 267.672216], 0.00712377335061014, 'log_scale_wald', { correction: 'haldane_anscombe_0.5' }),
    odds_ratio: effect(15.500417, [0.88334, 271.993709], 0.00712377335061014, 'woolf', { correction: 'haldane_anscombe_0.5' }),
    test: { method: 'fisher_exact', statistic: null, p: 0.00712377335061014 },
    adjusted_odds_ratio: {
      ...effect(14.87, [1.61, 1961.2], 0.0114, 'profile_penalized_likelihood'),
      model: 'firth',
      separation: true,
      converged: true,
      n: 1225,
      terms: ['arm', 'site', 'age', 'sex'],
    },
    adjusted_risk_difference: {
      ...effect(0.0112, [0.0031, 0.0213], null, 'g_computation_bootstrap_percentile', { correction: 'firth' }),
      resamples: 100,
      failed_resamples: 0,
    },
    randomization_test: { p: 0.0099, permutations: 100 },
    missing_bounds: {
      worst_case: effect(0.009919, [0.000382, 0.022071], null, 'newcombe_hybrid_score'),
      best_case: effect(0.01318, [0.004236, 0.025789], null, 'newcombe_hybrid_score'),
    },
  },
  {
    month: 12,
    primary: false,
    definition: 'employed_in_month',
    analysis_set: 'complete_case',
    arms: { IPS: armRate(190, 604, 3), TVR: armRate(150, 617, 3) },
    risk_difference: effect(0.071458, [0.02116, 0.121339], 0.0053511491300450645, 'newcombe_hybrid_score'),
    risk_ratio: effect(1.293929, [1.078272, 1.552718], 0.0053511491300450645, 'log_scale_wald'),
    odds_ratio: effect(1.428824, [1.110924, 1.837695], 0.0053511491300450645, 'woolf'),
    test: { method: 'pearson_chi_square', statistic: 7.756773, p: 0.0053511491300450645 },
    adjusted_odds_ratio: {
      ...effect(1.4512, [1.1234, 1.8747], 0.0043, 'wald_interval_lr_test'),
      model: 'maximum_likelihood',
      separation: false,
      converged: true,
      n: 1219,
      terms: ['arm', 'site', 'age', 'sex'],
    },
    adjusted_risk_difference: { ...effect(0.0734, [0.0229, 0.1251], null, 'g_computation_bootstrap_percentile'), resamples: 98, failed_resamples: 2 },
    randomization_test: { p: 0.0099, permutations: 100 },
    missing_bounds: {
      worst_case: effect(0.066241, [0.016005, 0.116095], null, 'newcombe_hybrid_score'),
      best_case: effect(0.076022, [0.025791, 0.125806], null, 'newcombe_hybrid_score'),
    },
  },
  {
    month: 18,
    primary: true,
    definition: 'employed_in_month',
    analysis_set: 'complete_case',
    arms: { IPS: armRate(223, 601, 6), TVR: armRate(166, 615, 5) },
    risk_difference: effect(0.10113, [0.04871, 0.15284], 0.0001568266218513622, 'newcombe_hybrid_score'),
    risk_ratio: effect(1.374667, [1.163799, 1.623742], 0.0001568266218513622, 'log_scale_wald'),
    odds_ratio: effect(1.5957, [1.251368, 2.034781], 0.0001568266218513622, 'woolf'),
    test: { method: 'pearson_chi_square', statistic: 14.288421, p: 0.0001568266218513622 },
    adjusted_odds_ratio: {
      ...effect(1.6213, [1.2645, 2.0788], 0.0001, 'wald_interval_lr_test'),
      model: 'maximum_likelihood',
      separation: false,
      converged: true,
      n: 1214,
      terms: ['arm', 'site', 'age', 'sex'],
    },
    adjusted_risk_difference: { ...effect(0.1042, [0.0511, 0.1553], null, 'g_computation_bootstrap_percentile'), resamples: 100, failed_resamples: 0 },
    randomization_test: { p: 0.0099, permutations: 100 },
    missing_bounds: {
      worst_case: effect(0.091574, [0.039326, 0.143184], null, 'newcombe_hybrid_score'),
      best_case: effect(0.109523, [0.057273, 0.161], null, 'newcombe_hybrid_score'),
    },
  },
];

const OVER_TIME: EmploymentOverTime = {
  months: EMPLOYED_BY_MONTH.IPS.map((_, month) => ({
    month,
    arms: {
      IPS: armRate(EMPLOYED_BY_MONTH.IPS[month]!, ANALYSED_BY_MONTH('IPS', month), 607 - ANALYSED_BY_MONTH('IPS', month)),
      TVR: armRate(EMPLOYED_BY_MONTH.TVR[month]!, ANALYSED_BY_MONTH('TVR', month), 620 - ANALYSED_BY_MONTH('TVR', month)),
    },
  })),
  months_employed: {
    first: 0,
    last: 18,
    arms: { IPS: { n: 598, mean: 5.9, sd: 6.1 }, TVR: { n: 612, mean: 4.1, sd: 5.4 } },
    difference: effect(1.8, [1.15, 2.45], 0.00001, 'welch'),
  },
  earnings: {
    arms: { IPS: { n: 590, mean: 81234, sd: 120000 }, TVR: { n: 605, mean: 60321, sd: 101000 } },
    difference: { ...effect(20913, [8123, 33210], null, 'percentile_bootstrap'), resamples: 100 },
  },
};

/** Time to first job, from a simulated trial of 605 and 618 analysed (R's survfit, survdiff, coxph give the same). */
const TIME_TO_FIRST_JOB: OutcomesResult['time_to_first_job'] = {
  time_unit: 'month',
  confidence_level: 0.95,
  registry_months: { first: 0, last: 18 },
  arms: {
    IPS: {
      randomized: 611,
      withdrawn: 4,
      no_registry: 2,
      analysed: 605,
      events: 454,
      events_at_month_0: 34,
      curve: [
        [0, 605, 34, 2, 0.943802, 0.009921, 0.925627, 0.962333],
        [1, 569, 42, 3, 0.874136, 0.015443, 0.848075, 0.900999],
        [2, 524, 58, 2, 0.777381, 0.021818, 0.744839, 0.811344],
        [3, 464, 39, 1, 0.71204, 0.025957, 0.676721, 0.749203],
        [4, 424, 38, 2, 0.648225, 0.030099, 0.611091, 0.687617],
        [5, 384, 23, 1, 0.609399, 0.03274, 0.571524, 0.649786],
        [6, 360, 27, 0, 0.563695, 0.036015, 0.525276, 0.604923],
        [7, 333, 27, 0, 0.51799, 0.039523, 0.479379, 0.55971],
        [8, 306, 24, 1, 0.477363, 0.042898, 0.438868, 0.519234],
        [9, 281, 16, 1, 0.450182, 0.045333, 0.411909, 0.492012],
        [10, 264, 16, 2, 0.422898, 0.047953, 0.384963, 0.464572],
        [11, 246, 21, 2, 0.386797, 0.051758, 0.349484, 0.428094],
        [12, 223, 17, 1, 0.35731, 0.055217, 0.32066, 0.39815],
        [13, 205, 13, 2, 0.334652, 0.058131, 0.298615, 0.375037],
        [14, 190, 16, 0, 0.306471, 0.062154, 0.271321, 0.346174],
        [15, 174, 10, 1, 0.288857, 0.064912, 0.254349, 0.328048],
        [16, 163, 14, 0, 0.264047, 0.06921, 0.230553, 0.302408],
        [17, 149, 9, 0, 0.248098, 0.07226, 0.215336, 0.285846],
        [18, 140, 10, 130, 0.230377, 0.075967, 0.198507, 0.267363],
      ].map(step),
      median: { estimate: 8, ci: [7, 9] },
    },
    TVR: {
      randomized: 623,
      withdrawn: 3,
      no_registry: 2,
      analysed: 618,
      events: 375,
      events_at_month_0: 32,
      curve: [
        [0, 618, 32, 5, 0.94822, 0.0094, 0.93091, 0.965852],
        [1, 581, 25, 5, 0.907419, 0.012874, 0.884808, 0.930608],
        [2, 551, 33, 1, 0.853073, 0.016774, 0.825482, 0.881585],
        [3, 517, 34, 0, 0.796971, 0.020434, 0.765684, 0.829537],
        [4, 483, 28, 4, 0.75077, 0.023344, 0.717194, 0.785918],
        [5, 451, 20, 0, 0.717476, 0.025452, 0.682562, 0.754176],
        [6, 431, 20, 0, 0.684183, 0.027581, 0.648179, 0.722187],
        [7, 411, 23, 4, 0.645895, 0.030083, 0.608914, 0.685123],
        [8, 384, 26, 2, 0.602163, 0.033077, 0.564363, 0.642494],
        [9, 356, 16, 4, 0.575099, 0.035018, 0.536952, 0.615957],
        [10, 336, 16, 0, 0.547713, 0.037082, 0.509318, 0.589003],
        [11, 320, 14, 1, 0.523751, 0.038962, 0.485244, 0.565314],
        [12, 305, 13, 1, 0.501427, 0.040793, 0.462898, 0.543163],
        [13, 291, 13, 0, 0.479027, 0.042717, 0.440554, 0.520859],
        [14, 278, 18, 4, 0.448011, 0.045539, 0.409756, 0.489836],
        [15, 256, 10, 1, 0.43051, 0.04725, 0.392432, 0.472283],
        [16, 245, 10, 0, 0.412938, 0.049053, 0.375086, 0.454611],
        [17, 235, 9, 0, 0.397124, 0.050751, 0.359523, 0.438657],
        [18, 226, 15, 211, 0.370766, 0.053761, 0.333686, 0.411966],
      ].map(step),
      median: { estimate: 13, ci: [11, 14] },
    },
  },
  log_rank: {
    statistic: 31.64454328904961,
    df: 1,
    p: 1.8513406141451583e-8,
    variance: 191.70297743169908,
    groups: [
      { group: 'IPS', n: 605, observed: 454, expected: 376.1132028648173 },
      { group: 'TVR', n: 618, observed: 375, expected: 452.88679713518275 },
    ],
    note: null,
  },
  hazard_ratio: {
    intervention: 'IPS',
    control: 'TVR',
    n: 1223,
    events: 829,
    coefficient: 0.3912750721495648,
    se: 0.06992855012461788,
    hazard_ratio: 1.4788652521131538,
    ci: [1.2894524003721946, 1.6961017198280617],
    p: 2.201706184035146e-8,
    loglik: [-5474.488917156155, -5458.739553954276],
    likelihood_ratio: { statistic: 31.498726403759065, df: 1, p: 1.9957111296875496e-8 },
    iterations: 3,
    converged: true,
    note: null,
  },
};

const level2 = (level: string, ips: [number, number], tvr: [number, number], rd: Effect): SubgroupResult['levels'][number] => ({
  level,
  arms: { IPS: { employed: ips[0], n: ips[1] }, TVR: { employed: tvr[0], n: tvr[1] } },
  risk_difference: rd,
  suppressed: false,
});
const nc = (estimate: number, low: number, high: number) => effect(estimate, [low, high], null, 'newcombe_hybrid_score');

/**
 * Subgroups at month 18 whose counts add up to EMPLOYMENT's month 18. Østfold has no one
 * in IPS, so its difference cannot be estimated (note 'empty_arm'), and the site model
 * separated (note 'separation').
 */
export const SUBGROUPS: SubgroupResult[] = [
  {
    variable: 'sex',
    month: 18,
    levels: [level2('F', [130, 326], [95, 325], nc(0.106465, 0.033407, 0.177944)), level2('M', [93, 275], [71, 290], nc(0.093354, 0.01843, 0.16719))],
    interaction: { statistic: 0.0771, df: 1, p: 0.7813 },
    note: null,
  },
  {
    variable: 'age_group',
    month: 18,
    levels: [level2('<30', [60, 180], [40, 175], nc(0.104762, 0.011121, 0.195743)), level2('≥30', [163, 421], [126, 440], nc(0.10081, 0.037689, 0.162954))],
    interaction: { statistic: 0.0076, df: 1, p: 0.9305 },
    note: null,
  },
  {
    variable: 'worked_last_5y',
    month: 18,
    levels: [level2('1', [150, 396], [118, 390], nc(0.076224, 0.009943, 0.14153)), level2('0', [73, 205], [48, 225], nc(0.142764, 0.057535, 0.225989))],
    interaction: { statistic: 1.1702, df: 1, p: 0.2794 },
    note: null,
  },
  {
    variable: 'site',
    month: 18,
    levels: [
      level2('Hordaland', [20, 101], [15, 102], nc(0.050961, -0.053911, 0.155319)),
      level2('Sør-Trøndelag', [203, 500], [145, 500], nc(0.116, 0.057007, 0.173872)),
      level2('Østfold', [0, 0], [6, 13], { ...effect(null, null, null, 'newcombe_hybrid_score'), note: 'empty_arm' }),
    ],
    interaction: { statistic: 0.9861, df: 1, p: 0.3207 },
    note: 'separation',
  },
];

/** The outcomes stage's result for the fixture trial. */
export const OUTCOMES: OutcomesResult = {
  employment: EMPLOYMENT,
  employment_over_time: OVER_TIME,
  time_to_first_job: TIME_TO_FIRST_JOB,
  employment_subgroups: SUBGROUPS,
};

export const EVIL_NOTE = '<img src=x onerror=alert(4)>';

/** Hostile strings wherever the outcomes carry text from input or from upstream: site and level names, notes. */
export const EVIL_OUTCOMES: OutcomesResult = {
  ...OUTCOMES,
  employment: EMPLOYMENT.map((t) => (t.month === 12 ? { ...t, risk_ratio: { ...t.risk_ratio, note: EVIL_NOTE, correction: EVIL_NOTE } } : t)),
  employment_subgroups: [
    {
      variable: 'site',
      month: 18,
      levels: [level2(EVIL_SITE, [20, 101], [15, 102], nc(0.050961, -0.053911, 0.155319)), level2(EVIL_LEVEL, [0, 0], [6, 13], { ...effect(null, null, null, 'x'), note: EVIL_NOTE })],
      interaction: null,
      note: EVIL_NOTE,
    },
    { ...SUBGROUPS[0]!, variable: EVIL_MEASURE },
  ],
};

// ---------------------------------------------------------------------------------------
// Questionnaires

type Scale = Pick<QualityOfLifeWave, 'measure' | 'label' | 'higher_is_better' | 'min' | 'max'>;
const SCALES: Record<string, Scale> = Object.fromEntries(
  PLAN.measures.map((m) => [m.column, { measure: m.column, label: m.label, higher_is_better: m.higher_is_better, min: m.min, max: m.max }]),
);
/** Analysed (not withdrawn) participants per arm, as in BASELINE. */
const ANALYSED_QOL = { IPS: 607, TVR: 620 } as const;
/** t(0.975, df) for df near 500: close enough for the arms' intervals in a report fixture. */
const T975 = 1.965;

/** One arm at one wave: n answered, mean, SD; the interval from them. */
const qolArm = (arm: 'IPS' | 'TVR', n: number, mean: number, sd: number): QualityOfLifeWave['arms'][string] => ({
  n,
  missing: ANALYSED_QOL[arm] - n,
  counts_suppressed: false,
  share_missing: (ANALYSED_QOL[arm] - n) / ANALYSED_QOL[arm],
  mean,
  sd,
  ci: [mean - (T975 * sd) / Math.sqrt(n), mean + (T975 * sd) / Math.sqrt(n)],
  suppressed: false,
});

/** The follow-up comparison: [estimate, low, high, p, p_adjusted, reading, model n]. */
type Comparison = [number, number, number, number, number, 'better' | 'worse' | 'no_clear_difference', number];
/** A sensitivity estimate: [estimate, low, high, p, df or fmi]. */
type Sensitivity = [number, number, number, number, number];

/**
 * One measure at one wave. Hedges' g is the difference over the pooled baseline SD times
 * J(df) = 1 − 3 / (4 df − 1), df = baseline answers − 2.
 */
const qolWave = (
  measure: string,
  month: number,
  ips: [number, number, number],
  tvr: [number, number, number],
  follow?: { ancova: Comparison; baseline_sd: number; baseline_n: number; mixed: Sensitivity; imputed: Sensitivity },
): QualityOfLifeWave => {
  const base = { ...SCALES[measure]!, month, baseline: month === 0, arms: { IPS: qolArm('IPS', ...ips), TVR: qolArm('TVR', ...tvr) } };
  if (!follow) return { ...base, difference: null, hedges_g: null, mixed_model: null, multiple_imputation: null };
  const [estimate, low, high, p, p_adjusted, reading, n] = follow.ancova;
  const se = (high - low) / (2 * 1.962);
  const j = 1 - 3 / (4 * (follow.baseline_n - 2) - 1);
  const g = (x: number) => (x / follow.baseline_sd) * j;
  const [me, ml, mh, mp, mdf] = follow.mixed;
  const [ie, il, ih, ip, fmi] = follow.imputed;
  return {
    ...base,
    difference: { estimate, se, ci: [low, high], df: n - 2 - 7, p, note: null, p_adjusted, n, terms: ['arm', 'baseline', 'site', 'age', 'sex'], reading },
    hedges_g: { estimate: g(estimate), ci: [g(low), g(high)], pooled_baseline_sd: follow.baseline_sd, correction: j },
    mixed_model: {
      estimate: me,
      se: (mh - ml) / (2 * 1.962),
      ci: [ml, mh],
      df: mdf,
      p: mp,
      note: null,
      df_method: 'satterthwaite',
      n_participants: 1189,
      n_observations: 1978,
    },
    multiple_imputation: {
      estimate: ie,
      se: (ih - il) / (2 * 1.962),
      ci: [il, ih],
      df: 412.7,
      p: ip,
      note: null,
      m: 20,
      fmi,
      riv: fmi / (1 - fmi),
      n: 1227,
    },
  };
};

/**
 * The five sample-plan measures at waves 0, 6 and 12 (answers as in VERIFY's CONSORT
 * counts, a few fewer per measure). Holm's correction over the ten follow-up comparisons.
 * Quality of life at month 6 is clear on its own (p = 0.0121) but not after the correction
 * (0.0605), and its multiple-imputation interval includes 0; depressive symptoms fall with
 * IPS (negative differences, read "better" because lower is better).
 */
export const QUALITY_OF_LIFE: QualityOfLifeResult = {
  quality_of_life: [
    qolWave('qol', 0, [588, 4.82, 2.11], [599, 4.9, 2.05]),
    qolWave('qol', 6, [509, 5.41, 2.2], [495, 5.12, 2.18], {
      ancova: [0.31, 0.0677, 0.5523, 0.0121, 0.0605, 'better', 998],
      baseline_sd: 2.08,
      baseline_n: 1187,
      mixed: [0.35, 0.1312, 0.5688, 0.0017, 1012.4],
      imputed: [0.27, -0.0213, 0.5613, 0.0691, 0.214],
    }),
    qolWave('qol', 12, [466, 5.63, 2.24], [452, 5.21, 2.3], {
      ancova: [0.45, 0.1917, 0.7083, 0.00069, 0.00414, 'better', 912],
      baseline_sd: 2.08,
      baseline_n: 1187,
      mixed: [0.42, 0.1751, 0.6649, 0.00078, 1089.1],
      imputed: [0.41, 0.1236, 0.6964, 0.0051, 0.262],
    }),
    qolWave('health', 0, [587, 2.91, 0.98], [598, 2.95, 1.01]),
    qolWave('health', 6, [508, 3.02, 1.02], [494, 2.98, 1.0], {
      ancova: [0.05, -0.0688, 0.1688, 0.41, 0.66, 'no_clear_difference', 996],
      baseline_sd: 0.995,
      baseline_n: 1185,
      mixed: [0.06, -0.0571, 0.1771, 0.32, 1004.8],
      imputed: [0.04, -0.0857, 0.1657, 0.53, 0.201],
    }),
    qolWave('health', 12, [465, 3.1, 1.03], [451, 3.01, 1.04], {
      ancova: [0.08, -0.0481, 0.2081, 0.22, 0.66, 'no_clear_difference', 910],
      baseline_sd: 0.995,
      baseline_n: 1185,
      mixed: [0.07, -0.0551, 0.1951, 0.27, 1077.3],
      imputed: [0.08, -0.0599, 0.2199, 0.26, 0.247],
    }),
    qolWave('depression', 0, [586, 13.4, 5.9], [597, 13.1, 6.0]),
    qolWave('depression', 6, [507, 11.2, 6.1], [493, 12.4, 6.2], {
      ancova: [-1.35, -2.0519, -0.6481, 0.00016, 0.00128, 'better', 994],
      baseline_sd: 5.95,
      baseline_n: 1183,
      mixed: [-1.28, -1.9634, -0.5966, 0.00024, 1015.6],
      imputed: [-1.31, -2.0662, -0.5538, 0.00071, 0.223],
    }),
    qolWave('depression', 12, [464, 10.6, 6.2], [450, 11.9, 6.4], {
      ancova: [-1.42, -2.1731, -0.6669, 0.00018, 0.00128, 'better', 908],
      baseline_sd: 5.95,
      baseline_n: 1183,
      mixed: [-1.39, -2.1185, -0.6615, 0.00019, 1092.2],
      imputed: [-1.36, -2.1835, -0.5365, 0.0012, 0.268],
    }),
    qolWave('functioning', 0, [585, 54.2, 14.1], [596, 55.0, 13.8]),
    qolWave('functioning', 6, [506, 57.8, 14.5], [492, 56.9, 14.2], {
      ancova: [1.1, -0.8964, 3.0964, 0.28, 0.66, 'no_clear_difference', 992],
      baseline_sd: 13.95,
      baseline_n: 1181,
      mixed: [1.2, -0.7441, 3.1441, 0.23, 1008.3],
      imputed: [0.9, -1.2358, 3.0358, 0.41, 0.209],
    }),
    qolWave('functioning', 12, [463, 59.0, 14.8], [449, 57.1, 14.9], {
      ancova: [1.7, -0.3854, 3.7854, 0.11, 0.44, 'no_clear_difference', 906],
      baseline_sd: 13.95,
      baseline_n: 1181,
      mixed: [1.6, -0.4369, 3.6369, 0.12, 1085.9],
      imputed: [1.5, -0.7912, 3.7912, 0.2, 0.259],
    }),
    qolWave('work_belief', 0, [584, 3.41, 0.92], [595, 3.38, 0.94]),
    qolWave('work_belief', 6, [505, 3.72, 0.9], [491, 3.45, 0.93], {
      ancova: [0.27, 0.1597, 0.3803, 1.2e-6, 1.08e-5, 'better', 990],
      baseline_sd: 0.93,
      baseline_n: 1179,
      mixed: [0.26, 0.1512, 0.3688, 2.9e-6, 1011.7],
      imputed: [0.25, 0.1311, 0.3689, 4.1e-5, 0.218],
    }),
    qolWave('work_belief', 12, [462, 3.8, 0.91], [448, 3.47, 0.95], {
      ancova: [0.31, 0.1909, 0.4291, 4e-7, 4e-6, 'better', 904],
      baseline_sd: 0.93,
      baseline_n: 1179,
      mixed: [0.3, 0.1826, 0.4174, 5.3e-7, 1090.4],
      imputed: [0.29, 0.1617, 0.4183, 1e-5, 0.255],
    }),
  ],
  quality_of_life_methods: {
    multiplicity: 'holm',
    min_n_for_summary: 10,
    family: ['qol', 'health', 'depression', 'functioning', 'work_belief'].flatMap((measure) => [6, 12].map((month) => ({ measure, month }))),
    covariates: ['age', 'sex'],
    imputations: 20,
    imputation_iterations: 10,
    mixed_models: ['qol', 'health', 'depression', 'functioning', 'work_belief'].map((measure) => ({
      measure,
      participant_variance: 2.1,
      residual_variance: 1.9,
      converged: true,
    })),
  },
};

/** QUALITY_OF_LIFE with the wave `month` of `measure` changed. */
export const withQolWave = (measure: string, month: number, change: (w: QualityOfLifeWave) => QualityOfLifeWave): QualityOfLifeResult => ({
  ...QUALITY_OF_LIFE,
  quality_of_life: QUALITY_OF_LIFE.quality_of_life.map((w) => (w.measure === measure && w.month === month ? change(w) : w)),
});

/** Labels in the result as hostile as EVIL_VERIFY_PLAN's (which the report prefers). */
export const EVIL_QUALITY_OF_LIFE: QualityOfLifeResult = {
  ...QUALITY_OF_LIFE,
  quality_of_life: QUALITY_OF_LIFE.quality_of_life.map((w) => ({ ...w, label: { nb: EVIL_MEASURE, en: EVIL_MEASURE } })),
};

// ---------------------------------------------------------------------------------------
// Cost–benefit

/** Options of a cost–benefit fixture; the rest follows from the model's formulas (src/cost-benefit/model.ts). */
interface CostBenefitOptions {
  costs?: { IPS: number; TVR: number };
  /** Discounted extra months over the window, with its bootstrap interval. */
  extraMonths?: [number, number, number];
  /** Mean difference over the last six months, with its interval. */
  lastEffect?: [number, number, number];
  benefits?: number;
  referenceSource?: string;
  windowId?: string;
}

const CB_WINDOW = 18;
const CB_RATE = 0.04;
const CB_EMPLOYER = 0.141;
const CB_PRODUCTIVITY = 1;
const CB_TAX = 0.25;
const CB_REFERENCE = 25_000;
/** A bootstrap with 1 000 resamples: the curves' shares are multiples of 1/1000. */
const CB_RESAMPLES = 1000;

/** Standard normal distribution function (Abramowitz–Stegun 26.2.17, |error| < 7.5e-8): enough for a plausible curve. */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - p : p;
}

/**
 * A cost–benefit result whose numbers follow from the model: break-even wages
 * ΔC / (ΔM (1 + e) π) and (ΔC / ΔM − b) / (t + e), scenarios that continue the last effect
 * for 1, 3 and 5 years or 10 years shrinking by 30 % a year, net values at the reference
 * wage, intervals from the interval of ΔM (the cost difference is fixed), acceptability
 * curves from a normal approximation of ΔM's bootstrap distribution, and one-way sensitivity.
 * Defaults: ΔC = 95 000 − 15 000 = 80 000; ΔM = 1.5 (0.4 to 2.6); society's break-even wage
 * 80 000 / (1.5 × 1.141) = 46 742 a month.
 */
export function costBenefitFixture(o: CostBenefitOptions = {}): CostBenefitResult {
  const costs = o.costs ?? { IPS: 95_000, TVR: 15_000 };
  const [m, mLow, mHigh] = o.extraMonths ?? [1.5, 0.4, 2.6];
  const [last, lastLow, lastHigh] = o.lastEffect ?? [0.1, 0.02, 0.18];
  const b = o.benefits ?? 10_000;
  const dc = costs.IPS - costs.TVR;
  const persistence: PersistenceScenario[] = [
    { id: o.windowId ?? 'window', kind: 'window' },
    { id: 'constant_1y', kind: 'constant', years: 1 },
    { id: 'constant_3y', kind: 'constant', years: 3 },
    { id: 'constant_5y', kind: 'constant', years: 5 },
    { id: 'decay_30pct_10y', kind: 'decay', years: 10, annual_decay: 0.3 },
  ];
  const inputs: CostParameters = {
    currency: 'NOK',
    price_year: 2024,
    cost_per_participant: { ...costs },
    window_months: CB_WINDOW,
    discount_rate: CB_RATE,
    employer_contribution_rate: CB_EMPLOYER,
    productivity_share: CB_PRODUCTIVITY,
    income_tax_rate: CB_TAX,
    benefits_saved_per_month: b,
    reference_wage: { monthly_nok: CB_REFERENCE, source: o.referenceSource ?? 'SSB, tabell 11418: median månedslønn for deltidsansatte, 2024' },
    last_effect_months: 6,
    persistence,
    sensitivity: {
      cost_difference: [Math.min(0.75 * dc, 1.25 * dc), Math.max(0.75 * dc, 1.25 * dc)],
      discount_rate: [0, 0.06],
      employer_contribution_rate: [0, 0.141],
      productivity_share: [0.5, 1],
    },
  };
  const discount = (month: number) => (1 + CB_RATE) ** (-month / 12);
  const continuation = (s: PersistenceScenario, effect: number) => {
    if (s.kind === 'window') return 0;
    let sum = 0;
    for (let k = 1; k <= 12 * s.years; k++) sum += effect * (s.kind === 'decay' ? (1 - s.annual_decay) ** (k / 12) : 1) * discount(CB_WINDOW + k);
    return sum;
  };
  const societyValue = (w: number) => w * (1 + CB_EMPLOYER) * CB_PRODUCTIVITY;
  const publicValue = (w: number) => w * (CB_TAX + CB_EMPLOYER) + b;
  type Wage = { wage: number | null; reason: BreakEvenWage['reason'] };
  const society = (months: number, cost = dc, e = CB_EMPLOYER, pi = CB_PRODUCTIVITY): Wage =>
    !(months > 0) ? { wage: null, reason: 'no_employment_effect' } : !(cost > 0) ? { wage: null, reason: 'no_extra_cost' } : { wage: cost / (months * (1 + e) * pi), reason: null };
  const publicBudget = (months: number): Wage => {
    if (!(months > 0)) return { wage: null, reason: 'no_employment_effect' };
    if (!(dc > 0)) return { wage: null, reason: 'no_extra_cost' };
    const needed = dc / months - b;
    return needed <= 0 ? { wage: null, reason: 'covered_without_wage' } : { wage: needed / (CB_TAX + CB_EMPLOYER), reason: null };
  };
  /** A break-even wage with its interval from ΔM's: the wage falls as ΔM grows; no effect at the low end leaves the top open; covered at the high end is 0. */
  const breakEven = (at: (months: number) => Wage, months: [number, number, number]): BreakEvenWage => {
    const point = at(months[0]);
    if (point.wage === null) return { monthly_nok: null, annual_nok: null, ci: null, median_nok: null, reason: point.reason };
    const atHigh = at(months[2]);
    const atLow = at(months[1]);
    return {
      monthly_nok: point.wage,
      annual_nok: 12 * point.wage,
      ci: [atHigh.wage ?? 0, atLow.wage],
      median_nok: point.wage * 1.02,
      reason: null,
    };
  };
  const net = (months: [number, number, number], value: number) => ({
    estimate: months[0] * value - dc,
    ci: [months[1] * value - dc, months[2] * value - dc] as [number, number],
  });
  const scenarioMonths = (s: PersistenceScenario): [number, number, number] => [m + continuation(s, last), mLow + continuation(s, lastLow), mHigh + continuation(s, lastHigh)];
  const scenarios: ScenarioResult[] = persistence.map((scenario) => {
    const months = scenarioMonths(scenario);
    return {
      scenario,
      extra_months: { estimate: months[0], ci: [months[1], months[2]] },
      society: { break_even_wage: breakEven((x) => society(x), months), npv_at_reference_wage: net(months, societyValue(CB_REFERENCE)) },
      public_budget: { break_even_wage: breakEven(publicBudget, months), npv_at_reference_wage: net(months, publicValue(CB_REFERENCE)) },
    };
  });
  const windowWage = scenarios[0]!.society.break_even_wage.monthly_nok;
  const top = Math.min(20 * CB_REFERENCE, Math.max(3 * CB_REFERENCE, windowWage === null ? 0 : 2 * windowWage));
  const monthly_wage = Array.from({ length: 61 }, (_, k) => (top * k) / 60);
  const curve = (value: (w: number) => number) =>
    Object.fromEntries(
      persistence.map((s) => {
        const [mid, low, high] = scenarioMonths(s);
        const sd = (high - low) / (2 * 1.96);
        return [s.id, monthly_wage.map((w) => (value(w) <= 0 ? 0 : Math.round(CB_RESAMPLES * (1 - normalCdf((dc / value(w) - mid) / sd))) / CB_RESAMPLES))];
      }),
    );
  const undiscounted = m * 1.034;
  const sensitivity: SensitivityBar[] = [
    { parameter: 'employment_effect', low: mLow, high: mHigh, break_even_at_low: society(mLow).wage, break_even_at_high: society(mHigh).wage },
    {
      parameter: 'cost_difference',
      low: inputs.sensitivity.cost_difference[0],
      high: inputs.sensitivity.cost_difference[1],
      break_even_at_low: society(m, inputs.sensitivity.cost_difference[0]).wage,
      break_even_at_high: society(m, inputs.sensitivity.cost_difference[1]).wage,
    },
    // Months at 0 % and 6 %: undiscounted, and a little less than at 4 %.
    { parameter: 'discount_rate', low: 0, high: 0.06, break_even_at_low: society(undiscounted).wage, break_even_at_high: society(m * 0.983).wage },
    { parameter: 'employer_contribution_rate', low: 0, high: 0.141, break_even_at_low: society(m, dc, 0).wage, break_even_at_high: society(m, dc, 0.141).wage },
    { parameter: 'productivity_share', low: 0.5, high: 1, break_even_at_low: society(m, dc, CB_EMPLOYER, 0.5).wage, break_even_at_high: society(m, dc, CB_EMPLOYER, 1).wage },
  ];
  return {
    cost_benefit: {
      inputs,
      cost_difference: dc,
      employment_effect: {
        monthly_difference: Array.from({ length: CB_WINDOW }, (_, k) => ({ month: k + 1, difference: k === 0 ? null : (m / 13.5) * Math.min(1, k / 9) })),
        extra_months: { estimate: m, ci: [mLow, mHigh] },
        months_without_data: 1,
        extra_months_undiscounted: undiscounted,
        last_effect: { estimate: last, ci: [lastLow, lastHigh] },
      },
      break_even_wage: scenarios[0]!.society.break_even_wage,
      scenarios,
      acceptability: { monthly_wage, society: curve(societyValue), public_budget: curve(publicValue) },
      sensitivity,
      resamples: CB_RESAMPLES,
    },
  };
}

/** The cost–benefit result of the fixture trial: ΔC 80 000, ΔM 1.5 (0.4 to 2.6), break-even about 47 000 a month. */
export const COST_BENEFIT: CostBenefitResult = costBenefitFixture();

/** The fixture with its cost–benefit changed. */
export const withCostBenefit = (change: (cb: CostBenefit) => CostBenefit, base: CostBenefitResult = COST_BENEFIT): CostBenefitResult => ({
  cost_benefit: change(base.cost_benefit!),
});

/** Markup in the strings the plan gives the cost section: the reference wage's source and a scenario id. */
export const EVIL_COST_BENEFIT: CostBenefitResult = costBenefitFixture({ referenceSource: EVIL_SITE, windowId: '<script>alert(6)</script>' });
