/**
 * The evidence.csv contract: what a valid file gives, and each rule broken once, with the
 * violation's file, row, column and rule, and a `found` that shows at most the offending cell.
 */
import { describe, expect, it } from 'vitest';
import { checkEvidenceCsv, moderatorSpecs, type EvidenceCsvOptions } from '../../src/meta-analysis/evidence-csv.ts';
import { sampleEvidenceCsv } from '../../src/simulate/sample-evidence.ts';

const HEADER = 'study,country,year,source,citation,events_intervention,n_intervention,events_control,n_control,measure,estimate,ci_low,ci_high,ci_level,epl';
const COUNTS = 'Alpha 2008,USA,2008,synthetic,,44,76,18,74,,,,,,0.3';
const REPORTED = 'Beta 2015,Sweden,2015,published,Beta B et al. J Test 2015,,,,,RD,0.36,0.18,0.54,0.95,';
const csv = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join('\n') + '\n');
const check = (rows: string[], options: EvidenceCsvOptions = {}) => checkEvidenceCsv(csv(...rows), options);
const only = (rows: string[], options: EvidenceCsvOptions = {}) => {
  const r = check(rows, options);
  expect(r.total).toBe(1);
  return r.violations[0]!;
};

describe('checkEvidenceCsv: a valid file', () => {
  it('reads counts, reported estimates, the origin and the moderators', () => {
    const r = check([COUNTS, REPORTED]);
    expect(r.violations).toEqual([]);
    expect(r.studies).toHaveLength(2);
    expect(r.studies[0]).toMatchObject({
      row: 2, study: 'Alpha 2008', country: 'USA', year: 2008, source: 'synthetic', citation: null,
      events_intervention: 44, n_intervention: 76, events_control: 18, n_control: 74, measure: null, estimate: null, moderators: { epl: 0.3 },
    });
    expect(r.studies[1]).toMatchObject({ source: 'published', citation: 'Beta B et al. J Test 2015', measure: 'RD', estimate: 0.36, ci_low: 0.18, ci_high: 0.54, ci_level: 0.95, moderators: { epl: null } });
    expect(r.moderators).toEqual([{ name: 'epl', type: 'numeric', values: 1 }]);
  });

  it('reads a Norwegian spreadsheet export: semicolons, decimal commas, BOM, CRLF, Windows-1252', () => {
    const text = [HEADER, COUNTS, 'Gamma 2010,Norge,2010,published,Øvre Ø et al. 2010,,,,,RR,"1.5",1.1,2.0,,1'].join('\r\n').replaceAll(',', ';').replace('"1.5"', '1,5').replace(';0.3', ';0,3');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const r = checkEvidenceCsv(bytes);
    expect(r.violations).toEqual([]);
    expect(r.studies.map((s) => s.estimate)).toEqual([null, 1.5]);
    expect(r.studies[0]!.moderators.epl).toBe(0.3);
    expect(r.dialect).toMatchObject({ delimiter: ';', decimal: ',', bom: true, line_ending: 'CRLF' });
    const latin1 = Uint8Array.from([...'study,country,year,source,citation,measure,estimate,ci_low,ci_high\nTromsø,Norge,2010,synthetic,,RR,1.5,1.1,2\n'].map((c) => c.charCodeAt(0)));
    expect(checkEvidenceCsv(latin1).studies[0]!.study).toBe('Tromsø');
  });

  it('lets a file leave out the count columns or the estimate columns it does not use', () => {
    const r = checkEvidenceCsv(new TextEncoder().encode('study,country,year,source,citation,measure,estimate,ci_low,ci_high\nA,UK,2001,synthetic,,OR,2,1.1,3.5\n'));
    expect(r.violations).toEqual([]);
    expect(r.studies[0]).toMatchObject({ measure: 'OR', events_intervention: null, ci_level: null });
  });

  it('types moderators: numbers, categories, and a mix only when the plan names the column', () => {
    const header = 'study,country,year,source,citation,events_intervention,n_intervention,events_control,n_control,region,gdp';
    const file = [header, 'A,UK,2001,synthetic,,1,10,1,10,Europe,1.5', 'B,US,2002,synthetic,,1,10,1,10,America,NA'].join('\n');
    const r = checkEvidenceCsv(new TextEncoder().encode(file));
    expect(r.violations).toEqual([]);
    expect(r.moderators).toEqual([{ name: 'region', type: 'categorical', values: 2 }, { name: 'gdp', type: 'mixed', values: 2 }]);
    expect(moderatorSpecs(['region'], r.moderators)).toEqual([{ name: 'region', type: 'categorical' }]);
    const named = checkEvidenceCsv(new TextEncoder().encode(file), { moderators: ['gdp'] });
    expect(named.violations).toEqual([expect.objectContaining({ row: 3, column: 'gdp', rule: expect.stringMatching(/numbers only, or categories/), found: '"NA"' })]);
  });

  it('reads the shipped sample without a violation: 2 published rows, 12 synthetic', () => {
    const r = checkEvidenceCsv(new TextEncoder().encode(sampleEvidenceCsv()), { moderators: ['employment_protection'] });
    expect(r.violations).toEqual([]);
    expect(r.studies.filter((s) => s.source === 'published').map((s) => [s.study, s.measure])).toEqual([
      ['Bejerholm 2015', 'RD'],
      ['Sveinsdottir 2020 (SEED)', 'OR'],
    ]);
    expect(r.studies.filter((s) => s.source === 'synthetic')).toHaveLength(12);
    expect(r.studies.filter((s) => s.source === 'synthetic').every((s) => s.study.startsWith('Synthetic study') && s.events_intervention !== null)).toBe(true);
  });
});

describe('checkEvidenceCsv: violations', () => {
  const cases: [string, string[], Partial<{ row: number | null; column: string | null; rule: RegExp; found: string }>][] = [
    ['a year outside 1950–2100', [COUNTS.replace(',2008,', ',1850,')], { row: 2, column: 'year', rule: /publication year, a whole number from 1950 to 2100/, found: '"1850"' }],
    ['an unknown source', [COUNTS.replace('synthetic', 'review')], { row: 2, column: 'source', rule: /"published".*"synthetic"/, found: '"review"' }],
    ['a published row without a citation', [COUNTS.replace('synthetic', 'published')], { row: 2, column: 'citation', rule: /needs its citation/, found: 'empty' }],
    ['events above the total', [COUNTS.replace(',44,76,', ',80,76,')], { row: 2, column: 'events_intervention', rule: /not be more than the arm's total \(n_intervention\)/, found: '"80"' }],
    ['a total of 0', [COUNTS.replace(',18,74,', ',0,0,')], { row: 2, column: 'n_control', rule: /at least 1/ }],
    ['three of the four counts', [COUNTS.replace(',18,74,', ',18,,')], { row: 2, column: null, rule: /all four of events_intervention/, found: 'empty: n_control' }],
    ['an estimate without its interval', [REPORTED.replace(',0.18,0.54,', ',,,')], { row: 2, column: null, rule: /measure, estimate, ci_low and ci_high/, found: 'empty: ci_low, ci_high' }],
    ['neither counts nor an estimate', [REPORTED.replace('RD,0.36,0.18,0.54,0.95', ',,,,')], { row: 2, column: null, rule: /four counts .* or a reported estimate/ }],
    ['an unknown measure', [REPORTED.replace('RD', 'HR')], { row: 2, column: 'measure', rule: /RR \(risk ratio\), OR \(odds ratio\) or RD/, found: '"HR"' }],
    ['a ratio of 0', [REPORTED.replace('RD,0.36,0.18', 'RR,1.2,0')], { row: 2, column: 'ci_low', rule: /above 0/ }],
    ['an interval the wrong way round', [REPORTED.replace('0.18,0.54', '0.54,0.18')], { row: 2, column: 'ci_low', rule: /ci_low must be below ci_high/ }],
    ['an estimate outside its interval', [REPORTED.replace('0.36', '0.6')], { row: 2, column: 'estimate', rule: /within its interval/ }],
    ['a level given in percent', [REPORTED.replace(',0.95,', ',95,')], { row: 2, column: 'ci_level', rule: /fraction between 0.5 and 1/, found: '"95"' }],
    ['a text where a number belongs', [REPORTED.replace('0.36', 'about 0.36')], { row: 2, column: 'estimate', rule: /must be a number/, found: '"about 0.36"' }],
    ['an empty study name', [COUNTS.replace('Alpha 2008', '')], { row: 2, column: 'study', rule: /value is required/ }],
  ];
  it.each(cases)('rejects %s', (_name, rows, expected) => {
    const v = only(rows);
    expect(v.file).toBe('evidence.csv');
    if (expected.row !== undefined) expect(v.row).toBe(expected.row);
    if (expected.column !== undefined) expect(v.column).toBe(expected.column);
    if (expected.rule) expect(v.rule).toMatch(expected.rule);
    if (expected.found !== undefined) expect(v.found).toBe(expected.found);
  });

  it('rejects a risk difference in percentage points, cell by cell', () => {
    const r = check([REPORTED.replace('0.36,0.18,0.54', '36,18,54')]);
    expect(r.violations.map((v) => [v.row, v.column, v.found])).toEqual([
      [2, 'estimate', '"36"'],
      [2, 'ci_low', '"18"'],
      [2, 'ci_high', '"54"'],
    ]);
    expect(r.violations[0]!.rule).toMatch(/fraction from -1 to 1 \(36 percentage points is 0.36\)/);
  });

  it('rejects a study listed twice, naming the first row', () => {
    expect(only([COUNTS, REPORTED, COUNTS.replace('USA', 'Canada')])).toMatchObject({ row: 4, column: 'study', rule: expect.stringMatching(/more than once.*first at row 2/) });
  });

  it("rejects a row that is this trial by the plan's name: it would be counted twice", () => {
    const v = only([COUNTS.replace('Alpha 2008', 'IPS Norway')], { trialName: 'IPS Norway' });
    expect(v).toMatchObject({ column: 'study', rule: expect.stringMatching(/counted twice|count it twice/) });
  });

  it('rejects a moderator the plan names that the file lacks, and one column name that is an identifier', () => {
    expect(only([COUNTS], { moderators: ['gdp'] })).toMatchObject({ row: 1, column: 'gdp', rule: expect.stringMatching(/meta_analysis.moderators/) });
    const bytes = new TextEncoder().encode(`${HEADER},phone\n${COUNTS},123\n`);
    expect(checkEvidenceCsv(bytes).violations).toEqual([expect.objectContaining({ row: 1, column: 'phone', rule: expect.stringMatching(/direct identifier/) })]);
  });

  it('never prints a national identity number, and stops at no row while listing all violations', () => {
    const r = check([COUNTS.replace('Alpha 2008', '01019012480'), COUNTS.replace('Alpha 2008', 'Delta').replace('2008', '1850'), REPORTED.replace('RD', 'HR')], { maxErrors: 2 });
    expect(r.total).toBe(3);
    expect(r.violations.map((v) => v.row)).toEqual([2, 3]);
    expect(JSON.stringify(r)).not.toContain('01019012480');
  });

  it('shows at most the offending cell, cut at 40 characters', () => {
    const long = 'x'.repeat(500);
    const v = only([COUNTS.replace('synthetic', long)]);
    expect(v.found.length).toBeLessThanOrEqual(42);
    expect(v.found).not.toContain('Alpha');
  });

  it('reports a missing column, an empty file and a header without rows', () => {
    expect(checkEvidenceCsv(new TextEncoder().encode('study,country,year,source\nA,UK,2001,synthetic\n')).violations[0]).toMatchObject({ row: 1, column: 'citation', rule: expect.stringMatching(/required column "citation"/) });
    expect(checkEvidenceCsv(new Uint8Array()).violations[0]).toMatchObject({ row: null, rule: expect.stringMatching(/empty/) });
    expect(checkEvidenceCsv(new TextEncoder().encode(`${HEADER}\n`)).violations[0]).toMatchObject({ row: null, rule: expect.stringMatching(/no data rows/) });
  });
});
