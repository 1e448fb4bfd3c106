/**
 * The fidelity section: the sites' totals and bands, the item heat map and the scatter of
 * fidelity against the employment difference, with the correlation and the caution that few
 * sites say little; the cases without a number; and escaping of site names.
 */
import { describe, expect, it } from 'vitest';
import { FIDELITY_HEATMAP, fidelityHeatmapSpec, heatmapCells, SCORE_COLORS } from '../../src/report/charts/fidelity-heatmap.ts';
import { FIDELITY_SCATTER, fidelityScatterSpec, scatterPoints } from '../../src/report/charts/fidelity-scatter.ts';
import { fidelitySection, fidelitySentences, renderFidelityCharts } from '../../src/report/fidelity-section.ts';
import type { TrialFidelity } from '../../src/fidelity/site-employment.ts';
import type { Lang } from '../../src/report/texts.ts';
import { EVIL_FIDELITY, EVIL_SITE_NAME, FIDELITY, FIDELITY_SIX } from './evidence-fixtures.ts';
import { PLAN } from './fixtures.ts';

const page = async (f: TrialFidelity | null, lang: Lang = 'nb') => String(fidelitySection(await renderFidelityCharts(f, PLAN, lang), f, PLAN, lang));
const textOf = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');

describe('fidelity section: no fidelity file', () => {
  it('says so in the report language, with no chart', async () => {
    expect(textOf(await page(null, 'nb'))).toContain('Ingen vurderinger av modelltrofasthet ble levert (fidelity.csv i datamappen)');
    expect(textOf(await page(null, 'en'))).toContain('No fidelity ratings were delivered (fidelity.csv in the data folder)');
    expect(await renderFidelityCharts(null, PLAN, 'nb')).toEqual([]);
  });
});

describe('fidelity section: six complete sites', () => {
  const totals = FIDELITY_SIX.sites.map((s) => s.total!);

  it('gives the range of totals and the count per band', () => {
    const good = FIDELITY_SIX.sites.filter((s) => s.band === 'good').length;
    const fair = FIDELITY_SIX.sites.filter((s) => s.band === 'fair').length;
    const bands = [good > 0 ? `${good} rated "Good"` : null, fair > 0 ? `${fair} rated "Fair"` : null].filter(Boolean).join(' and ');
    expect(fidelitySentences(FIDELITY_SIX, 'en')).toEqual([`The 6 sites with a complete rating scored from ${Math.min(...totals)} to ${Math.max(...totals)} of 125: ${bands}.`]);
  });

  it('lists each site with its date, total and band, and says the default bands are unconfirmed', async () => {
    const html = await page(FIDELITY_SIX, 'en');
    const table = /<table class="fidelity"[\s\S]*?<\/table>/.exec(html)![0];
    const rows = [...table.matchAll(/<tbody>[\s\S]*?<\/tbody>/g)][0]![0].match(/<tr>/g)!;
    expect(rows).toHaveLength(6);
    const s = FIDELITY_SIX.sites[0]!;
    expect(textOf(table)).toContain(`${s.site} ${s.rated_on} ${s.total} ${s.band === 'good' ? 'Good' : 'Fair'} –`);
    expect(textOf(html)).toContain('The bands are the commonly used IPS-25 cut-offs (Not IPS 25–73, Fair 74–99, Good 100–114 and Exemplary 115–125). They are not confirmed in a primary source');
  });

  it('gives r with its Fisher-z interval and p, Spearman’s rho, the published r, and the caution for few sites', async () => {
    const c = FIDELITY_SIX.correlation;
    expect(c.n).toBe(6);
    const text = textOf(await page(FIDELITY_SIX, 'en'));
    const two = (x: number) => x.toFixed(2);
    expect(text).toContain(`across the 6 sites is r = ${two(c.r!)} (95% CI ${two(c.ci![0])} to ${two(c.ci![1])}; p = ${c.p!.toFixed(3)})`);
    expect(text).toContain(`The rank correlation, which one extreme site cannot drive, is ${two(c.spearman.rho!)}`);
    expect(text).toContain('Bond and colleagues (2012) found r = 0.34');
    expect(text).toContain('Caution: The relation rests on only 6 sites. With so few sites the correlation is very uncertain, and a single site can change it a lot.');
    expect(textOf(await page(FIDELITY_SIX, 'nb'))).toContain('Forsiktig: Sammenhengen bygger på bare 6 steder.');
  });

  it('draws a point per site at its total and its difference in percentage points, with the interval', () => {
    const points = scatterPoints(FIDELITY_SIX, 0.95, 'en');
    expect(points.map((p) => p.site)).toEqual(FIDELITY_SIX.correlation.sites);
    const oslo = points.find((p) => p.site === 'Oslo')!;
    expect(oslo.total).toBe(FIDELITY_SIX.sites.find((s) => s.site === 'Oslo')!.total);
    expect(oslo.difference).toBeCloseTo(16, 12);
    const spec = fidelityScatterSpec(FIDELITY_SIX, PLAN, 'en') as any;
    const domain = spec.layer.at(-1).layer[1].encoding.x.scale.domain;
    expect(domain[0]).toBeLessThan(Math.min(...totals));
    expect(domain[1]).toBeGreaterThan(Math.max(...totals));
  });

  it('maps the 25 item scores of each site, light to dark', async () => {
    const cells = heatmapCells(FIDELITY_SIX, 'en');
    expect(cells).toHaveLength(6 * 25);
    expect(cells.filter((c) => c.site === 'Oslo').map((c) => c.score)).toEqual(FIDELITY_SIX.sites.find((s) => s.site === 'Oslo')!.items);
    const spec = fidelityHeatmapSpec(FIDELITY_SIX, 'en') as any;
    expect(spec.layer[1].encoding.color.scale).toEqual({ domain: [1, 2, 3, 4, 5], range: [...SCORE_COLORS] });
    const charts = await renderFidelityCharts(FIDELITY_SIX, PLAN, 'en');
    expect(charts.map((c) => c.name)).toEqual([FIDELITY_HEATMAP, FIDELITY_SCATTER]);
    for (const c of charts) expect(c.svg).toMatch(/^<svg[^>]* role="graphics-document" aria-label="[^"]+"><title>[^<]+<\/title><desc>[^<]+<\/desc>/);
  });
});

describe('fidelity section: incomplete ratings and hidden differences', () => {
  it('shows an incomplete site without a total, names its missing item, and leaves it out of the relation', async () => {
    const text = textOf(await page(FIDELITY, 'en'));
    expect(text).toContain('Oslo');
    expect(text).toContain('Item 25 not rated.');
    expect(text).toContain('The rating is not complete for Oslo, so no total is calculated there.');
    expect(text).toContain('Oslo: the rating is not complete');
    expect(text).toContain('Østfold: the difference is not shown under the small-numbers rule');
  });

  it('says why there is no correlation with two sites, and still draws them', async () => {
    expect(FIDELITY.correlation.reason).toBe('too_few_sites');
    const html = await page(FIDELITY, 'en');
    expect(textOf(html)).toContain('With 2 sites that have both a complete rating and a difference in work, no correlation can be calculated (at least three are needed).');
    expect(html).toContain(`<figure id="${FIDELITY_SCATTER}">`);
    const heat = heatmapCells(FIDELITY, 'en').find((c) => c.site === 'Oslo' && c.item === 25)!;
    expect([heat.score, heat.label, heat.point_label]).toEqual([null, '–', 'Oslo, item 25: not rated']);
  });

  it('leaves no placeholder unfilled, in either language', async () => {
    for (const lang of ['nb', 'en'] as const) for (const f of [FIDELITY, FIDELITY_SIX]) expect(textOf(await page(f, lang))).not.toMatch(/[{}]/);
  });
});

describe('fidelity section: site names are escaped', () => {
  it('in the page and in both charts', async () => {
    const html = await page(EVIL_FIDELITY, 'en');
    expect(html).not.toContain('<svg onload');
    expect(textOf(html)).toContain(EVIL_SITE_NAME);
    for (const c of await renderFidelityCharts(EVIL_FIDELITY, PLAN, 'en')) {
      expect(c.svg).not.toContain('<svg onload');
      expect(c.svg).toContain('&lt;svg onload=alert(1)&gt;');
    }
  });
});
