/**
 * A small hand-built ingest summary, plan and verify result for the report tests, variants
 * for the cases the report words differently (verification failed or impossible, no
 * screening counts, suppressed and unbounded baseline cells), and a hostile variant whose
 * strings from input data try to inject markup.
 */
import type { BaselineTable, CategoricalVariable } from '../../src/design/baseline.ts';
import type { VerifyResult } from '../../src/design/verify.ts';
import type { IngestSummary } from '../../src/io/dataset.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { PLAN as TEST_PLAN } from '../helpers/delivery.ts';

export const PLAN: AnalysisPlan = {
  ...TEST_PLAN,
  trial: { name: 'IPS-forsøket i seks fylker', registration: 'NCT01964092' },
  timepoints: [6, 12, 18],
  primary_timepoint: 18,
  registry_months: { first: 0, last: 18 },
  diagnosis_levels: ['depression', 'anxiety', 'bipolar', 'psychosis', 'spiseforstyrrelse', 'other'],
  measures: [
    { column: 'qol', label: { nb: 'Livskvalitet', en: 'Quality of life' }, min: 0, max: 10, higher_is_better: true },
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
