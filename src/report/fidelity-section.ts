/**
 * Fidelity: was IPS delivered as intended at each site? Each site's IPS-25 total and band
 * in a table, the 25 item scores per site as a heat map, and the relation between a site's
 * fidelity and its employment effect as a scatter, with the correlation, its interval and
 * the caution that a handful of sites says little (and that it compares sites, not people).
 *
 * Every number comes from the fidelity stage; only rounding and choosing words happen here.
 * Site names come from the input files and are escaped like every other input.
 */
import { DEFAULT_FIDELITY_BANDS } from '../fidelity/bands.ts';
import { fewSitesCaution } from '../fidelity/messages.ts';
import type { TrialFidelity } from '../fidelity/site-employment.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { FIDELITY_HEATMAP, fidelityHeatmapSpec } from './charts/fidelity-heatmap.ts';
import { FIDELITY_SCATTER, fidelityScatterSpec, scatterPoints } from './charts/fidelity-scatter.ts';
import { html, type SafeHtml } from './escape.ts';
import { chartFigure } from './figure.ts';
import type { RenderedChart } from './html-report.ts';
import { armRoles } from './labels.ts';
import { renderSvg } from './render-svg.ts';
import { formatDecimal, formatInteger, formatPercent, formatPoints, formatPStatement, joinList, text, type Lang, type TextKey } from './texts.ts';

const DASH = '–';

/** The heat map (when any site is rated) and the scatter (when two or more sites have both numbers). */
export async function renderFidelityCharts(fidelity: TrialFidelity | null, plan: AnalysisPlan, lang: Lang): Promise<RenderedChart[]> {
  if (fidelity === null || fidelity.sites.length === 0) return [];
  const specs = [
    { name: FIDELITY_HEATMAP, spec: fidelityHeatmapSpec(fidelity, lang) },
    ...(scatterPoints(fidelity, plan.confidence_level, lang).length >= 2 ? [{ name: FIDELITY_SCATTER, spec: fidelityScatterSpec(fidelity, plan, lang) }] : []),
  ];
  const charts: RenderedChart[] = [];
  for (const { name, spec } of specs) charts.push({ name, spec, svg: await renderSvg(spec) });
  return charts;
}

/** A band's name in the report language; the id when the plan's bands do not have it. */
function bandName(fidelity: TrialFidelity, id: string | null, lang: Lang): string {
  if (id === null) return DASH;
  return fidelity.bands.find((b) => b.id === id)?.label[lang] ?? id;
}

const EXCLUDED_TEXT: Readonly<Record<string, TextKey>> = {
  incomplete_rating: 'fid_excluded_incomplete_rating',
  no_rating: 'fid_excluded_no_rating',
  no_risk_difference: 'fid_excluded_no_risk_difference',
};

const NO_R_TEXT: Readonly<Record<string, TextKey>> = {
  too_few_sites: 'fid_no_r_too_few_sites',
  constant_fidelity_total: 'fid_no_r_constant_fidelity_total',
  constant_risk_difference: 'fid_no_r_constant_risk_difference',
};

const NO_DIFFERENCE_TEXT: Readonly<Record<string, TextKey>> = {
  no_site_subgroup: 'fid_rd_no_site_subgroup',
  suppressed: 'fid_rd_suppressed',
  not_estimable: 'fid_rd_not_estimable',
};

/** The fidelity section: the reading, or that no fidelity ratings were delivered. */
export function fidelitySection(charts: RenderedChart[], fidelity: TrialFidelity | null, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const heading = html`<h2 id="fidelity">${t('fid_heading')}</h2>`;
  if (fidelity === null) {
    return html`<section aria-labelledby="fidelity">
${heading}
<p>${t('fid_no_file')}</p>
</section>
`;
  }
  const heatmap = charts.find((c) => c.name === FIDELITY_HEATMAP);
  const scatter = charts.find((c) => c.name === FIDELITY_SCATTER);
  return html`<section aria-labelledby="fidelity">
${heading}
<p>${t('fid_intro')}</p>
<p>${fidelitySentences(fidelity, lang).join(' ')}</p>
${siteTable(fidelity, lang)}
${heatmap ? heatmapFigure(heatmap, fidelity, lang) : null}
${relation(scatter, fidelity, plan, lang)}</section>
`;
}

/**
 * The sites' totals in one or two sentences: how many were rated, the range of totals and
 * how many fall in each band; the sites without a complete rating. Shared with the summary.
 */
export function fidelitySentences(fidelity: TrialFidelity, lang: Lang): string[] {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const complete = fidelity.sites.filter((s) => s.total !== null);
  const out: string[] = [];
  if (complete.length === 0) out.push(t('fid_none_complete'));
  else {
    const totals = complete.map((s) => s.total!);
    const counts = fidelity.bands
      .slice()
      .reverse()
      .map((b) => ({ b, n: complete.filter((s) => s.band === b.id).length }))
      .filter((x) => x.n > 0)
      .map((x) => t('fid_band_count', { n: formatInteger(x.n, lang), band: x.b.label[lang] }));
    const min = Math.min(...totals);
    const max = Math.max(...totals);
    out.push(
      t(complete.length === 1 ? 'fid_totals_one' : min === max ? 'fid_totals_same' : 'fid_totals', {
        n: formatInteger(complete.length, lang),
        min: formatInteger(min, lang),
        max: formatInteger(max, lang),
        bands: joinList(counts, lang, 'and'),
      }),
    );
  }
  const incomplete = fidelity.sites.filter((s) => s.total === null).map((s) => s.site);
  if (incomplete.length > 0) out.push(t('fid_incomplete', { sites: joinList(incomplete, lang, 'and') }));
  if (fidelity.sites_without_rating.length > 0) out.push(t('fid_unrated', { sites: joinList(fidelity.sites_without_rating, lang, 'and') }));
  return out;
}

/** Whether the bands are the defaults (unconfirmed cut-offs the report should call such). */
function isDefaultBands(fidelity: TrialFidelity): boolean {
  const key = (b: { id: string; min: number; max: number }) => `${b.id}:${b.min}:${b.max}`;
  return fidelity.bands.map(key).join() === DEFAULT_FIDELITY_BANDS.map(key).join();
}

function siteTable(fidelity: TrialFidelity, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const rows = fidelity.sites.map((s) => {
    const notes = [
      ...(s.missing_items.length > 0 ? [t('fid_missing_items', { items: joinList(s.missing_items.map(String), lang, 'and') })] : []),
      ...(s.other_rounds.length > 0 ? [t('fid_other_rounds', { dates: joinList(s.other_rounds, lang, 'and') })] : []),
    ];
    return html`<tr><th scope="row">${s.site}</th><td>${s.rated_on}</td><td class="num">${s.total === null ? DASH : formatInteger(s.total, lang)}</td><td>${bandName(fidelity, s.band, lang)}</td><td>${notes.length > 0 ? notes.join(' ') : DASH}</td></tr>\n`;
  });
  const bands = fidelity.bands.map((b) => t('fid_band_range', { band: b.label[lang], min: formatInteger(b.min, lang), max: formatInteger(b.max, lang) }));
  return html`<h3 id="fid-sites">${t('fid_sites_heading')}</h3>
<div class="scroll">
<table class="fidelity" aria-labelledby="fid-sites">
<thead><tr><th scope="col">${t('site_label')}</th><th scope="col">${t('fid_rated_on_col')}</th><th scope="col" class="num">${t('fid_total_col')}</th><th scope="col">${t('fid_band_col')}</th><th scope="col">${t('fid_notes_col')}</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</div>
<p class="table-lede">${t(isDefaultBands(fidelity) ? 'fid_bands_default' : 'fid_bands', { bands: joinList(bands, lang, 'and') })}</p>`;
}

function heatmapFigure(chart: RenderedChart, fidelity: TrialFidelity, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const items = Array.from({ length: 25 }, (_, i) => i + 1);
  const table = html`<thead><tr><th scope="col">${t('site_label')}</th>${items.map((i) => html`<th scope="col" class="num">${String(i)}</th>`)}</tr></thead>
<tbody>
${fidelity.sites.map((s) => html`<tr><th scope="row">${s.site}</th>${s.items.map((score) => html`<td class="num">${score === null ? DASH : formatInteger(score, lang)}</td>`)}</tr>\n`)}</tbody>`;
  return html`<h3 id="fid-items">${t('fid_items_heading')}</h3>
<p>${t('fid_items_intro')}</p>
<div class="scroll">${chartFigure(chart, { title: t('chart_fid_heatmap_title'), description: t('chart_fid_heatmap_description') }, table, lang)}</div>`;
}

function relation(chart: RenderedChart | undefined, fidelity: TrialFidelity, plan: AnalysisPlan, lang: Lang): SafeHtml {
  const t = (key: TextKey, params?: Record<string, string>) => text(lang, key, params);
  const c = fidelity.correlation;
  const { arm_t, arm_c } = armRoles(plan);
  const level = formatPercent(c.confidence, lang, 1, 0);
  const month = String(c.month);
  const r = (x: number) => formatDecimal(x, lang, 2);
  const sentences: string[] = [];
  if (c.r === null) sentences.push(t(NO_R_TEXT[c.reason ?? 'too_few_sites'] ?? 'fid_no_r_too_few_sites', { n: formatInteger(c.n, lang) }));
  else {
    const interval = c.ci ? t('key_result_ci', { level, low: r(c.ci[0]), high: r(c.ci[1]) }) : t('fid_no_interval');
    sentences.push(t('fid_r', { n: formatInteger(c.n, lang), month, r: r(c.r), ci: interval, p: formatPStatement(c.p!, lang), arm_t, arm_c }));
    if (c.spearman.rho !== null && c.spearman.p !== null) sentences.push(t('fid_spearman', { rho: r(c.spearman.rho), p: formatPStatement(c.spearman.p, lang) }));
    sentences.push(t('fid_reference', { r: r(c.reference.r) }));
  }
  const excluded = c.excluded.map((e) => {
    const why = e.reason === 'no_risk_difference' ? fidelity.site_employment.find((s) => s.site === e.site)?.reason : null;
    return t('fid_excluded_item', { site: e.site, reason: t(why ? NO_DIFFERENCE_TEXT[why]! : EXCLUDED_TEXT[e.reason]!) });
  });
  const caution = c.note === 'few_sites' ? fewSitesCaution(c.n)[lang] : null;
  const points = scatterPoints(fidelity, plan.confidence_level, lang);
  const table = html`<thead><tr><th scope="col">${t('site_label')}</th><th scope="col" class="num">${t('fid_total_col')}</th><th scope="col" class="num">${t('fid_difference_col', { arm_t, arm_c })}</th><th scope="col" class="num">${t('fid_difference_ci_col', { level })}</th></tr></thead>
<tbody>
${points.map((p) => html`<tr><th scope="row">${p.site}</th><td class="num">${formatInteger(p.total, lang)}</td><td class="num">${formatPoints(p.difference / 100, lang)}</td><td class="num">${p.ci_low === null || p.ci_high === null ? DASH : t('interval', { low: formatPoints(p.ci_low / 100, lang), high: formatPoints(p.ci_high / 100, lang) })}</td></tr>\n`)}</tbody>`;
  return html`<h3 id="fid-employment">${t('fid_relation_heading')}</h3>
<p>${t('fid_relation_intro', { month, arm_t, arm_c })}</p>
${chart ? chartFigure(chart, { title: t('chart_fid_scatter_title', { month }), description: t('chart_fid_scatter_description', { level }) }, table, lang) : null}
<p>${sentences.join(' ')}</p>
${caution ? html`<p class="caution"><strong>${t('fid_caution_label')}</strong> ${caution}</p>\n` : null}${excluded.length > 0 ? html`<p>${t('fid_excluded_intro')}</p>\n<ul class="notes">\n${excluded.map((e) => html`<li>${e}</li>\n`)}</ul>\n` : null}`;
}
