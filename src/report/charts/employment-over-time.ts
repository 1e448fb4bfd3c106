/**
 * Chart: the share employed in each registry month, one line per arm, with its Wilson
 * interval as a pale band behind the line and a point per month. The y axis is in percent
 * and starts at 0, so the height of a line is the share itself. A month whose employed
 * count is hidden by the small-number rule (src/report/disclosure.ts) has no point, and the
 * line and band break there; the spec's data holds no hidden number.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EmploymentOverTime } from '../../outcomes/employment-results.ts';
import type { AnalysisPlan } from '../../io/plan.ts';
import { outcomeHidden } from '../disclosure.ts';
import { formatPercent, text, type Lang } from '../texts.ts';
import { chartConfig } from './chart-config.ts';
import { armColors } from './style.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const EMPLOYMENT_OVER_TIME = 'employment-over-time';

/** One point of the chart: an arm in a month. Shares are fractions (0–1). */
export interface MonthArmRate {
  month: number;
  arm: string;
  /** Null when hidden by the small-number rule (employed or not employed from 1 to below the threshold). */
  employed: number | null;
  /** Analysed that month: a count of the trial's flow, always shown. */
  n: number;
  /** Null, with the interval, when the employed count is hidden: the line breaks there. */
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  hidden: boolean;
  /** The point's accessible name, in the report language (no point is drawn for a hidden month). */
  label: string;
}

/**
 * The monthly shares as chart rows, months in the result's order and arms in plan order.
 * A month where an arm has nobody analysed has no share and no row. A month whose employed
 * count is hidden has a row with employed, rate and interval null: no point, and a break in
 * the line and the band.
 */
export function employmentOverTimeRows(over: EmploymentOverTime, plan: AnalysisPlan, lang: Lang): MonthArmRate[] {
  const level = formatPercent(plan.confidence_level, lang, 1, 0);
  return over.months.flatMap(({ month, arms }) =>
    plan.arms.flatMap((arm): MonthArmRate[] => {
      const a = arms[arm];
      if (!a || a.rate === null || a.ci === null) return [];
      if (outcomeHidden(a.employed, a.n, plan.small_cell_threshold)) {
        const label = text(lang, 'chart_employment_point_hidden', { arm, month: String(month) });
        return [{ month, arm, employed: null, n: a.n, rate: null, ci_low: null, ci_high: null, hidden: true, label }];
      }
      const ci = text(lang, 'key_result_ci', { level, low: formatPercent(a.ci[0], lang), high: formatPercent(a.ci[1], lang) });
      const label = text(lang, 'chart_employment_point', { arm, month: String(month), rate: formatPercent(a.rate, lang), ci });
      return [{ month, arm, employed: a.employed, n: a.n, rate: a.rate, ci_low: a.ci[0], ci_high: a.ci[1], hidden: false, label }];
    }),
  );
}

/** Vega-Lite spec for the share employed month by month, with all wording in `lang`. */
export function employmentOverTimeSpec(over: EmploymentOverTime, plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const values = employmentOverTimeRows(over, plan, lang);
  const { first, last } = plan.registry_months;
  const level = formatPercent(plan.confidence_level, lang, 1, 0);
  const yTitle = text(lang, 'axis_share_employed');
  const y = { type: 'quantitative', title: yTitle, axis: { format: '.0%' }, scale: { domainMin: 0 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_employment_title'), anchor: 'start', aria: false },
    description: text(lang, 'chart_employment_description', { first: String(first), last: String(last), level }),
    width: 560,
    height: 300,
    data: { values },
    encoding: {
      x: {
        field: 'month',
        type: 'quantitative',
        title: text(lang, 'axis_months_since_randomization'),
        scale: { domain: [first, last], nice: false, zero: false },
        axis: { format: 'd', tickMinStep: 1, grid: false },
      },
      color: {
        field: 'arm',
        type: 'nominal',
        title: text(lang, 'arm_label'),
        scale: { domain: plan.arms, range: armColors(plan) },
        // Full-colour dots: otherwise the legend takes its symbols from the pale band.
        legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'circle', symbolOpacity: 1, symbolFillColor: null },
      },
    },
    layer: [
      {
        // The interval band: pale, behind everything, not announced (the points carry the numbers).
        mark: { type: 'area', opacity: 0.2, aria: false },
        encoding: { y: { ...y, field: 'ci_low', stack: null }, y2: { field: 'ci_high' } },
      },
      {
        mark: { type: 'line', strokeWidth: 2, aria: false },
        encoding: { y: { ...y, field: 'rate' } },
      },
      {
        mark: { type: 'point', filled: true, size: 36, opacity: 1 },
        encoding: { y: { ...y, field: 'rate' }, description: { field: 'label', type: 'nominal' } },
      },
    ],
    config: chartConfig(lang),
  };
}
