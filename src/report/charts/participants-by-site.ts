/**
 * Chart: participants randomized per site, one bar per arm (grouped, horizontal).
 * Grouped rather than stacked so a reader compares the arms within a site directly;
 * each bar carries its count so no value has to be read off the axis.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { IngestSummary } from '../../io/dataset.ts';
import type { AnalysisPlan } from '../../io/plan.ts';
import { text, vegaNumberLocale, type Lang } from '../texts.ts';
import { armColors, CHART_FONT } from './style.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const PARTICIPANTS_BY_SITE = 'participants-by-site';

/** One chart row: a site × arm cell. */
export interface SiteArmCount {
  site: string;
  arm: string;
  n: number;
}

/**
 * The site × arm counts as chart and table rows: sites in the summary's order, arms in plan
 * order, and an explicit 0 for a site where an arm has nobody (so the gap is visible, not missing).
 */
export function siteArmCounts(summary: IngestSummary, plan: AnalysisPlan): SiteArmCount[] {
  const sites = [...new Set(summary.participants.by_site.map((r) => r.site))];
  const counts = new Map(summary.participants.by_site.map((r) => [`${r.site}\u0000${r.arm}`, r.randomized]));
  return sites.flatMap((site) => plan.arms.map((arm) => ({ site, arm, n: counts.get(`${site}\u0000${arm}`) ?? 0 })));
}

/**
 * Vega-Lite spec for the participants-per-site chart, with inline data and all wording
 * from the texts table of `lang`.
 */
export function participantsBySiteSpec(summary: IngestSummary, plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const values = siteArmCounts(summary, plan);
  const sites = [...new Set(values.map((v) => v.site))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_participants_by_site_title'), anchor: 'start', aria: false },
    description: text(lang, 'chart_participants_by_site_description'),
    width: 560,
    height: { step: 18, for: 'offset' },
    data: { values },
    transform: [{ calculate: "datum.site + ', ' + datum.arm + ': ' + format(datum.n, ',d')", as: 'bar_label' }],
    encoding: {
      y: { field: 'site', type: 'nominal', sort: sites, title: text(lang, 'site_label') },
      yOffset: { field: 'arm', type: 'nominal', sort: plan.arms },
      x: {
        field: 'n',
        type: 'quantitative',
        title: text(lang, 'count_label'),
        axis: { format: ',d', tickMinStep: 1 },
      },
      color: {
        field: 'arm',
        type: 'nominal',
        title: text(lang, 'arm_label'),
        scale: { domain: plan.arms, range: armColors(plan) },
        legend: { orient: 'bottom', direction: 'horizontal' },
      },
      // Each bar's aria-label; Vega-Lite's default mixes in internal field names.
      description: { field: 'bar_label', type: 'nominal' },
    },
    layer: [
      { mark: { type: 'bar' } },
      {
        // The count at the end of each bar; hidden from screen readers, which hear the bar's label.
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, aria: false },
        encoding: { text: { field: 'n', type: 'quantitative', format: ',d' }, color: { value: '#1a1a1a' } },
      },
    ],
    config: {
      font: CHART_FONT,
      // Sizes close to the page's body text, which is larger than Vega's defaults.
      title: { fontSize: 15 },
      text: { fontSize: 12 },
      locale: { number: vegaNumberLocale[lang] },
      // Vega writes axis and legend descriptions in English; the <desc> and the table carry them instead.
      axis: { aria: false, labelFontSize: 12, titleFontSize: 12 },
      legend: { aria: false, labelFontSize: 12, titleFontSize: 12 },
      view: { stroke: null },
    },
  };
}
