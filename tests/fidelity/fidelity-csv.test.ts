/**
 * checkFidelityCsv: each contract rule of fidelity.csv, located by row and column, with at
 * most the offending cell in `found`.
 */
import { describe, expect, it } from 'vitest';
import { checkFidelityCsv } from '../../src/fidelity/fidelity-csv.ts';

const SITES = ['Oslo', 'Østfold', 'Hordaland'];
const HEADER = 'site,item,score,rated_on';

/** 25 rows of one site's round; `scores` defaults to all 4s. */
function round(site: string, date: string, scores: number[] = new Array(25).fill(4)): string[] {
  return scores.map((s, i) => `${site},${i + 1},${s},${date}`);
}
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('checkFidelityCsv: valid files', () => {
  it('reads every row of a complete file', () => {
    const r = checkFidelityCsv(csv(HEADER, ...round('Oslo', '2014-05-02'), ...round('Østfold', '2014-06-11')), SITES);
    expect(r.violations).toEqual([]);
    expect(r.total).toBe(0);
    expect(r.ratings).toHaveLength(50);
    expect(r.ratings[0]).toEqual({ site: 'Oslo', item: 1, score: 4, rated_on: '2014-05-02', row: 2 });
    expect(r.ratings[49]).toEqual({ site: 'Østfold', item: 25, score: 4, rated_on: '2014-06-11', row: 51 });
  });

  it('reads a Norwegian spreadsheet export: BOM, semicolons, CRLF, Windows-1252', () => {
    const text = [`site;item;score;rated_on`, ...round('Østfold', '2014-06-11').map((l) => l.replaceAll(',', ';'))].join('\r\n');
    // Windows-1252 encodes Ø as the single byte 0xD8.
    const bytes = Uint8Array.from([...text].map((c) => (c === 'Ø' ? 0xd8 : c.charCodeAt(0))));
    const r = checkFidelityCsv(bytes, SITES);
    expect(r.violations).toEqual([]);
    expect(r.ratings.map((x) => x.site)).toEqual(new Array(25).fill('Østfold'));
    const bom = new TextEncoder().encode(`\ufeff${text}`);
    expect(checkFidelityCsv(bom, SITES).ratings).toHaveLength(25);
  });

  it('matches site names whatever their Unicode normal form', () => {
    const decomposed = 'Østfold'.normalize('NFD');
    const r = checkFidelityCsv(csv(HEADER, ...round('Østfold', '2014-06-11')), [decomposed]);
    expect(r.violations).toEqual([]);
  });

  it('keeps two rounds of one site (same item, different dates) and lists extra columns', () => {
    const r = checkFidelityCsv(
      csv(`${HEADER},reviewer_team`, ...round('Oslo', '2014-05-02').map((l) => `${l},A`), ...round('Oslo', '2015-05-02').map((l) => `${l},B`)),
      SITES,
    );
    expect(r.violations).toEqual([]);
    expect(r.ratings).toHaveLength(50);
    expect(r.ignored_columns).toEqual(['reviewer_team']);
  });
});

describe('checkFidelityCsv: violations', () => {
  it('refuses items outside 1–25', () => {
    const lines = round('Oslo', '2014-05-02');
    lines[0] = 'Oslo,0,4,2014-05-02';
    lines.push('Oslo,26,4,2014-05-02');
    const r = checkFidelityCsv(csv(HEADER, ...lines), SITES);
    expect(r.violations).toEqual([
      { file: 'fidelity.csv', row: 2, column: 'item', rule: 'must be a whole number from 1 to 25', found: '"0"' },
      { file: 'fidelity.csv', row: 27, column: 'item', rule: 'must be a whole number from 1 to 25', found: '"26"' },
    ]);
    expect(r.ratings).toHaveLength(24);
  });

  it('refuses scores outside 1–5, not whole, or missing', () => {
    const lines = round('Oslo', '2014-05-02');
    lines[0] = 'Oslo,1,0,2014-05-02';
    lines[1] = 'Oslo,2,6,2014-05-02';
    lines[2] = 'Oslo,3,3.5,2014-05-02';
    lines[3] = 'Oslo,4,good,2014-05-02';
    lines[4] = 'Oslo,5,,2014-05-02';
    const r = checkFidelityCsv(csv(HEADER, ...lines), SITES);
    expect(r.violations.map((v) => [v.row, v.column, v.rule, v.found])).toEqual([
      [2, 'score', 'must be a whole number from 1 to 5', '"0"'],
      [3, 'score', 'must be a whole number from 1 to 5', '"6"'],
      [4, 'score', 'must be a whole number from 1 to 5', '"3.5"'],
      [5, 'score', 'must be a whole number from 1 to 5', '"good"'],
      [6, 'score', 'value is required', 'empty'],
    ]);
    expect(r.ratings).toHaveLength(20);
  });

  it('refuses an impossible or badly written date', () => {
    const lines = round('Oslo', '2014-05-02');
    lines[0] = 'Oslo,1,4,2014-02-30';
    lines[1] = 'Oslo,2,4,02.05.2014';
    const r = checkFidelityCsv(csv(HEADER, ...lines), SITES);
    expect(r.violations.map((v) => [v.row, v.column, v.found])).toEqual([
      [2, 'rated_on', '"2014-02-30"'],
      [3, 'rated_on', '"02.05.2014"'],
    ]);
    expect(r.violations[0]!.rule).toBe('must be a calendar date written YYYY-MM-DD');
  });

  it('refuses an item rated twice in one round, naming the first row', () => {
    const lines = [...round('Oslo', '2014-05-02'), 'Oslo,7,5,2014-05-02'];
    const r = checkFidelityCsv(csv(HEADER, ...lines), SITES);
    expect(r.violations).toEqual([
      {
        file: 'fidelity.csv',
        row: 27,
        column: 'item',
        rule: 'duplicate (site, item) in the same rating round (same rated_on); each item is rated once per round (first at row 8)',
        found: '"7"',
      },
    ]);
    // The duplicate is not kept: the first rating of item 7 stands.
    expect(r.ratings.filter((x) => x.item === 7).map((x) => x.score)).toEqual([4]);
  });

  it('reports a site that is not in the trial once, at its first row, showing only the site', () => {
    const r = checkFidelityCsv(csv(HEADER, ...round('Oslo', '2014-05-02'), ...round('Bergen', '2014-05-03')), SITES);
    expect(r.violations).toEqual([
      {
        file: 'fidelity.csv',
        row: 27,
        column: 'site',
        rule: "site is not one of the trial's sites in participants.csv (check the spelling; 25 rows of this site, the first shown)",
        found: '"Bergen"',
      },
    ]);
    expect(r.ratings.every((x) => x.site === 'Oslo')).toBe(true);
  });

  it('treats site names as codes: case matters', () => {
    const r = checkFidelityCsv(csv(HEADER, ...round('oslo', '2014-05-02')), SITES);
    expect(r.violations.map((v) => [v.column, v.found])).toEqual([['site', '"oslo"']]);
  });

  it('does not count a site with fewer than 25 items as a violation', () => {
    const r = checkFidelityCsv(csv(HEADER, ...round('Oslo', '2014-05-02').slice(0, 20)), SITES);
    expect(r.violations).toEqual([]);
    expect(r.ratings).toHaveLength(20);
  });

  it('names missing and identifier columns, and never prints a national identity number', () => {
    const missing = checkFidelityCsv(csv('site,item,rated_on', 'Oslo,1,2014-05-02'), SITES);
    expect(missing.violations.map((v) => [v.row, v.column, v.rule])).toEqual([[1, 'score', 'required column "score" is missing from the header']]);
    expect(missing.ratings).toEqual([]);

    const named = checkFidelityCsv(csv(`${HEADER},reviewer_name`, 'Oslo,1,4,2014-05-02,Kari'), SITES);
    expect(named.violations.map((v) => [v.row, v.column, v.found])).toEqual([[1, 'reviewer_name', '"reviewer_name"']]);

    // 01010750160 has valid control digits (a synthetic test number).
    const id = '01010750160';
    const withId = checkFidelityCsv(csv(`${HEADER},note`, ...round('Oslo', '2014-05-02').map((l, i) => (i === 2 ? `${l},${id}` : `${l},`))), SITES);
    expect(withId.violations).toHaveLength(1);
    expect(withId.violations[0]).toMatchObject({ row: 4, column: 'note', found: '[value not shown]' });
    expect(JSON.stringify(withId.violations)).not.toContain(id);
  });

  it('reports rows with the wrong number of fields, and files that are empty, binary or header-only', () => {
    const r = checkFidelityCsv(csv(HEADER, 'Oslo,1,4', ...round('Oslo', '2014-05-02').slice(1)), SITES);
    expect(r.violations.map((v) => [v.row, v.rule, v.found])).toEqual([[2, 'row must have 4 fields, as the header has', '3 fields']]);
    expect(checkFidelityCsv('', SITES).violations.map((v) => v.rule)).toEqual(['file is empty: a header row is required']);
    expect(checkFidelityCsv(Uint8Array.from([0x73, 0, 0x74]), SITES).violations.map((v) => v.found)).toEqual(['NUL byte']);
    expect(checkFidelityCsv(csv(HEADER), SITES).violations.map((v) => v.rule)).toEqual(['file has a header but no data rows']);
  });

  it('caps the list of violations but counts them all', () => {
    const lines = round('Oslo', '2014-05-02', new Array(25).fill(9));
    const r = checkFidelityCsv(csv(HEADER, ...lines), SITES, { maxErrors: 3, file: 'data/fidelity.csv' });
    expect(r.violations).toHaveLength(3);
    expect(r.total).toBe(25);
    expect(r.violations.map((v) => v.row)).toEqual([2, 3, 4]);
    expect(r.violations[0]!.file).toBe('data/fidelity.csv');
  });

  it('shows at most the offending cell, shortened', () => {
    const long = 'x'.repeat(200);
    const r = checkFidelityCsv(csv(HEADER, `Oslo,1,${long},2014-05-02`), SITES);
    expect(r.violations[0]!.found).toBe(`"${'x'.repeat(37)}..."`);
  });
});
