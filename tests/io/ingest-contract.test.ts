/**
 * One test per data-contract rule: each breaks the valid fixture in exactly one way and
 * checks the violation's file, row, column and rule text.
 */
import { describe, expect, it } from 'vitest';
import type { TextDelivery } from '../helpers/delivery.ts';
import {
  EMPLOYMENT,
  ingestOk,
  PARTICIPANTS,
  planWith,
  QUESTIONNAIRES,
  replaceLine,
  textDelivery,
  toBytes,
  violations,
  violationsOf,
} from '../helpers/delivery.ts';

type Case = [string, Partial<TextDelivery>, { file: string; row: number | null; column: string | null; rule: RegExp }];

const P = 'participants.csv';
const E = 'employment.csv';
const Q = 'questionnaires.csv';
const PLAN = 'analysis-plan.json';
const PLAN_MEASURE = { column: 'qol', label: { nb: 'Livskvalitet', en: 'Quality of life' }, min: 0, max: 10, higher_is_better: true };
const pRow = (n: number, line: string) => ({ participants: replaceLine(PARTICIPANTS, n, line) });
const eRow = (n: number, line: string) => ({ employment: replaceLine(EMPLOYMENT, n, line) });
const qRow = (n: number, line: string) => ({ questionnaires: replaceLine(QUESTIONNAIRES, n, line) });

describe('the valid fixture', () => {
  it('ingests, ordering participants by identifier and registry rows by participant and month', () => {
    const { dataset, summary } = ingestOk({ employment: [EMPLOYMENT.split('\n')[0], ...EMPLOYMENT.split('\n').slice(1).reverse()].join('\n') });
    expect(dataset.participants.participant_id).toEqual(['P01', 'P02', 'P03', 'P04']);
    expect(dataset.employment.participant).toBeInstanceOf(Int32Array);
    expect(Array.from(dataset.employment.participant)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(Array.from(dataset.employment.month)).toEqual([0, 6, 12, 0, 6, 12, 0, 6, 12]);
    expect(Array.from(dataset.employment.employed)).toEqual([0, 1, 1, 0, 0, 1, 0, 0, 0]);
    // A missing amount is NaN in the typed earnings column, not null.
    expect(dataset.employment.earnings_nok).toBeInstanceOf(Float64Array);
    expect(dataset.employment.earnings_nok[5]).toBeNaN();
    expect(dataset.employment.earnings_nok[1]).toBe(12500.5);
    expect(dataset.participants.education[2]).toBeNull();
    expect(summary.participants.by_arm).toEqual([
      { arm: 'IPS', randomized: 2, withdrawn: 0 },
      { arm: 'TVR', randomized: 2, withdrawn: 1 },
    ]);
    // Norwegian collation: Ø sorts after S.
    expect(summary.participants.by_site.map((s) => s.site)).toEqual(['Sør-Trøndelag', 'Sør-Trøndelag', 'Østfold', 'Østfold']);
  });

  it('warns, without failing, about missing registry months and ignored columns', () => {
    const { summary } = ingestOk({
      questionnaires: QUESTIONNAIRES.replace('depression', 'depression,comment').replace(/\n(P\d+,\d+,[^\n]*)/g, '\n$1,x'),
    });
    expect(summary.warnings).toContainEqual({ code: 'ignored_column', file: 'questionnaires.csv', column: 'comment' });
    // The fixture has months 0, 6 and 12 of 0–12: the others are unobserved, not "not employed".
    expect(summary.warnings).toContainEqual({ code: 'registry_gaps', count: 3 });
  });

  it('warns about participants with no registry rows and withdrawn participants with data', () => {
    const noP03 = EMPLOYMENT.split('\n').filter((l) => !l.startsWith('P03')).join('\n');
    const { summary } = ingestOk({ employment: `${noP03}\nP04,0,0,0` });
    expect(summary.warnings).toContainEqual({ code: 'no_registry', count: 1 });
    expect(summary.warnings).toContainEqual({ code: 'withdrawn_with_data', count: 1 });
  });
});

describe('file-level rules', () => {
  const cases: Case[] = [
    ['participants.csv missing', { participants: undefined }, { file: P, row: null, column: null, rule: /required file is missing/ }],
    ['empty file', { employment: '' }, { file: E, row: null, column: null, rule: /file is empty/ }],
    ['header but no rows', { participants: PARTICIPANTS.split('\n')[0]! }, { file: P, row: null, column: null, rule: /no data rows/ }],
    ['required column missing', { participants: PARTICIPANTS.replace(',withdrawn', '').replace(/,([01])$/gm, '') }, { file: P, row: 1, column: 'withdrawn', rule: /required column "withdrawn" is missing/ }],
    ['duplicate column', { employment: EMPLOYMENT.replace('earnings_nok', 'employed') }, { file: E, row: 1, column: 'employed', rule: /appears more than once/ }],
    ['empty column name', { employment: EMPLOYMENT.replace(',earnings_nok', ',') }, { file: E, row: 1, column: '#4', rule: /column name is empty/ }],
    ['plan measure column missing', { questionnaires: QUESTIONNAIRES.replace(',depression', ',dep') }, { file: Q, row: 1, column: 'depression', rule: /required column "depression"/ }],
    ['too few fields', eRow(2, 'P01,6,1'), { file: E, row: 3, column: null, rule: /must have 4 fields/ }],
    ['unbalanced quote', eRow(9, 'P03,12,0,"0'), { file: E, row: 10, column: null, rule: /unbalanced quotes|must have 4 fields/ }],
    ['unbalanced quote in the header', eRow(0, '"participant_id,month,employed,earnings_nok'), { file: E, row: 1, column: null, rule: /unbalanced quotes/ }],
  ];
  it.each(cases)('%s', (_name, changes, expected) => {
    expect(violations(changes)).toContainEqual(expect.objectContaining({ ...expected, rule: expect.stringMatching(expected.rule) }));
  });

  it('reads a file that mixes line ends (CRLF header, LF rows) row by row', () => {
    const mixed = EMPLOYMENT.replace('\n', '\r\n');
    expect(ingestOk({ employment: mixed }).dataset.employment.month).toHaveLength(9);
  });

  it('reports a path that is a folder as unreadable', () => {
    const d = toBytes(textDelivery());
    d.employment = { unreadable: 'a folder' };
    expect(violationsOf(d)).toContainEqual(expect.objectContaining({ file: E, rule: expect.stringMatching(/could not be read/), found: 'a folder' }));
  });

  it('rejects binary content', () => {
    const d = toBytes(textDelivery());
    d.questionnaires = new Uint8Array([0x70, 0, 0x71]);
    expect(violationsOf(d)).toContainEqual(expect.objectContaining({ file: Q, rule: expect.stringMatching(/not text/) }));
  });
});

describe('participants.csv value rules', () => {
  const cases: Case[] = [
    ['participant_id pattern', pRow(1, 'P 01,Østfold,IPS,1,2014-01-10,34,F,depression,secondary,1,0'), { file: P, row: 2, column: 'participant_id', rule: /pseudonym/ }],
    ['participant_id too long', pRow(1, `${'x'.repeat(65)},Østfold,IPS,1,2014-01-10,34,F,depression,secondary,1,0`), { file: P, row: 2, column: 'participant_id', rule: /1–64/ }],
    ['duplicate participant', pRow(2, 'P01,Østfold,TVR,2,2014-01-12,45,M,anxiety,higher,0,0'), { file: P, row: 3, column: 'participant_id', rule: /more than once \(first at row 2\)/ }],
    ['site with a line break', pRow(1, 'P01,"Øst\nfold",IPS,1,2014-01-10,34,F,depression,secondary,1,0'), { file: P, row: 2, column: 'site', rule: /without line breaks/ }],
    ['site too long', pRow(1, `P01,${'x'.repeat(101)},IPS,1,2014-01-10,34,F,depression,secondary,1,0`), { file: P, row: 2, column: 'site', rule: /at most 100 characters/ }],
    ['site empty', pRow(1, 'P01,,IPS,1,2014-01-10,34,F,depression,secondary,1,0'), { file: P, row: 2, column: 'site', rule: /required/ }],
    ['arm not in plan', pRow(1, 'P01,Østfold,CTRL,1,2014-01-10,34,F,depression,secondary,1,0'), { file: P, row: 2, column: 'arm', rule: /plan's arms: IPS, TVR/ }],
    ['allocation_no not ≥ 1', pRow(1, 'P01,Østfold,IPS,0,2014-01-10,34,F,depression,secondary,1,0'), { file: P, row: 2, column: 'allocation_no', rule: /at least 1/ }],
    ['randomized_on not a date', pRow(1, 'P01,Østfold,IPS,1,2014-02-30,34,F,depression,secondary,1,0'), { file: P, row: 2, column: 'randomized_on', rule: /YYYY-MM-DD/ }],
    ['randomized_on in another format', pRow(1, 'P01,Østfold,IPS,1,10.01.2014,34,F,depression,secondary,1,0'), { file: P, row: 2, column: 'randomized_on', rule: /YYYY-MM-DD/ }],
    ['age below 16', pRow(1, 'P01,Østfold,IPS,1,2014-01-10,15,F,depression,secondary,1,0'), { file: P, row: 2, column: 'age', rule: /16 to 70/ }],
    ['age not whole', pRow(1, 'P01,Østfold,IPS,1,2014-01-10,34.5,F,depression,secondary,1,0'), { file: P, row: 2, column: 'age', rule: /whole number/ }],
    ['sex not F/M', pRow(1, 'P01,Østfold,IPS,1,2014-01-10,34,K,depression,secondary,1,0'), { file: P, row: 2, column: 'sex', rule: /one of: F, M/ }],
    ['diagnosis not in plan', pRow(1, 'P01,Østfold,IPS,1,2014-01-10,34,F,adhd,secondary,1,0'), { file: P, row: 2, column: 'diagnosis', rule: /depression, anxiety, other/ }],
    ['education level', pRow(1, 'P01,Østfold,IPS,1,2014-01-10,34,F,depression,university,1,0'), { file: P, row: 2, column: 'education', rule: /primary, secondary, higher/ }],
    ['worked_last_5y not 0/1', pRow(1, 'P01,Østfold,IPS,1,2014-01-10,34,F,depression,secondary,yes,0'), { file: P, row: 2, column: 'worked_last_5y', rule: /0 or 1/ }],
    ['withdrawn empty', pRow(1, 'P01,Østfold,IPS,1,2014-01-10,34,F,depression,secondary,1,'), { file: P, row: 2, column: 'withdrawn', rule: /required/ }],
    ['a plan arm without participants', { participants: PARTICIPANTS.replace(/TVR/g, 'IPS') }, { file: P, row: null, column: 'arm', rule: /no participant is randomized to the plan's arm "TVR"/ }],
  ];
  it.each(cases)('%s', (_name, changes, expected) => {
    expect(violations(changes)).toContainEqual(expect.objectContaining({ ...expected, rule: expect.stringMatching(expected.rule) }));
  });

  it('one bad cell does not make the participant unknown in the other files', () => {
    const v = violations(pRow(1, 'P01,Østfold,IPS,1,2014-01-10,99,F,depression,secondary,1,0'));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ file: P, row: 2, column: 'age' });
  });

  it('finds a duplicate participant even when the duplicate row has another bad cell', () => {
    const v = violations({ participants: `${PARTICIPANTS}\nP01,Østfold,TVR,3,2014-01-12,999,M,anxiety,higher,0,0` });
    expect(v).toContainEqual(expect.objectContaining({ row: 6, column: 'participant_id', rule: expect.stringMatching(/first at row 2/) }));
    expect(v).toContainEqual(expect.objectContaining({ row: 6, column: 'age' }));
  });

  it('never prints a participant identifier', () => {
    const v = violations(pRow(1, 'SECRET ID,Østfold,IPS,1,2014-01-10,34,F,depression,secondary,1,0'));
    expect(JSON.stringify(v)).not.toContain('SECRET');
  });
});

describe('employment.csv rules', () => {
  const cases: Case[] = [
    ['unknown participant', eRow(1, 'P99,0,0,0'), { file: E, row: 2, column: 'participant_id', rule: /not in participants.csv/ }],
    ['duplicate participant and month', eRow(2, 'P01,0,1,100'), { file: E, row: 3, column: 'month', rule: /duplicate \(participant_id, month\) row \(first at row 2\)/ }],
    ['month outside the plan', eRow(2, 'P01,13,1,100'), { file: E, row: 3, column: 'month', rule: /registry months 0–12/ }],
    ['month negative', eRow(2, 'P01,-1,1,100'), { file: E, row: 3, column: 'month', rule: /at least 0/ }],
    ['employed not 0/1', eRow(2, 'P01,6,2,100'), { file: E, row: 3, column: 'employed', rule: /0 or 1/ }],
    ['earnings negative', eRow(2, 'P01,6,1,-5'), { file: E, row: 3, column: 'earnings_nok', rule: /at least 0/ }],
    ['earnings not a number', eRow(2, 'P01,6,1,12k'), { file: E, row: 3, column: 'earnings_nok', rule: /number/ }],
  ];
  it.each(cases)('%s', (_name, changes, expected) => {
    expect(violations(changes)).toContainEqual(expect.objectContaining({ ...expected, rule: expect.stringMatching(expected.rule) }));
  });
});

describe('questionnaires.csv rules', () => {
  const cases: Case[] = [
    ['unknown participant', qRow(1, 'P77,0,5,12'), { file: Q, row: 2, column: 'participant_id', rule: /not in participants.csv/ }],
    ['duplicate participant and wave', qRow(2, 'P01,0,6,10'), { file: Q, row: 3, column: 'wave', rule: /duplicate \(participant_id, wave\)/ }],
    ['wave outside the plan', qRow(2, 'P01,3,6,10'), { file: Q, row: 3, column: 'wave', rule: /questionnaire waves: 0, 6, 12/ }],
    ['score above range', qRow(1, 'P01,0,11,12'), { file: Q, row: 2, column: 'qol', rule: /from 0 to 10/ }],
    ['score not a number', qRow(1, 'P01,0,5,high'), { file: Q, row: 2, column: 'depression', rule: /from 0 to 27/ }],
  ];
  it.each(cases)('%s', (_name, changes, expected) => {
    expect(violations(changes)).toContainEqual(expect.objectContaining({ ...expected, rule: expect.stringMatching(expected.rule) }));
  });

  it('accepts a header-only questionnaire file (no answers yet)', () => {
    expect(ingestOk({ questionnaires: QUESTIONNAIRES.split('\n')[0]! }).dataset.questionnaires.wave).toHaveLength(0);
  });
});

describe('analysis plan rules', () => {
  const cases: Case[] = [
    ['plan missing', { plan: undefined }, { file: PLAN, row: null, column: null, rule: /required file is missing/ }],
    ['plan not JSON', { plan: '{"arms": [' }, { file: PLAN, row: null, column: null, rule: /not valid JSON/ }],
    ['control arm not an arm', { plan: planWith({ control_arm: 'TAU' }) }, { file: PLAN, row: null, column: 'control_arm', rule: /one of the plan's arms/ }],
    ['three arms', { plan: planWith({ arms: ['A', 'B', 'C'] }) }, { file: PLAN, row: null, column: 'arms', rule: /exactly two/ }],
    ['primary timepoint not a timepoint', { plan: planWith({ primary_timepoint: 18 }) }, { file: PLAN, row: null, column: 'primary_timepoint', rule: /one of the timepoints/ }],
    ['timepoint beyond the registry', { plan: planWith({ timepoints: [6, 24], primary_timepoint: 6 }) }, { file: PLAN, row: null, column: 'timepoints', rule: /within registry_months/ }],
    ['confidence level as a percentage', { plan: planWith({ confidence_level: 95 }) }, { file: PLAN, row: null, column: 'confidence_level', rule: /0.95/ }],
    ['unknown field', { plan: planWith({ confidnce_level: 0.9 }) }, { file: PLAN, row: null, column: 'confidnce_level', rule: /misspelt/ }],
    ['missing seed', { plan: planWith({ seed: undefined }) }, { file: PLAN, row: null, column: 'seed', rule: /whole number/ }],
    ['measure range reversed', { plan: planWith({ measures: [{ column: 'qol', label: { nb: 'a', en: 'b' }, min: 10, max: 0, higher_is_better: true }] }) }, { file: PLAN, row: null, column: 'measures[0].min/max', rule: /min < max/ }],
    ['unknown covariate', { plan: planWith({ covariates: ['age', 'income'] }) }, { file: PLAN, row: null, column: 'covariates', rule: /list without repeats/ }],
    ['unknown field inside trial', { plan: planWith({ trial: { name: 'T', registation: 'x' } }) }, { file: PLAN, row: null, column: 'trial.registation', rule: /misspelt/ }],
    ['registration not a text', { plan: planWith({ trial: { name: 'T', registration: 5 } }) }, { file: PLAN, row: null, column: 'trial.registration', rule: /non-empty text/ }],
    ['trial name empty', { plan: planWith({ trial: { name: ' ' } }) }, { file: PLAN, row: null, column: 'trial.name', rule: /non-empty text/ }],
    ['unknown field inside a measure', { plan: planWith({ measures: [{ ...PLAN_MEASURE, lable: 'x' }] }) }, { file: PLAN, row: null, column: 'measures[0].lable', rule: /misspelt/ }],
    ['measure label missing English', { plan: planWith({ measures: [{ ...PLAN_MEASURE, label: { nb: 'a' } }] }) }, { file: PLAN, row: null, column: 'measures[0].label', rule: /both labels/ }],
    ['measure column reserved', { plan: planWith({ measures: [{ ...PLAN_MEASURE, column: 'wave' }] }) }, { file: PLAN, row: null, column: 'measures[0].column', rule: /not participant_id or wave/ }],
    ['measure column twice', { plan: planWith({ measures: [PLAN_MEASURE, PLAN_MEASURE] }) }, { file: PLAN, row: null, column: 'measures[1].column', rule: /more than once/ }],
    ['measure column names an identifier', { plan: planWith({ measures: [{ ...PLAN_MEASURE, column: 'phone' }] }) }, { file: PLAN, row: null, column: 'measures[0].column', rule: /direct identifier/ }],
    ['higher_is_better not boolean', { plan: planWith({ measures: [{ ...PLAN_MEASURE, higher_is_better: 'yes' }] }) }, { file: PLAN, row: null, column: 'measures[0].higher_is_better', rule: /true or false/ }],
    ['stratification not a column', { plan: planWith({ stratification: 'county' }) }, { file: PLAN, row: null, column: 'stratification', rule: /one of: site/ }],
    ['stratification other than site', { plan: planWith({ stratification: 'sex' }) }, { file: PLAN, row: null, column: 'stratification', rule: /one of: site$/ }],
    ['randomization not an object', { plan: planWith({ randomization: [] }) }, { file: PLAN, row: null, column: 'randomization', rule: /JSON object/ }],
    ['randomization method unknown', { plan: planWith({ randomization: { method: 'minimization' } }) }, { file: PLAN, row: null, column: 'randomization.method', rule: /permuted_blocks, simple/ }],
    ['ratio missing an arm', { plan: planWith({ randomization: { ratio: { IPS: 2 } } }) }, { file: PLAN, row: null, column: 'randomization.ratio', rule: /each arm \(IPS, TVR\)/ }],
    ['ratio not whole', { plan: planWith({ randomization: { ratio: { IPS: 1.5, TVR: 1 } } }) }, { file: PLAN, row: null, column: 'randomization.ratio', rule: /whole number from 1 to 100/ }],
    ['block size not a multiple of the ratio', { plan: planWith({ randomization: { ratio: { IPS: 2, TVR: 1 }, block_sizes: [3, 4] } }) }, { file: PLAN, row: null, column: 'randomization.block_sizes', rule: /multiple of the ratio's sum \(3\)/ }],
    ['stratum name padded', { plan: planWith({ randomization: { strata: [{ name: 'Oslo ', slots: 10 }] } }) }, { file: PLAN, row: null, column: 'randomization.strata[0].name', rule: /non-empty text/ }],
    ['stratum twice', { plan: planWith({ randomization: { strata: [{ name: 'Oslo', slots: 10 }, { name: 'Oslo', slots: 5 }] } }) }, { file: PLAN, row: null, column: 'randomization.strata[1].name', rule: /more than once/ }],
    ['stratum slots absurd', { plan: planWith({ randomization: { strata: [{ name: 'Oslo', slots: 1e9 }] } }) }, { file: PLAN, row: null, column: 'randomization.strata[0].slots', rule: /1 to 10000000/ }],
    ['commitment not a hash', { plan: planWith({ randomization: { sha256: 'abc' } }) }, { file: PLAN, row: null, column: 'randomization.sha256', rule: /64 hexadecimal/ }],
    ['allocation seed too long', { plan: planWith({ randomization: { seed: 'x'.repeat(201) } }) }, { file: PLAN, row: null, column: 'randomization.seed', rule: /1–200 characters/ }],
    ['unknown field in randomization', { plan: planWith({ randomization: { blocks: [2] } }) }, { file: PLAN, row: null, column: 'randomization.blocks', rule: /misspelt/ }],
    ['screening assessed negative', { plan: planWith({ screening: { assessed: -1, excluded: [] } }) }, { file: PLAN, row: null, column: 'screening.assessed', rule: /at least 0/ }],
    ['screening reason without English', { plan: planWith({ screening: { assessed: 9, excluded: [{ reason: { nb: 'x' }, n: 1 }] } }) }, { file: PLAN, row: null, column: 'screening.excluded[0].reason', rule: /both labels/ }],
    ['subgroup unknown', { plan: planWith({ subgroups: ['sex', 'income'] }) }, { file: PLAN, row: null, column: 'subgroups', rule: /list without repeats of: sex, age_group/ }],
    ['age groups not increasing', { plan: planWith({ age_groups: [40, 30] }) }, { file: PLAN, row: null, column: 'age_groups', rule: /increasing whole-number ages/ }],
    ['employment definition unknown', { plan: planWith({ employment_definition: 'ever' }) }, { file: PLAN, row: null, column: 'employment_definition', rule: /employed_in_month/ }],
    ['diagnosis levels repeated', { plan: planWith({ diagnosis_levels: ['a', 'a'] }) }, { file: PLAN, row: null, column: 'diagnosis_levels', rule: /distinct/ }],
    ['questionnaire waves not increasing', { plan: planWith({ questionnaire_waves: [6, 0] }) }, { file: PLAN, row: null, column: 'questionnaire_waves', rule: /increasing order/ }],
    ['questionnaire waves without baseline', { plan: planWith({ questionnaire_waves: [6, 12] }) }, { file: PLAN, row: null, column: 'questionnaire_waves', rule: /start with 0/ }],
    ['imputations one', { plan: planWith({ imputations: 1 }) }, { file: PLAN, row: null, column: 'imputations', rule: /2 to 1000/ }],
    ['imputations fractional', { plan: planWith({ imputations: 2.5 }) }, { file: PLAN, row: null, column: 'imputations', rule: /2 to 1000/ }],
    ['costs without a price year', { plan: planWith({ costs: { cost_per_participant: { IPS: 1, TVR: 1 }, reference_wage: { monthly_nok: 1, source: 'x' } } }) }, { file: PLAN, row: null, column: 'costs.price_year', rule: /price year/ }],
    ['costs missing an arm', { plan: planWith({ costs: { ...{ price_year: 2016, cost_per_participant: { IPS: 1000, TVR: 500 }, reference_wage: { monthly_nok: 25000, source: 'SSB' } }, cost_per_participant: { IPS: 1000 } } }) }, { file: PLAN, row: null, column: 'costs.cost_per_participant.TVR', rule: /from 0 to 1 000 000 000/ }],
    ['cost window beyond the registry', { plan: planWith({ costs: { ...{ price_year: 2016, cost_per_participant: { IPS: 1000, TVR: 500 }, reference_wage: { monthly_nok: 25000, source: 'SSB' } }, window_months: 13 } }) }, { file: PLAN, row: null, column: 'costs.window_months', rule: /last registry month \(12\)/ }],
    ['discount rate as a percentage', { plan: planWith({ costs: { ...{ price_year: 2016, cost_per_participant: { IPS: 1000, TVR: 500 }, reference_wage: { monthly_nok: 25000, source: 'SSB' } }, discount_rate: 4 } }) }, { file: PLAN, row: null, column: 'costs.discount_rate', rule: /fraction from 0 to 0.2/ }],
    ['reference wage without source', { plan: planWith({ costs: { ...{ price_year: 2016, cost_per_participant: { IPS: 1000, TVR: 500 }, reference_wage: { monthly_nok: 25000, source: 'SSB' } }, reference_wage: { monthly_nok: 25000 } } }) }, { file: PLAN, row: null, column: 'costs.reference_wage', rule: /source/ }],
    ['decay of 1', { plan: planWith({ costs: { ...{ price_year: 2016, cost_per_participant: { IPS: 1000, TVR: 500 }, reference_wage: { monthly_nok: 25000, source: 'SSB' } }, persistence: [{ kind: 'decay', years: 5, annual_decay: 1 }] } }) }, { file: PLAN, row: null, column: 'costs.persistence[0].annual_decay', rule: /between 0 and 1/ }],
    ['scenario of unknown kind', { plan: planWith({ costs: { ...{ price_year: 2016, cost_per_participant: { IPS: 1000, TVR: 500 }, reference_wage: { monthly_nok: 25000, source: 'SSB' } }, persistence: [{ kind: 'forever', years: 5 }] } }) }, { file: PLAN, row: null, column: 'costs.persistence[0].kind', rule: /constant, decay/ }],
    ['sensitivity range reversed', { plan: planWith({ costs: { ...{ price_year: 2016, cost_per_participant: { IPS: 1000, TVR: 500 }, reference_wage: { monthly_nok: 25000, source: 'SSB' } }, sensitivity: { discount_rate: [0.06, 0] } } }) }, { file: PLAN, row: null, column: 'costs.sensitivity.discount_rate', rule: /low ≤ high/ }],
    ['unknown field in costs', { plan: planWith({ costs: { ...{ price_year: 2016, cost_per_participant: { IPS: 1000, TVR: 500 }, reference_wage: { monthly_nok: 25000, source: 'SSB' } }, vat: 0.25 } }) }, { file: PLAN, row: null, column: 'costs.vat', rule: /misspelt/ }],
    ['registry months reversed', { plan: planWith({ registry_months: { first: 12, last: 0 } }) }, { file: PLAN, row: null, column: 'registry_months', rule: /0 ≤ m ≤ n/ }],
    ['unknown field inside registry months', { plan: planWith({ registry_months: { first: 0, last: 12, step: 1 } }) }, { file: PLAN, row: null, column: 'registry_months.step', rule: /misspelt/ }],
    ['multiplicity unknown', { plan: planWith({ multiplicity: 'bonferroni' }) }, { file: PLAN, row: null, column: 'multiplicity', rule: /holm, benjamini-hochberg/ }],
    ['bootstrap resamples zero', { plan: planWith({ bootstrap_resamples: 0 }) }, { file: PLAN, row: null, column: 'bootstrap_resamples', rule: /at least 1/ }],
    ['permutations fractional', { plan: planWith({ permutations: 10.5 }) }, { file: PLAN, row: null, column: 'permutations', rule: /at least 1/ }],
    ['small-cell threshold zero', { plan: planWith({ small_cell_threshold: 0 }) }, { file: PLAN, row: null, column: 'small_cell_threshold', rule: /at least 1/ }],
    ['seed too large', { plan: planWith({ seed: 2 ** 32 }) }, { file: PLAN, row: null, column: 'seed', rule: /4294967295/ }],
    ['costs not an object', { plan: planWith({ costs: [] }) }, { file: PLAN, row: null, column: 'costs', rule: /JSON object/ }],
    ['plan not an object', { plan: '[]' }, { file: PLAN, row: null, column: '(root)', rule: /JSON object/ }],
    ['unknown report language', { plan: planWith({ report_language: 'sv' }) }, { file: PLAN, row: null, column: 'report_language', rule: /one of: nb, en/ }],
  ];
  it.each(cases)('%s', (_name, changes, expected) => {
    expect(violations(changes)).toContainEqual(expect.objectContaining({ ...expected, rule: expect.stringMatching(expected.rule) }));
  });
});

describe('plan encoding', () => {
  it('rejects a plan saved as Windows-1252 rather than reading it garbled', () => {
    const d = toBytes(textDelivery());
    const json = planWith({ trial: { name: 'Jobbstøtte' } });
    d.plan = Uint8Array.from([...json].map((c) => c.charCodeAt(0)));
    expect(violationsOf(d)).toContainEqual(expect.objectContaining({ file: PLAN, rule: expect.stringMatching(/UTF-8/) }));
  });
});

describe('violation reporting', () => {
  it('collects every violation across files in one round', () => {
    const v = violations({ ...pRow(1, 'P01,Østfold,IPS,1,2014-01-10,99,F,depression,secondary,1,0'), ...eRow(2, 'P01,6,7,100') });
    expect(v.map((x) => x.file)).toEqual(expect.arrayContaining([P, E]));
  });

  it('lists at most the cap but counts all', async () => {
    const { ContractError } = await import('../../src/io/errors.ts');
    const { ingest } = await import('../../src/io/ingest.ts');
    const rows = Array.from({ length: 30 }, (_, i) => `P01,${i % 13},9,0`);
    try {
      ingest(toBytes(textDelivery({ employment: [EMPLOYMENT, ...rows].join('\n') })), 5);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ContractError);
      expect((err as InstanceType<typeof ContractError>).violations).toHaveLength(5);
      expect((err as InstanceType<typeof ContractError>).total).toBeGreaterThanOrEqual(30);
    }
  });
});

describe('the plan\'s randomization section', () => {
  it('defaults to 1:1 permuted blocks of 2, 4 and 6, with no list, hash or seed', () => {
    const { plan } = ingestOk();
    expect(plan.randomization).toEqual({
      method: 'permuted_blocks',
      ratio: { IPS: 1, TVR: 1 },
      block_sizes: [2, 4, 6],
      strata: [],
      allocation_list: null,
      sha256: null,
      seed: null,
    });
    expect(plan.screening).toBeNull();
    expect(plan.subgroups).toEqual(['sex', 'age_group', 'diagnosis', 'worked_last_5y', 'site']);
    expect(plan.age_groups).toEqual([30]);
    expect(plan.imputations).toBe(20);
  });

  it('scales the default block sizes to a 2:1 ratio, keeps a numeric seed as text, lower-cases the hash', () => {
    const hash = 'AB'.repeat(32);
    const { plan } = ingestOk({ plan: planWith({ randomization: { ratio: { IPS: 2, TVR: 1 }, seed: 42, sha256: hash } }) });
    expect(plan.randomization.block_sizes).toEqual([3, 6, 9]);
    expect(plan.randomization.seed).toBe('42');
    expect(plan.randomization.sha256).toBe(hash.toLowerCase());
  });

  it('reads site names in NFC, so a decomposed "Østfold" is the same site', () => {
    const { dataset } = ingestOk({ participants: PARTICIPANTS.replace('P01,Østfold', `P01,${'Østfold'.normalize('NFD')}`) });
    expect(new Set(dataset.participants.site)).toEqual(new Set(['Østfold', 'Sør-Trøndelag'].map((s) => s.normalize('NFC'))));
  });

  it('reads stratum names in NFC, as ingest reads site names', () => {
    const decomposed = 'Østfold'.normalize('NFD');
    const { plan } = ingestOk({ plan: planWith({ randomization: { strata: [{ name: decomposed, slots: 4 }] } }) });
    expect(plan.randomization.strata[0]!.name).toBe('Østfold'.normalize('NFC'));
  });
});
