import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisPlan } from '../../src/io/plan.ts';
import type { QualityOfLifeResult, QualityOfLifeWave } from '../../src/quality-of-life/quality-of-life-results.ts';
import type { RenderedChart } from '../../src/report/html-report.ts';
import { qualityOfLifeSection, renderQualityOfLifeCharts } from '../../src/report/quality-of-life-section.ts';
import type { Lang } from '../../src/report/texts.ts';
import { EVIL_MEASURE, EVIL_QUALITY_OF_LIFE, EVIL_SITE, EVIL_VERIFY_PLAN, PLAN, QUALITY_OF_LIFE, withQolWave } from './fixtures.ts';

const cellsOf = (tr: string) => [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!);

/** Rows of the table with class `cls` as cell texts (header row included). */
function tableRows(section: string, cls = 'qol'): string[][] {
  const table = new RegExp(`<table class="${cls}"[\\s\\S]*?</table>`).exec(section)![0];
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
}

/** The rows of `measure`'s group in the table: its heading row and the rows up to the next heading. */
function groupRows(section: string, heading: string, cls = 'qol'): string[][] {
  const rows = tableRows(section, cls);
  const start = rows.findIndex((r) => r.length === 1 && r[0]!.startsWith(heading));
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > start && r.length === 1);
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

/** The items of the first list of class `cls` after `after`. */
function listItems(section: string, cls: string, after = ''): string[] {
  const start = after ? section.indexOf(after) : 0;
  expect(start, after).toBeGreaterThanOrEqual(0);
  const list = new RegExp(`<(?:ol|ul) class="${cls}">([\\s\\S]*?)</(?:ol|ul)>`).exec(section.slice(start))![1]!;
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
}

const paragraphs = (section: string) => [...section.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);

/** The reading cell (last) of the row `month` in `measure`'s group. */
const reading = (section: string, heading: string, month: string) => groupRows(section, heading).find((r) => r[0] === month)!.at(-1)!;

const change = (w: QualityOfLifeWave, d: Partial<NonNullable<QualityOfLifeWave['difference']>>): QualityOfLifeWave => ({ ...w, difference: { ...w.difference!, ...d } });

describe('qualityOfLifeSection', () => {
  const charts: Record<Lang, RenderedChart[]> = { nb: [], en: [] };
  let nb = '';
  let en = '';
  beforeAll(async () => {
    charts.nb = await renderQualityOfLifeCharts(QUALITY_OF_LIFE, PLAN, 'nb');
    charts.en = await renderQualityOfLifeCharts(QUALITY_OF_LIFE, PLAN, 'en');
    nb = String(qualityOfLifeSection(charts.nb, QUALITY_OF_LIFE, PLAN, 'nb'));
    en = String(qualityOfLifeSection(charts.en, QUALITY_OF_LIFE, PLAN, 'en'));
  });
  const section = (qol: QualityOfLifeResult, lang: Lang = 'en', plan: AnalysisPlan = PLAN) => String(qualityOfLifeSection(charts[lang], qol, plan, lang));

  it('is a section with its heading in both languages', () => {
    expect(en).toMatch(/^<section aria-labelledby="quality-of-life">\n<h2 id="quality-of-life">Quality of life and health<\/h2>/);
    expect(nb).toMatch(/^<section aria-labelledby="quality-of-life">\n<h2 id="quality-of-life">Livskvalitet og helse<\/h2>/);
    expect(String(qualityOfLifeSection([], { ...QUALITY_OF_LIFE, quality_of_life: [] }, PLAN, 'nb'))).toBe('');
  });

  it('says what was asked, when, who did not answer, what is adjusted for and the correction, in plain words', () => {
    const [intro, missing, adjusted, multiplicity] = paragraphs(en);
    expect(intro).toBe(
      'Participants filled in questionnaires at the start and after 6 and 12 months. The questionnaires measure quality of life, self-rated health, depressive symptoms, functioning and belief that work is good for health. These are secondary outcomes: the trial’s primary outcome is employment.',
    );
    // Month 12: 141–145 of 607 in IPS and 168–172 of 620 in TVR did not answer, depending on the measure.
    expect(missing).toContain('In month 12, answers were missing from between 23% and 24% of the participants in the IPS group and between 27% and 28% in the TVR group.');
    expect(adjusted).toContain('It is adjusted for the score at the start, site, age (years) and sex (analysis of covariance, ANCOVA)');
    expect(adjusted).toContain('The difference between the groups is IPS minus TVR in the mean score at each follow-up.');
    expect(multiplicity).toContain('In all, 10 comparisons were made');
    expect(multiplicity).toContain('with Holm’s method');
    const [nbIntro, nbMissing, nbAdjusted, nbMultiplicity] = paragraphs(nb);
    expect(nbIntro).toContain('ved start og etter 6 og 12 måneder. Skjemaene måler livskvalitet, selvvurdert helse, depressive symptomer, funksjonsnivå og tro på at arbeid er bra for helsen.');
    expect(nbMissing).toContain('I måned 12 manglet svar fra mellom 23\u00a0% og 24\u00a0% av deltakerne i IPS-gruppen og mellom 27\u00a0% og 28\u00a0% i TVR-gruppen.');
    expect(nbAdjusted).toContain('justert for skåren ved start, forsøkssted, alder (år) og kjønn');
    expect(nbMultiplicity).toContain('med Holms metode');
    const bh = section({ ...QUALITY_OF_LIFE, quality_of_life_methods: { ...QUALITY_OF_LIFE.quality_of_life_methods, multiplicity: 'benjamini-hochberg' } }, 'nb');
    expect(paragraphs(bh)[3]).toContain('med Benjamini–Hochbergs metode');
  });

  it('gives one share when every measure lost as many answers', () => {
    const same: QualityOfLifeResult = {
      ...QUALITY_OF_LIFE,
      quality_of_life: QUALITY_OF_LIFE.quality_of_life.map((w) => ({ ...w, arms: { IPS: { ...w.arms.IPS!, share_missing: 0.25 }, TVR: { ...w.arms.TVR!, share_missing: 0.3 } } })),
    };
    expect(paragraphs(section(same))[1]).toContain('answers were missing from 25% of the participants in the IPS group and 30% in the TVR group.');
  });

  it('has a row for every measure and follow-up wave, and none for baseline', () => {
    expect(tableRows(en)[0]).toEqual([
      'Time',
      'IPS: mean (answered)',
      'TVR: mean (answered)',
      'Adjusted difference (95% CI)',
      'p-value (corrected)',
      'Hedges’ g (95% CI)',
      'What it means',
    ]);
    expect(tableRows(nb)[0]).toEqual([
      'Tidspunkt',
      'IPS: gjennomsnitt (svarte)',
      'TVR: gjennomsnitt (svarte)',
      'Justert forskjell (95\u00a0% KI)',
      'p-verdi (justert)',
      'Hedges’ g (95\u00a0% KI)',
      'Hva betyr det?',
    ]);
    const headings = tableRows(en).filter((r) => r.length === 1).map((r) => r[0]);
    expect(headings).toEqual([
      'Quality of life: scale from 0 to 10, higher is better',
      'Self-rated health: scale from 1 to 5, higher is better',
      'Depressive symptoms: scale from 0 to 27, lower is better',
      'Functioning: scale from 0 to 100, higher is better',
      'Belief that work is good for health: scale from 1 to 5, higher is better',
    ]);
    for (const heading of headings) expect(groupRows(en, heading!).map((r) => r[0])).toEqual(['Month 6', 'Month 12']);
    expect(tableRows(en).flat()).not.toContain('At baseline');
    expect(tableRows(nb).filter((r) => r.length === 1)[2]).toEqual(['Depressive symptomer: skala fra 0 til 27, lavere er bedre']);
  });

  it('gives n, means, the difference with its interval, p corrected and not, and g, formatted per language', () => {
    expect(groupRows(en, 'Quality of life')[1]).toEqual([
      'Month 12',
      '5.63 (466)',
      '5.21 (452)',
      '0.45 (0.19 to 0.71)',
      '0.004<br><small>uncorrected: &lt;\u00a00.001</small>',
      '0.22<br><small>0.09 to 0.34</small>',
      '<strong>Better with IPS (higher scores)</strong>',
    ]);
    expect(groupRows(nb, 'Depressive symptomer')[0]).toEqual([
      'Måned 6',
      '11,2 (507)',
      '12,4 (493)',
      '\u22121,4 (\u22122,1 til \u22120,6)',
      '0,001<br><small>ujustert: &lt;\u00a00,001</small>',
      '\u22120,23<br><small>\u22120,34 til \u22120,11</small>',
      '<strong>Bedre med IPS (lavere skår)</strong>',
    ]);
    // One decimal on a long scale, two on a short one.
    expect(groupRows(en, 'Functioning')[0]!.slice(1, 4)).toEqual(['57.8 (506)', '56.9 (492)', '1.1 (-0.9 to 3.1)']);
    expect(groupRows(en, 'Self-rated health')[0]!.slice(1, 4)).toEqual(['3.02 (508)', '2.98 (494)', '0.05 (-0.07 to 0.17)']);
  });

  it('reads "better" or "worse" from the reading and the measure’s direction, never from the sign', () => {
    // Lower is better: a negative difference reads "better", with lower scores.
    expect(reading(en, 'Depressive symptoms', 'Month 6')).toBe('<strong>Better with IPS (lower scores)</strong>');
    expect(reading(nb, 'Depressive symptomer', 'Måned 12')).toBe('<strong>Bedre med IPS (lavere skår)</strong>');
    // Higher is better: a positive difference reads "better", with higher scores.
    expect(reading(en, 'Belief that work', 'Month 6')).toBe('<strong>Better with IPS (higher scores)</strong>');
    expect(reading(en, 'Self-rated health', 'Month 6')).toBe('No clear difference');
    expect(reading(nb, 'Selvvurdert helse', 'Måned 12')).toBe('Ingen klar forskjell');

    // Worse on a lower-is-better measure: higher scores with IPS.
    const worseDepression = withQolWave('depression', 12, (w) => change(w, { estimate: 1.42, ci: [0.6669, 2.1731], reading: 'worse' }));
    expect(reading(section(worseDepression), 'Depressive symptoms', 'Month 12')).toBe('<strong>Worse with IPS (higher scores)</strong>');
    expect(reading(section(worseDepression, 'nb'), 'Depressive symptomer', 'Måned 12')).toBe('<strong>Dårligere med IPS (høyere skår)</strong>');
    // Worse on a higher-is-better measure: lower scores with IPS.
    const worseBelief = withQolWave('work_belief', 6, (w) => change(w, { estimate: -0.27, ci: [-0.3803, -0.1597], reading: 'worse' }));
    expect(reading(section(worseBelief), 'Belief that work', 'Month 6')).toBe('<strong>Worse with IPS (lower scores)</strong>');
    // The reading decides, whatever the sign: a clear-looking negative difference read as no clear difference stays so.
    const none = withQolWave('depression', 6, (w) => change(w, { reading: 'no_clear_difference' }));
    expect(reading(section(none), 'Depressive symptoms', 'Month 6')).toBe('No clear difference');
  });

  it('names the intervention from the plan, whatever the order of the arms', () => {
    const swapped = section(QUALITY_OF_LIFE, 'en', { ...PLAN, arms: ['TVR', 'IPS'] });
    expect(tableRows(swapped)[0]!.slice(1, 3)).toEqual(['TVR: mean (answered)', 'IPS: mean (answered)']);
    expect(reading(swapped, 'Depressive symptoms', 'Month 6')).toBe('<strong>Better with IPS (lower scores)</strong>');
  });

  it('says when a difference is clear on its own but not after the correction for multiple comparisons', () => {
    // Quality of life, month 6: p = 0.0121, corrected 0.0605 (α = 0.05).
    expect(reading(en, 'Quality of life', 'Month 6')).toBe('Better with IPS (higher scores), but not clear after correcting for multiple comparisons<sup>1</sup>');
    expect(listItems(en, 'notes', 'class="table-lede"')[0]).toBe(
      'The difference is clear when this comparison is taken on its own (uncorrected p-value below 0.05), but not after correcting for multiple comparisons (corrected p-value 0.05 or above). It may therefore be due to chance and should be read with caution.',
    );
    expect(reading(nb, 'Livskvalitet', 'Måned 6')).toBe('Bedre med IPS (høyere skår), men ikke tydelig etter justering for mange sammenligninger<sup>1</sup>');
    expect(listItems(nb, 'notes', 'class="table-lede"')[0]).toContain('(ujustert p-verdi under 0,05), men ikke etter justering');
    // Clear after the correction too: no note.
    expect(reading(en, 'Quality of life', 'Month 12')).toBe('<strong>Better with IPS (higher scores)</strong>');
    expect(en.match(/not clear after correcting/g)).toHaveLength(1);
    // At a 99 % level α is 0.01: p = 0.0121 was never clear, so there is nothing to say.
    const strict = section(QUALITY_OF_LIFE, 'en', { ...PLAN, confidence_level: 0.99 });
    expect(strict).not.toContain('not clear after correcting');
    expect(tableRows(strict)[0]![3]).toBe('Adjusted difference (99% CI)');
  });

  it('explains the difference on the measure’s scale and what g means, under the table', () => {
    const lede = [...en.matchAll(/<p class="table-lede">([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
    expect(lede[0]).toContain('Adjusted difference: how many points higher the mean score is in IPS than in TVR, on the questionnaire’s own scale');
    expect(lede[0]).toContain('For depressive symptoms, a lower score is better.');
    expect(lede[1]).toContain('about 0.2 is a small difference, 0.5 a medium one and 0.8 a large one.');
    const nbLede = [...nb.matchAll(/<p class="table-lede">([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
    expect(nbLede[1]).toContain('omtrent 0,2 en liten forskjell, 0,5 en middels og 0,8 en stor.');
  });

  it('shows a suppressed mean as ":" and a missing one as "–", each with its note, and never NaN or undefined', () => {
    const edges = withQolWave('functioning', 12, (w) => ({
      ...w,
      arms: {
        IPS: { ...w.arms.IPS!, n: 0, missing: 607, share_missing: 1, mean: null, sd: null, ci: null },
        TVR: { ...w.arms.TVR!, n: 7, missing: 613, share_missing: 613 / 620, mean: null, sd: null, ci: null, suppressed: true },
      },
      difference: { ...w.difference!, estimate: null, se: null, ci: null, df: null, p: null, p_adjusted: null, reading: null, note: 'no_answers_in_arm' },
      hedges_g: { estimate: null, ci: null, pooled_baseline_sd: 13.95, correction: 0.999 },
      mixed_model: null,
      multiple_imputation: { ...w.multiple_imputation!, estimate: null, se: null, ci: null, p: null, fmi: null, riv: null, note: 'something_new' },
    }));
    for (const lang of ['en', 'nb'] as const) {
      const s = section(edges, lang);
      expect(s).not.toMatch(/NaN|undefined|null|Infinity/);
    }
    const s = section(edges);
    const [row] = groupRows(s, 'Functioning').filter((r) => r[0] === 'Month 12');
    const notes = listItems(s, 'notes', 'class="table-lede"');
    const noteNo = (text: string) => String(notes.indexOf(text) + 1);
    const noMean = noteNo('–: nobody in the group answered, so there is no mean.');
    const small = noteNo(': the mean is not shown for a group in which fewer than 10 people answered, because the numbers could then reveal what each person answered.');
    const noDifference = noteNo('–: cannot be estimated because one of the groups has no answers.');
    expect([noMean, small, noDifference].every((n) => n !== '0')).toBe(true);
    expect(row).toEqual([
      'Month 12',
      `–<sup>${noMean}</sup> (0)`,
      `:<sup>${small}</sup> (7)`,
      `–<sup>${noDifference}</sup>`,
      `–<sup>${noDifference}</sup>`,
      `–<sup>${noDifference}</sup>`,
      `–<sup>${noDifference}</sup>`,
    ]);
    // The sensitivity table: no mixed model, and an imputation with a note the report does not know.
    const [sensitivityRow] = groupRows(s, 'Functioning', 'qol-sensitivity').filter((r) => r[0] === 'Month 12');
    expect(sensitivityRow![1]).toMatch(/^–<sup>\d<\/sup>$/);
    expect(sensitivityRow![2]).toMatch(/^–<sup>\d<\/sup>$/);
    expect(sensitivityRow![3]).toMatch(/^–<sup>\d<\/sup>$/);
    expect(listItems(s, 'notes', 'class="qol-sensitivity"')).toContain('–: cannot be estimated (something_new).');
    expect(sensitivityRow![4]).toBe('No (mixed model: cannot be estimated; multiple imputation: cannot be estimated)');
    expect(paragraphs(s).join(' ')).toContain('For functioning at month 12, at least one of the analyses cannot be estimated.');
    // The chart's own table also writes ":" and says why.
    const figure = /<figure id="quality-of-life-means">[\s\S]*?<\/figure>\n<ol class="notes">([\s\S]*?)<\/ol>/.exec(s)!;
    expect(figure[0]).toContain('<td class="num">7</td><td class="num">:<sup>');
    expect(figure[1]).toContain('fewer than 10 people answered');
  });

  it('notes a p-value outside the correction and a missing g', () => {
    const outside = withQolWave('health', 6, (w) => ({ ...change(w, { p_adjusted: null }), hedges_g: null }));
    const s = section(outside);
    const [row] = groupRows(s, 'Self-rated health');
    const notes = listItems(s, 'notes', 'class="table-lede"');
    expect(row![4]).toBe(`–<sup>${notes.indexOf('–: this comparison is not part of the correction for multiple comparisons.') + 1}</sup><br><small>uncorrected: 0.410</small>`);
    expect(row![5]).toBe(`–<sup>${notes.findIndex((n) => n.startsWith('–: Hedges’ g cannot be estimated')) + 1}</sup>`);
  });

  it('compares the sensitivity analyses with the main one and says whether they agree', () => {
    expect(en).toContain('<h3 id="qol-sensitivity">Additional analyses: do the missing answers matter?</h3>');
    expect(en).toContain('multiple imputation, in which missing answers are filled in 20 times');
    // Quality of life, month 6: the imputation's interval includes 0 where the main one does not.
    expect(en).toContain(
      '<p><strong>For quality of life at month 6, at least one additional analysis gives a different direction, or a different answer on whether the difference is clear, than the main analysis. Read these results with extra caution.</strong></p>',
    );
    expect(tableRows(en, 'qol-sensitivity')[0]).toEqual([
      'Time',
      'Main analysis, ANCOVA (95% CI)',
      'Mixed model (95% CI)',
      'Multiple imputation (95% CI)',
      'Same conclusion as the main analysis?',
    ]);
    expect(groupRows(en, 'Quality of life', 'qol-sensitivity')).toEqual([
      [
        'Month 6',
        '0.31 (0.07 to 0.55)',
        '0.35 (0.13 to 0.57)<br><small>degrees of freedom: 1,012.4</small>',
        '0.27 (-0.02 to 0.56)<br><small>missing information: 21%</small>',
        'No (multiple imputation: not clear)',
      ],
      [
        'Month 12',
        '0.45 (0.19 to 0.71)',
        '0.42 (0.18 to 0.66)<br><small>degrees of freedom: 1,089.1</small>',
        '0.41 (0.12 to 0.70)<br><small>missing information: 26%</small>',
        'Yes',
      ],
    ]);
    expect(groupRows(nb, 'Depressive symptomer', 'qol-sensitivity')[0]).toEqual([
      'Måned 6',
      '\u22121,4 (\u22122,1 til \u22120,6)',
      '\u22121,3 (\u22122,0 til \u22120,6)<br><small>frihetsgrader: 1\u202f015,6</small>',
      '\u22121,3 (\u22122,1 til \u22120,6)<br><small>manglende informasjon: 22\u00a0%</small>',
      'Ja',
    ]);
    const notes = listItems(en, 'notes', 'class="qol-sensitivity"');
    expect(notes[0]).toContain('Satterthwaite’s method');
    expect(notes[1]).toContain('filled in 20 times');
    // The table is folded away under a plain summary line.
    expect(en).toMatch(/<details>\n<summary>Show the table of additional analyses<\/summary>\n<div class="scroll">\n<table class="qol-sensitivity">/);
    expect(nb).toContain('<summary>Vis tabellen med tilleggsanalysene</summary>');
  });

  it('says so when every sensitivity analysis agrees, and flags an opposite direction or a model that did not converge', () => {
    const agree = withQolWave('qol', 6, (w) => ({ ...w, multiple_imputation: { ...w.multiple_imputation!, ci: [0.0213, 0.5187] } }));
    expect(section(agree)).toContain(
      '<p><strong>The additional analyses give the same direction and an equally clear result as the main analysis for every questionnaire and time.</strong></p>',
    );
    expect(section(agree, 'nb')).toContain('<p><strong>Tilleggsanalysene gir samme retning og et like tydelig resultat som hovedanalysen for alle skjemaer og tidspunkter.</strong></p>');
    expect(paragraphs(section(QUALITY_OF_LIFE, 'nb')).join(' ')).toContain('For livskvalitet i måned 6 gir minst én tilleggsanalyse en annen retning');
    const opposite = withQolWave('health', 6, (w) => ({ ...w, mixed_model: { ...w.mixed_model!, estimate: -0.01, ci: [-0.13, 0.11] } }));
    expect(groupRows(section(opposite), 'Self-rated health', 'qol-sensitivity')[0]![4]).toBe('No (mixed model: opposite direction)');
    const clearer = withQolWave('health', 6, (w) => ({ ...w, mixed_model: { ...w.mixed_model!, ci: [0.01, 0.11] } }));
    expect(groupRows(section(clearer), 'Self-rated health', 'qol-sensitivity')[0]![4]).toBe('No (mixed model: clear, but the main analysis is not)');
    const methods = QUALITY_OF_LIFE.quality_of_life_methods;
    const notConverged = section({ ...QUALITY_OF_LIFE, quality_of_life_methods: { ...methods, mixed_models: methods.mixed_models.map((m) => (m.measure === 'qol' ? { ...m, converged: false } : m)) } });
    expect(groupRows(notConverged, 'Quality of life', 'qol-sensitivity')[0]![2]).toBe('0.35 (0.13 to 0.57)<sup>1</sup><br><small>degrees of freedom: 1,012.4</small>');
    expect(listItems(notConverged, 'notes', 'class="qol-sensitivity"')[0]).toBe('The model found no stable solution, so the number is uncertain.');
  });

  it('escapes measure labels and arm names from the plan and the result', async () => {
    const evilArm = '<img src=x onerror=alert(5)>';
    const rename = (arms: Record<string, QualityOfLifeWave['arms'][string]>) => ({ [evilArm]: arms.IPS!, TVR: arms.TVR! });
    // A covariate the report has no name for is written as the result spells it.
    const qol: QualityOfLifeResult = {
      quality_of_life: EVIL_QUALITY_OF_LIFE.quality_of_life.map((w) => ({ ...w, arms: rename(w.arms) })),
      quality_of_life_methods: { ...EVIL_QUALITY_OF_LIFE.quality_of_life_methods, covariates: [EVIL_SITE] },
    };
    const plan: AnalysisPlan = { ...EVIL_VERIFY_PLAN, arms: [evilArm, 'TVR'] };
    const evilCharts = await renderQualityOfLifeCharts(qol, plan, 'en');
    const s = String(qualityOfLifeSection(evilCharts, qol, plan, 'en'));
    for (const evil of [EVIL_MEASURE, evilArm, EVIL_SITE]) expect(s).not.toContain(evil);
    expect(s).not.toMatch(/<script|<img|<svg onload/i);
    expect(s).toContain('&lt;svg onload=alert(3)&gt;: scale from 0 to 10, higher is better');
    expect(s).toContain('Better with &lt;img src=x onerror=alert(5)&gt; (lower scores)');
    expect(s).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(s).toContain('&lt;img src=x onerror=alert(5)&gt;: mean (answered)');
    const svg = evilCharts[0]!.svg;
    expect(s).toContain(svg);
    expect(svg).not.toMatch(/<script|<img|<svg onload/i);
    expect(svg).toContain('&lt;svg onload=alert(3)&gt;');
    expect(svg).toContain('&lt;img src=x onerror=alert(5)&gt;');
  });

  it('embeds the chart with its numbers, baseline included, in a folded table', () => {
    const figure = /<figure id="quality-of-life-means">[\s\S]*?<\/figure>/.exec(en)![0];
    expect(figure).toContain(`<div class="chart">${charts.en[0]!.svg}</div>`);
    const rows = [.../<details>[\s\S]*?<\/details>/.exec(figure)![0].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cellsOf(m[1]!));
    expect(rows[0]).toEqual(['Time', 'IPS: answered', 'IPS: mean (95% CI)', 'TVR: answered', 'TVR: mean (95% CI)']);
    expect(rows[1]).toEqual(['Quality of life']);
    expect(rows[2]).toEqual(['At baseline', '588', '4.82 (4.65 to 4.99)', '599', '4.90 (4.74 to 5.06)']);
    expect(rows.filter((r) => r.length === 1)).toHaveLength(5);
    expect(rows).toHaveLength(1 + 5 * 4);
  });
});
