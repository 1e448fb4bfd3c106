/**
 * The evidence section: the plain reading (synthetic rows first, this trial, the earlier
 * studies, where this trial lies), the forest plot with its table, the studies not pooled,
 * the pooled results, the meta-regression and sensitivity analyses, and escaping. Expected
 * numbers are the meta-analysis's own (checked against metafor in tests/meta-analysis),
 * rounded as the report rounds them.
 */
import { describe, expect, it } from 'vitest';
import { evidenceForestRows, evidenceForestSpec, EVIDENCE_FOREST } from '../../src/report/charts/evidence-forest.ts';
import { OKABE_ITO } from '../../src/report/charts/style.ts';
import { evidenceSection, evidenceSentences, renderEvidenceCharts } from '../../src/report/evidence-section.ts';
import type { Lang } from '../../src/report/texts.ts';
import type { TrialInContext } from '../../src/meta-analysis/trial-in-context.ts';
import { EVIDENCE, EVIL_CITATION, EVIL_COUNTRY, EVIL_META, EVIL_STUDY, META, metaFixture, PUBLISHED_ROWS, TRIAL_COUNTS } from './evidence-fixtures.ts';
import { PLAN } from './fixtures.ts';

const page = async (meta: TrialInContext | null, lang: Lang = 'nb') => String(evidenceSection(await renderEvidenceCharts(meta, PLAN, lang), meta, PLAN, lang));
/** The page's text outside SVG and tags, entities decoded, spaces made plain. */
const textOf = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
const lead = (html: string) => textOf(/<div class="key-result ev-lead">[\s\S]*?<\/div>/.exec(html)![0]).trim();

describe('evidence section: no evidence file', () => {
  it('says so in the report language, with no figure', async () => {
    for (const [lang, words] of [['nb', 'Ingen evidensfil ble levert (evidence.csv i datamappen)'], ['en', 'No evidence file was delivered (evidence.csv in the data folder)']] as const) {
      const html = await page(null, lang);
      expect(html).toContain('<h2 id="evidence">');
      expect(textOf(html)).toContain(words);
      expect(html).not.toContain('<figure');
    }
    expect(await renderEvidenceCharts(null, PLAN, 'nb')).toEqual([]);
  });
});

describe('evidence section: the sample', () => {
  it('leads with the synthetic rows, then this trial, the earlier studies and where this trial lies', async () => {
    expect(lead(await page(META, 'nb'))).toBe(
      '12 av de 14 studiene i evidensfilen er syntetiske: de er laget for at denne delen skal kunne vises uten ekte data. Før de er byttet ut med publiserte resultater, viser de samlede tallene bare hvordan rapporten virker, ikke hva forskningen sier. ' +
        'I dette forsøket var andelen i arbeid etter 18 måneder 1,38 ganger så stor med IPS som med TVR (95 % KI 1,03 til 1,85). ' +
        'De 12 tidligere studiene gir samlet en relativ risiko på 2,14 (95 % KI 1,76 til 2,60). ' +
        'Resultatet her er lavere enn det samlede, men innenfor det området en ny studie kan ventes å havne i (1,33 til 3,45, prediksjonsintervallet). Det stemmer altså med den tidligere forskningen. ' +
        'Med dette forsøket tatt med gir de 13 studiene samlet 2,04 (95 % KI 1,68 til 2,48).',
    );
    expect(lead(await page(META, 'en'))).toContain('In this trial, the share in work after 18 months was 1.38 times as large with IPS as with TVR (95% CI 1.03 to 1.85).');
  });

  it('has no synthetic warning when every row is published, and another when all are synthetic', async () => {
    const published = metaFixture({ rows: PUBLISHED_ROWS });
    expect(lead(await page(published, 'en'))).not.toMatch(/synthetic/);
    const synthetic = metaFixture({ rows: EVIDENCE.studies.filter((r) => r.source === 'synthetic') });
    expect(lead(await page(synthetic, 'en'))).toMatch(/^All 12 studies in the evidence file are synthetic/);
  });

  it('says when this trial lies below or above the prediction interval', () => {
    const low = metaFixture({ thisTrial: { counts: { ...TRIAL_COUNTS, events_intervention: 50 } } });
    expect(evidenceSentences(low, 'IPS', 'TVR', 'en').join(' ')).toMatch(/lies below the range .* IPS worked less well here than in the earlier studies/);
    const high = metaFixture({ thisTrial: { counts: { ...TRIAL_COUNTS, events_intervention: 200, events_control: 25 } } });
    expect(evidenceSentences(high, 'IPS', 'TVR', 'nb').join(' ')).toMatch(/ligger over det området .* IPS virket sterkere her/);
  });

  it('says why this trial is not pooled, and pools the evidence alone', async () => {
    const m = metaFixture({ thisTrial: { reason: 'small_numbers' } });
    const text = lead(await page(m, 'en'));
    expect(text).toContain("This trial's employment result after 18 months is not included, because its counts are so small that the small-numbers rule hides them.");
    expect(text).toContain('Pooled, the 12 earlier studies give a risk ratio of 2.14 (95% CI 1.76 to 2.60).');
    expect(text).not.toMatch(/prediction interval|With this trial added/);
  });

  it('says when nothing in the file gives a risk ratio', async () => {
    const rows = EVIDENCE.studies.filter((r) => r.source === 'published');
    expect(lead(await page(metaFixture({ rows }), 'en'))).toContain('None of the studies in the evidence file reports a result that can be turned into a risk ratio, so there is nothing to set this trial beside');
    const html = await page(metaFixture({ rows, thisTrial: { reason: 'not_estimable' } }), 'en');
    expect(lead(html)).toContain('so nothing could be pooled');
    expect(html).not.toContain('<figure');
  });

  it('lists the published OR and RD rows as not pooled, each on its own scale and with its reason', async () => {
    const text = textOf(await page(META, 'nb'));
    expect(text).toContain('Bejerholm 2015 (Sweden, 2015), publisert: oppgitt forskjell i prosentpoeng 36 (95 % KI 18 til 54). Studien oppgir bare en forskjell i prosentpoeng.');
    expect(text).toContain('Sveinsdottir 2020 (SEED) (Norway, 2020), publisert: oppgitt oddsratio 10,39 (95 % KI 2,79 til 38,68). Studien oppgir bare en oddsratio.');
  });

  it('shows the forest plot with its table: every pooled study with its counts and weights, this trial marked, the two pooled rows', async () => {
    const html = await page(META, 'en');
    const figure = /<figure id="evidence-forest">[\s\S]*?<\/figure>/.exec(html)![0];
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(figure)![1]!;
    const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!).trim()));
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual(['Synthetic study 1 (USA, 2002)', 'synthetic', '44 of 76', '18 of 74', '2.38 (1.52–3.72)', '8.5%', '7.9%']);
    expect(rows[12]).toEqual(['This trial', 'this trial', '85 of 227', '49 of 181', '1.38 (1.03–1.85)', '11.5%', '18.4%']);
    expect(body).toContain('<tr class="this-trial">');
    const foot = textOf(/<tfoot>[\s\S]*?<\/tfoot>/.exec(figure)![0]);
    expect(foot).toContain('Earlier studies pooled (k = 12) 2.14 (1.76–2.60) prediction interval 1.33 to 3.45');
    expect(foot).toContain('All, with this trial (k = 13) 2.04 (1.68–2.48) prediction interval 1.20 to 3.47');
  });

  it('names the studies that had 0.5 added to their cells for an empty cell, and only when there are any', async () => {
    expect(await page(META, 'en')).not.toContain('0.5 is added');
    const rows = EVIDENCE.studies.map((r) => (r.study === 'Synthetic study 3' ? { ...r, events_control: 0 } : r));
    expect(textOf(await page(metaFixture({ rows }), 'en'))).toContain(
      'A cell was empty (nobody or everybody in work in a group), so 0.5 is added to each of the four cells for: Synthetic study 3 (Canada, 2006).',
    );
  });

  it('shows the pooled results with and without this trial, and the other τ² method', async () => {
    const table = textOf(/<table class="evidence" aria-labelledby="ev-pooled">[\s\S]*?<\/table>/.exec(await page(META, 'en'))![0]);
    expect(table).toContain('Studies 12 13');
    expect(table).toContain('Risk ratio, random effects 2.14 (1.76–2.60) τ² by REML, interval by the normal distribution 2.04 (1.68–2.48)');
    expect(table).toContain('Prediction interval 1.33 to 3.45 1.20 to 3.47');
    expect(table).toContain('I² 44% 0% to 80% 53% 7% to 83%');
    expect(table).toContain('Risk ratio, τ² by DL – 2.04 (1.68–2.48)');
  });

  it('reads the meta-regression, and says this trial lacks its moderator value', async () => {
    const text = textOf(await page(META, 'en'));
    expect(text).toContain('For each unit higher employment_protection, the risk ratio is 0.82 times as large (95% CI 0.66 to 1.01, p = 0.057): the interval includes 1, so the relation is not clear.');
    expect(text).toContain('This trial is left out, because the analysis plan does not give its value (meta_analysis.trial_moderators).');
    const none = metaFixture({ plan: { method: 'REML', interval: 'auto', moderators: [], trial_moderators: {} } });
    expect(await page(none, 'en')).not.toContain('id="ev-regression"');
  });

  it('gives the range of the leave-one-out estimates and the folded tables', async () => {
    const html = await page(META, 'en');
    const estimates = META.leave_one_out.map((s) => s.estimate);
    expect(Math.min(...estimates).toFixed(2)).toBe('1.90');
    expect(textOf(html)).toContain('Leaving out one study at a time, the pooled risk ratio stays between 1.90 and 2.14.');
    expect(html).toContain('<caption>Without one study at a time</caption>');
    expect(html).toContain('<caption>The studies added by year</caption>');
  });

  it('leaves no placeholder unfilled, in either language', async () => {
    for (const lang of ['nb', 'en'] as const) {
      for (const m of [META, metaFixture({ thisTrial: { reason: 'small_numbers' } })]) expect(textOf(await page(m, lang))).not.toMatch(/[{}]/);
    }
  });
});

describe('evidence forest plot', () => {
  it('has a row per pooled study, this trial last, then the earlier studies’ and all studies’ diamonds', () => {
    const rows = evidenceForestRows(META, 'en');
    expect(rows.map((r) => r.kind)).toEqual([...Array(12).fill('study'), 'this_trial', 'pooled_earlier', 'pooled_all']);
    expect(rows.map((r) => r.y)).toEqual(rows.map((_, i) => i));
    const earlier = rows.find((r) => r.kind === 'pooled_earlier')!;
    expect([earlier.pi_low, earlier.pi_high]).toEqual(META.without_this_trial!.random_effects.prediction_interval);
    expect(rows.filter((r) => r.weight !== null).reduce((s, r) => s + r.weight!, 0)).toBeCloseTo(1, 12);
  });

  it('draws this trial in the intervention colour, diamonds from their intervals, on a log axis that holds every interval', () => {
    const spec = evidenceForestSpec(META, PLAN, 'en') as any;
    expect(JSON.stringify(spec)).toContain(`"test":"datum.kind === 'this_trial'","value":"${OKABE_ITO.blue}"`);
    const plot = spec.hconcat[2].layer;
    const diamonds = plot.find((l: any) => l.mark.type === 'area').data.values;
    expect(diamonds).toHaveLength(6);
    const all = META.random_effects!;
    expect(diamonds.filter((d: any) => d.kind === 'pooled_all').map((d: any) => d.x)).toEqual([all.ci[0], all.estimate, all.ci[1]]);
    const x = plot.find((l: any) => l.mark.type === 'point').encoding.x;
    expect(x.scale.type).toBe('log');
    const [low, high] = x.scale.domain;
    const values = spec.data.values.flatMap((r: any) => [r.ci_low, r.ci_high, r.pi_low, r.pi_high]).filter((v: any) => v !== null);
    expect(low).toBeLessThan(Math.min(...values));
    expect(high).toBeGreaterThan(Math.max(...values));
    expect(x.axis.values).toContain(1);
  });

  it('renders to an accessible SVG with title and description', async () => {
    const [chart] = await renderEvidenceCharts(META, PLAN, 'nb');
    expect(chart!.name).toBe(EVIDENCE_FOREST);
    expect(chart!.svg).toMatch(/^<svg[^>]* role="graphics-document" aria-label="Relativ risiko for å være i arbeid, per studie/);
    expect(chart!.svg).toContain('<desc>Hver rad er en studie.');
  });
});

describe('evidence section: input from the evidence file is escaped', () => {
  it('escapes study names, countries and citations in the page and in the chart', async () => {
    const html = await page(EVIL_META, 'en');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('&lt;script&gt;alert(&quot;study&quot;)&lt;/script&gt;');
    expect(textOf(html)).toContain(`${EVIL_STUDY} (${EVIL_COUNTRY}, 2002)`);
    expect(textOf(html)).toContain(EVIL_CITATION);
    const [chart] = await renderEvidenceCharts(EVIL_META, PLAN, 'en');
    expect(chart!.svg).not.toMatch(/<script|<img/i);
    expect(chart!.svg).toContain('&lt;script&gt;');
  });
});
