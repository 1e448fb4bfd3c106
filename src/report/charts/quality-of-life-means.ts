/**
 * Chart: the mean questionnaire score per arm at each wave, one panel per measure. A point
 * per arm and wave with its t interval as a vertical error bar, and a line joining an arm's
 * waves. Each panel's y axis covers the data, not the whole scale (where the intervals
 * would shrink to dots); its subtitle gives the whole scale (the plan's min–max) and which
 * way is better, and the description says the axis is cut. Suppressed and missing means are not drawn; an arm's line breaks there instead of
 * bridging the gap.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisPlan } from '../../io/plan.ts';
import type { QualityOfLifeResult, QualityOfLifeWave } from '../../quality-of-life/quality-of-life-results.ts';
import { measureLabel } from '../labels.ts';
import { formatDecimal, formatInteger, formatPercent, text, type Lang } from '../texts.ts';
import { chartConfig } from './chart-config.ts';
import { armColors } from './style.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const QUALITY_OF_LIFE_MEANS = 'quality-of-life-means';

const PANEL_WIDTH = 220;
const PANEL_HEIGHT = 150;
const COLUMNS = 3;

/** One point of the chart: an arm's mean on a measure at a wave. */
export interface MeasureWaveMean {
  measure: string;
  month: number;
  arm: string;
  /** Where the point is drawn: the month, moved a little left or right per arm so intervals do not overlap. */
  x: number;
  n: number | null;
  mean: number;
  /** Null when the arm's mean has no interval (then only the point is drawn). */
  ci_low: number | null;
  ci_high: number | null;
  /** The arm's unbroken run of waves: a suppressed or missing mean starts a new one, so the line breaks. */
  run: number;
  /** The point's accessible name, in the report language. */
  label: string;
}

/**
 * Decimals for scores and differences on a scale: two on a short scale (1–5, 0–10), where a
 * tenth of a point is a large step, one otherwise.
 * @example scaleDigits(0, 27) // 1
 */
export function scaleDigits(min: number, max: number): number {
  return max - min <= 10 ? 2 : 1;
}

/** The measures of the result, in the result's order, each with its waves in month order. */
export function measureWaves(qol: QualityOfLifeResult): { measure: string; waves: QualityOfLifeWave[] }[] {
  const out: { measure: string; waves: QualityOfLifeWave[] }[] = [];
  for (const w of qol.quality_of_life) {
    let m = out.find((x) => x.measure === w.measure);
    if (!m) out.push((m = { measure: w.measure, waves: [] }));
    m.waves.push(w);
  }
  for (const m of out) m.waves.sort((a, b) => a.month - b.month);
  return out;
}

/** "Ved start" for month 0, else "Måned 6". */
export function waveName(month: number, lang: Lang): string {
  return month === 0 ? text(lang, 'consort_baseline_wave') : text(lang, 'consort_month', { month: String(month) });
}

/**
 * The chart's rows: per measure, wave and arm (arms in plan order) with a mean. A suppressed
 * or null mean has no row.
 */
export function qualityOfLifeMeansRows(qol: QualityOfLifeResult, plan: AnalysisPlan, lang: Lang): MeasureWaveMean[] {
  const level = formatPercent(plan.confidence_level, lang, 1, 0);
  const rows: MeasureWaveMean[] = [];
  for (const { measure, waves } of measureWaves(qol)) {
    const months = waves.map((w) => w.month);
    const span = Math.max(...months) - Math.min(...months) || 1;
    plan.arms.forEach((arm, i) => {
      // Arms side by side around the wave, a twenty-fifth of the time axis apart, so their intervals do not overlap.
      const shift = (i - (plan.arms.length - 1) / 2) * span * 0.04;
      let run = 0;
      for (const w of waves) {
        const a = w.arms[arm];
        if (!a || a.suppressed || a.mean === null) {
          run += 1;
          continue;
        }
        const digits = scaleDigits(w.min, w.max);
        const num = (x: number) => formatDecimal(x, lang, digits);
        const params = {
          measure: measureLabel(measure, plan, lang, w.label),
          arm,
          when: waveName(w.month, lang),
          mean: num(a.mean),
          n: a.n === null ? ':' : formatInteger(a.n, lang),
        };
        const label = a.ci
          ? text(lang, 'chart_qol_point', { ...params, ci: text(lang, 'key_result_ci', { level, low: num(a.ci[0]), high: num(a.ci[1]) }) })
          : text(lang, 'chart_qol_point_no_ci', params);
        rows.push({
          measure,
          month: w.month,
          arm,
          x: w.month + shift,
          n: a.n,
          mean: a.mean,
          ci_low: a.ci ? a.ci[0] : null,
          ci_high: a.ci ? a.ci[1] : null,
          run,
          label,
        });
      }
    });
  }
  return rows;
}

/** Vega-Lite spec for the mean scores, one panel per measure, with all wording in `lang`. */
export function qualityOfLifeMeansSpec(qol: QualityOfLifeResult, plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const rows = qualityOfLifeMeansRows(qol, plan, lang);
  const level = formatPercent(plan.confidence_level, lang, 1, 0);
  const measures = measureWaves(qol);
  const months = [...new Set(measures.flatMap((m) => m.waves.map((w) => w.month)))].sort((a, b) => a - b);
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? 0;
  const pad = (last - first || 1) * 0.08;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: text(lang, 'axis_months_since_randomization'),
    scale: { domain: [first - pad, last + pad], nice: false, zero: false },
    axis: { values: months, format: 'd', grid: false },
  };
  const color = {
    field: 'arm',
    type: 'nominal',
    title: text(lang, 'arm_label'),
    scale: { domain: plan.arms, range: armColors(plan) },
    legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'circle', symbolOpacity: 1 },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_qol_title'), anchor: 'start', aria: false },
    description: text(lang, 'chart_qol_description', { level }),
    columns: COLUMNS,
    spacing: { row: 24, column: 28 },
    concat: measures.map(({ measure, waves }) => {
      const w = waves[0]!;
      const bound = (v: number) => formatDecimal(v, lang, 2, 0);
      // Around the data, not the whole scale: on the whole scale the intervals shrink to
      // dots. The subtitle gives the whole scale and the description says the axis is cut.
      const y = { type: 'quantitative' as const, title: text(lang, 'axis_mean_score'), scale: { zero: false, nice: true } };
      return {
        title: {
          text: measureLabel(measure, plan, lang, w.label),
          subtitle: text(lang, 'chart_qol_subtitle', {
            min: bound(w.min),
            max: bound(w.max),
            direction: text(lang, w.higher_is_better ? 'qol_higher_better' : 'qol_lower_better'),
          }),
          anchor: 'start',
          fontSize: 13,
          subtitleFontSize: 12,
          aria: false,
        },
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
        data: { values: rows.filter((r) => r.measure === measure) },
        encoding: { x, color },
        layer: [
          {
            mark: { type: 'line', strokeWidth: 1.5, aria: false },
            encoding: { y: { ...y, field: 'mean' }, detail: { field: 'run', type: 'nominal' } },
          },
          {
            transform: [{ filter: 'datum.ci_low != null && datum.ci_high != null' }],
            mark: { type: 'rule', strokeWidth: 1.5, aria: false },
            encoding: { y: { ...y, field: 'ci_low' }, y2: { field: 'ci_high' } },
          },
          {
            mark: { type: 'point', filled: true, size: 40, opacity: 1 },
            encoding: { y: { ...y, field: 'mean' }, description: { field: 'label', type: 'nominal' } },
          },
        ],
      };
    }),
    resolve: { scale: { y: 'independent', color: 'shared' } },
    config: chartConfig(lang),
  };
}
