/**
 * A small hand-built ingest summary and plan for the report tests, and a hostile variant
 * whose strings from input data try to inject markup.
 */
import type { IngestSummary } from '../../src/io/dataset.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { PLAN as TEST_PLAN } from '../helpers/delivery.ts';

export const PLAN: AnalysisPlan = {
  ...TEST_PLAN,
  trial: { name: 'IPS-forsøket i seks fylker', registration: 'NCT01964092' },
  timepoints: [6, 12, 18],
  primary_timepoint: 18,
  registry_months: { first: 0, last: 18 },
  measures: [],
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
