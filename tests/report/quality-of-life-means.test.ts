import { describe, expect, it } from 'vitest';
import { qualityOfLifeMeansRows, qualityOfLifeMeansSpec, scaleDigits } from '../../src/report/charts/quality-of-life-means.ts';
import { OKABE_ITO } from '../../src/report/charts/style.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { EVIL_MEASURE, EVIL_QUALITY_OF_LIFE, EVIL_VERIFY_PLAN, PLAN, QUALITY_OF_LIFE, withQolWave } from './fixtures.ts';

type Panel = {
  title: { text: string; subtitle: string };
  data: { values: { measure: string; month: number; arm: string; mean: number; run: number }[] };
  encoding: { x: { field: string; axis: { values: number[] } }; color: { scale: { domain: string[]; range: string[] } } };
  layer: { mark: { type: string }; encoding: { y: { field: string }; y2?: { field: string } } }[];
};
type Spec = { concat: Panel[]; resolve: { scale: { y: string } }; description: string };

const spec = (lang: 'nb' | 'en' = 'en', qol = QUALITY_OF_LIFE, plan = PLAN) => qualityOfLifeMeansSpec(qol, plan, lang) as unknown as Spec;

describe('qualityOfLifeMeansRows', () => {
  it('carries every mean and interval unchanged: per measure, wave and arm, baseline included', () => {
    const rows = qualityOfLifeMeansRows(QUALITY_OF_LIFE, PLAN, 'en');
    expect(rows).toHaveLength(5 * 3 * 2);
    for (const w of QUALITY_OF_LIFE.quality_of_life) {
      for (const arm of PLAN.arms) {
        const a = w.arms[arm]!;
        const r = rows.find((x) => x.measure === w.measure && x.month === w.month && x.arm === arm)!;
        expect(r).toMatchObject({ n: a.n, mean: a.mean, ci_low: a.ci![0], ci_high: a.ci![1] });
      }
    }
    expect(rows.find((r) => r.measure === 'depression' && r.month === 6 && r.arm === 'IPS')!.label).toBe(
      'Depressive symptoms, IPS, Month 6: mean 11.2 (95% CI 10.7 to 11.7), 507 answers',
    );
    expect(qualityOfLifeMeansRows(QUALITY_OF_LIFE, PLAN, 'nb').find((r) => r.measure === 'health' && r.month === 0 && r.arm === 'TVR')!.label).toBe(
      'Selvvurdert helse, TVR, Ved start: gjennomsnitt 2,95 (95\u00a0% KI 2,87 til 3,03), 598 svar',
    );
  });

  it('sets the arms a little apart at each wave, intervention and control on either side', () => {
    const rows = qualityOfLifeMeansRows(QUALITY_OF_LIFE, PLAN, 'en').filter((r) => r.measure === 'qol' && r.month === 6);
    const x = Object.fromEntries(rows.map((r) => [r.arm, r.x]));
    expect(x.IPS).toBeLessThan(6);
    expect(x.TVR).toBeGreaterThan(6);
    expect(x.TVR! - x.IPS!).toBeLessThan(1);
  });

  it('leaves out suppressed and missing means, and breaks the line there', () => {
    const gap = withQolWave('qol', 6, (w) => ({
      ...w,
      arms: {
        IPS: { ...w.arms.IPS!, n: 6, mean: null, sd: null, ci: null, suppressed: true },
        TVR: { ...w.arms.TVR!, mean: null, sd: null, ci: null },
      },
    }));
    const rows = qualityOfLifeMeansRows(gap, PLAN, 'en').filter((r) => r.measure === 'qol');
    expect(rows.map((r) => [r.arm, r.month])).toEqual([
      ['IPS', 0],
      ['IPS', 12],
      ['TVR', 0],
      ['TVR', 12],
    ]);
    // Month 0 and month 12 are on different runs, so no line joins them across the gap.
    expect(rows.filter((r) => r.arm === 'IPS').map((r) => r.run)).toEqual([0, 1]);
    const panel = spec('en', gap).concat[0]!;
    expect(panel.data.values.every((v) => typeof v.mean === 'number')).toBe(true);
    expect(panel.data.values).toHaveLength(4);
  });

  it('draws a mean without an interval as a point only', () => {
    const noCi = withQolWave('qol', 6, (w) => ({ ...w, arms: { ...w.arms, TVR: { ...w.arms.TVR!, sd: null, ci: null } } }));
    const row = qualityOfLifeMeansRows(noCi, PLAN, 'en').find((r) => r.measure === 'qol' && r.month === 6 && r.arm === 'TVR')!;
    expect(row).toMatchObject({ ci_low: null, ci_high: null, label: 'Quality of life, TVR, Month 6: mean 5.12, 495 answers' });
  });
});

describe('qualityOfLifeMeansSpec', () => {
  it('has one panel per measure, titled with its label, scale and direction, each with its own y scale', () => {
    const s = spec();
    expect(s.concat).toHaveLength(5);
    expect(s.concat.map((p) => p.title.text)).toEqual(['Quality of life', 'Self-rated health', 'Depressive symptoms', 'Functioning', 'Belief that work is good for health']);
    expect(s.concat.map((p) => p.title.subtitle)).toEqual([
      'Scale from 0 to 10, higher is better',
      'Scale from 1 to 5, higher is better',
      'Scale from 0 to 27, lower is better',
      'Scale from 0 to 100, higher is better',
      'Scale from 1 to 5, higher is better',
    ]);
    expect(spec('nb').concat[2]!.title).toMatchObject({ text: 'Depressive symptomer', subtitle: 'Skala fra 0 til 27, lavere er bedre' });
    expect(s.resolve.scale.y).toBe('independent');
    for (const p of s.concat) {
      expect(new Set(p.data.values.map((v) => v.measure)).size).toBe(1);
      expect(p.data.values).toHaveLength(6);
      expect(p.layer.map((l) => l.mark.type)).toEqual(['line', 'rule', 'point']);
      expect(p.layer[1]!.encoding.y.field).toBe('ci_low');
      expect(p.layer[1]!.encoding.y2!.field).toBe('ci_high');
      expect(p.layer[2]!.encoding.y.field).toBe('mean');
      expect(p.encoding.x.axis.values).toEqual([0, 6, 12]);
    }
  });

  it('colours arms by role, whatever their order in the plan', () => {
    const colors = (plan: typeof PLAN) => {
      const { domain, range } = spec('en', QUALITY_OF_LIFE, plan).concat[0]!.encoding.color.scale;
      return Object.fromEntries(domain.map((arm, i) => [arm, range[i]]));
    };
    expect(colors(PLAN)).toEqual({ IPS: OKABE_ITO.blue, TVR: OKABE_ITO.orange });
    expect(colors({ ...PLAN, arms: ['TVR', 'IPS'] })).toEqual({ IPS: OKABE_ITO.blue, TVR: OKABE_ITO.orange });
  });

  it('renders without warnings, in the report language, with a label on every point', async () => {
    const nb = await renderSvg(qualityOfLifeMeansSpec(QUALITY_OF_LIFE, PLAN, 'nb'));
    expect(nb).toContain('aria-label="Gjennomsnittlig skår per tidspunkt og gruppe"');
    expect(nb).toContain('aria-label="Depressive symptomer, IPS, Måned 12: gjennomsnitt 10,6 (95\u00a0% KI 10,0 til 11,2), 464 svar"');
    expect(nb).toContain('>Skala fra 0 til 27, lavere er bedre<');
    expect(nb).toContain('>Måneder etter randomisering<');
    expect(nb.match(/role="graphics-symbol"/g)?.length ?? 0).toBeGreaterThanOrEqual(30);
    const en = await renderSvg(qualityOfLifeMeansSpec(QUALITY_OF_LIFE, PLAN, 'en'));
    expect(en).toContain('>Mean score<');
    expect(en).not.toMatch(/NaN|undefined/);
    expect(await renderSvg(qualityOfLifeMeansSpec(QUALITY_OF_LIFE, PLAN, 'en'))).toBe(en);
  });

  it('escapes labels from the plan in the SVG', async () => {
    const svg = await renderSvg(qualityOfLifeMeansSpec(EVIL_QUALITY_OF_LIFE, EVIL_VERIFY_PLAN, 'en'));
    expect(svg).not.toContain(EVIL_MEASURE);
    expect(svg).toContain('&lt;svg onload=alert(3)&gt;');
  });
});

describe('scaleDigits', () => {
  it('gives two decimals on short scales and one on long ones', () => {
    expect([scaleDigits(1, 5), scaleDigits(0, 10), scaleDigits(0, 27), scaleDigits(0, 100)]).toEqual([2, 2, 1, 1]);
  });
});
