/**
 * Chart: time to first job as Kaplan–Meier curves, drawn the way a reader asks the question,
 * "what share have had a job by month t?": 1 − survival, rising in steps, one curve per arm,
 * with the pointwise interval as a pale band. Each curve starts at (0, 0), the value before
 * its first step; a step at month 0 (people employed already in the month of randomization)
 * shows as a jump at 0.
 *
 * The curve shows what the report's table shows (src/report/disclosure.ts,
 * kaplanMeierDisclosure): a step at the end of each interval of months taken together so that
 * no interval has 1 to threshold − 1 first jobs or ended follow-ups, and it stops before fewer
 * than the threshold are still at risk. The estimates at those months are the stage's own.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisPlan } from '../../io/plan.ts';
import type { TimeToFirstJobResult } from '../../outcomes/time-to-first-job.ts';
import { kaplanMeierDisclosure } from '../disclosure.ts';
import { formatPercent, text, type Lang } from '../texts.ts';
import { chartConfig } from './chart-config.ts';
import { armColors } from './style.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const TIME_TO_FIRST_JOB = 'time-to-first-job';

/** One corner of a curve: the share who have had a job from `month` on (fractions 0–1). */
export interface CurvePoint {
  arm: string;
  month: number;
  share: number;
  /** The interval of the share; null where Kaplan–Meier gives none (survival 0). */
  ci_low: number | null;
  ci_high: number | null;
}

/**
 * The curves as chart rows: per arm (plan order) the starting point (0, 0) and then one row
 * per interval of the published table (kaplanMeierDisclosure; with a threshold of 1, one per
 * Kaplan–Meier step) at the interval's last month, share = 1 − survival and interval
 * [1 − high, 1 − low]. An interval whose estimate is hidden has no row: the curve ends before it.
 */
export function kaplanMeierRows(result: Pick<TimeToFirstJobResult, 'arms'>, plan: AnalysisPlan): CurvePoint[] {
  return plan.arms.flatMap((arm) => {
    const a = result.arms[arm];
    if (!a) return [];
    const start: CurvePoint = { arm, month: 0, share: 0, ci_low: 0, ci_high: 0 };
    const { intervals } = kaplanMeierDisclosure(a.curve, plan.small_cell_threshold);
    return [
      start,
      ...intervals.flatMap((s) =>
        s.survival === null ? [] : [{ arm, month: s.to, share: 1 - s.survival, ci_low: s.ci ? 1 - s.ci[1] : null, ci_high: s.ci ? 1 - s.ci[0] : null }],
      ),
    ];
  });
}

/** Each curve's accessible name: the arm and where the curve ends. */
function curveLabels(rows: CurvePoint[], plan: AnalysisPlan, lang: Lang): { arm: string; curve_label: string }[] {
  return plan.arms.flatMap((arm) => {
    const last = rows.filter((r) => r.arm === arm).at(-1);
    if (!last) return [];
    return [{ arm, curve_label: text(lang, 'chart_time_to_job_line', { arm, share: formatPercent(last.share, lang), month: String(last.month) }) }];
  });
}

/** Vega-Lite spec for the time-to-first-job curves, with all wording in `lang`. */
export function kaplanMeierSpec(result: Pick<TimeToFirstJobResult, 'arms' | 'registry_months' | 'confidence_level'>, plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const rows = kaplanMeierRows(result, plan);
  const labels = curveLabels(rows, plan, lang);
  const values = rows.map((r) => ({ ...r, curve_label: labels.find((l) => l.arm === r.arm)!.curve_label }));
  const { first, last } = result.registry_months;
  const level = formatPercent(result.confidence_level, lang, 1, 0);
  const y = { type: 'quantitative', title: text(lang, 'axis_share_had_job'), axis: { format: '.0%' }, scale: { domainMin: 0 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_time_to_job_title'), anchor: 'start', aria: false },
    description: text(lang, 'chart_time_to_job_description', { level }),
    width: 560,
    height: 300,
    data: { values },
    encoding: {
      x: {
        field: 'month',
        type: 'quantitative',
        title: text(lang, 'axis_months_since_randomization'),
        scale: { domain: [Math.min(0, first), last], nice: false, zero: false },
        axis: { format: 'd', tickMinStep: 1, grid: false },
      },
      color: {
        field: 'arm',
        type: 'nominal',
        title: text(lang, 'arm_label'),
        scale: { domain: plan.arms, range: armColors(plan) },
        legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 },
      },
    },
    layer: [
      {
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.15, aria: false },
        transform: [{ filter: 'datum.ci_low != null && datum.ci_high != null' }],
        encoding: { y: { ...y, field: 'ci_low', stack: null }, y2: { field: 'ci_high' } },
      },
      {
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5 },
        encoding: { y: { ...y, field: 'share' }, description: { field: 'curve_label', type: 'nominal' } },
      },
    ],
    config: chartConfig(lang),
  };
}
