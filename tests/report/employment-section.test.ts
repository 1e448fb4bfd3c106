import { beforeAll, describe, expect, it } from 'vitest';
import type { TimepointEmployment } from '../../src/outcomes/employment-results.ts';
import type { OutcomesResult } from '../../src/outcomes/outcomes.ts';
import { employmentSection, renderEmploymentCharts } from '../../src/report/employment-section.ts';
import type { RenderedChart } from '../../src/report/html-report.ts';
import type { Lang } from '../../src/report/texts.ts';
import { EMPLOYMENT, EVIL_LEVEL, EVIL_MEASURE, EVIL_NOTE, EVIL_OUTCOMES, EVIL_SITE, OUTCOMES, PLAN } from './fixtures.ts';

const cellsOf = (tr: string) => [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!);

/** Rows of the timepoint table as cell texts (header row included). */
function tableRows(section: string): string[][] {
  const table = /<table class="results"[\s\S]*?<\/table>/.exec(section)![0];
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
}
const row = (section: string, label: string) => {
  const found = tableRows(section).filter((r) => r[0] === label);
  expect(found, label).toHaveLength(1);
  return found[0]!.slice(1);
};

/** Rows of the folded table in the figure `id`. */
function figureRows(section: string, id: string): string[][] {
  const figure = new RegExp(`<figure id="${id}">[\\s\\S]*?</figure>`).exec(section)![0];
  const details = /<details>[\s\S]*?<\/details>/.exec(figure)![0];
  return [...details.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
}

/** The text of an <ol class="notes"> or <ul class="findings">/<ul class="notes"> list after `after`. */
function listItems(section: string, cls: string, after = ''): string[] {
  const start = after ? section.indexOf(after) : 0;
  const list = new RegExp(`<(?:ol|ul) class="${cls}">([\\s\\S]*?)</(?:ol|ul)>`).exec(section.slice(start))![1]!;
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
}

const withTimepoint = (month: number, change: Partial<TimepointEmployment>): OutcomesResult => ({
  ...OUTCOMES,
  employment: EMPLOYMENT.map((t) => (t.month === month ? { ...t, ...change } : t)),
});

describe('employmentSection', () => {
  const charts: Record<Lang, RenderedChart[]> = { nb: [], en: [] };
  let nb = '';
  let en = '';
  beforeAll(async () => {
    charts.nb = await renderEmploymentCharts(OUTCOMES, PLAN, 'nb');
    charts.en = await renderEmploymentCharts(OUTCOMES, PLAN, 'en');
    nb = String(employmentSection(charts.nb, OUTCOMES, PLAN, 'nb'));
    en = String(employmentSection(charts.en, OUTCOMES, PLAN, 'en'));
  });
  const section = (outcomes: OutcomesResult, lang: Lang = 'en') => String(employmentSection(charts[lang], outcomes, PLAN, lang));

  it('says which way every difference and ratio goes', () => {
    expect(en).toContain(
      '<p>Every difference is IPS minus TVR: a positive number means more people in work in the IPS group. Every ratio (risk ratio, odds ratio and hazard ratio) is IPS divided by TVR: 1 means no difference, above 1 means more or quicker employment in the IPS group.</p>',
    );
    expect(nb).toContain('Alle forskjeller er IPS minus TVR');
    expect(tableRows(en).map((r) => r[0])).toContain('Difference, percentage points (IPS minus TVR)');
    expect(tableRows(en).map((r) => r[0])).toContain('Risk ratio (IPS divided by TVR)');
  });

  it('heads the timepoints as columns, the primary one marked', () => {
    expect(tableRows(en)[0]).toEqual(['Result', 'Month 6', 'Month 12', 'Month 18 (primary outcome)']);
    expect(tableRows(nb)[0]).toEqual(['Resultat', 'Måned 6', 'Måned 12', 'Måned 18 (hovedutfall)']);
  });

  it('gives per arm employed of analysed (%), the interval and the missing (CONSORT item 26)', () => {
    const rows = tableRows(en);
    expect(rows[1]).toEqual(['IPS']);
    expect(rows[2]).toEqual(['Employed, of those analysed', '7 of 606 (1.2%)', '190 of 604 (31.5%)', '223 of 601 (37.1%)']);
    expect(rows[3]).toEqual(['95% CI for the share', '0.6% to 2.4%', '27.9% to 35.3%', '33.3% to 41.0%']);
    expect(rows[4]).toEqual(['Missing data (not analysed)', '1', '3', '6']);
    expect(rows[5]).toEqual(['TVR (control)']);
    expect(rows[6]).toEqual(['Employed, of those analysed', '0 of 619 (0.0%)', '150 of 617 (24.3%)', '166 of 615 (27.0%)']);
    expect(rows[8]).toEqual(['Missing data (not analysed)', '1', '3', '5']);
    expect(tableRows(nb)[2]).toEqual(['I arbeid, av analyserte', '7 av 606 (1,2\u00a0%)', '190 av 604 (31,5\u00a0%)', '223 av 601 (37,1\u00a0%)']);
  });

  it('gives the unadjusted estimates and the test by name', () => {
    expect(row(en, 'Difference, percentage points (IPS minus TVR)')).toEqual(['1.2 (0.3 to 2.4)', '7.1 (2.1 to 12.1)', '10.1 (4.9 to 15.3)']);
    expect(row(en, 'Risk ratio (IPS divided by TVR)')).toEqual(['15.32 (0.88 to 267.67)<sup>1</sup>', '1.29 (1.08 to 1.55)', '1.37 (1.16 to 1.62)']);
    expect(row(en, 'Odds ratio (IPS divided by TVR)')).toEqual(['15.50 (0.88 to 271.99)<sup>1</sup>', '1.43 (1.11 to 1.84)', '1.60 (1.25 to 2.03)']);
    expect(row(en, 'p-value')).toEqual(['0.007', '0.005', '&lt;\u00a00.001']);
    expect(row(en, 'Test for the p-value')).toEqual(['Fisher’s exact test', 'Pearson’s chi-squared test', 'Pearson’s chi-squared test']);
    expect(row(nb, 'Forskjell, prosentpoeng (IPS minus TVR)')).toEqual(['1,2 (0,3 til 2,4)', '7,1 (2,1 til 12,1)', '10,1 (4,9 til 15,3)']);
    expect(row(nb, 'p-verdi')).toEqual(['0,007', '0,005', '&lt;\u00a00,001']);
    expect(row(nb, 'Test for p-verdien')).toEqual(['Fishers eksakte test', 'Pearsons kjikvadrattest', 'Pearsons kjikvadrattest']);
  });

  it('gives the adjusted estimates, the model size and the randomization test', () => {
    expect(tableRows(en)).toContainEqual(['Adjusted for site, age (years) and sex']);
    expect(tableRows(nb)).toContainEqual(['Justert for forsøkssted, alder (år) og kjønn']);
    expect(row(en, 'Adjusted odds ratio (IPS divided by TVR)')).toEqual(['14.87 (1.61 to 1,961.20)<sup>2</sup>', '1.45 (1.12 to 1.87)', '1.62 (1.26 to 2.08)']);
    expect(row(en, 'Participants in the adjusted model')).toEqual(['1,225', '1,219', '1,214']);
    // Firth's model behind both adjusted numbers at month 6: one note for both.
    expect(row(en, 'Adjusted difference, percentage points (IPS minus TVR)')).toEqual(['1.1 (0.3 to 2.1)<sup>2</sup>', '7.3 (2.3 to 12.5)<sup>3</sup>', '10.4 (5.1 to 15.5)']);
    expect(row(en, 'p-value from the randomization test')).toEqual(['0.010', '0.010', '0.010']);
  });

  it('gives the worst- and best-case bounds for missing outcomes', () => {
    expect(tableRows(en)).toContainEqual(['How much could missing data change the result?']);
    expect(row(en, 'Worst case for IPS: difference, percentage points')).toEqual(['1.0 (0.0 to 2.2)', '6.6 (1.6 to 11.6)', '9.2 (3.9 to 14.3)']);
    expect(row(en, 'Best case for IPS: difference, percentage points')).toEqual(['1.3 (0.4 to 2.6)', '7.6 (2.6 to 12.6)', '11.0 (5.7 to 16.1)']);
    const noneAt6 = section(withTimepoint(6, { missing_bounds: null }));
    expect(row(noneAt6, 'Worst case for IPS: difference, percentage points')[0]).toBe('none missing');
    const none: OutcomesResult = { ...OUTCOMES, employment: EMPLOYMENT.map((t) => ({ ...t, missing_bounds: null })) };
    expect(section(none)).not.toContain('How much could missing data');
    expect(section(none)).not.toContain('Worst case for IPS: the difference if');
  });

  it('numbers a note for the zero-cell correction, Firth’s method and lost resamples', () => {
    expect(listItems(en, 'notes')).toEqual([
      '0.5 was added to each of the four cells of the two-by-two table (employed or not, per group) because one of them was 0; otherwise the ratio cannot be computed (Haldane–Anscombe correction).',
      'Estimated with Firth’s method, because the usual model gives no finite number when everybody or nobody in some combination of group and characteristics is employed (separation).',
      '2 of 100 bootstrap resamples could not be used.',
    ]);
    expect(listItems(nb, 'notes')[0]).toMatch(/^0,5 er lagt til i hver av de fire cellene/);
  });

  it('says "cannot be estimated" with the reason when an estimate is null', () => {
    const noEvents = withTimepoint(6, {
      arms: { IPS: { n: 606, missing: 1, employed: 0, rate: 0, ci: [0, 0.0063] }, TVR: EMPLOYMENT[0]!.arms.TVR! },
      risk_ratio: { estimate: null, ci: null, p: 1, method: 'log_scale_wald', correction: null, note: 'no_events' },
      odds_ratio: { estimate: null, ci: null, p: 1, method: 'woolf', correction: null, note: 'no_events' },
      adjusted_odds_ratio: null,
      adjusted_risk_difference: null,
      randomization_test: null,
    });
    const s = section(noEvents);
    expect(row(s, 'Risk ratio (IPS divided by TVR)')[0]).toBe('cannot be estimated<sup>1</sup>');
    expect(row(s, 'Odds ratio (IPS divided by TVR)')[0]).toBe('cannot be estimated<sup>1</sup>');
    expect(listItems(s, 'notes')[0]).toBe('Cannot be estimated: nobody was employed in either group.');
    expect(row(s, 'Adjusted odds ratio (IPS divided by TVR)')[0]).toBe('–');
    expect(row(s, 'Participants in the adjusted model')[0]).toBe('–');
    expect(row(s, 'p-value from the randomization test')[0]).toBe('–');
    expect(listItems(section(noEvents, 'nb'), 'notes')[0]).toBe('Kan ikke beregnes: ingen var i arbeid i noen av gruppene.');
  });

  it('explains an adjusted model that could not be fitted and a difference that is 0 by definition', () => {
    const aor = EMPLOYMENT[0]!.adjusted_odds_ratio!;
    const s = section(
      withTimepoint(6, {
        adjusted_odds_ratio: { ...aor, estimate: null, ci: null, p: null, model: 'maximum_likelihood', separation: false, converged: false, note: 'all_outcomes_equal' },
        adjusted_risk_difference: { ...EMPLOYMENT[0]!.adjusted_risk_difference!, estimate: 0, ci: [0, 0], correction: null, note: 'no_events' },
      }),
      'nb',
    );
    expect(row(s, 'Justert oddsratio (IPS delt på TVR)')[0]).toBe('kan ikke beregnes<sup>2</sup>');
    expect(row(s, 'Justert forskjell, prosentpoeng (IPS minus TVR)')[0]).toBe('0,0 (0,0 til 0,0)<sup>3</sup>');
    expect(listItems(s, 'notes').slice(1, 3)).toEqual([
      'Kan ikke beregnes: alle har samme utfall (alle eller ingen er i arbeid).',
      'Alle har samme utfall (alle eller ingen er i arbeid), så forskjellen er 0.',
    ]);
  });

  it('says when a fitted model did not converge', () => {
    const aor = EMPLOYMENT[2]!.adjusted_odds_ratio!;
    const s = section(withTimepoint(18, { adjusted_odds_ratio: { ...aor, converged: false } }));
    expect(row(s, 'Adjusted odds ratio (IPS divided by TVR)')[2]).toBe('1.62 (1.26 to 2.08)<sup>3</sup>');
    expect(listItems(s, 'notes')[2]).toBe('The model found no stable solution, so the number is uncertain.');
  });

  it('explains every kind of number in plain words', () => {
    const lines = listItems(en, 'notes', '<ul class="notes">');
    expect(lines[0]).toBe('The primary outcome (month 18) was fixed in advance; the other timepoints are secondary analyses.');
    expect(lines).toContain('Difference in percentage points: the share employed in IPS minus the share in TVR. From 27% to 37%, for example, is 10 percentage points.');
    expect(lines.find((l) => l.startsWith('Adjusted numbers'))).toContain('take site, age (years) and sex into account');
    expect(lines.find((l) => l.startsWith('Randomization test'))).toContain('drawn again 100 times');
    expect(lines.find((l) => l.startsWith('Worst case'))).toBeDefined();
  });

  it('shows the monthly shares as a figure whose table holds the chart’s numbers', () => {
    const rows = figureRows(en, 'employment-over-time');
    expect(rows[0]).toEqual(['Month', 'IPS: employed of those analysed', 'IPS: share (95% CI)', 'TVR: employed of those analysed', 'TVR: share (95% CI)']);
    expect(rows).toHaveLength(1 + 19);
    expect(rows[19]).toEqual(['18', '223 of 601', '37.1% (33.3% to 41.0%)', '166 of 615', '27.0% (23.6% to 30.6%)']);
    expect(rows[7]![3]).toBe('0 of 619');
    expect(en).toContain(`<div class="chart">${charts.en[0]!.svg}</div>`);
  });

  it('gives time to first job: curves with their steps in the table (months taken together by the small-number rule), medians, log-rank and hazard ratio in words', () => {
    const rows = figureRows(nb, 'time-to-first-job');
    expect(rows[0]).toEqual(['Måned', 'Uten jobb ennå og fulgt', 'Fikk første jobb', 'Oppfølgingen sluttet uten jobb', 'Har hatt jobb (95\u00a0% KI)']);
    expect(rows[1]).toEqual(['IPS']);
    // Months 0 and 1 together: 2 ended follow-ups in month 0 alone would be below the threshold of 3.
    expect(rows[2]).toEqual(['0–1', '605', '76', '5', '12,6\u00a0% (9,9\u00a0% til 15,2\u00a0%)']);
    expect(rows[13]).toEqual(['TVR (kontrollgruppe)']);
    expect(rows[14]).toEqual(['0', '618', '32', '5', '5,2\u00a0% (3,4\u00a0% til 6,9\u00a0%)']);
    expect(rows[23]).toEqual(['15–18', '256', '44', '212', '62,9\u00a0% (58,8\u00a0% til 66,6\u00a0%)']);
    expect(rows).toHaveLength(24);
    expect(listItems(nb, 'notes', '<figure id="time-to-first-job">')[0]).toBe(
      'Rader med flere måneder (for eksempel «3–5»): månedene er slått sammen, slik at ingen rad viser færre enn 3 som fikk jobb eller sluttet å bli fulgt. Andelen gjelder slutten av raden.',
    );
    expect(listItems(en, 'findings')).toEqual([
      'IPS: 454 of 605 analysed found a job during follow-up (34 of them were already employed in the month they were randomized). 2 without registry data are not included. Median time to first job: 8 months (95% CI 7 to 9).',
      'TVR: 375 of 618 analysed found a job during follow-up (32 of them were already employed in the month they were randomized). 2 without registry data are not included. Median time to first job: 13 months (95% CI 11 to 14).',
      'Difference between the curves: p &lt;\u00a00.001 (log-rank test).',
      'Hazard ratio 1.48 (95% CI 1.29 to 1.70; p &lt;\u00a00.001): among those who had not yet had a job, participants in IPS found one 1.48 times as often per month as participants in TVR (IPS divided by TVR).',
    ]);
  });

  it('says when a median is not reached and when the log-rank test or hazard ratio cannot be computed', () => {
    const ttfj = OUTCOMES.time_to_first_job;
    const outcomes: OutcomesResult = {
      ...OUTCOMES,
      time_to_first_job: {
        ...ttfj,
        arms: { ...ttfj.arms, TVR: { ...ttfj.arms.TVR!, no_registry: 0, median: { estimate: null, ci: [11, null] } }, IPS: { ...ttfj.arms.IPS!, median: { estimate: 8, ci: [7, null] } } },
        log_rank: { ...ttfj.log_rank, statistic: null, p: null, note: 'no_information' },
        hazard_ratio: { ...ttfj.hazard_ratio, coefficient: null, se: null, hazard_ratio: null, ci: null, p: null, note: 'hr_infinite' },
      },
    };
    const items = listItems(section(outcomes, 'nb'), 'findings');
    expect(items[0]).toMatch(/Median tid til første jobb: 8 måneder \(95\u00a0% KI 7 til ikke nådd\)\.$/);
    expect(items[1]).toBe(
      'TVR: 375 av 618 analyserte fikk jobb i løpet av oppfølgingen (32 av dem var allerede i arbeid i måneden de ble randomisert). Median tid til første jobb: ikke nådd, fordi færre enn halvparten fikk jobb i løpet av oppfølgingen.',
    );
    expect(items[2]).toBe('Forskjellen mellom kurvene kan ikke testes: ingen fikk jobb mens begge gruppene ble fulgt.');
    expect(items[3]).toBe('Hasardratioen (IPS delt på TVR) kan ikke angis som et tall: den går mot uendelig.');
  });

  it('shows the subgroups as a forest plot with a table of the same numbers, and notes for what cannot be estimated', () => {
    const rows = figureRows(en, 'subgroups');
    expect(rows[0]).toEqual(['Subgroup', 'IPS: employed of those analysed', 'TVR: employed of those analysed', 'Difference (95% CI)']);
    expect(rows.slice(1, 5)).toEqual([
      ['All participants', '223 of 601', '166 of 615', '10.1 (4.9 to 15.3)'],
      ['Sex', '', '', 'interaction: p = 0.781'],
      ['Female', '130 of 326', '95 of 325', '10.6 (3.3 to 17.8)'],
      ['Male', '93 of 275', '71 of 290', '9.3 (1.8 to 16.7)'],
    ]);
    expect(rows).toContainEqual(['Under 30 years', '60 of 180', '40 of 175', '10.5 (1.1 to 19.6)']);
    expect(rows).toContainEqual(['30 years or older', '163 of 421', '126 of 440', '10.1 (3.8 to 16.3)']);
    expect(rows).toContainEqual(['Paid work in the last 5 years', '', '', 'interaction: p = 0.279']);
    expect(rows).toContainEqual(['Site', '', '', 'interaction: p = 0.321¹']);
    expect(rows).toContainEqual(['Østfold', '0 of 0', '6 of 13', 'cannot be estimated²']);
    expect(listItems(en, 'notes', '<figure id="subgroups">')).toEqual([
      'Everybody or nobody in some combination of group and subgroup is employed (separation), so the p-value for interaction is uncertain.',
      'Cannot be estimated: one of the groups has nobody with data in this subgroup.',
    ]);
    expect(figureRows(nb, 'subgroups')).toContainEqual(['Under 30 år', '60 av 180', '40 av 175', '10,5 (1,1 til 19,6)']);
    expect(en).toContain('p-value for interaction shows whether the difference between the groups varies between the subgroups');
  });

  it('leaves the subgroup part out when the plan has no subgroups', async () => {
    const none: OutcomesResult = { ...OUTCOMES, employment_subgroups: [] };
    const rendered = await renderEmploymentCharts(none, PLAN, 'en');
    expect(rendered.map((c) => c.name)).toEqual(['employment-over-time', 'time-to-first-job']);
    const s = String(employmentSection(rendered, none, PLAN, 'en'));
    expect(s).not.toContain('<figure id="subgroups">');
    expect(s).not.toContain('Subgroups');
  });

  it('escapes names and notes from input and upstream', async () => {
    const rendered = await renderEmploymentCharts(EVIL_OUTCOMES, PLAN, 'en');
    const s = String(employmentSection(rendered, EVIL_OUTCOMES, PLAN, 'en'));
    for (const evil of [EVIL_SITE, EVIL_LEVEL, EVIL_MEASURE, EVIL_NOTE]) expect(s).not.toContain(evil);
    expect(s).toContain('Correction applied: &lt;img src=x onerror=alert(4)&gt;.');
    expect(s).toContain('Note: &lt;img src=x onerror=alert(4)&gt;.');
    expect(figureRows(s, 'subgroups')).toContainEqual(['&lt;script&gt;alert(1)&lt;/script&gt;', '20 of 101', '15 of 102', '5.1 (-5.4 to 15.5)']);
    expect(figureRows(s, 'subgroups')).toContainEqual(['&lt;svg onload=alert(3)&gt;', '', '', 'interaction: p = 0.781']);
  });

  it('gives identical bytes for identical input', async () => {
    const again = await renderEmploymentCharts(OUTCOMES, PLAN, 'nb');
    expect(again).toEqual(charts.nb);
    expect(String(employmentSection(again, OUTCOMES, PLAN, 'nb'))).toBe(nb);
  });
});

describe('months in work and total earnings', () => {
  it('shows the mean per arm with n and the difference with its interval, intervention first', () => {
    const section = String(employmentSection([], OUTCOMES, PLAN, 'en'));
    const table = /<h3 id="work-and-earnings">[\s\S]*?<\/table>/.exec(section)![0];
    const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
    expect(rows[0]).toEqual(['Measure', 'IPS: mean (number)', 'TVR: mean (number)', 'Difference (95% CI)']);
    expect(rows[1]).toEqual(['Months in work', '5.9 (598)', '4.1 (612)', '1.8 (1.2 to 2.5)']);
    expect(rows[2]).toEqual(['Total gross earnings, NOK', '81,234 (590)', '60,321 (605)', '20,913 (8,123 to 33,210)']);
    const nb = String(employmentSection([], OUTCOMES, PLAN, 'nb'));
    expect(nb).toContain('Samlet bruttoinntekt, kroner');
  });
});
