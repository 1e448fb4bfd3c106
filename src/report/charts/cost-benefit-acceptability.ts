/**
 * Chart: the probability that the intervention is a net gain, against the gross monthly wage
 * (a cost-effectiveness acceptability curve), from the cost–benefit bootstrap. Two panels
 * side by side with the same axes, society and the public budget, one line per persistence
 * scenario in the same colour in both, and a dashed vertical rule at the reference wage.
 *
 * Also the scenarios' names in words, which the section's table uses too: a scenario is
 * named by what it assumes, never by its id (an id is for evaluators, shown only in the
 * folded parameter table).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CostBenefit, PersistenceScenario } from '../../cost-benefit/cost-benefit-results.ts';
import type { AnalysisPlan } from '../../io/plan.ts';
import { armRoles } from '../labels.ts';
import { formatInteger, formatMoney, formatPercent, text, type Lang } from '../texts.ts';
import { chartConfig } from './chart-config.ts';
import { SCENARIO_COLORS } from './style.ts';

/** File stem for this chart's spec and SVG in the run folder. */
export const COST_BENEFIT_ACCEPTABILITY = 'cost-benefit-acceptability';

const INK = '#1a1a1a';
const RULE = '#555555';
const PANEL_WIDTH = 300;
const PANEL_HEIGHT = 240;

/** The two perspectives, in the order the report shows them. */
export const PERSPECTIVES = ['society', 'public_budget'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** A perspective's name as a panel title or column heading ("Samfunnet"). */
export function perspectiveName(p: Perspective, lang: Lang): string {
  return text(lang, p === 'society' ? 'cb_col_society' : 'cb_col_public');
}

/** "3 år", "1 year". */
function duration(years: number, lang: Lang): string {
  return years === 1 ? text(lang, 'cb_year_one') : text(lang, 'cb_years', { n: formatInteger(years, lang) });
}

/** A scenario's names: in full for the table, short for the legend and lists. */
export interface ScenarioName {
  id: string;
  long: string;
  short: string;
}

/**
 * The names of `scenarios` in `lang`, in order. Two scenarios that assume the same (the plan
 * allows it under different ids) get their id added, so every name is unique: the chart's
 * colours are keyed by name.
 * @example scenarioNames([{ id: 'constant_3y', kind: 'constant', years: 3 }], 18, 'en')[0].short // 'Lasts 3 years longer'
 */
export function scenarioNames(scenarios: readonly PersistenceScenario[], windowMonths: number, lang: Lang): ScenarioName[] {
  const names = scenarios.map((s): ScenarioName => {
    if (s.kind === 'window') {
      return {
        id: s.id,
        long: text(lang, 'cb_scenario_window', { months: formatInteger(windowMonths, lang) }),
        short: text(lang, 'cb_scenario_window_short'),
      };
    }
    const params = { duration: duration(s.years, lang) };
    if (s.kind === 'constant') return { id: s.id, long: text(lang, 'cb_scenario_constant', params), short: text(lang, 'cb_scenario_constant_short', params) };
    const decay = formatPercent(s.annual_decay, lang, 1, 0);
    return { id: s.id, long: text(lang, 'cb_scenario_decay', { ...params, decay }), short: text(lang, 'cb_scenario_decay_short', { ...params, decay }) };
  });
  return names.map((n) =>
    names.filter((m) => m.short === n.short).length > 1 ? { id: n.id, long: `${n.long} (${n.id})`, short: `${n.short} (${n.id})` } : n,
  );
}

/** One point of a curve: the share of resamples with a net gain at a wage, for a perspective and scenario. */
export interface AcceptabilityPoint {
  perspective: Perspective;
  /** The scenario's id, as results.json keys the curves. */
  id: string;
  /** The scenario's short name (the colour key). */
  scenario: string;
  /** Gross monthly wage, NOK. */
  wage: number;
  /** Share of resamples with a positive net value, 0 … 1. */
  share: number;
  /** The line's accessible name. */
  line: string;
}

/**
 * The curves' points: per perspective, per scenario (in the result's order) and per wage of
 * the grid. A scenario without a curve, or a share that is not a number, has no point.
 */
export function acceptabilityPoints(cb: CostBenefit, lang: Lang): AcceptabilityPoint[] {
  const names = scenarioNames(
    cb.scenarios.map((s) => s.scenario),
    cb.inputs.window_months,
    lang,
  );
  const wages = cb.acceptability.monthly_wage;
  const points: AcceptabilityPoint[] = [];
  for (const perspective of PERSPECTIVES) {
    for (const name of names) {
      const curve = cb.acceptability[perspective][name.id];
      if (!curve) continue;
      const line = text(lang, 'chart_cb_line', { perspective: perspectiveName(perspective, lang), scenario: name.short });
      wages.forEach((wage, i) => {
        const share = curve[i];
        if (typeof share === 'number' && Number.isFinite(share) && Number.isFinite(wage)) points.push({ perspective, id: name.id, scenario: name.short, wage, share, line });
      });
    }
  }
  return points;
}

/** Vega-Lite spec for the acceptability curves, with all wording in `lang`. */
export function costBenefitAcceptabilitySpec(cb: CostBenefit, plan: AnalysisPlan, lang: Lang): TopLevelSpec {
  const { arm_t } = armRoles(plan);
  const points = acceptabilityPoints(cb, lang);
  const names = scenarioNames(
    cb.scenarios.map((s) => s.scenario),
    cb.inputs.window_months,
    lang,
  ).filter((n) => points.some((p) => p.id === n.id));
  const reference = cb.inputs.reference_wage.monthly_nok;
  const referenceText = formatMoney(reference, lang);
  // The whole grid, and the reference wage even when it lies beyond the grid.
  const top = Math.max(reference * 1.1, ...points.map((p) => p.wage));
  // The rule's label above the plot, starting at the rule, or ending there when the rule is near the right edge.
  const labelLeft = reference > top * 0.6;
  const x = {
    field: 'wage',
    type: 'quantitative' as const,
    title: text(lang, 'axis_monthly_wage'),
    scale: { domain: [0, top], nice: false, zero: true },
    axis: { format: ',.0f', tickCount: 4, labelFlush: true, grid: false },
  };
  const y = {
    field: 'share',
    type: 'quantitative' as const,
    title: text(lang, 'axis_probability_gain'),
    scale: { domain: [0, 1], nice: false },
    axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] },
  };
  const color = {
    field: 'scenario',
    type: 'nominal' as const,
    title: text(lang, 'cb_col_scenario'),
    scale: { domain: names.map((n) => n.short), range: names.map((_, i) => SCENARIO_COLORS[i % SCENARIO_COLORS.length]!) },
    legend: { orient: 'bottom' as const, direction: 'vertical' as const, columns: 2, symbolType: 'stroke', symbolStrokeWidth: 3, labelLimit: 600, columnPadding: 24 },
  };
  const panel = (perspective: Perspective) => ({
    // Room under the title for the reference wage's label, which sits just above the plot.
    title: { text: perspectiveName(perspective, lang), anchor: 'start' as const, fontSize: 13, offset: 22, aria: false },
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    layer: [
      {
        data: { values: points.filter((p) => p.perspective === perspective) },
        mark: { type: 'line' as const, strokeWidth: 2 },
        encoding: { x, y, color, detail: { field: 'id', type: 'nominal' as const }, description: { field: 'line', type: 'nominal' as const } },
      },
      {
        data: { values: [{ wage: reference }] },
        mark: { type: 'rule' as const, color: RULE, strokeDash: [5, 3], strokeWidth: 1.5, aria: false },
        encoding: { x: { field: 'wage', type: 'quantitative' as const } },
      },
      {
        data: { values: [{ wage: reference, label: text(lang, 'cb_reference_label', { reference: referenceText }) }] },
        mark: { type: 'text' as const, align: labelLeft ? ('right' as const) : ('left' as const), baseline: 'bottom' as const, dx: labelLeft ? -2 : 2, dy: -4, color: INK, aria: false },
        encoding: { x: { field: 'wage', type: 'quantitative' as const }, y: { value: 0 }, text: { field: 'label', type: 'nominal' as const } },
      },
    ],
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: text(lang, 'chart_cb_acceptability_title', { arm_t }), anchor: 'start', aria: false },
    description: text(lang, 'chart_cb_acceptability_description', { arm_t, reference: referenceText }),
    hconcat: PERSPECTIVES.map(panel),
    spacing: 28,
    resolve: { scale: { color: 'shared', x: 'shared', y: 'shared' } },
    config: chartConfig(lang),
  };
}
