/**
 * Chart: fidelity and employment effect per site. A point per site at its IPS-25 total
 * (x) and its employment risk difference at the primary timepoint in percentage points (y),
 * with the difference's confidence interval as a vertical line and the site's name beside
 * it; a horizontal line at 0 (no difference) and light vertical lines where a fidelity band
 * starts, named at the top. Only sites with both numbers are drawn (those the correlation
 * uses); the others are listed under the chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { TrialFidelity } from '../../fidelity/site-employment.ts';
import { TOTAL_MAX, TOTAL_MIN } from '../../fidelity/scale.ts';
import type { AnalysisPlan } from '../../io/plan.ts';
import { armRoles } from '../labels.ts';
import { formatInteger, formatPercent, formatPoints, text, type Lang } from '../texts.ts';
import { chartConfig } from './chart-config.ts';
import { OKABE_ITO } from './style.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const FIDELITY_SCATTER = 'fidelity-employment';

const INK = '#1a1a1a';

/** One site of the scatter: percentage points. */
export interface ScatterPoint {
  site: string;
  total: number;
  difference: number;
  ci_low: number | null;
  ci_high: number | null;
  point_label: string;
}

/** The sites with both a complete total and a shown risk difference, in the correlation's order. */
export function scatterPoints(fidelity: TrialFidelity, level: number, lang: Lang): ScatterPoint[] {
  const levelText = formatPercent(level, lang, 1, 0);
  return fidelity.correlation.sites.flatMap((site) => {
    const f = fidelity.sites.find((s) => s.site === site);
    const e = fidelity.site_employment.find((s) => s.site === site);
    if (!f || f.total === null || !e || e.risk_difference === null) return [];
    const ci = e.ci;
    return [
      {
        site,
        total: f.total,
        difference: e.risk_difference * 100,
        ci_low: ci ? ci[0] * 100 : null,
        ci_high: ci ? ci[1] * 100 : null,
        point_label: text(lang, 'chart_fid_scatter_point', {
          site,
          total: formatInteger(f.total, lang),
          difference: formatPoints(e.risk_difference, lang),
          ci: ci ? text(lang, 'key_result_ci', { level: levelText, low: formatPoints(ci[0], lang), high: formatPoints(ci[1], lang) }) : '',
        }),
      },
    ];
  });
}

/** Vega-Lite spec for the scatter, with all wording in `lang`. */
export function fidelityScatterSpec(fidelity: TrialFidelity, plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const points = scatterPoints(fidelity, plan.confidence_level, lang);
  const { arm_t, arm_c } = armRoles(plan);
  const totals = points.map((p) => p.total);
  const low = Math.max(TOTAL_MIN, Math.min(...totals) - 4);
  const high = Math.min(TOTAL_MAX, Math.max(...totals) + 4);
  // Band starts inside the axis, as light lines named at the top.
  const bands = fidelity.bands.filter((b) => b.min > low && b.min < high).map((b) => ({ at: b.min, name: b.label[lang] }));
  const ys = points.flatMap((p) => [p.difference, p.ci_low ?? p.difference, p.ci_high ?? p.difference, 0]);
  const yLow = Math.min(...ys);
  const yHigh = Math.max(...ys);
  const pad = Math.max(2, (yHigh - yLow) * 0.08);
  const xDomain: number[] = [low, high];
  const yDomain: number[] = [yLow - pad, yHigh + pad];
  const x = { type: 'quantitative', title: text(lang, 'axis_fid_total'), scale: { domain: xDomain, nice: false, zero: false }, axis: { format: 'd', tickMinStep: 1 } } as const;
  const y = { type: 'quantitative', title: text(lang, 'axis_difference_pp', { arm_t, arm_c }), scale: { domain: yDomain, nice: false, zero: false } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_fid_scatter_title', { month: String(fidelity.correlation.month) }), anchor: 'start', aria: false },
    description: text(lang, 'chart_fid_scatter_description', { level: formatPercent(plan.confidence_level, lang, 1, 0) }),
    width: 440,
    height: 320,
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#888888', strokeWidth: 1, aria: false },
        encoding: { y: { ...y, field: 'zero' } },
      },
      ...(bands.length > 0
        ? [
            {
              data: { values: bands },
              layer: [
                { mark: { type: 'rule' as const, color: '#cccccc', strokeWidth: 1, aria: false }, encoding: { x: { ...x, field: 'at' } } },
                {
                  mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 3, y: 2, color: '#555555', fontSize: 11, aria: false },
                  encoding: { x: { ...x, field: 'at' }, text: { field: 'name', type: 'nominal' as const } },
                },
              ],
            },
          ]
        : []),
      {
        data: { values: points },
        layer: [
          {
            transform: [{ filter: 'datum.ci_low != null && datum.ci_high != null' }],
            mark: { type: 'rule', color: OKABE_ITO.blue, strokeWidth: 1.5, aria: false },
            encoding: { x: { ...x, field: 'total' }, y: { ...y, field: 'ci_low' }, y2: { field: 'ci_high' } },
          },
          {
            mark: { type: 'point', filled: true, size: 70, color: OKABE_ITO.blue, opacity: 1 },
            encoding: { x: { ...x, field: 'total' }, y: { ...y, field: 'difference' }, description: { field: 'point_label', type: 'nominal' } },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, fontSize: 11, color: INK, aria: false },
            encoding: { x: { ...x, field: 'total' }, y: { ...y, field: 'difference' }, text: { field: 'site', type: 'nominal' } },
          },
        ],
      },
    ],
    config: chartConfig(lang),
  };
}
