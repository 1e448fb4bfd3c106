/**
 * Chart: participants randomized per site, one bar per arm (grouped, horizontal).
 * Grouped rather than stacked so a reader compares the arms within a site directly;
 * each bar carries its count so no value has to be read off the axis. A count hidden by the
 * small-number rule (src/report/disclosure.ts: sites × arms with their totals) has a bar of
 * width 0 with the label ":" and an accessible name that says it is not shown, and is not in
 * the spec's data either.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { IngestSummary } from '../../io/dataset.ts';
import type { AnalysisPlan } from '../../io/plan.ts';
import { countText, siteTable } from '../disclosure.ts';
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

/** One bar of the chart: a site × arm cell as the report may show it. */
export interface SiteArmBar {
  site: string;
  arm: string;
  /** Null when hidden by the small-number rule. */
  n: number | null;
  /** The bar's length: the count, or 0 when hidden (no bar to see). */
  bar_n: number;
  /** The label at the end of the bar: the count, or ":" when hidden. */
  n_text: string;
  /** The bar's accessible name: "Østfold, IPS: 13", or "…: vises ikke (for få personer)". */
  bar_label: string;
}

/** The chart's rows: siteArmCounts with the small-number rule applied. */
export function participantsBySiteBars(summary: IngestSummary, plan: AnalysisPlan, lang: Lang): SiteArmBar[] {
  const table = siteTable(summary, plan);
  return table.sites.flatMap((site, r) =>
    table.arms.map((arm, a) => {
      const hidden = table.hidden[r]![a]!;
      const n = table.counts[r]![a]!;
      const n_text = countText(n, hidden, lang);
      const bar_label = `${site}, ${arm}: ${hidden ? text(lang, 'chart_value_hidden') : n_text}`;
      return { site, arm, n: hidden ? null : n, bar_n: hidden ? 0 : n, n_text, bar_label };
    }),
  );
}

/**
 * Vega-Lite spec for the participants-per-site chart, with inline data and all wording
 * from the texts table of `lang`.
 */
export function participantsBySiteSpec(summary: IngestSummary, plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const values = participantsBySiteBars(summary, plan, lang);
  const sites = [...new Set(values.map((v) => v.site))];
  const countTitle = text(lang, 'count_label');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_participants_by_site_title'), anchor: 'start', aria: false },
    description: text(lang, 'chart_participants_by_site_description'),
    width: 560,
    height: { step: 18, for: 'offset' },
    data: { values },
    encoding: {
      y: { field: 'site', type: 'nominal', sort: sites, title: text(lang, 'site_label') },
      yOffset: { field: 'arm', type: 'nominal', sort: plan.arms },
      x: {
        field: 'bar_n',
        type: 'quantitative',
        title: countTitle,
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
        // The count at the end of each bar (":" at 0 when hidden); hidden from screen readers, which hear the bar's label.
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, aria: false },
        encoding: { text: { field: 'n_text', type: 'nominal' }, color: { value: '#1a1a1a' } },
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
