/**
 * The results.json schema rejects what the producers can never write: one real results
 * object from a run on the shipped sample is accepted, and each mutation of it (an extra
 * key, a missing field, a number out of range, a rule between fields) is rejected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, SAMPLE, tempDir } from '../helpers/cli.ts';

// Mutations deliberately build shapes the Results type forbids, so the object is untyped.
type Json = any;

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/results.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

let valid: Json;

/** A deep copy of the valid results object, changed by `change`. */
function mutated(change: (r: Json) => void): Json {
  const r = structuredClone(valid);
  change(r);
  return r;
}

const HASH = 'a'.repeat(64);

/** Verification failed with exactly these problems (listed and counted). */
function failedWith(r: Json, ...problems: Json[]): void {
  const v = r.randomization.verification;
  v.status = 'failed';
  v.problems = problems;
  v.problems_total = problems.length;
  r.randomization.allowed_unverified = true;
}

const age = (r: Json) => r.baseline.variables.find((v: Json) => v.variable === 'age');
const sex = (r: Json) => r.baseline.variables.find((v: Json) => v.variable === 'sex');
const qolRow = (r: Json, month: number) => r.quality_of_life.find((x: Json) => x.measure === 'qol' && x.month === month);

/** The variable's SMD withheld, as when any of its counts or summaries is hidden. */
const withheld = (v: Json) => Object.assign(v, { smd: null, smd_note: 'suppressed', imbalanced: null });
const NO_STATS = { mean: null, sd: null, median: null, q1: null, q3: null };

beforeAll(() => {
  const out = tempDir();
  const run = cli(['run', '--data', SAMPLE, '--out', out, '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  valid = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
});

describe('results.schema.json', () => {
  it('accepts the results of a real run on the sample', () => {
    const ok = validate(valid);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is a real run that carries the newer fields (list source, hidden cells, withheld SMDs)', () => {
    expect(valid.randomization.verification.list.source).toBe('file');
    expect(age(valid).arms.IPS.missing_suppressed).toBe(false);
    expect(valid.baseline.variables.some((v: Json) => v.smd_note === 'suppressed' && v.imbalanced === null)).toBe(true);
  });

  const accepted: [string, (r: Json) => void][] = [
    ['a follow-up wave with no answers in an arm', (r) => {
      const row = qolRow(r, 12);
      const none = { estimate: null, se: null, ci: null, df: null, p: null, note: 'no_answers_in_arm' };
      Object.assign(row.difference, none, { p_adjusted: null, reading: null });
      Object.assign(row.mixed_model, none);
      Object.assign(row.multiple_imputation, none, { fmi: null, riv: null });
      Object.assign(row.hedges_g, { estimate: null, ci: null, correction: null });
      Object.assign(row.arms.TVR, { n: 0, missing: 181, share_missing: 1, mean: null, sd: null, ci: null, suppressed: false });
    }],
    ['no cost section in the plan', (r) => (r.cost_benefit = null)],
    ['an open upper end of the break-even interval', (r) => (r.cost_benefit.break_even_wage.ci[1] = null)],
    ['no break-even wage, with its reason', (r) => Object.assign(r.cost_benefit.break_even_wage, { monthly_nok: null, annual_nok: null, ci: null, median_nok: null, reason: 'no_employment_effect' })],
    ['hidden answer counts', (r) => Object.assign(qolRow(r, 12).arms.IPS, { n: null, missing: null, share_missing: null, counts_suppressed: true })],
    ['a measure with no spread', (r) => Object.assign(qolRow(r, 12).difference, { ci: null, p: null, p_adjusted: null, note: 'no_variance', reading: null })],
    ['a failed verification with one problem of every kind', (r) =>
      failedWith(
        r,
        { kind: 'list_missing' },
        { kind: 'commitment_mismatch', expected: HASH, actual: 'b'.repeat(64) },
        { kind: 'no_allocation_no', site: 'Bergen', count: 2 },
        { kind: 'bad_block', site: 'Bergen', block_no: 3, reason: 'ratio' },
        { kind: 'differs_from_seed', site: 'Bergen', allocation_no: 4, listed: 'IPS', regenerated: null },
        { kind: 'not_in_list', site: 'Bergen', allocation_no: 5 },
        { kind: 'arm_mismatch', site: 'Bergen', allocation_no: 6, recorded: 'IPS', listed: 'TVR' },
        { kind: 'reused', site: 'Bergen', allocation_no: 7, times: 2 },
        { kind: 'gap', site: 'Bergen', allocation_no: 8 },
      )],
    ['a failed verification with no list at all', (r) => {
      failedWith(r, { kind: 'list_missing' });
      Object.assign(r.randomization.verification, { list: null, commitment: null, regenerated_from_seed: null });
    }],
    ['more problems counted than listed', (r) => {
      failedWith(r, { kind: 'gap', site: 'Bergen', allocation_no: 1 });
      r.randomization.verification.problems_total = 500;
    }],
    ['no list to check against', (r) =>
      Object.assign(r.randomization.verification, { status: 'no_list', list: null, commitment: null, regenerated_from_seed: null })],
    ['a list regenerated from the seed', (r) =>
      Object.assign(r.randomization.verification, { list: { ...r.randomization.verification.list, source: 'seed' }, regenerated_from_seed: null })],
    ['a suppressed level count (SMD withheld)', (r) => {
      sex(r).levels[0].arms.IPS = { n: null, fraction: null, suppressed: true };
      withheld(sex(r));
    }],
    ['a level count in an empty arm (no fraction)', (r) => (sex(r).levels[0].arms.IPS = { n: 0, fraction: null, suppressed: false })],
    ['a suppressed continuous summary with n shown (SMD withheld)', (r) => {
      age(r).arms.IPS = { n: 7, missing: 220, ...NO_STATS, suppressed: true, missing_suppressed: false };
      withheld(age(r));
    }],
    ['a suppressed continuous summary with n and missing hidden', (r) => {
      age(r).arms.IPS = { n: null, missing: null, ...NO_STATS, suppressed: true, missing_suppressed: true };
      withheld(age(r));
    }],
    ['n and missing hidden, statistics shown', (r) => Object.assign(age(r).arms.IPS, { n: null, missing: null, missing_suppressed: true })],
    ['an arm without values', (r) => (age(r).arms.IPS = { n: 0, missing: 227, ...NO_STATS, suppressed: false, missing_suppressed: false })],
    ['an SMD withheld without anything hidden', (r) => withheld(sex(r))],
    ['an SMD with no overlap', (r) => Object.assign(age(r), { smd: null, smd_note: 'no_overlap', imbalanced: true })],
    ['screening from the plan', (r) =>
      (r.consort.screening = { assessed: 600, excluded: [{ reason: { nb: 'Ikke aktuell', en: 'Not eligible' }, n: 190 }] })],
    ['permuted blocks with their block sizes', (r) => Object.assign(r.randomization.design, { method: 'permuted_blocks', block_sizes: [2, 4, 6] })],
    ['ingest warnings of both shapes', (r) =>
      (r.ingest.warnings = [{ code: 'ignored_column', file: 'participants.csv', column: 'note' }, { code: 'registry_gaps', count: 3 }])],
  ];

  it.each(accepted)('accepts %s', (_, change) => {
    const ok = validate(mutated(change));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  const rejected: [string, (r: Json) => void][] = [
    // The reviewer's findings.
    ['a participant_id on a problem', (r) =>
      failedWith(r, { kind: 'arm_mismatch', site: 'Bergen', allocation_no: 6, recorded: 'IPS', listed: 'TVR', participant_id: 'P0001' })],
    ['an extra key in baseline', (r) => (r.baseline.note = 'x')],
    ['an extra key on a baseline variable', (r) => (sex(r).p_value = 0.3)],
    ['an extra key in a baseline level count', (r) => (sex(r).levels[0].arms.IPS.percent = 52.9)],
    ['an extra key in consort', (r) => (r.consort.excluded = { IPS: 0, TVR: 0 })],
    ['an extra key in a consort row', (r) => (r.consort.registry[0].note = 'x')],
    ['a categorical variable without levels', (r) => delete sex(r).levels],
    ['an arm_mismatch without site', (r) => failedWith(r, { kind: 'arm_mismatch', allocation_no: 6, recorded: 'IPS', listed: 'TVR' })],
    ['an arm_mismatch without allocation number', (r) => failedWith(r, { kind: 'arm_mismatch', site: 'Bergen', recorded: 'IPS', listed: 'TVR' })],
    ['ci [7, -3]', (r) => (r.randomization.ratio_test.ci = [7, -3])],
    ['a suppressed count with n 1', (r) => {
      sex(r).levels[0].arms.IPS = { n: 1, fraction: null, suppressed: true };
      withheld(sex(r));
    }],
    ['status verified with problems_total 5', (r) => (r.randomization.verification.problems_total = 5)],
    // More.
    ['an unknown top-level key', (r) => (r.extra = 1)],
    ['a negative count', (r) => (r.consort.randomized.IPS = -1)],
    ['a fractional count', (r) => (r.consort.randomized.IPS = 1.5)],
    ['a third arm in a count map', (r) => (r.consort.randomized.Other = 0)],
    ['p > 1', (r) => (r.randomization.ratio_test.p = 1.5)],
    ['a fraction of 1.2', (r) => (sex(r).levels[0].arms.IPS.fraction = 1.2)],
    ['a ci with one end', (r) => (r.randomization.ratio_test.ci = [0.5])],
    ['a sha256 that is not hex', (r) => (r.randomization.verification.list.sha256 = 'z'.repeat(64))],
    ['a sha256 in upper case', (r) => (r.randomization.verification.list.sha256 = r.randomization.verification.list.sha256.toUpperCase())],
    ['a commitment that is not a hash', (r) => (r.randomization.verification.commitment.expected = 'secret')],
    ['an unknown problem kind', (r) => failedWith(r, { kind: 'too_many', site: 'Bergen', allocation_no: 1 })],
    ['a problem with another kind\'s fields', (r) => failedWith(r, { kind: 'gap', site: 'Bergen', allocation_no: 1, times: 2 })],
    ['list_missing with a site', (r) => failedWith(r, { kind: 'list_missing', site: 'Bergen' })],
    ['bad_block with an unknown reason', (r) => failedWith(r, { kind: 'bad_block', site: 'Bergen', block_no: 1, reason: 'colour' })],
    ['bad_block without block_no', (r) => failedWith(r, { kind: 'bad_block', site: 'Bergen', reason: 'size' })],
    ['reused once', (r) => failedWith(r, { kind: 'reused', site: 'Bergen', allocation_no: 6, times: 1 })],
    ['status failed with problems_total 0', (r) => {
      failedWith(r);
    }],
    ['status verified with a problem listed', (r) =>
      (r.randomization.verification.problems = [{ kind: 'gap', site: 'Bergen', allocation_no: 1 }])],
    ['status verified without a list', (r) => (r.randomization.verification.list = null)],
    ['status no_list with a list', (r) => (r.randomization.verification.status = 'no_list')],
    ['a list without source', (r) => delete r.randomization.verification.list.source],
    ['a list with an unknown source', (r) => (r.randomization.verification.list.source = 'email')],
    ['a seed-regenerated list compared with its seed', (r) => (r.randomization.verification.list.source = 'seed')],
    ['a non-suppressed count with n null', (r) => (sex(r).levels[0].arms.IPS = { n: null, fraction: null, suppressed: false })],
    ['a suppressed count with a fraction', (r) => {
      sex(r).levels[0].arms.IPS = { n: null, fraction: 0.01, suppressed: true };
      withheld(sex(r));
    }],
    ['a level count without suppressed', (r) => delete sex(r).levels[0].arms.IPS.suppressed],
    ['a categorical variable with two missing rows', (r) => sex(r).levels.push(structuredClone(sex(r).levels.at(-1)))],
    ['a missing row with a level', (r) => (sex(r).levels.at(-1).level = 'M')],
    ['a categorical variable with arms', (r) => (sex(r).arms = structuredClone(age(r).arms))],
    ['a categorical variable with a negative SMD', (r) => (sex(r).smd = -0.1)],
    ['a categorical variable with the pooled-SD method', (r) => (sex(r).smd_method = 'pooled_sd')],
    ['a continuous variable without arms', (r) => delete age(r).arms],
    ['a continuous variable with levels', (r) => (age(r).levels = structuredClone(sex(r).levels))],
    ['a continuous variable of an unknown kind', (r) => (age(r).kind = 'ordinal')],
    ['a suppressed continuous summary with a mean', (r) => {
      Object.assign(age(r).arms.IPS, { suppressed: true });
      withheld(age(r));
    }],
    ['n hidden without missing_suppressed', (r) => Object.assign(age(r).arms.IPS, { n: null })],
    ['missing hidden without missing_suppressed', (r) => Object.assign(age(r).arms.IPS, { missing: null })],
    ['missing_suppressed with n and missing shown', (r) => Object.assign(age(r).arms.IPS, { missing_suppressed: true })],
    ['missing_suppressed with only n hidden', (r) => Object.assign(age(r).arms.IPS, { n: null, missing_suppressed: true })],
    ['a continuous summary without missing_suppressed', (r) => delete age(r).arms.IPS.missing_suppressed],
    ['a hidden level count with the SMD shown', (r) => (sex(r).levels[0].arms.TVR = { n: null, fraction: null, suppressed: true })],
    ['a suppressed continuous summary with the SMD shown', (r) =>
      (age(r).arms.TVR = { n: 7, missing: 174, ...NO_STATS, suppressed: true, missing_suppressed: false })],
    ['a withheld SMD with a number', (r) => Object.assign(withheld(sex(r)), { smd: 0.2 })],
    ['a withheld SMD with an imbalance flag', (r) => Object.assign(withheld(sex(r)), { imbalanced: false })],
    ['an imbalance flag of null with the SMD shown', (r) => (sex(r).imbalanced = null)],
    ['baseline without min_n_for_summary', (r) => delete r.baseline.min_n_for_summary],
    ['a negative SD', (r) => (age(r).arms.IPS.sd = -1)],
    ['an SMD with a no_data note', (r) => (age(r).smd_note = 'no_data')],
    ['an SMD of null without a note', (r) => (age(r).smd = null)],
    ['no overlap not flagged imbalanced', (r) => Object.assign(age(r), { smd: null, smd_note: 'no_overlap', imbalanced: false })],
    ['an unknown SMD note', (r) => (age(r).smd_note = 'small')],
    ['an extra key in screening', (r) => (r.consort.screening = { assessed: 1, excluded: [], eligible: 1 })],
    ['an extra key in an ingest file dialect', (r) => (r.ingest.files[0].dialect.quote = '"')],
    ['an ignored_column warning with a count', (r) => (r.ingest.warnings = [{ code: 'ignored_column', file: 'p.csv', column: 'x', count: 1 }])],
    ['a count warning without count', (r) => (r.ingest.warnings = [{ code: 'no_registry' }])],
    ['an extra key in the ratio test', (r) => (r.randomization.ratio_test.z = 1.2)],
    ['a ratio of 0', (r) => (r.randomization.design.ratio.IPS = 0)],
    ['permuted blocks without block sizes', (r) => Object.assign(r.randomization.design, { method: 'permuted_blocks', block_sizes: [] })],
    ['simple randomization with block sizes', (r) => Object.assign(r.randomization.design, { method: 'simple', block_sizes: [2, 4] })],
    ['a third arm in analysis', (r) => r.analysis.arms.push('X')],
    ['the same arm twice', (r) => (r.analysis.arms = ['IPS', 'IPS'])],
    ['an extra key in trial', (r) => (r.trial.sponsor = 'x')],
    ['schema_version 2', (r) => (r.schema_version = 2)],
    ['quality of life missing', (r) => delete r.quality_of_life],
    ['quality-of-life methods missing', (r) => delete r.quality_of_life_methods],
    ['a baseline row with a difference', (r) => (qolRow(r, 0).difference = qolRow(r, 12).difference)],
    ['a follow-up row without a difference', (r) => (qolRow(r, 12).difference = null)],
    ['a baseline row at month 6', (r) => (qolRow(r, 0).month = 6)],
    ['a follow-up row flagged baseline', (r) => (qolRow(r, 12).baseline = true)],
    ['a suppressed wave summary with a mean', (r) => (qolRow(r, 12).arms.IPS.suppressed = true)],
    ['a share missing above 1', (r) => (qolRow(r, 12).arms.IPS.share_missing = 1.2)],
    ['an adjusted p above 1', (r) => (qolRow(r, 12).difference.p_adjusted = 1.5)],
    ['an unknown reading', (r) => (qolRow(r, 12).difference.reading = 'improved')],
    ['a negative SE', (r) => (qolRow(r, 12).difference.se = -0.1)],
    ['a mixed model without Satterthwaite', (r) => (qolRow(r, 12).mixed_model.df_method = 'kenward-roger')],
    ['one imputation', (r) => (qolRow(r, 12).multiple_imputation.m = 1)],
    ['a fraction of missing information above 1', (r) => (qolRow(r, 12).multiple_imputation.fmi = 1.1)],
    ['a Hedges correction above 1', (r) => (qolRow(r, 12).hedges_g.correction = 1.01)],
    ['an extra key in a wave row', (r) => (qolRow(r, 12).cohen_d = 0.3)],
    ['an unknown multiplicity method', (r) => (r.quality_of_life_methods.multiplicity = 'bonferroni')],
    ['a baseline wave in the family', (r) => r.quality_of_life_methods.family.push({ measure: 'qol', month: 0 })],
    ['a negative participant variance', (r) => (r.quality_of_life_methods.mixed_models[0].participant_variance = -1)],
    ['hidden counts with n shown', (r) => (qolRow(r, 12).arms.IPS.counts_suppressed = true)],
    ['n hidden without counts_suppressed', (r) => (qolRow(r, 12).arms.IPS.n = null)],
    ['cost-benefit missing', (r) => delete r.cost_benefit],
    ['a negative break-even wage', (r) => (r.cost_benefit.break_even_wage.monthly_nok = -5)],
    ['a break-even wage with a reason', (r) => (r.cost_benefit.break_even_wage.reason = 'no_extra_cost')],
    ['no break-even wage without a reason', (r) => Object.assign(r.cost_benefit.break_even_wage, { monthly_nok: null, annual_nok: null, ci: null, median_nok: null })],
    ['no break-even wage with an interval', (r) => Object.assign(r.cost_benefit.break_even_wage, { monthly_nok: null, annual_nok: null, median_nok: null, reason: 'no_employment_effect' })],
    ['an unknown no-break-even reason', (r) => Object.assign(r.cost_benefit.break_even_wage, { monthly_nok: null, annual_nok: null, ci: null, median_nok: null, reason: 'too_expensive' })],
    ['an interval with a null lower end', (r) => (r.cost_benefit.break_even_wage.ci = [null, 1000])],
    ['a discount rate as a percentage', (r) => (r.cost_benefit.inputs.discount_rate = 4)],
    ['a currency other than NOK', (r) => (r.cost_benefit.inputs.currency = 'EUR')],
    ['a decay of 1', (r) => (r.cost_benefit.inputs.persistence.find((s: Json) => s.kind === 'decay').annual_decay = 1)],
    ['an acceptability above 1', (r) => (r.cost_benefit.acceptability.society.window[3] = 1.2)],
    ['an unknown sensitivity parameter', (r) => (r.cost_benefit.sensitivity[0].parameter = 'tax')],
    ['a monthly difference above 1', (r) => (r.cost_benefit.employment_effect.monthly_difference[0].difference = 1.5)],
    ['an extra key in cost-benefit', (r) => (r.cost_benefit.npv = 0)],
  ];

  it.each(rejected)('rejects %s', (_, change) => {
    expect(validate(mutated(change))).toBe(false);
  });
});
