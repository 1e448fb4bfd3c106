/**
 * The employment analyses end to end on small trials built for the purpose: the sample's
 * published counts, and the edge cases the correctness bar names (zero employed in one
 * arm, everyone employed in a site, a site with one arm only, all outcomes missing at a
 * timepoint). Estimators themselves are checked against R in tests/stats; here the
 * question is that they are wired to the right data and never give NaN or Infinity.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseEmployment, type OutcomesResult } from '../../src/outcomes/outcomes.ts';
import { newcombeDifference } from '../../src/stats/newcombe.ts';
import { ingest } from '../../src/io/ingest.ts';
import { SAMPLE } from '../helpers/cli.ts';
import { ingestOk, planWith } from '../helpers/delivery.ts';

/** Every number in a value is finite (no NaN or ±Infinity hides in the results). */
function expectAllFinite(value: unknown, path = '$'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
}

interface Person {
  site: string;
  arm: 'IPS' | 'TVR';
  /** Employed (1) or not (0) in each month 0..12; null = no registry row that month. */
  months: (0 | 1 | null)[];
}

/** A delivery for the test plan (registry months 0–12, timepoints 6 and 12) from people. */
function trial(people: Person[], planChanges: Record<string, unknown> = {}) {
  const participants = [
    'participant_id,site,arm,allocation_no,randomized_on,age,sex,diagnosis,education,worked_last_5y,withdrawn',
    ...people.map((p, i) => {
      const no = people.slice(0, i).filter((q) => q.site === p.site).length + 1;
      return `Q${i},${p.site},${p.arm},${no},2014-01-01,${20 + (i % 40)},${i % 2 ? 'F' : 'M'},${['depression', 'anxiety', 'other'][i % 3]},${['primary', 'secondary', 'higher'][i % 3]},${i % 2},0`;
    }),
  ].join('\n');
  const employment = [
    'participant_id,month,employed,earnings_nok',
    ...people.flatMap((p, i) => p.months.flatMap((e, m) => (e === null ? [] : [`Q${i},${m},${e},${e ? 15000 : 0}`]))),
  ].join('\n');
  const plan = planWith({ bootstrap_resamples: 200, permutations: 500, covariates: ['age', 'sex'], subgroups: ['sex', 'site'], ...planChanges });
  const { dataset, plan: p } = ingestOk({ participants, employment, questionnaires: 'participant_id,wave,qol,depression', plan });
  return analyseEmployment(dataset, p);
}

const months = (from: number | null, gaps: number[] = []): (0 | 1 | null)[] =>
  Array.from({ length: 13 }, (_, m) => (gaps.includes(m) ? null : from !== null && m >= from ? 1 : 0));
const people = (n: number, site: string, arm: 'IPS' | 'TVR', employedFrom: (k: number) => number | null, gaps: number[] = []): Person[] =>
  Array.from({ length: n }, (_, k) => ({ site, arm, months: months(employedFrom(k), gaps) }));

describe('employment on the shipped sample', () => {
  const raw = (f: string) => readFileSync(join(SAMPLE, f));
  const { dataset, plan } = ingest({ plan: raw('analysis-plan.json'), participants: raw('participants.csv'), employment: raw('employment.csv'), questionnaires: raw('questionnaires.csv') });
  let result: OutcomesResult;
  beforeAll(async () => {
    result = await analyseEmployment(dataset, { ...plan, bootstrap_resamples: 200, permutations: 500 });
  });

  it('has the published counts at 12 and 18 months, with 18 the primary timepoint', () => {
    const at = (m: number) => result.employment.find((e) => e.month === m)!;
    expect([at(12).arms.IPS!.employed, at(12).arms.IPS!.n, at(12).arms.TVR!.employed, at(12).arms.TVR!.n]).toEqual([83, 227, 49, 181]);
    expect([at(18).arms.IPS!.employed, at(18).arms.IPS!.n, at(18).arms.TVR!.employed, at(18).arms.TVR!.n]).toEqual([85, 227, 49, 181]);
    expect(result.employment.map((e) => [e.month, e.primary])).toEqual([[6, false], [12, false], [18, true]]);
    // The risk difference is the Newcombe interval of exactly those counts.
    expect(at(18).risk_difference.ci).toEqual(newcombeDifference(85, 227, 49, 181, 0.95).ci);
    expect(at(18).test.method).toBe('pearson_chi_square');
    expect(at(18).adjusted_odds_ratio!.model).toBe('maximum_likelihood');
    expect(at(18).missing_bounds).toBeNull();
  });

  it('has no NaN or Infinity anywhere and no row-level data', () => {
    expectAllFinite(result);
    expect(JSON.stringify(result)).not.toMatch(/P\d{4}/);
    expect('participants' in result.time_to_first_job).toBe(false);
  });
});

describe('employment edge cases', () => {
  it('zero employed in one arm: ratios corrected and said so, Fisher where expected counts are small', async () => {
    const r = await trial([...people(8, 'A', 'IPS', (k) => (k < 4 ? 3 : null)), ...people(8, 'A', 'TVR', () => null), ...people(8, 'B', 'IPS', (k) => (k < 3 ? 5 : null)), ...people(8, 'B', 'TVR', () => null)]);
    const m12 = r.employment.find((e) => e.month === 12)!;
    expect(m12.arms.TVR!.employed).toBe(0);
    expect(m12.risk_ratio.correction).toBe('haldane_anscombe_0.5');
    expect(m12.odds_ratio.correction).toBe('haldane_anscombe_0.5');
    expect(m12.test.method).toBe('fisher_exact');
    // Zero events in the control arm separates the model: Firth is used, and says so.
    expect(m12.adjusted_odds_ratio!.model).toBe('firth');
    expect(m12.adjusted_odds_ratio!.separation).toBe(true);
    expectAllFinite(r);
  });

  it('everyone employed in a site, and a site with one arm only, still give finite adjusted results', async () => {
    const r = await trial([
      ...people(10, 'A', 'IPS', () => 2),
      ...people(10, 'A', 'TVR', () => 2),
      ...people(10, 'B', 'IPS', (k) => (k < 4 ? 4 : null)),
      ...people(10, 'B', 'TVR', (k) => (k < 2 ? 4 : null)),
      ...people(6, 'C', 'IPS', (k) => (k < 3 ? 1 : null)),
    ]);
    const m12 = r.employment.find((e) => e.month === 12)!;
    expect(m12.adjusted_odds_ratio!.estimate).not.toBeNull();
    expect(m12.adjusted_odds_ratio!.model).toBe('firth');
    expectAllFinite(r);
    const site = r.employment_subgroups.find((s) => s.variable === 'site')!;
    // Site C has no control participants: its difference cannot be estimated.
    expect(site.levels.find((l) => l.level === 'C')!.risk_difference).toMatchObject({ estimate: null, note: 'empty_arm' });
  });

  it('all outcomes missing at a timepoint: nothing estimated, nothing thrown, bounds span the unknown', async () => {
    const r = await trial([...people(6, 'A', 'IPS', (k) => (k < 3 ? 1 : null), [6]), ...people(6, 'A', 'TVR', (k) => (k < 1 ? 1 : null), [6])]);
    const m6 = r.employment.find((e) => e.month === 6)!;
    expect(m6.arms.IPS).toMatchObject({ n: 0, missing: 6, rate: null, ci: null });
    expect(m6.risk_difference).toMatchObject({ estimate: null, note: 'no_data' });
    expect(m6.adjusted_odds_ratio).toMatchObject({ estimate: null });
    expect(m6.randomization_test).toBeNull();
    // Everything unknown: the bounds are −1 (worst) and +1 (best).
    expect(m6.missing_bounds!.worst_case.estimate).toBe(-1);
    expect(m6.missing_bounds!.best_case.estimate).toBe(1);
    expectAllFinite(r);
  });
});

describe('subgroups and the small-cell rule', () => {
  it('hides a level whose arm counts are small, difference and all, and keeps the rest', async () => {
    // Site C has 2 IPS participants: below the threshold of 3.
    const r = await trial([...people(10, 'A', 'IPS', (k) => (k < 5 ? 2 : null)), ...people(10, 'A', 'TVR', (k) => (k < 3 ? 2 : null)), ...people(2, 'C', 'IPS', () => 2), ...people(6, 'C', 'TVR', (k) => (k < 3 ? 2 : null))]);
    const site = r.employment_subgroups.find((s) => s.variable === 'site')!;
    const c = site.levels.find((l) => l.level === 'C')!;
    expect(c).toMatchObject({ suppressed: true, arms: { IPS: { n: null, employed: null }, TVR: { n: null, employed: null } } });
    expect(c.risk_difference).toMatchObject({ estimate: null, ci: null, note: 'suppressed' });
    expect(site.levels.find((l) => l.level === 'A')).toMatchObject({ suppressed: false, arms: { IPS: { n: 10, employed: 5 } } });
  });
});

describe('degenerate trials do not stop the analysis (review findings)', () => {
  it('a subgroup level with one arm only: the interaction is not estimable, nothing thrown', async () => {
    // Site C has IPS participants only, with enough of each outcome to escape suppression.
    const r = await trial([...people(10, 'A', 'IPS', (k) => (k < 5 ? 2 : null)), ...people(10, 'A', 'TVR', (k) => (k < 3 ? 2 : null)), ...people(8, 'C', 'IPS', (k) => (k < 4 ? 2 : null))], { subgroups: ['site'] });
    const site = r.employment_subgroups[0]!;
    expect(site.interaction).toBeNull();
    expect(site.note).toBe('not_estimable');
  });

  it('complete separation by arm: estimates may be missing, but the run finishes with finite numbers', async () => {
    const r = await trial([...people(12, 'A', 'IPS', () => 1), ...people(12, 'A', 'TVR', () => null), ...people(12, 'B', 'IPS', () => 1), ...people(12, 'B', 'TVR', () => null)]);
    const m12 = r.employment.find((e) => e.month === 12)!;
    expect(m12.arms.IPS!.employed).toBe(24);
    expect(m12.arms.TVR!.employed).toBe(0);
    expectAllFinite(r);
  });
});
