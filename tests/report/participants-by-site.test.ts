import { describe, expect, it } from 'vitest';
import { participantsBySiteBars, participantsBySiteSpec, siteArmCounts } from '../../src/report/charts/participants-by-site.ts';
import { OKABE_ITO } from '../../src/report/charts/style.ts';
import { renderSvg } from '../../src/report/render-svg.ts';
import { EVIL_PLAN, EVIL_SITE, EVIL_SUMMARY, PLAN, SUMMARY } from './fixtures.ts';

describe('siteArmCounts', () => {
  it('keeps the summary order of sites, the plan order of arms, and fills missing cells with 0', () => {
    expect(siteArmCounts(SUMMARY, PLAN)).toEqual([
      { site: 'Hordaland', arm: 'IPS', n: 101 },
      { site: 'Hordaland', arm: 'TVR', n: 103 },
      { site: 'Sør-Trøndelag', arm: 'IPS', n: 510 },
      { site: 'Sør-Trøndelag', arm: 'TVR', n: 507 },
      { site: 'Østfold', arm: 'IPS', n: 0 },
      { site: 'Østfold', arm: 'TVR', n: 13 },
    ]);
  });
});

describe('participantsBySiteSpec', () => {
  it('carries its data inline and its wording from the texts table', () => {
    const spec = participantsBySiteSpec(SUMMARY, PLAN, 'en') as unknown as Record<string, unknown>;
    expect(spec.data).toEqual({ values: participantsBySiteBars(SUMMARY, PLAN, 'en') });
    expect(participantsBySiteBars(SUMMARY, PLAN, 'en').map(({ site, arm, n }) => ({ site, arm, n }))).toEqual(siteArmCounts(SUMMARY, PLAN));
    expect(spec.title).toMatchObject({ text: 'Randomized participants by site and arm' });
    expect(spec.description).toBe('Horizontal bars show how many participants were randomized to each arm at each site.');
    expect(JSON.stringify(spec)).not.toMatch(/"url"/);
  });

  it('colours arms by role, intervention blue and control orange, whatever their order in the plan', () => {
    const colorOf = (plan: typeof PLAN) => {
      const spec = participantsBySiteSpec(SUMMARY, plan, 'nb') as { encoding: { color: { scale: { domain: string[]; range: string[] } } } };
      const { domain, range } = spec.encoding.color.scale;
      return Object.fromEntries(domain.map((arm, i) => [arm, range[i]]));
    };
    const expected = { IPS: OKABE_ITO.blue, TVR: OKABE_ITO.orange };
    expect(colorOf(PLAN)).toEqual(expected);
    expect(colorOf({ ...PLAN, arms: ['TVR', 'IPS'] })).toEqual(expected);
  });
});

describe('renderSvg', () => {
  it('labels the root element and gives every bar a readable label', async () => {
    const svg = await renderSvg(participantsBySiteSpec(SUMMARY, PLAN, 'nb'));
    const root = /^<svg\b[^>]*>/.exec(svg)![0];
    expect(root).toContain('role="graphics-document"');
    expect(root).toContain('aria-label="Randomiserte deltakere per forsøkssted og gruppe"');
    expect(svg).toContain('<title>Randomiserte deltakere per forsøkssted og gruppe</title><desc>Liggende stolper');
    expect(svg).toContain('aria-label="Sør-Trøndelag, IPS: 510"');
    expect(svg).toContain('aria-label="Østfold, IPS: 0"');
  });

  it('groups axis numbers like the report text', async () => {
    const big = { ...SUMMARY, participants: { ...SUMMARY.participants, by_site: [{ site: 'A', arm: 'IPS', randomized: 4321 }] } };
    expect(await renderSvg(participantsBySiteSpec(big, PLAN, 'nb'))).toContain('>4\u202f321<');
    expect(await renderSvg(participantsBySiteSpec(big, PLAN, 'en'))).toContain('>4,321<');
  });

  it('escapes hostile site names in text and attributes', async () => {
    const svg = await renderSvg(participantsBySiteSpec(EVIL_SUMMARY, EVIL_PLAN, 'en'));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;, IPS: 5');
    expect(EVIL_SITE).toContain('<script');
  });

  it('gives byte-identical output for the same spec, and leaves the spec untouched', async () => {
    const spec = participantsBySiteSpec(SUMMARY, PLAN, 'nb');
    const before = structuredClone(spec);
    expect(await renderSvg(spec)).toBe(await renderSvg(spec));
    expect(spec).toStrictEqual(before);
    expect(Object.getOwnPropertySymbols((spec as { data: { values: object[] } }).data.values[0]!)).toEqual([]);
  });

  it('refuses a spec without a description, and one that makes Vega warn', async () => {
    const spec = participantsBySiteSpec(SUMMARY, PLAN, 'nb');
    await expect(renderSvg({ ...spec, description: undefined })).rejects.toThrow(/description/);
    await expect(
      renderSvg({
        description: 'x',
        data: { values: [{ a: 1 }] },
        mark: 'bar',
        encoding: { x: { field: 'a', type: 'quantitative', aggregate: 'nonsense' as 'sum' } },
      }),
    ).rejects.toThrow(/Invalid aggregation operator/);
  });

  it('refuses to load data from a URL', async () => {
    await expect(
      renderSvg({ description: 'x', data: { url: 'https://example.org/data.csv' }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' } } }),
    ).rejects.toThrow(/may not load resources/);
  });
});
