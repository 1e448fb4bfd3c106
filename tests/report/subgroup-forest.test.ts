import { describe, expect, it } from 'vitest';
import { forestRows, subgroupForestSpec } from '../../src/report/charts/subgroup-forest.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { EVIL_OUTCOMES, EVIL_SITE, OUTCOMES, PLAN } from './fixtures.ts';

const primary = OUTCOMES.employment.find((t) => t.primary)!;
const subgroups = OUTCOMES.employment_subgroups;

type View = { layer?: View[]; mark?: { type: string }; encoding?: Record<string, { field?: string; datum?: number }> };
type Spec = { data: { values: Record<string, unknown>[] }; hconcat: View[] };

describe('forestRows', () => {
  it('puts all participants first, then per variable a heading with the interaction p and its levels', () => {
    const { rows } = forestRows(subgroups, primary, PLAN, 'en');
    expect(rows.map((r) => [r.kind, r.label, r.summary])).toEqual([
      ['overall', 'All participants', '10.1 (4.9 to 15.3)'],
      ['header', 'Sex', 'interaction: p = 0.781'],
      ['level', 'Female', '10.6 (3.3 to 17.8)'],
      ['level', 'Male', '9.3 (1.8 to 16.7)'],
      ['header', 'Age group', 'interaction: p = 0.931'],
      ['level', 'Under 30 years', '10.5 (1.1 to 19.6)'],
      ['level', '30 years or older', '10.1 (3.8 to 16.3)'],
      ['header', 'Paid work in the last 5 years', 'interaction: p = 0.279'],
      ['level', 'Yes', '7.6 (1.0 to 14.2)'],
      ['level', 'No', '14.3 (5.8 to 22.6)'],
      ['header', 'Site', 'interaction: p = 0.321¹'],
      ['level', 'Hordaland', '5.1 (-5.4 to 15.5)'],
      ['level', 'Sør-Trøndelag', '11.6 (5.7 to 17.4)'],
      ['level', 'Østfold', 'cannot be estimated²'],
    ]);
    expect(rows.map((r) => r.row)).toEqual(rows.map((_, i) => `r${i}`));
    expect(forestRows(subgroups, primary, PLAN, 'nb').rows[1]!.label).toBe('Kjønn');
    expect(forestRows(subgroups, primary, PLAN, 'nb').rows[5]!.label).toBe('Under 30 år');
  });

  it('gives differences in percentage points exactly as the outcomes have them, and none where there is no estimate', () => {
    const { rows, notes } = forestRows(subgroups, primary, PLAN, 'en');
    const female = subgroups[0]!.levels[0]!;
    expect(rows[2]).toMatchObject({
      estimate: female.risk_difference.estimate! * 100,
      ci_low: female.risk_difference.ci![0] * 100,
      ci_high: female.risk_difference.ci![1] * 100,
      n: { IPS: '326', TVR: '325' },
      employed: { IPS: '130', TVR: '95' },
    });
    expect(rows[0]).toMatchObject({ estimate: primary.risk_difference.estimate! * 100, n: { IPS: '601', TVR: '615' } });
    expect(rows[13]).toMatchObject({ estimate: null, ci_low: null, ci_high: null, n: { IPS: '0', TVR: '13' }, point_label: 'Site, Østfold: cannot be estimated' });
    expect(notes).toEqual([
      'Everybody or nobody in some combination of group and subgroup is employed (separation), so the p-value for interaction is uncertain.',
      'Cannot be estimated: one of the groups has nobody with data in this subgroup.',
    ]);
  });

  it('says so when the interaction cannot be tested, and why', () => {
    const { rows, notes } = forestRows([{ ...subgroups[0]!, interaction: null, note: 'one_level' }], undefined, PLAN, 'nb');
    expect(rows[0]).toMatchObject({ kind: 'header', summary: 'samspill: kan ikke beregnes¹' });
    expect(notes).toEqual(['Samspillet kan ikke testes: bare én undergruppe har data.']);
  });
});

describe('subgroupForestSpec', () => {
  const spec = subgroupForestSpec(subgroups, primary, PLAN, 'en') as unknown as Spec;

  it('shares the rows between name, count, plot and number columns', () => {
    expect(spec.hconcat).toHaveLength(5);
    const { rows } = forestRows(subgroups, primary, PLAN, 'en');
    expect(spec.data.values.map((v) => [v.row, v.label, v.n0, v.n1, v.estimate, v.summary])).toEqual(
      rows.map((r) => [r.row, r.label, r.n.IPS ?? '', r.n.TVR ?? '', r.estimate, r.summary]),
    );
  });

  it('draws a line at 0, the interval and the point of the difference', () => {
    const plot = spec.hconcat[3]!.layer!;
    expect(plot.map((l) => l.mark!.type)).toEqual(['rule', 'rule', 'point']);
    expect(plot[0]!.encoding!.x!.datum).toBe(0);
    expect(plot[1]!.encoding!.x!.field).toBe('ci_low');
    expect(plot[1]!.encoding!.x2!.field).toBe('ci_high');
    expect(plot[2]!.encoding!.x!.field).toBe('estimate');
  });

  it('renders names, counts and numbers, the direction in the axis title, and labels each point', async () => {
    const svg = await renderSvg(subgroupForestSpec(subgroups, primary, PLAN, 'nb'));
    expect(svg).toContain('aria-label="Forskjell i andel i arbeid i måned 18, per undergruppe"');
    expect(svg).toContain('>Forskjell i prosentpoeng (IPS minus TVR)<');
    expect(svg).toContain('>30 år eller eldre<');
    expect(svg).toContain('>samspill: p = 0,781<');
    expect(svg).toContain('>kan ikke beregnes²<');
    expect(svg).toContain('aria-label="Kjønn, Kvinne: 10,6 prosentpoeng (95\u00a0% KI 3,3 til 17,8)"');
    expect(await renderSvg(subgroupForestSpec(subgroups, primary, PLAN, 'nb'))).toBe(svg);
  });

  it('escapes hostile names', async () => {
    const svg = await renderSvg(subgroupForestSpec(EVIL_OUTCOMES.employment_subgroups, primary, PLAN, 'en'));
    expect(svg).not.toContain(EVIL_SITE);
    expect(svg).not.toMatch(/<script|<img|<b>|<svg onload/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
