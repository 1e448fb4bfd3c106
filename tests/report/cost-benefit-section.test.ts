import { beforeAll, describe, expect, it } from 'vitest';
import type { BreakEvenWage, CostBenefit, CostBenefitResult } from '../../src/cost-benefit/cost-benefit-results.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import { costBenefitSection, renderCostBenefitCharts } from '../../src/report/cost-benefit-section.ts';
import type { RenderedChart } from '../../src/report/html-report.ts';
import type { Lang } from '../../src/report/texts.ts';
import { COST_BENEFIT, costBenefitFixture, EVIL_COST_BENEFIT, EVIL_SITE, PLAN, withCostBenefit } from './fixtures.ts';

const NB = '\u00a0';
/** "NOK 47,000" / "kr 47 000" with the no-break spaces the page uses. */
const nok = (s: string) => `NOK${NB}${s}`;
const kr = (s: string) => `kr${NB}${s.replaceAll(' ', '\u202f')}`; // digit groups: thin no-break space

const cellsOf = (tr: string) => [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!);

/** Rows of the table with class `cls` as cell texts (header rows included). */
function tableRows(section: string, cls: string): string[][] {
  const table = new RegExp(`<table class="${cls}"[\\s\\S]*?</table>`).exec(section)![0];
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
}

/** The body rows of the scenario table. */
const scenarioRows = (section: string) => {
  const body = /<table class="cost-benefit"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(section)![1]!;
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
};

/** The paragraphs of the lead box, tags and all. */
const lead = (section: string) => {
  const box = /<div class="key-result cb-lead">([\s\S]*?)<\/div>/.exec(section)![1]!;
  return [...box.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
};

/** The items of the first list of class `cls` after `after`. */
function listItems(section: string, cls: string, after = ''): string[] {
  const start = after ? section.indexOf(after) : 0;
  expect(start, after).toBeGreaterThanOrEqual(0);
  const list = new RegExp(`<(?:ol|ul) class="${cls}">([\\s\\S]*?)</(?:ol|ul)>`).exec(section.slice(start))![1]!;
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
}

/** Anything a reader must never see: a minus before kroner (a negative wage or amount), infinity, NaN, a missing value. */
const NEVER = [/NaN|Infinity|undefined|null|∞/, /(?:kr|NOK)(?:\s|\u00a0|&nbsp;)*[−-]/, /[−-](?:\s|\u00a0|&nbsp;)*(?:kr|NOK)\b/];

/** The society break-even over the window replaced by `be` (the lead reads it; the window scenario carries the same). */
const withSocietyWage = (be: BreakEvenWage, base: CostBenefitResult = COST_BENEFIT) =>
  withCostBenefit(
    (cb) => ({
      ...cb,
      break_even_wage: be,
      scenarios: cb.scenarios.map((s, i) => (i === 0 ? { ...s, society: { ...s.society, break_even_wage: be } } : s)),
    }),
    base,
  );

describe('costBenefitSection', () => {
  const charts: Record<Lang, RenderedChart[]> = { nb: [], en: [] };
  let nb = '';
  let en = '';
  beforeAll(async () => {
    charts.nb = await renderCostBenefitCharts(COST_BENEFIT, PLAN, 'nb');
    charts.en = await renderCostBenefitCharts(COST_BENEFIT, PLAN, 'en');
    nb = String(costBenefitSection(charts.nb, COST_BENEFIT, PLAN, 'nb'));
    en = String(costBenefitSection(charts.en, COST_BENEFIT, PLAN, 'en'));
  });
  const section = (cb: CostBenefitResult, lang: Lang = 'en', plan: AnalysisPlan = PLAN) => String(costBenefitSection(charts[lang], cb, plan, lang));
  /** With its own charts: when the result changes what the charts show. */
  const sectionWithCharts = async (cb: CostBenefitResult, lang: Lang = 'en', plan: AnalysisPlan = PLAN) =>
    String(costBenefitSection(await renderCostBenefitCharts(cb, plan, lang), cb, plan, lang));

  it('is a section with its heading in both languages, and nothing when the plan has no costs', async () => {
    expect(en).toMatch(/^<section aria-labelledby="cost-benefit">\n<h2 id="cost-benefit">Costs and benefits<\/h2>\n<div class="key-result cb-lead">/);
    expect(nb).toMatch(/^<section aria-labelledby="cost-benefit">\n<h2 id="cost-benefit">Kostnader og nytte<\/h2>/);
    expect(String(costBenefitSection([], { cost_benefit: null }, PLAN, 'nb'))).toBe('');
    expect(await renderCostBenefitCharts({ cost_benefit: null }, PLAN, 'nb')).toEqual([]);
    expect(charts.en.map((c) => c.name)).toEqual(['cost-benefit-acceptability', 'cost-benefit-tornado']);
  });

  it('leads with the break-even wage in one bold sentence, rounded, with its range and the reference wage', () => {
    // 80 000 / (1.5 × 1.141) = 46 742 a month; the interval from ΔM 2.6 and 0.4: 26 967 and 175 285.
    const [first, second] = lead(en);
    expect(first).toBe(
      `<strong>For IPS to pay for its extra cost within 18 months, each extra person in work would have to earn about ${nok('47,000')} a month before tax (${nok('561,000')} a year).</strong>` +
        ` The uncertainty range is ${nok('27,000')} to ${nok('175,000')} a month.` +
        // 46 742 / 25 000 = 1.87.
        ` That is about 1.9 times the reference wage of ${nok('25,000')} a month.<sup>1</sup>`,
    );
    // Public budget: (80 000 / 1.5 − 10 000) / (0.25 + 0.141) = 110 827.
    expect(second).toContain('The break-even wage is the monthly wage at which the value of the extra work just covers the extra cost.');
    expect(second).toContain(`the break-even wage is about ${nok('111,000')} a month (uncertainty range ${nok('53,000')} to ${nok('486,000')}).`);
    expect(listItems(en, 'notes')).toEqual(['Reference wage: SSB, tabell 11418: median månedslønn for deltidsansatte, 2024']);
    const [nbFirst, nbSecond] = lead(nb);
    expect(nbFirst).toBe(
      `<strong>For at IPS skal betale for merkostnaden sin innen 18 måneder, må hver ekstra person i arbeid tjene omtrent ${kr('47 000')} i måneden før skatt (${kr('561 000')} i året).</strong>` +
        ` Usikkerhetsområdet er ${kr('27 000')} til ${kr('175 000')} i måneden.` +
        ` Det er omtrent 1,9 ganger referanselønnen på ${kr('25 000')} i måneden.<sup>1</sup>`,
    );
    expect(nbSecond).toContain(`er balanselønnen omtrent ${kr('111 000')} i måneden (usikkerhetsområde ${kr('53 000')} til ${kr('486 000')}).`);
    expect(listItems(nb, 'notes')[0]).toBe('Referanselønnen: SSB, tabell 11418: median månedslønn for deltidsansatte, 2024');
  });

  it('compares with the reference wage in words that fit the ratio', () => {
    const at = (monthly: number) => lead(section(withSocietyWage({ monthly_nok: monthly, annual_nok: 12 * monthly, ci: null, median_nok: monthly, reason: null })))[0]!;
    expect(at(25_600)).toContain(`That is about the same as the reference wage of ${nok('25,000')} a month.`);
    expect(at(15_000)).toContain(`That is about 60% of the reference wage of ${nok('25,000')} a month.`);
    expect(at(2_345)).toContain(`about ${nok('2,300')} a month before tax (${nok('28,000')} a year)`);
    // No interval: no sentence about one.
    expect(at(15_000)).not.toContain('uncertainty range');
  });

  it('says when the range has no upper end, in the lead and in the table, never with a made-up number', async () => {
    const open = withSocietyWage({ ...COST_BENEFIT.cost_benefit!.break_even_wage, ci: [26_967, null] });
    for (const lang of ['en', 'nb'] as const) {
      const s = await sectionWithCharts(open, lang);
      for (const never of NEVER) expect(s).not.toMatch(never);
    }
    const s = section(open);
    expect(lead(s)[0]).toContain(`The uncertainty range is from ${nok('27,000')} a month upward; in some resamples no wage pays for it.`);
    expect(lead(section(open, 'nb'))[0]).toContain(`Usikkerhetsområdet går fra ${kr('27 000')} i måneden og oppover; i noen av trekningene dekker ingen lønn kostnaden.`);
    expect(scenarioRows(s)[0]![2]).toBe(`${nok('47,000')}<br><small>from ${nok('27,000')} upward<sup>1</sup></small>`);
    expect(listItems(s, 'notes', '<table class="cost-benefit"')[0]).toBe(
      'In some resamples IPS gave no more work than TVR, and then no wage pays for it. The uncertainty range therefore has no upper end.',
    );
  });

  it('says why there is no break-even wage, for each reason, in both languages', async () => {
    // No extra work: ΔM −0.1; every scenario stays below 0.
    const noEffect = costBenefitFixture({ extraMonths: [-0.1, -1.2, 1.0], lastEffect: [-0.01, -0.08, 0.06] });
    expect(lead(section(noEffect))).toEqual([
      `<strong>IPS gave no more months in work than TVR in this trial, so no wage pays for its extra cost of ${nok('80,000')} per participant.</strong>`,
    ]);
    expect(lead(section(noEffect, 'nb'))[0]).toBe(
      `<strong>IPS ga ikke flere måneder i arbeid enn TVR i dette forsøket. Derfor kan ingen lønn betale for merkostnaden på ${kr('80 000')} per deltaker.</strong>`,
    );
    // Society −0.1 × 28 525 − 80 000 = −82 853 (−1.2 and 1.0: −114 230, −51 475); public −0.1 × 19 775 − 80 000 = −81 978.
    expect(scenarioRows(section(noEffect))[0]!.slice(2)).toEqual([
      'No wage (no extra work)',
      `Loss${NB}${nok('83,000')}<br><small>loss${NB}${nok('114,000')} to loss${NB}${nok('51,000')}</small>`,
      'No wage (no extra work)',
      `Loss${NB}${nok('82,000')}<br><small>loss${NB}${nok('104,000')} to loss${NB}${nok('60,000')}</small>`,
    ]);
    // No extra cost: IPS 15 000, TVR 20 000.
    const noCost = costBenefitFixture({ costs: { IPS: 15_000, TVR: 20_000 } });
    expect(lead(section(noCost))).toEqual(['<strong>IPS cost no more per participant than TVR, so any extra work that IPS brings is a gain.</strong>']);
    expect(lead(section(noCost, 'nb'))[0]).toBe('<strong>IPS kostet ikke mer per deltaker enn TVR, så alt ekstra arbeid som IPS gir, er en gevinst.</strong>');
    expect(scenarioRows(section(noCost))[0]![2]).toBe('Any wage (no extra cost)');
    expect(section(noCost)).toContain(`Extra cost (ΔC): IPS cost ${nok('5,000')} less per participant than TVR (IPS ${nok('15,000')} and TVR ${nok('20,000')}, at 2024 prices).`);
    // Benefits saved (60 000 a month) cover the public budget's cost without any wage: 80 000 / 1.5 < 60 000.
    const covered = costBenefitFixture({ benefits: 60_000 });
    expect(lead(section(covered))[1]).toContain('For the public budget, the benefits saved alone cover the extra cost, whatever the wage.');
    expect(lead(section(covered, 'nb'))[1]).toContain('For offentlige budsjetter dekker sparte stønader alene merkostnaden, uansett lønn.');
    expect(scenarioRows(section(covered))[0]![4]).toBe('Any wage (benefits saved cover the cost)');
    // The same reason for society (the model gives it only for the public budget, but the words exist).
    const societyCovered = withSocietyWage({ monthly_nok: null, annual_nok: null, ci: null, median_nok: null, reason: 'covered_without_wage' });
    expect(lead(section(societyCovered))[0]).toBe('<strong>The benefits saved alone cover the extra cost of IPS, whatever the wage.</strong>');
    // A reason this report does not know yet: a dash and the code, not a guess.
    const unknown = withSocietyWage({ monthly_nok: null, annual_nok: null, ci: null, median_nok: null, reason: 'something_new' as BreakEvenWage['reason'] });
    expect(lead(section(unknown))[0]).toBe('<strong>The break-even wage cannot be estimated.</strong>');
    expect(scenarioRows(section(unknown))[0]![2]).toBe('–<sup>1</sup>');
    expect(listItems(section(unknown), 'notes', '<table class="cost-benefit"')).toEqual(['–: cannot be estimated (something_new).']);
    // Never a negative, infinite or missing number, in any of them, in either language, charts included.
    for (const cb of [noEffect, noCost, covered, societyCovered, unknown]) {
      for (const lang of ['en', 'nb'] as const) {
        const s = await sectionWithCharts(cb, lang);
        for (const never of NEVER) expect(s).not.toMatch(never);
      }
    }
  });

  it('has no negative, infinite or missing number in the normal result either, and refuses a negative wage', () => {
    for (const s of [en, nb]) for (const never of NEVER) expect(s).not.toMatch(never);
    const negative = withSocietyWage({ monthly_nok: -5000, annual_nok: -60_000, ci: null, median_nok: null, reason: null });
    expect(() => section(negative)).toThrow(RangeError);
    const infinite = withSocietyWage({ monthly_nok: Number.POSITIVE_INFINITY, annual_nok: null, ci: null, median_nok: null, reason: null });
    expect(() => section(infinite)).toThrow(RangeError);
  });

  it('explains the idea, ΔM and ΔC with their values, and both formulas in words and symbols', () => {
    expect(en).toContain('<h3 id="cb-method">How it is calculated</h3>');
    expect(en).toContain(
      'Extra months in work (ΔM): with IPS, participants were in work 1.5 months more on average than with TVR over the 18 months (95% uncertainty range: 0.4 to 2.6).',
    );
    expect(en).toContain('(discounting at 4% a year). Without discounting, ΔM is 1.6 months.');
    expect(en).toContain(`Extra cost (ΔC): IPS cost ${nok('80,000')} more per participant than TVR (IPS ${nok('95,000')} and TVR ${nok('15,000')}, at 2024 prices).`);
    expect(en).toContain('<p class="formula"><var>w</var>* = Δ<var>C</var> / (Δ<var>M</var> × (1 + <var>e</var>) × <var>π</var>)</p>');
    expect(en).toContain('<p class="formula"><var>w</var>* = (Δ<var>C</var> / Δ<var>M</var> − <var>b</var>) / (<var>t</var> + <var>e</var>)</p>');
    expect(en).toContain('(<var>p</var><sub>IPS</sub>(<var>m</var>) − <var>p</var><sub>TVR</sub>(<var>m</var>)) × (1 + <var>r</var>)<sup>−<var>m</var>/12</sup>');
    expect(en).toContain('Benefits saved count only for the public budget. A benefit moves money from the public purse to a person; for society as a whole it is neither a cost nor a gain.');
    const symbols = listItems(en, 'symbols');
    expect(symbols).toHaveLength(10);
    expect(symbols).toContain(`<var>b</var>: benefits saved per extra month in work, here ${nok('10,000')}`);
    expect(symbols).toContain('<var>e</var>: employer’s contribution as a share of the gross wage, here 14.1%');
    expect(listItems(nb, 'symbols')).toContain(`Δ<var>C</var>: merkostnad per deltaker, her ${kr('80 000')}`);
    expect(nb).toContain('Sparte stønader teller bare for offentlige budsjetter.');
  });

  it('has one row per scenario with extra months, and break-even wage and net value for each perspective', () => {
    expect(tableRows(en, 'cost-benefit').slice(0, 2)).toEqual([
      ['Scenario', 'Extra months in work per participant', 'Society', 'Public budget'],
      ['Break-even wage per month', 'Net per participant at the reference wage', 'Break-even wage per month', 'Net per participant at the reference wage'],
    ]);
    const rows = scenarioRows(en);
    expect(rows).toHaveLength(COST_BENEFIT.cost_benefit!.scenarios.length);
    expect(rows.map((r) => r[0])).toEqual([
      'The effect ends when the trial ends, after 18 months',
      'The effect lasts 1 year longer, at its size at the end of the trial',
      'The effect lasts 3 years longer, at its size at the end of the trial',
      'The effect lasts 5 years longer, at its size at the end of the trial',
      'The effect lasts 10 years longer, shrinking by 30% each year',
    ]);
    // Window: society 1.5 × 28 525 − 80 000 = −37 212 (0.4 and 2.6: −68 590, −5 835); public 1.5 × 19 775 − 80 000 = −50 338.
    expect(rows[0]).toEqual([
      'The effect ends when the trial ends, after 18 months',
      '1.5<br><small>0.4 to 2.6</small>',
      `${nok('47,000')}<br><small>${nok('27,000')} to ${nok('175,000')}</small>`,
      `Loss${NB}${nok('37,000')}<br><small>loss${NB}${nok('69,000')} to loss${NB}${nok('5,800')}</small>`,
      `${nok('111,000')}<br><small>${nok('53,000')} to ${nok('486,000')}</small>`,
      `Loss${NB}${nok('50,000')}<br><small>loss${NB}${nok('72,000')} to loss${NB}${nok('29,000')}</small>`,
    ]);
    expect(rows[2]![3]).toMatch(new RegExp(`^Gain${NB}NOK${NB}54,000<br><small>loss${NB}NOK${NB}50,000 to gain${NB}NOK${NB}158,000</small>$`));
    expect(scenarioRows(nb).map((r) => r[0])).toEqual([
      'Virkningen slutter når forsøket slutter, etter 18 måneder',
      'Virkningen varer 1 år til, like stor som ved slutten av forsøket',
      'Virkningen varer 3 år til, like stor som ved slutten av forsøket',
      'Virkningen varer 5 år til, like stor som ved slutten av forsøket',
      'Virkningen varer 10 år til og blir 30\u00a0% mindre hvert år',
    ]);
    expect(scenarioRows(nb)[0]![3]).toBe(`Tap${NB}${kr('37 000')}<br><small>tap${NB}${kr('69 000')} til tap${NB}${kr('5 800')}</small>`);
    // A net value that rounds to nothing is neither a gain nor a loss.
    const even = withCostBenefit((cb) => ({
      ...cb,
      scenarios: cb.scenarios.map((s, i) => (i === 0 ? { ...s, society: { ...s.society, npv_at_reference_wage: { estimate: 3, ci: [-4, 250] } } } : s)),
    }));
    expect(scenarioRows(section(even, 'nb'))[0]![3]).toBe(`${kr('0')}<br><small>${kr('0')} til gevinst${NB}${kr('250')}</small>`);
  });

  it('says which scenarios make IPS a gain at the reference wage, and that the ranges are wide', () => {
    expect(en).toContain('the last 6 months) continues for some time afterwards');
    expect(en).toContain('(10.0 percentage points, the average over the last 6 months)');
    expect(listItems(en, 'findings')).toEqual([
      'At the reference wage, IPS is a net gain for society in “Lasts 3 years longer”, “Lasts 5 years longer” and “Lasts 10 years longer, shrinking 30% a year”, but not in the other scenarios.',
      'At the reference wage, IPS is a net gain for the public budget in “Lasts 3 years longer”, “Lasts 5 years longer” and “Lasts 10 years longer, shrinking 30% a year”, but not in the other scenarios.',
      'When the uncertainty range of the net value runs from a loss to a gain, the data cannot show for certain whether IPS pays for itself in that scenario.',
    ]);
    expect(listItems(nb, 'findings')[0]).toBe(
      'Ved referanselønnen gir IPS netto gevinst for samfunnet i «Varer 3 år til», «Varer 5 år til» og «Varer 10 år til, avtar 30\u00a0% i året», men ikke i de andre scenarioene.',
    );
    const noEffect = costBenefitFixture({ extraMonths: [-0.1, -1.2, 1.0], lastEffect: [-0.01, -0.08, 0.06] });
    expect(listItems(section(noEffect), 'findings')[0]).toBe('At the reference wage, IPS is not a net gain for society in any scenario.');
    const noCost = costBenefitFixture({ costs: { IPS: 15_000, TVR: 20_000 } });
    expect(listItems(section(noCost), 'findings')[1]).toBe('At the reference wage, IPS is a net gain for the public budget in every scenario.');
  });

  it('embeds the acceptability curves with every point in a folded table', () => {
    const figure = /<figure id="cost-benefit-acceptability">[\s\S]*?<\/figure>/.exec(en)![0];
    expect(figure).toContain(`<div class="chart">${charts.en[0]!.svg}</div>`);
    expect(en).toContain('<h3 id="cb-uncertainty">How certain is it that IPS pays for itself?</h3>');
    expect(en).toContain('To find the uncertainty, 1,000 new samples of participants were drawn');
    const rows = [.../<details>[\s\S]*?<\/details>/.exec(figure)![0].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
    expect(rows[0]).toEqual(['Gross monthly wage', 'Trial period only', 'Lasts 1 year longer', 'Lasts 3 years longer', 'Lasts 5 years longer', 'Lasts 10 years longer, shrinking 30% a year']);
    expect(rows.filter((r) => r.length === 1)).toEqual([['Society'], ['Public budget']]);
    expect(rows).toHaveLength(1 + 2 * (1 + 61));
    const curve = COST_BENEFIT.cost_benefit!.acceptability;
    // Row 31 of society: the wage 30 × top / 60, the window's share at it.
    expect(rows[2 + 30]![0]).toBe(nok(Math.round(curve.monthly_wage[30]!).toLocaleString('en-GB')));
    expect(rows[2 + 30]![1]).toBe(`${(100 * curve.society.window![30]!).toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`);
  });

  it('embeds the tornado with its numbers, widest first, or says why there is none', async () => {
    expect(en).toContain('<h3 id="cb-sensitivity">Which assumptions matter most?</h3>');
    const figure = /<figure id="cost-benefit-tornado">[\s\S]*?<\/figure>/.exec(en)![0];
    const rows = [.../<details>[\s\S]*?<\/details>/.exec(figure)![0].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
    expect(rows[0]).toEqual(['Assumption', 'Low value', 'Break-even wage at the low value', 'High value', 'Break-even wage at the high value']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Extra months in work', 'Productivity share', 'Extra cost per participant', 'Employer’s contribution', 'Discount rate']);
    expect(rows[1]).toEqual(['Extra months in work', '0.4 months', nok('175,000'), '2.6 months', nok('27,000')]);
    expect(rows[3]).toEqual(['Extra cost per participant', `${nok('60,000')} more`, nok('35,000'), `${nok('100,000')} more`, nok('58,000')]);
    // A null end is said in words.
    const open = withCostBenefit((cb) => ({
      ...cb,
      sensitivity: cb.sensitivity.map((b) => (b.parameter === 'employment_effect' ? { ...b, low: -0.2, break_even_at_low: null } : b)),
    }));
    const s = await sectionWithCharts(open);
    const openRows = [.../<figure id="cost-benefit-tornado">[\s\S]*?<details>([\s\S]*?)<\/details>/.exec(s)![1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
    expect(openRows[1]).toEqual(['Extra months in work', '-0.2 months', 'no break-even', '2.6 months', nok('27,000')]);
    // No base case, no bars: the figure is left out, with a sentence that says why.
    const noEffect = costBenefitFixture({ extraMonths: [-0.1, -1.2, 1.0], lastEffect: [-0.01, -0.08, 0.06] });
    const noBars = await sectionWithCharts(noEffect);
    expect(noBars).not.toContain('<figure id="cost-benefit-tornado">');
    expect(noBars).toContain('<p>The sensitivity figure is not shown, because there is no break-even wage in the base case to compare with.</p>');
    expect((await renderCostBenefitCharts(noEffect, PLAN, 'en')).map((c) => c.name)).toEqual(['cost-benefit-acceptability']);
  });

  it('reports the CHEERS 2022 items in plain words, with every input in a folded table', () => {
    const cheers = /<aside class="cheers" aria-labelledby="cb-cheers">([\s\S]*?)<\/aside>/.exec(en)![1]!;
    expect(cheers).toContain('<h3 id="cb-cheers">How the calculation was done (CHEERS 2022)</h3>');
    const items = [...cheers.matchAll(/<dt>([\s\S]*?)<\/dt><dd>([\s\S]*?)<\/dd>/g)].map((m) => [m[1], m[2]]);
    expect(items.map((i) => i[0])).toEqual(['Perspective', 'Time horizon', 'Discount rate', 'Price year and currency', 'Costs', 'Outcome', 'Uncertainty']);
    expect(items[1]![1]).toBe('The trial’s 18 months. In the scenarios the effect lasts a further 1, 3, 5 or 10 years.');
    expect(items[2]![1]).toBe('4% a year, applied month by month. Costs are taken as paid at randomization and are not discounted.');
    expect(items[3]![1]).toBe('All amounts are in Norwegian kroner (NOK), at 2024 prices.');
    expect(items[6]![1]).toBe(
      'Bootstrap with 1,000 resamples, drawn within each group. The uncertainty ranges are 95% percentile intervals: the middle 95% of the resamples. Also a one-way sensitivity analysis of extra months in work, extra cost per participant, discount rate, employer’s contribution and productivity share.',
    );
    expect(nb).toContain('<dt>Tidshorisont</dt><dd>Forsøkets 18 måneder. I scenarioene varer virkningen i tillegg 1, 3, 5 eller 10 år.</dd>');
    const rows = tableRows(cheers, 'cb-inputs');
    expect(rows[0]).toEqual(['Parameter', 'Value']);
    expect(rows.slice(1)).toEqual([
      ['Currency', 'NOK'],
      ['Price year', '2024'],
      ['Cost per participant, IPS', nok('95,000')],
      ['Cost per participant, TVR', nok('15,000')],
      ['Trial period in the calculation', '18 months'],
      ['Discount rate', '4% a year'],
      ['Employer’s contribution', '14.1% of the gross wage'],
      ['Productivity share', '100% of the labour cost'],
      ['Average income tax', '25% of the gross wage'],
      ['Benefits saved per extra month in work', nok('10,000')],
      ['Reference wage', `${nok('25,000')} a month<br><small>SSB, tabell 11418: median månedslønn for deltidsansatte, 2024</small>`],
      ['The effect at the end of the trial', 'the average over the last 6 months'],
      ['Scenario <code>window</code>', 'The effect ends when the trial ends, after 18 months'],
      ['Scenario <code>constant_1y</code>', 'The effect lasts 1 year longer, at its size at the end of the trial'],
      ['Scenario <code>constant_3y</code>', 'The effect lasts 3 years longer, at its size at the end of the trial'],
      ['Scenario <code>constant_5y</code>', 'The effect lasts 5 years longer, at its size at the end of the trial'],
      ['Scenario <code>decay_30pct_10y</code>', 'The effect lasts 10 years longer, shrinking by 30% each year'],
      ['Sensitivity range: extra cost per participant', `${nok('60,000')} more to ${nok('100,000')} more`],
      ['Sensitivity range: discount rate', '0% to 6%'],
      ['Sensitivity range: employer’s contribution', '0% to 14.1%'],
      ['Sensitivity range: productivity share', '50% to 100%'],
      ['Bootstrap resamples', '1,000'],
    ]);
    expect(en).toMatch(/<details>\n<summary>Show every value the calculation uses<\/summary>\n<table class="cb-inputs">/);
    expect(nb).toContain('<summary>Vis alle verdiene beregningen bygger på</summary>');
  });

  it('names the intervention and control from the plan, whatever the order of the arms', () => {
    const swapped = section(COST_BENEFIT, 'en', { ...PLAN, arms: ['TVR', 'IPS'] });
    expect(lead(swapped)[0]).toContain('For IPS to pay for its extra cost');
    expect(swapped).toContain('IPS cost NOK\u00a080,000 more per participant than TVR (IPS NOK\u00a095,000 and TVR NOK\u00a015,000');
  });

  it('escapes the strings the plan gives the cost section: the reference wage’s source and scenario ids', async () => {
    const evilCharts = await renderCostBenefitCharts(EVIL_COST_BENEFIT, PLAN, 'en');
    const s = String(costBenefitSection(evilCharts, EVIL_COST_BENEFIT, PLAN, 'en'));
    expect(s).not.toMatch(/<script/i);
    expect(s).not.toContain(EVIL_SITE);
    expect(s).toContain('Reference wage: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(s).toContain('<small>&lt;script&gt;alert(1)&lt;/script&gt;</small>');
    expect(s).toContain('<th scope="row">Scenario <code>&lt;script&gt;alert(6)&lt;/script&gt;</code></th>');
    // The scenario with that id still has its line and its column, named in words.
    const accept = evilCharts.find((c) => c.name === 'cost-benefit-acceptability')!;
    expect(s).toContain(accept.svg);
    expect(accept.svg).not.toMatch(/<script/i);
    expect(accept.svg).toContain('Trial period only');
    for (const chart of evilCharts) expect(chart.svg).not.toMatch(/<script|alert\(6\)/);
  });
});

describe('costBenefitSection with the cost section as results.json gives it', () => {
  it('reads a result that went through JSON unchanged', async () => {
    const cb = JSON.parse(JSON.stringify(COST_BENEFIT)) as CostBenefitResult;
    const s = String(costBenefitSection(await renderCostBenefitCharts(cb, PLAN, 'nb'), cb, PLAN, 'nb'));
    expect(lead(s)[0]).toContain(`omtrent ${kr('47 000')} i måneden`);
    expect((cb.cost_benefit as CostBenefit).scenarios).toHaveLength(5);
  });
});
