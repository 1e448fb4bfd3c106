import { describe, expect, it } from 'vitest';
import { kaplanMeierRows, kaplanMeierSpec } from '../../src/report/charts/kaplan-meier.ts';
import { OKABE_ITO } from '../../src/report/charts/style.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { OUTCOMES, PLAN } from './fixtures.ts';

type Spec = {
  data: { values: { arm: string; month: number; share: number; curve_label: string }[] };
  encoding: { color: { scale: { domain: string[]; range: string[] } } };
  layer: { mark: { type: string; interpolate: string }; encoding: { y: { field: string } } }[];
};
const ttfj = OUTCOMES.time_to_first_job;

/** The plan without the small-number rule (a threshold of 1 hides nothing): one row per step. */
const EVERY_STEP = { ...PLAN, small_cell_threshold: 1 };

describe('kaplanMeierRows', () => {
  it('turns each survival step into the share who have had a job, starting every curve at (0, 0)', () => {
    const rows = kaplanMeierRows(ttfj, EVERY_STEP);
    for (const arm of PLAN.arms) {
      const curve = ttfj.arms[arm]!.curve;
      const mine = rows.filter((r) => r.arm === arm);
      expect(mine[0]).toEqual({ arm, month: 0, share: 0, ci_low: 0, ci_high: 0 });
      expect(mine.slice(1)).toEqual(
        curve.map((s) => ({ arm, month: s.time, share: 1 - s.survival, ci_low: 1 - s.ci![1], ci_high: 1 - s.ci![0] })),
      );
    }
    expect(rows.filter((r) => r.arm === 'IPS')[1]).toEqual({ arm: 'IPS', month: 0, share: 1 - 0.943802, ci_low: 1 - 0.962333, ci_high: 1 - 0.925627 });
  });

  it('steps only at the end of the months the table takes together under the small-number rule, with the stage’s estimates there', () => {
    const ips = kaplanMeierRows(ttfj, PLAN).filter((r) => r.arm === 'IPS');
    expect(ips.map((r) => r.month)).toEqual([0, 1, 3, 5, 6, 7, 10, 12, 15, 16, 17, 18]);
    const month1 = ttfj.arms.IPS!.curve[1]!;
    expect(ips[1]).toEqual({ arm: 'IPS', month: 1, share: 1 - month1.survival, ci_low: 1 - month1.ci![1], ci_high: 1 - month1.ci![0] });
    expect(ips.at(-1)!.share).toBe(1 - ttfj.arms.IPS!.curve.at(-1)!.survival);
  });

  it('has no interval where survival has reached 0', () => {
    const ips = ttfj.arms.IPS!;
    const done = { ...ttfj, arms: { ...ttfj.arms, IPS: { ...ips, curve: [...ips.curve, { time: 19, at_risk: 1, events: 1, censored: 0, survival: 0, std_err: null, ci: null }] } } };
    expect(kaplanMeierRows(done, EVERY_STEP).filter((r) => r.arm === 'IPS').at(-1)).toEqual({ arm: 'IPS', month: 19, share: 1, ci_low: null, ci_high: null });
    // With the rule, the curve stops before 1 person at risk: month 18 is its last step.
    expect(kaplanMeierRows(done, PLAN).filter((r) => r.arm === 'IPS').at(-1)!.month).toBe(18);
  });
});

describe('kaplanMeierSpec', () => {
  it('draws step-after lines and bands of the rows, coloured by role', () => {
    const spec = kaplanMeierSpec(ttfj, PLAN, 'en') as unknown as Spec;
    expect(spec.data.values.map(({ arm, month, share }) => ({ arm, month, share }))).toEqual(
      kaplanMeierRows(ttfj, PLAN).map(({ arm, month, share }) => ({ arm, month, share })),
    );
    expect(spec.layer.map((l) => [l.mark.type, l.mark.interpolate])).toEqual([
      ['area', 'step-after'],
      ['line', 'step-after'],
    ]);
    expect(spec.layer[1]!.encoding.y.field).toBe('share');
    expect(spec.encoding.color.scale).toMatchObject({ domain: ['IPS', 'TVR'], range: [OKABE_ITO.blue, OKABE_ITO.orange] });
    expect(spec.data.values.find((v) => v.arm === 'TVR')!.curve_label).toBe('TVR: share who have had a job, 62.9% after 18 months');
  });

  it('renders an accessible SVG, the same bytes every time', async () => {
    const svg = await renderSvg(kaplanMeierSpec(ttfj, PLAN, 'nb'));
    expect(svg).toContain('aria-label="Andel som har hatt jobb, etter måneder siden randomisering"');
    expect(svg).toContain('aria-label="IPS: andel som har hatt jobb, 77,0\u00a0% etter 18 måneder"');
    expect(svg).toContain('>80\u00a0%<');
    expect(await renderSvg(kaplanMeierSpec(ttfj, PLAN, 'nb'))).toBe(svg);
  });
});
