/**
 * A small valid delivery built in memory, and ways to break it one rule at a time.
 * Shared by the contract tests so each test shows only the change it makes.
 */
import { expect } from 'vitest';
import { ContractError, type Violation } from '../../src/io/errors.ts';
import { ingest, type Delivery, type IngestResult } from '../../src/io/ingest.ts';
import type { PlanFile } from '../../src/io/plan.ts';

/** A valid plan for a small test trial (registry months 0–12, two measures). */
export const PLAN: PlanFile = {
  trial: { name: 'Test trial' },
  arms: ['IPS', 'TVR'],
  control_arm: 'TVR',
  stratification: 'site',
  timepoints: [6, 12],
  primary_timepoint: 12,
  registry_months: { first: 0, last: 12 },
  employment_definition: 'employed_in_month',
  covariates: ['age', 'sex'],
  diagnosis_levels: ['depression', 'anxiety', 'other'],
  questionnaire_waves: [0, 6, 12],
  measures: [
    { column: 'qol', label: { nb: 'Livskvalitet', en: 'Quality of life' }, min: 0, max: 10, higher_is_better: true },
    { column: 'depression', label: { nb: 'Depresjon', en: 'Depression' }, min: 0, max: 27, higher_is_better: false },
  ],
  multiplicity: 'holm',
  confidence_level: 0.95,
  bootstrap_resamples: 100,
  permutations: 100,
  seed: 1,
  small_cell_threshold: 3,
  costs: {},
  report_language: 'nb',
};

export const PARTICIPANTS = [
  'participant_id,site,arm,allocation_no,randomized_on,age,sex,diagnosis,education,worked_last_5y,withdrawn',
  'P01,Østfold,IPS,1,2014-01-10,34,F,depression,secondary,1,0',
  'P02,Østfold,TVR,2,2014-01-12,45,M,anxiety,higher,0,0',
  'P03,Sør-Trøndelag,IPS,1,2014-02-01,29,F,other,,1,0',
  'P04,Sør-Trøndelag,TVR,2,2014-02-03,51,M,depression,primary,,1',
].join('\n');

export const EMPLOYMENT = [
  'participant_id,month,employed,earnings_nok',
  'P01,0,0,0',
  'P01,6,1,12500.5',
  'P01,12,1,14000',
  'P02,0,0,0',
  'P02,6,0,0',
  'P02,12,1,',
  'P03,0,0,0',
  'P03,6,0,0',
  'P03,12,0,0',
].join('\n');

export const QUESTIONNAIRES = [
  'participant_id,wave,qol,depression',
  'P01,0,5.5,12',
  'P01,6,6,10',
  'P02,0,4,',
  'P03,12,7.25,3',
].join('\n');

export interface TextDelivery {
  plan: string;
  participants: string;
  employment: string;
  questionnaires: string;
}

/** The valid delivery as text, with `changes` applied. */
export function textDelivery(changes: Partial<TextDelivery> = {}): TextDelivery {
  return { plan: JSON.stringify(PLAN), participants: PARTICIPANTS, employment: EMPLOYMENT, questionnaires: QUESTIONNAIRES, ...changes };
}

/** Encodes a text delivery as UTF-8 bytes (or leaves out files set to undefined). */
export function toBytes(d: Partial<TextDelivery>): Delivery {
  const enc = new TextEncoder();
  const out: Delivery = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined) out[k as keyof Delivery] = enc.encode(v);
  return out;
}

/** Ingests a delivery with the given changes, expecting success. */
export function ingestOk(changes: Partial<TextDelivery> = {}): IngestResult {
  return ingest(toBytes(textDelivery(changes)));
}

/** Ingests raw bytes expecting a contract error; returns its violations. */
export function violationsOf(delivery: Delivery, cap?: number): Violation[] {
  try {
    ingest(delivery, cap);
  } catch (err) {
    expect(err).toBeInstanceOf(ContractError);
    return (err as ContractError).violations;
  }
  throw new Error('expected a contract error, but ingest succeeded');
}

/** Ingests the valid delivery with `changes`, expecting a contract error. */
export function violations(changes: Partial<TextDelivery>): Violation[] {
  return violationsOf(toBytes(textDelivery(changes)));
}

/** Replaces one line (0 = header) of a CSV text. */
export function replaceLine(csv: string, line: number, text: string): string {
  const lines = csv.split('\n');
  lines[line] = text;
  return lines.join('\n');
}

/** The plan JSON with fields overridden (undefined deletes the field). */
export function planWith(overrides: Record<string, unknown>): string {
  const p: Record<string, unknown> = { ...PLAN, ...overrides };
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete p[k];
  return JSON.stringify(p);
}
