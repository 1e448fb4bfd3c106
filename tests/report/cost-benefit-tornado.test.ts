import { describe, expect, it } from 'vitest';
import type { CostBenefit, SensitivityBar } from '../../src/cost-benefit/cost-benefit-results.ts';
import { amountMoreOrLess, costBenefitTornadoSpec, parameterValue, tornadoRows } from '../../src/report/charts/cost-benefit-tornado.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { COST_BENEFIT, PLAN, withCostBenefit } from './fixtures.ts';

type Layer = {
  data?: { values: Record<string, unknown>[] };
  transform?: { filter: string }[];
  mark: { type: string; shape?: string };
  encoding: { x?: { field?: string; value?: number | string }; x2?: { field?: string; value?: number | string }; y?: { scale: { domain: string[] } } };
};
type Column = { data?: { values: Record<string, unknown>[] }; layer?: Layer[]; encoding?: { y: { scale: { domain: string[] } } } };
type Spec = { hconcat: [Column, Column, Column]; description: string };

const CB = COST_BENEFIT.cost_benefit!;
const spec = (cb: CostBenefit = CB, lang: 'nb' | 'en' = 'en') => costBenefitTornadoSpec(cb, PLAN, lang) as unknown as Spec;
/** CB with the sensitivity bar of `parameter` changed. */
const withBar = (parameter: SensitivityBar['parameter'], change: Partial<SensitivityBar>) =>
  withCostBenefit((cb) => ({ ...cb, sensitivity: cb.sensitivity.map((b) => (b.parameter === parameter ? { ...b, ...change } : b)) })).cost_benefit!;

describe('tornadoRows', () => {
  it('has one row per sensitivity entry, widest swing first', () => {
    const rows = tornadoRows(CB, 'en');
    expect(rows).toHaveLength(CB.sensitivity.length);
    // Swings: 175 285 − 26 967; 93 484 − 46 742; 58 428 − 35 057; 53 333 − 46 742; 47 549 − 45 208.
    expect(rows.map((r) => r.parameter)).toEqual(['employment_effect', 'productivity_share', 'cost_difference', 'employer_contribution_rate', 'discount_rate']);
    const widths = rows.map((r) => Math.abs(r.at_high! - r.at_low!));
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    expect(rows.map((r) => r.row)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    // Values and wages unchanged.
    for (const r of rows) {
      const bar = CB.sensitivity.find((b) => b.parameter === r.parameter)!;
      expect([r.low, r.high, r.at_low, r.at_high]).toEqual([bar.low, bar.high, bar.break_even_at_low, bar.break_even_at_high]);
    }
  });

  it('labels each bar with the parameter’s name and its low and high values, in both languages', () => {
    const [effect, , cost] = tornadoRows(CB, 'en');
    expect(effect).toMatchObject({ label: 'Extra months in work', low_line: 'Low: 0.4 months → NOK\u00a0175,000', high_line: 'High: 2.6 months → NOK\u00a027,000' });
    expect(cost).toMatchObject({ label: 'Extra cost per participant', low_value: 'NOK\u00a060,000 more', high_value: 'NOK\u00a0100,000 more' });
    const nb = tornadoRows(CB, 'nb');
    expect(nb[4]).toMatchObject({ label: 'Diskonteringsrente', low_line: 'Lav: 0\u00a0% → kr\u00a045\u202f000', high_line: 'Høy: 6\u00a0% → kr\u00a048\u202f000' });
    expect(nb[3]!.high_value).toBe('14,1\u00a0%');
  });

  it('puts a bar with a null end on top and says where it goes, without a number', () => {
    const noEffect = withBar('employment_effect', { low: -0.2, break_even_at_low: null });
    const rows = tornadoRows(noEffect, 'en');
    expect(rows[0]).toMatchObject({ parameter: 'employment_effect', at_low: null, low_open: 'right', high_open: null, low_line: 'Low: -0.2 months → no break-even' });
    // A cost difference of zero or less pays at any wage: the bar runs to the left edge.
    const free = withBar('cost_difference', { low: -1000, break_even_at_low: null });
    const freeRows = tornadoRows(free, 'nb');
    expect(freeRows[0]).toMatchObject({ parameter: 'cost_difference', low_open: 'left', low_line: 'Lav: kr\u00a01\u202f000 mindre → enhver lønn' });
    // Two null ends: both on top, in the result's order.
    const both = withCostBenefit((cb) => ({
      ...cb,
      sensitivity: cb.sensitivity.map((b) =>
        b.parameter === 'discount_rate' ? { ...b, break_even_at_high: null } : b.parameter === 'employment_effect' ? { ...b, break_even_at_low: null } : b,
      ),
    })).cost_benefit!;
    expect(tornadoRows(both, 'en').map((r) => r.parameter).slice(0, 2)).toEqual(['employment_effect', 'discount_rate']);
  });
});

describe('parameterValue', () => {
  it('writes each parameter in its unit, never with a minus before kroner', () => {
    expect(parameterValue('employment_effect', 0.4, 'nb')).toBe('0,4 måneder');
    expect(parameterValue('productivity_share', 0.5, 'en')).toBe('50%');
    expect(parameterValue('employer_contribution_rate', 0.141, 'nb', true)).toBe('14,1\u00a0%');
    expect(parameterValue('cost_difference', 62_499.75, 'en')).toBe('NOK\u00a062,000 more');
    expect(parameterValue('cost_difference', 62_499.75, 'en', true)).toBe('NOK\u00a062,500 more');
    expect(amountMoreOrLess(-5000, 'nb')).toBe('kr\u00a05\u202f000 mindre');
    expect(amountMoreOrLess(0.3, 'en')).toBe('NOK\u00a00');
    expect(parameterValue('something_new', 0.125, 'en')).toBe('0.125');
  });
});

describe('costBenefitTornadoSpec', () => {
  it('has one bar per sensitivity entry around a line at the base case, rows in the sorted order', () => {
    const s = spec();
    const [labels, bars, summary] = s.hconcat;
    expect(labels.data!.values.map((v) => v.label)).toEqual(['Extra months in work', 'Productivity share', 'Extra cost per participant', 'Employer’s contribution', 'Discount rate']);
    expect(summary.data!.values).toHaveLength(CB.sensitivity.length);
    // Each bar is two segments from the base, one to each end.
    const segments = bars.data!.values;
    expect(segments).toHaveLength(2 * CB.sensitivity.length);
    expect(segments.every((v) => v.from === CB.break_even_wage.monthly_nok)).toBe(true);
    const finite = bars.layer![2]!;
    expect(finite.data!.values).toHaveLength(2 * CB.sensitivity.length);
    expect(finite.encoding.x2).toEqual({ field: 'to' });
    // The base case: a rule and its label.
    const rule = bars.layer!.find((l) => l.mark.type === 'rule')!;
    expect(rule.data!.values).toEqual([{ base: CB.break_even_wage.monthly_nok }]);
    expect(bars.layer!.at(-1)!.data!.values[0]).toMatchObject({ label: 'Base case NOK\u00a047,000' });
    // The same rows in every column, the base case's label band on top.
    expect(bars.layer![2]!.encoding.y!.scale.domain).toEqual(['_base', 'r0', 'r1', 'r2', 'r3', 'r4']);
    expect(s.description).toContain('the vertical line at NOK\u00a047,000');
  });

  it('draws a null end to the edge of the plot with an arrowhead, and never a made-up number', async () => {
    const noEffect = withBar('employment_effect', { low: -0.2, break_even_at_low: null });
    const free = withCostBenefit((cb) => ({
      ...cb,
      sensitivity: noEffect.sensitivity.map((b) => (b.parameter === 'cost_difference' ? { ...b, low: -1000, break_even_at_low: null } : b)),
    })).cost_benefit!;
    const [, bars] = spec(free).hconcat;
    const open = bars.data!.values.filter((v) => v.to === null);
    expect(open).toEqual([
      { row: 'r0', end: 'Low value', from: CB.break_even_wage.monthly_nok, to: null, open: 'right' },
      { row: 'r1', end: 'Low value', from: CB.break_even_wage.monthly_nok, to: null, open: 'left' },
    ]);
    const [toRight, toLeft, finite, arrowRight, arrowLeft] = bars.layer!;
    expect(toRight!.transform).toEqual([{ filter: "datum.open === 'right'" }]);
    expect(toRight!.encoding.x2).toEqual({ value: 'width' });
    expect(toLeft!.encoding.x2).toEqual({ value: 0 });
    expect(finite!.data!.values).toHaveLength(2 * CB.sensitivity.length - 2);
    expect(arrowRight!.mark).toMatchObject({ type: 'point', shape: 'triangle-right' });
    expect(arrowRight!.encoding.x).toEqual({ value: 'width' });
    expect(arrowLeft!.mark).toMatchObject({ type: 'point', shape: 'triangle-left' });
    // Every number in the data is finite: the open ends are null, not a stand-in.
    const numbers = JSON.stringify(spec(free)).match(/-?\d+(\.\d+)?(e[+-]?\d+)?/g)!.map(Number);
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(JSON.stringify(spec(free))).not.toMatch(/Infinity|NaN/);
    const svg = await renderSvg(costBenefitTornadoSpec(free, PLAN, 'en'));
    expect(svg).toContain('Low: -0.2 months → no break-even');
    expect(svg).toContain('Low: NOK\u00a01,000 less → any wage');
  });

  it('refuses to draw bars without a base case', () => {
    const none = withCostBenefit((cb) => ({ ...cb, break_even_wage: { monthly_nok: null, annual_nok: null, ci: null, median_nok: null, reason: 'no_employment_effect' } })).cost_benefit!;
    expect(() => spec(none)).toThrow(/no break-even wage in the base case/);
  });

  it('renders without warnings in both languages, with the names and the values', async () => {
    for (const lang of ['en', 'nb'] as const) {
      const svg = await renderSvg(costBenefitTornadoSpec(CB, PLAN, lang));
      expect(svg).toMatch(/^<svg[^>]* role="graphics-document"/);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      expect(svg).toContain(lang === 'en' ? 'Extra months in work' : 'Ekstra måneder i arbeid');
      expect(svg).toContain(lang === 'en' ? 'Base case NOK' : 'Grunnanslag kr');
    }
  });
});
