import { describe, expect, it } from 'vitest';
import { employmentOverTimeRows, employmentOverTimeSpec } from '../../src/report/charts/employment-over-time.ts';
import { OKABE_ITO } from '../../src/report/charts/style.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { OUTCOMES, PLAN } from './fixtures.ts';

type Spec = {
  data: { values: unknown[] };
  encoding: { x: { scale: { domain: number[] } }; color: { scale: { domain: string[]; range: string[] } } };
  layer: { mark: { type: string }; encoding: { y: { field: string; axis: { format: string } }; y2?: { field: string } } }[];
  config: { locale: { number: { percent: string } } };
};
const over = OUTCOMES.employment_over_time;

/** The plan without the small-number rule (a threshold of 1 hides nothing). */
const NO_RULE = { ...PLAN, small_cell_threshold: 1 };

describe('employmentOverTimeRows', () => {
  it('carries the outcomes’ numbers unchanged: one row per month and arm, arms in plan order', () => {
    const rows = employmentOverTimeRows(over, NO_RULE, 'en');
    expect(rows).toHaveLength(19 * 2);
    for (const m of over.months) {
      for (const arm of PLAN.arms) {
        const a = m.arms[arm]!;
        const r = rows.find((x) => x.month === m.month && x.arm === arm)!;
        expect(r).toMatchObject({ employed: a.employed, n: a.n, rate: a.rate, ci_low: a.ci![0], ci_high: a.ci![1] });
      }
    }
    expect(rows.slice(0, 2).map((r) => r.arm)).toEqual(['IPS', 'TVR']);
    expect(rows.find((r) => r.month === 18 && r.arm === 'IPS')!.label).toBe('IPS, month 18: 37.1% employed (95% CI 33.3% to 41.0%)');
  });

  it('hides an employed count below the threshold with its share and interval, keeping a row so the line breaks', () => {
    // TVR months 0–4 have 2, 2, 1, 1, 1 employed; months 5 and 6 have 0, which is shown.
    const rows = employmentOverTimeRows(over, PLAN, 'en');
    expect(rows).toHaveLength(19 * 2);
    const tvr = rows.filter((r) => r.arm === 'TVR');
    expect(tvr.filter((r) => r.hidden).map((r) => r.month)).toEqual([0, 1, 2, 3, 4]);
    expect(tvr[2]).toEqual({ month: 2, arm: 'TVR', employed: null, n: 619, rate: null, ci_low: null, ci_high: null, hidden: true, label: 'TVR, month 2: not shown (too few people)' });
    expect(tvr[5]).toMatchObject({ employed: 0, rate: 0, hidden: false });
    expect(rows.filter((r) => r.arm === 'IPS' && r.hidden)).toEqual([]);
    // Threshold 10: IPS months 0–6 (3 to 7 employed) are hidden too.
    const strict = employmentOverTimeRows(over, { ...PLAN, small_cell_threshold: 10 }, 'en');
    expect(strict.filter((r) => r.arm === 'IPS' && r.hidden).map((r) => r.month)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('leaves a month out for an arm with nobody analysed (a gap, not a 0)', () => {
    const gap = { ...over, months: over.months.map((m) => (m.month === 3 ? { ...m, arms: { ...m.arms, TVR: { n: 0, missing: 620, employed: 0, rate: null, ci: null } } } : m)) };
    const rows = employmentOverTimeRows(gap, NO_RULE, 'nb');
    expect(rows.filter((r) => r.month === 3).map((r) => r.arm)).toEqual(['IPS']);
  });
});

describe('employmentOverTimeSpec', () => {
  const spec = employmentOverTimeSpec(over, PLAN, 'nb') as unknown as Spec;

  it('draws the band, the line and the points from the same rows, shares on a percent axis', () => {
    expect(spec.data.values).toEqual(employmentOverTimeRows(over, PLAN, 'nb'));
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['area', 'line', 'point']);
    expect(spec.layer[0]!.encoding.y.field).toBe('ci_low');
    expect(spec.layer[0]!.encoding.y2!.field).toBe('ci_high');
    expect(spec.layer[1]!.encoding.y.field).toBe('rate');
    expect(spec.layer.every((l) => l.encoding.y.axis.format === '.0%')).toBe(true);
    expect(spec.encoding.x.scale.domain).toEqual([0, 18]);
    expect(spec.config.locale.number.percent).toBe('\u00a0%');
  });

  it('colours arms by role, whatever their order in the plan', () => {
    const colors = (plan: typeof PLAN) => {
      const { domain, range } = (employmentOverTimeSpec(over, plan, 'en') as unknown as Spec).encoding.color.scale;
      return Object.fromEntries(domain.map((arm, i) => [arm, range[i]]));
    };
    expect(colors(PLAN)).toEqual({ IPS: OKABE_ITO.blue, TVR: OKABE_ITO.orange });
    expect(colors({ ...PLAN, arms: ['TVR', 'IPS'] })).toEqual({ IPS: OKABE_ITO.blue, TVR: OKABE_ITO.orange });
  });

  it('renders with percent labels in the report language and a label on every point', async () => {
    const nb = await renderSvg(employmentOverTimeSpec(over, PLAN, 'nb'));
    expect(nb).toContain('aria-label="Andel i arbeid hver måned"');
    expect(nb).toContain('>40\u00a0%<');
    expect(nb).toContain('aria-label="IPS, måned 18: 37,1\u00a0% i arbeid (95\u00a0% KI 33,3\u00a0% til 41,0\u00a0%)"');
    const en = await renderSvg(employmentOverTimeSpec(over, PLAN, 'en'));
    expect(en).toContain('>40%<');
    expect(en).toContain('>Months since randomization<');
    expect(await renderSvg(employmentOverTimeSpec(over, PLAN, 'en'))).toBe(en);
  });
});
