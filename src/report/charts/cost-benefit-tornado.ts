/**
 * Chart: a tornado diagram of the one-way sensitivity analysis of society's break-even wage
 * over the observation window. One row per varied parameter, widest swing on top: on the left
 * the parameter's name; in the middle two bars from the base case (a vertical line) to the
 * break-even wage with the parameter at its low value and at its high value, one colour each;
 * on the right the two values and their break-even wages in words.
 *
 * A null end has no break-even wage, and no number is made up for it: its bar runs to the
 * edge of the plot with an arrowhead. To the right edge when no wage pays for the programme
 * at that value (too little extra work); to the left edge when it pays at any wage (the extra
 * cost is zero or less, which only the cost difference can make so while the base case has a
 * break-even). The right-hand column says which in words.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CostBenefit, SensitivityBar } from '../../cost-benefit/cost-benefit-results.ts';
import type { AnalysisPlan } from '../../io/plan.ts';
import { formatDecimal, formatMoney, formatMoneyAbout, formatPercent, text, type Lang, type TextKey } from '../texts.ts';
import { chartConfig } from './chart-config.ts';
import { SENSITIVITY_COLORS } from './style.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const COST_BENEFIT_TORNADO = 'cost-benefit-tornado';

const INK = '#1a1a1a';
const ROW_STEP = 40;
const LABEL_WIDTH = 190;
const BARS_WIDTH = 300;
const SUMMARY_WIDTH = 230;
/** The y key of the band above the bars where the base case is labelled. */
const BASE_ROW = '_base';

/** Which edge a bar end without a break-even wage runs to. */
export type OpenEnd = 'left' | 'right';

const PARAMETER_TEXT: Readonly<Record<string, TextKey>> = {
  employment_effect: 'cb_param_employment_effect',
  cost_difference: 'cb_param_cost_difference',
  discount_rate: 'cb_param_discount_rate',
  employer_contribution_rate: 'cb_param_employer_contribution_rate',
  productivity_share: 'cb_param_productivity_share',
};

/**
 * A sensitivity parameter's name ("Diskonteringsrente"); an unknown parameter as spelled.
 * @example parameterLabel('discount_rate', 'en') // 'Discount rate'
 */
export function parameterLabel(parameter: string, lang: Lang): string {
  const key = PARAMETER_TEXT[parameter];
  return key ? text(lang, key) : parameter;
}

/**
 * A value of a sensitivity parameter in its unit: months, kroner more or less, a percentage;
 * rounded for a lay reader, or `exact` (to the krone, two decimals) for the table of inputs.
 * @example parameterValue('discount_rate', 0.06, 'nb') // '6\u00a0%'
 * @example parameterValue('cost_difference', 60000, 'en') // 'NOK\u00a060,000 more'
 */
export function parameterValue(parameter: string, value: number, lang: Lang, exact = false): string {
  switch (parameter) {
    case 'employment_effect':
      return text(lang, 'cb_n_months', { n: formatDecimal(value, lang, exact ? 2 : 1) });
    case 'cost_difference':
      return amountMoreOrLess(value, lang, exact);
    case 'discount_rate':
    case 'employer_contribution_rate':
    case 'productivity_share':
      return formatPercent(value, lang, exact ? 2 : 1, 0);
    default:
      return formatDecimal(value, lang, 3, 0);
  }
}

/**
 * A difference in kroner in words, never with a minus sign: "kr 80 000 mer", "NOK 5,000 less";
 * rounded for a lay reader unless `exact`.
 * @example amountMoreOrLess(-5000, 'nb') // 'kr\u00a05\u00a0000 mindre'
 */
export function amountMoreOrLess(amount: number, lang: Lang, exact = false): string {
  const money = (x: number) => (exact ? formatMoney(x, lang) : formatMoneyAbout(x, lang));
  if (money(amount) === money(0)) return money(0);
  return text(lang, amount > 0 ? 'cb_amount_more' : 'cb_amount_less', { amount: money(Math.abs(amount)) });
}

/** Where the end of `bar` at `value` goes when it has no break-even wage. */
function openEnd(bar: SensitivityBar, wage: number | null): OpenEnd | null {
  if (wage !== null) return null;
  // Only a cost difference of zero or less pays at any wage; everything else that removes the
  // break-even does so by taking the extra work away.
  return bar.parameter === 'cost_difference' ? 'left' : 'right';
}

/** One row of the tornado: a parameter, its values and the break-even wage at each. */
export interface TornadoRow {
  /** Row key in display order: 'r0' on top. */
  row: string;
  parameter: string;
  label: string;
  low: number;
  high: number;
  /** The values in their unit, for the text. */
  low_value: string;
  high_value: string;
  /** Break-even wage with the parameter at low / high (null: none). */
  at_low: number | null;
  at_high: number | null;
  low_open: OpenEnd | null;
  high_open: OpenEnd | null;
  /** The right-hand column's two lines: "Lav: 0,4 måneder → kr 175 000". */
  low_line: string;
  high_line: string;
}

/** The base case the bars start from: society's break-even wage over the window (null: none, and no tornado). */
export function tornadoBase(cb: CostBenefit): number | null {
  return cb.break_even_wage.monthly_nok;
}

/** A bar end in words: the wage, or why there is none. */
function endText(wage: number | null, open: OpenEnd | null, lang: Lang): string {
  if (wage !== null) return formatMoneyAbout(wage, lang);
  return text(lang, open === 'left' ? 'cb_any_wage' : 'cb_no_break_even');
}

/** How far apart the bar's ends are; an end without a break-even counts as the widest. */
function swing(bar: SensitivityBar): number {
  const { break_even_at_low: a, break_even_at_high: b } = bar;
  return a === null || b === null ? Number.POSITIVE_INFINITY : Math.abs(b - a);
}

/** The tornado's rows, widest swing first (ties in the result's order). */
export function tornadoRows(cb: CostBenefit, lang: Lang): TornadoRow[] {
  const sorted = cb.sensitivity
    .map((bar, i) => ({ bar, i, width: swing(bar) }))
    .sort((a, b) => (a.width === b.width ? a.i - b.i : b.width - a.width));
  return sorted.map(({ bar }, k) => {
    const low_open = openEnd(bar, bar.break_even_at_low);
    const high_open = openEnd(bar, bar.break_even_at_high);
    const low_value = parameterValue(bar.parameter, bar.low, lang);
    const high_value = parameterValue(bar.parameter, bar.high, lang);
    return {
      row: `r${k}`,
      parameter: bar.parameter,
      label: parameterLabel(bar.parameter, lang),
      low: bar.low,
      high: bar.high,
      low_value,
      high_value,
      at_low: bar.break_even_at_low,
      at_high: bar.break_even_at_high,
      low_open,
      high_open,
      low_line: text(lang, 'cb_tornado_end', { which: text(lang, 'cb_low_short'), value: low_value, wage: endText(bar.break_even_at_low, low_open, lang) }),
      high_line: text(lang, 'cb_tornado_end', { which: text(lang, 'cb_high_short'), value: high_value, wage: endText(bar.break_even_at_high, high_open, lang) }),
    };
  });
}

/** A bar from the base case to one end. `to` is null for an open end (drawn to the edge). */
interface Segment {
  row: string;
  end: string;
  from: number;
  to: number | null;
  open: OpenEnd | null;
}

/**
 * Vega-Lite spec for the tornado, with all wording in `lang`. Call only when the base case
 * has a break-even wage (`tornadoBase`), which the bars start from.
 */
export function costBenefitTornadoSpec(cb: CostBenefit, _plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const base = tornadoBase(cb);
  if (base === null) throw new Error('costBenefitTornadoSpec: no break-even wage in the base case to draw the bars from');
  const rows = tornadoRows(cb, lang);
  const lowName = text(lang, 'cb_low');
  const highName = text(lang, 'cb_high');
  const segments: Segment[] = rows.flatMap((r) => [
    { row: r.row, end: lowName, from: base, to: r.at_low, open: r.low_open },
    { row: r.row, end: highName, from: base, to: r.at_high, open: r.high_open },
  ]);
  // Longer bars first, so a shorter one on the same side of the base is drawn over it and stays visible.
  const finite = segments.filter((s) => s.to !== null).sort((a, b) => Math.abs(b.to! - b.from) - Math.abs(a.to! - a.from));
  const top = Math.max(base, ...finite.map((s) => s.to!)) * (segments.some((s) => s.open === 'right') ? 1.25 : 1.1);
  const baseText = formatMoneyAbout(base, lang);

  const keys = [BASE_ROW, ...rows.map((r) => r.row)];
  const y = { field: 'row', type: 'nominal', scale: { domain: keys }, axis: null } as const;
  const height = { step: ROW_STEP };
  const x = {
    type: 'quantitative' as const,
    title: text(lang, 'axis_break_even_wage'),
    scale: { domain: [0, top], nice: true, zero: true },
    axis: { format: ',.0f', tickCount: 4, labelFlush: true, grid: false },
  };
  const color = {
    field: 'end',
    type: 'nominal',
    title: null,
    scale: { domain: [lowName, highName], range: [SENSITIVITY_COLORS.low, SENSITIVITY_COLORS.high] },
    legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'square' },
  } as const;
  const bar = { type: 'bar', height: { band: 0.5 }, aria: false } as const;
  // An arrowhead just outside the plot's edge, in ink so it shows against the bar it continues.
  const arrow = (shape: 'triangle-right' | 'triangle-left', xOffset: number) => ({ type: 'point', shape, filled: true, size: 70, opacity: 1, color: INK, xOffset, aria: false }) as const;
  const textValues = rows.map((r) => ({ row: r.row, label: r.label, low_line: r.low_line, high_line: r.high_line }));
  const columnText = { type: 'text', align: 'left', baseline: 'middle', aria: false, color: INK } as const;

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_cb_tornado_title'), anchor: 'start', aria: false },
    description: text(lang, 'chart_cb_tornado_description', { base: baseText }),
    // Columns are placed by their set widths, not by Vega's (generous) estimate of text widths.
    bounds: 'flush',
    spacing: 12,
    hconcat: [
      {
        width: LABEL_WIDTH,
        height,
        data: { values: textValues },
        mark: { ...columnText, limit: 400, fontWeight: 'bold' },
        encoding: { y, x: { value: 0 }, text: { field: 'label', type: 'nominal' } },
      },
      {
        width: BARS_WIDTH,
        height,
        data: { values: segments },
        layer: [
          {
            transform: [{ filter: "datum.open === 'right'" }],
            mark: bar,
            // No stacking: a bar with one field end would otherwise be stacked from 0.
            encoding: { y, x: { ...x, field: 'from', stack: null }, x2: { value: 'width' }, color },
          },
          {
            transform: [{ filter: "datum.open === 'left'" }],
            mark: bar,
            encoding: { y, x: { ...x, field: 'from', stack: null }, x2: { value: 0 }, color },
          },
          {
            data: { values: finite },
            mark: bar,
            encoding: { y, x: { ...x, field: 'from' }, x2: { field: 'to' }, color },
          },
          {
            transform: [{ filter: "datum.open === 'right'" }],
            mark: arrow('triangle-right', 5),
            encoding: { y, x: { value: 'width' } },
          },
          {
            transform: [{ filter: "datum.open === 'left'" }],
            mark: arrow('triangle-left', -5),
            encoding: { y, x: { value: 0 } },
          },
          {
            // The base case: a line through the bars, labelled in the band above them.
            data: { values: [{ base }] },
            mark: { type: 'rule', color: INK, strokeWidth: 1.5, aria: false },
            encoding: { x: { ...x, field: 'base' }, y: { value: ROW_STEP * 0.7 }, y2: { value: 'height' } },
          },
          {
            data: { values: [{ row: BASE_ROW, base, label: text(lang, 'cb_base_label', { wage: baseText }) }] },
            mark: { type: 'text', align: 'center', baseline: 'middle', aria: false, color: INK },
            encoding: { y, x: { ...x, field: 'base' }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
      {
        width: SUMMARY_WIDTH,
        height,
        data: { values: textValues },
        encoding: { y, x: { value: 0 } },
        layer: [
          { mark: { ...columnText, dy: -8, limit: 500 }, encoding: { text: { field: 'low_line', type: 'nominal' } } },
          { mark: { ...columnText, dy: 8, limit: 500 }, encoding: { text: { field: 'high_line', type: 'nominal' } } },
        ],
      },
    ],
    config: chartConfig(lang),
  };
}
