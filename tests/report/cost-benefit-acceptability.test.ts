import { describe, expect, it } from 'vitest';
import type { CostBenefit } from '../../src/cost-benefit/cost-benefit-results.ts';
import { acceptabilityPoints, costBenefitAcceptabilitySpec, scenarioNames } from '../../src/report/charts/cost-benefit-acceptability.ts';
import { SCENARIO_COLORS } from '../../src/report/charts/style.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { COST_BENEFIT, PLAN, withCostBenefit } from './fixtures.ts';

type Layer = {
  data: { values: Record<string, unknown>[] };
  mark: { type: string; strokeDash?: number[] };
  encoding: {
    x: { field: string; scale?: { domain: number[] } };
    y?: { field?: string; value?: number; scale?: { domain: number[] }; axis?: { format: string } };
    color?: { field: string; scale: { domain: string[]; range: string[] } };
    text?: { field: string };
  };
};
type Panel = { title: { text: string }; layer: Layer[] };
type Spec = { title: { text: string }; description: string; hconcat: Panel[]; resolve: { scale: Record<string, string> } };

const CB = COST_BENEFIT.cost_benefit!;
const spec = (lang: 'nb' | 'en' = 'en', cb: CostBenefit = CB) => costBenefitAcceptabilitySpec(cb, PLAN, lang) as unknown as Spec;

describe('scenarioNames', () => {
  it('names each scenario by what it assumes, in full and short, in both languages', () => {
    const scenarios = CB.scenarios.map((s) => s.scenario);
    expect(scenarioNames(scenarios, 18, 'en').map((n) => n.short)).toEqual([
      'Trial period only',
      'Lasts 1 year longer',
      'Lasts 3 years longer',
      'Lasts 5 years longer',
      'Lasts 10 years longer, shrinking 30% a year',
    ]);
    expect(scenarioNames(scenarios, 18, 'nb').map((n) => n.long)).toEqual([
      'Virkningen slutter når forsøket slutter, etter 18 måneder',
      'Virkningen varer 1 år til, like stor som ved slutten av forsøket',
      'Virkningen varer 3 år til, like stor som ved slutten av forsøket',
      'Virkningen varer 5 år til, like stor som ved slutten av forsøket',
      'Virkningen varer 10 år til og blir 30\u00a0% mindre hvert år',
    ]);
  });

  it('adds the id to names two scenarios share, so every line keeps its own colour', () => {
    const names = scenarioNames(
      [
        { id: 'window', kind: 'window' },
        { id: 'a', kind: 'constant', years: 2 },
        { id: 'b', kind: 'constant', years: 2 },
      ],
      12,
      'en',
    );
    expect(names.map((n) => n.short)).toEqual(['Trial period only', 'Lasts 2 years longer (a)', 'Lasts 2 years longer (b)']);
  });
});

describe('acceptabilityPoints', () => {
  it('carries every share unchanged, per perspective, scenario and wage', () => {
    const points = acceptabilityPoints(CB, 'en');
    expect(points).toHaveLength(2 * 5 * 61);
    for (const perspective of ['society', 'public_budget'] as const) {
      for (const s of CB.scenarios) {
        const line = points.filter((p) => p.perspective === perspective && p.id === s.scenario.id);
        expect(line.map((p) => p.share)).toEqual(CB.acceptability[perspective][s.scenario.id]);
        expect(line.map((p) => p.wage)).toEqual(CB.acceptability.monthly_wage);
      }
    }
    expect(points.find((p) => p.perspective === 'public_budget' && p.id === 'constant_3y')!.line).toBe('Public budget: Lasts 3 years longer');
  });

  it('leaves out a scenario without a curve and a share that is not a number', () => {
    const partial = withCostBenefit((cb) => ({
      ...cb,
      acceptability: {
        ...cb.acceptability,
        society: { window: cb.acceptability.society.window!.map((x, i) => (i === 3 ? Number.NaN : x)) },
        public_budget: {},
      },
    })).cost_benefit!;
    const points = acceptabilityPoints(partial, 'en');
    expect(points).toHaveLength(60);
    expect(new Set(points.map((p) => p.id))).toEqual(new Set(['window']));
    expect(spec('en', partial).hconcat[0]!.layer[0]!.encoding.color!.scale.domain).toEqual(['Trial period only']);
  });
});

describe('costBenefitAcceptabilitySpec', () => {
  it('has a panel per perspective with one line per scenario, shares from 0 to 100 %', () => {
    const s = spec();
    expect(s.hconcat.map((p) => p.title.text)).toEqual(['Society', 'Public budget']);
    expect(spec('nb').hconcat.map((p) => p.title.text)).toEqual(['Samfunnet', 'Offentlige budsjetter']);
    expect(s.resolve.scale).toMatchObject({ color: 'shared', y: 'shared', x: 'shared' });
    for (const [i, panel] of s.hconcat.entries()) {
      const lines = panel.layer[0]!;
      expect(lines.mark.type).toBe('line');
      expect(lines.data.values.every((v) => v.perspective === ['society', 'public_budget'][i])).toBe(true);
      // One line per scenario, each in its own colour.
      expect(new Set(lines.data.values.map((v) => v.id)).size).toBe(CB.scenarios.length);
      const color = lines.encoding.color!;
      expect(color.field).toBe('scenario');
      expect(color.scale.domain).toHaveLength(CB.scenarios.length);
      expect(color.scale.range).toEqual(SCENARIO_COLORS.slice(0, 5));
      expect(lines.encoding.y!.scale!.domain).toEqual([0, 1]);
      expect(lines.encoding.y!.axis!.format).toBe('.0%');
    }
  });

  it('draws a dashed rule at the reference wage, with a label, in both panels', () => {
    for (const lang of ['en', 'nb'] as const) {
      for (const panel of spec(lang).hconcat) {
        const [, rule, label] = panel.layer;
        expect(rule!.mark).toMatchObject({ type: 'rule', strokeDash: [5, 3] });
        expect(rule!.data.values).toEqual([{ wage: 25_000 }]);
        expect(rule!.encoding.x.field).toBe('wage');
        expect(label!.mark.type).toBe('text');
        expect(label!.data.values[0]).toEqual({ wage: 25_000, label: lang === 'en' ? 'Reference wage NOK\u00a025,000' : 'Referanselønn kr\u00a025\u202f000' });
      }
    }
    // The wage axis reaches the reference wage even when the grid stops short of it.
    const short = withCostBenefit((cb) => ({ ...cb, acceptability: { ...cb.acceptability, monthly_wage: cb.acceptability.monthly_wage.map((w) => w / 10) } })).cost_benefit!;
    const [from, to] = spec('en', short).hconcat[0]!.layer[0]!.encoding.x.scale!.domain;
    expect(from).toBe(0);
    expect(to).toBeCloseTo(27_500, 6);
  });

  it('has a title and a description in the report language', () => {
    expect(spec().title.text).toBe('Probability that IPS pays for itself, by monthly wage');
    expect(spec('nb').title.text).toBe('Sannsynlighet for at IPS lønner seg, etter månedslønn');
    expect(spec().description).toContain('The dashed vertical line is the reference wage, NOK\u00a025,000 a month.');
  });

  it('renders without warnings, with its labels and a name for each line', async () => {
    for (const lang of ['en', 'nb'] as const) {
      const svg = await renderSvg(costBenefitAcceptabilitySpec(CB, PLAN, lang));
      expect(svg).toMatch(/^<svg[^>]* role="graphics-document" aria-label="[^"]+"/);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      expect(svg).toContain(lang === 'en' ? 'Reference wage NOK' : 'Referanselønn kr');
      expect(svg).toContain(lang === 'en' ? 'Lasts 10 years longer, shrinking 30% a year' : 'Varer 10 år til, avtar 30\u00a0% i året');
      expect(svg).toContain(lang === 'en' ? 'aria-label="Society: Trial period only"' : 'aria-label="Samfunnet: Bare forsøksperioden"');
    }
  });
});
