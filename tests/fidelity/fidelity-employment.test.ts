/**
 * correlateFidelityWithEmployment and analyzeFidelity: pairing by site, the sites left out,
 * the null cases, and the numbers against R 4.2's cor.test (calls beside the values).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIDELITY_BANDS } from '../../src/fidelity/bands.ts';
import { checkFidelityCsv } from '../../src/fidelity/fidelity-csv.ts';
import { analyzeFidelity } from '../../src/fidelity/fidelity.ts';
import { correlateFidelityWithEmployment, FEW_SITES } from '../../src/fidelity/fidelity-employment.ts';
import { fewSitesCaution } from '../../src/fidelity/messages.ts';
import type { SiteFidelity } from '../../src/fidelity/site-fidelity.ts';

function site(name: string, total: number | null): SiteFidelity {
  return {
    site: name,
    rated_on: '2014-05-02',
    other_rounds: [],
    items: new Array(25).fill(total === null ? null : 4),
    missing_items: total === null ? [1] : [],
    complete: total !== null,
    total,
    band: null,
    reason: total === null ? 'incomplete' : null,
  };
}

function expectClose(actual: number | null | undefined, expected: number, rel = 1e-12): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThan(rel);
}

// Six sites, the totals within the published 97–109.
const NAMES = ['Akershus', 'Buskerud', 'Hordaland', 'Oslo', 'Sør-Trøndelag', 'Østfold'];
const TOTALS = [97, 101, 103, 105, 108, 109];
const RDS = [0.05, 0.12, 0.08, 0.15, 0.11, 0.2];

describe('correlateFidelityWithEmployment', () => {
  it('pairs totals and risk differences by site and matches cor.test', () => {
    // Inputs in different orders: pairing is by name, not position.
    const sites = NAMES.map((n, i) => site(n, TOTALS[i]!)).reverse();
    const rds = NAMES.map((n, i) => ({ site: n, risk_difference: RDS[i]! }));
    const c = correlateFidelityWithEmployment(sites, [rds[3]!, rds[0]!, rds[5]!, rds[1]!, rds[4]!, rds[2]!], 18, 0.95);
    expect(c).toMatchObject({ method: 'pearson', month: 18, n: 6, sites: NAMES, excluded: [], reason: null, note: 'few_sites', confidence: 0.95 });
    // cor.test(c(97,101,103,105,108,109), c(0.05,0.12,0.08,0.15,0.11,0.2))
    expectClose(c.r, 0.77616027440311397);
    expectClose(c.ci?.[0], -0.095652957325322252);
    expectClose(c.ci?.[1], 0.97412109352300225);
    expectClose(c.p, 0.069548676396539194);
    // cor.test(…, method = "spearman"): rho 0.714…, exact p 0.1361…
    expectClose(c.spearman.rho, 0.7142857142857143);
    expectClose(c.spearman.p, 0.1361111111111111);
    expect(c.spearman).toMatchObject({ p_method: 'exact', ties: false });
    expect(c.reference.r).toBe(0.34);
  });

  it('leaves out incomplete ratings, unrated sites and sites without a risk difference, saying why', () => {
    const sites = [site('A', 100), site('B', null), site('C', 104), site('D', 108), site('E', 112), site('F', 99)];
    const rds = [
      { site: 'A', risk_difference: 0.1 },
      { site: 'B', risk_difference: 0.2 },
      { site: 'C', risk_difference: null },
      { site: 'D', risk_difference: 0.05 },
      { site: 'E', risk_difference: 0.3 },
      { site: 'G', risk_difference: 0.15 },
    ];
    const c = correlateFidelityWithEmployment(sites, rds, 12);
    expect(c.sites).toEqual(['A', 'D', 'E']);
    expect(c.excluded).toEqual([
      { site: 'B', reason: 'incomplete_rating' },
      { site: 'C', reason: 'no_risk_difference' },
      { site: 'F', reason: 'no_risk_difference' },
      { site: 'G', reason: 'no_rating' },
    ]);
    expect(c.n).toBe(3);
  });

  it('gives r and p but no interval for three sites, as R', () => {
    // cor.test(c(97, 104, 109), c(0.12, 0.03, 0.15)): conf.int is NULL
    const c = correlateFidelityWithEmployment(
      [site('A', 97), site('B', 104), site('C', 109)],
      [
        { site: 'A', risk_difference: 0.12 },
        { site: 'B', risk_difference: 0.03 },
        { site: 'C', risk_difference: 0.15 },
      ],
      18,
    );
    expect(c).toMatchObject({ n: 3, ci: null, reason: 'interval_needs_four_sites' });
    expectClose(c.r, 0.14610926779951011);
    expectClose(c.p, 0.90664978107378469);
  });

  it('gives the interval from four sites on', () => {
    // cor.test(c(97, 104, 99, 109), c(0.12, 0.03, 0.15, 0.10))
    const c = correlateFidelityWithEmployment(
      [site('A', 97), site('B', 104), site('C', 99), site('D', 109)],
      [0.12, 0.03, 0.15, 0.1].map((d, i) => ({ site: 'ABCD'[i]!, risk_difference: d })),
      18,
    );
    expect(c.reason).toBeNull();
    expectClose(c.ci?.[0], -0.98594197629150038);
    expectClose(c.ci?.[1], 0.89461999207947573);
  });

  it('is null with a reason for fewer than three sites', () => {
    for (const n of [0, 1, 2]) {
      const names = ['A', 'B'].slice(0, n);
      const c = correlateFidelityWithEmployment(
        names.map((s, i) => site(s, 100 + i)),
        names.map((s, i) => ({ site: s, risk_difference: 0.1 * i })),
        18,
      );
      expect(c).toMatchObject({ n, r: null, ci: null, p: null, reason: 'too_few_sites', spearman: { rho: null, p: null, p_method: null } });
    }
  });

  it('is null with a reason when every site has the same total or the same risk difference', () => {
    const rds = NAMES.map((n, i) => ({ site: n, risk_difference: RDS[i]! }));
    const flat = correlateFidelityWithEmployment(NAMES.map((n) => site(n, 104)), rds, 18);
    expect(flat).toMatchObject({ n: 6, r: null, ci: null, p: null, reason: 'constant_fidelity_total', spearman: { rho: null } });
    const same = correlateFidelityWithEmployment(
      NAMES.map((n, i) => site(n, TOTALS[i]!)),
      NAMES.map((n) => ({ site: n, risk_difference: 0.1 })),
      18,
    );
    expect(same).toMatchObject({ r: null, reason: 'constant_risk_difference' });
  });

  it('handles tied totals: Pearson as usual, Spearman on mid-ranks with the t approximation', () => {
    // cor.test(c(97,101,101,105,108,108), c(0.05,0.12,0.08,0.15,0.11,0.2)) and method = "spearman"
    const c = correlateFidelityWithEmployment(
      NAMES.map((n, i) => site(n, [97, 101, 101, 105, 108, 108][i]!)),
      NAMES.map((n, i) => ({ site: n, risk_difference: RDS[i]! })),
      18,
    );
    expectClose(c.r, 0.78569073920576393);
    expectClose(c.ci?.[0], -0.071393825581770362);
    expectClose(c.spearman.rho, 0.70618786360379959);
    expectClose(c.spearman.p, 0.11680660694745566);
    expect(c.spearman).toMatchObject({ ties: true, p_method: 't_approximation' });
  });

  it('adds the few-sites note below FEW_SITES, where r = 0.34 would be compatible with no relation', () => {
    const halfWidth = (n: number) => 1.959963984540054 / Math.sqrt(n - 3);
    expect(Math.atanh(0.34)).toBeLessThan(halfWidth(FEW_SITES - 1));
    expect(Math.atanh(0.34)).toBeGreaterThan(halfWidth(FEW_SITES));
    const make = (n: number) => {
      const names = Array.from({ length: n }, (_, i) => `S${String(i).padStart(2, '0')}`);
      return correlateFidelityWithEmployment(
        names.map((s, i) => site(s, 80 + i)),
        names.map((s, i) => ({ site: s, risk_difference: ((i * 7) % 11) / 100 })),
        18,
      );
    };
    expect(make(FEW_SITES - 1).note).toBe('few_sites');
    expect(make(FEW_SITES).note).toBeNull();
    expect(fewSitesCaution(6).nb).toContain('bare 6 steder');
    expect(fewSitesCaution(6).en).toContain('only 6 sites');
  });

  it('refuses a site given twice or a risk difference that is not a finite number', () => {
    const sites = [site('A', 100)];
    expect(() => correlateFidelityWithEmployment(sites, [{ site: 'A', risk_difference: 0.1 }, { site: 'A', risk_difference: 0.2 }], 18)).toThrow(RangeError);
    expect(() => correlateFidelityWithEmployment(sites, [{ site: 'A', risk_difference: Number.NaN }], 18)).toThrow(RangeError);
    expect(() => correlateFidelityWithEmployment([site('A', 100), site('A', 101)], [], 18)).toThrow(RangeError);
  });
});

describe('analyzeFidelity', () => {
  const trialSites = ['Oslo', 'Østfold', 'Hordaland', 'Akershus'];
  const rows = (s: string, score: number) => Array.from({ length: 25 }, (_, i) => `${s},${i + 1},${score},2014-05-02`);

  it('assembles bands, sites, unrated trial sites and the correlation from a checked file', () => {
    const text = ['site,item,score,rated_on', ...rows('Østfold', 4), ...rows('Oslo', 5), ...rows('Hordaland', 3)].join('\n');
    const checked = checkFidelityCsv(text, trialSites);
    expect(checked.total).toBe(0);
    const res = analyzeFidelity({
      ratings: checked.ratings,
      bands: [...DEFAULT_FIDELITY_BANDS].reverse(),
      trialSites,
      riskDifferences: trialSites.map((s, i) => ({ site: s, risk_difference: 0.05 * i })),
      month: 18,
      confidence: 0.95,
    });
    expect(res.scale).toEqual({ name: 'IPS-25', items: 25, score_range: [1, 5], total_range: [25, 125] });
    expect(res.bands.map((b) => b.id)).toEqual(['not_ips', 'fair', 'good', 'exemplary']);
    expect(res.sites.map((s) => [s.site, s.total, s.band])).toEqual([
      ['Hordaland', 75, 'fair'],
      ['Oslo', 125, 'exemplary'],
      ['Østfold', 100, 'good'],
    ]);
    expect(res.sites_without_rating).toEqual(['Akershus']);
    expect(res.correlation.sites).toEqual(['Hordaland', 'Oslo', 'Østfold']);
    expect(res.correlation.excluded).toEqual([{ site: 'Akershus', reason: 'no_rating' }]);
    // Results are plain data: they survive JSON unchanged (results.json).
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });

  it('refuses a rated site that is not in the trial', () => {
    const ratings = checkFidelityCsv(['site,item,score,rated_on', ...rows('Oslo', 4)].join('\n'), ['Oslo']).ratings;
    expect(() => analyzeFidelity({ ratings, bands: DEFAULT_FIDELITY_BANDS, trialSites: ['Bergen'], riskDifferences: [], month: 18, confidence: 0.95 })).toThrow(
      /not a trial site/,
    );
  });

  it('works for the sample trial’s six sites', () => {
    const participants = readFileSync(new URL('../../data-samples/participants.csv', import.meta.url), 'utf8');
    const sites = [...new Set(participants.trim().split('\n').slice(1).map((l) => l.split(',')[1]!))];
    expect(sites).toHaveLength(6);
    const text = ['site,item,score,rated_on', ...sites.flatMap((s, i) => rows(s, 3 + (i % 3)))].join('\n');
    const checked = checkFidelityCsv(text, sites);
    expect(checked.violations).toEqual([]);
    const res = analyzeFidelity({ ratings: checked.ratings, bands: DEFAULT_FIDELITY_BANDS, trialSites: sites, riskDifferences: [], month: 18, confidence: 0.95 });
    expect(res.sites).toHaveLength(6);
    expect(res.sites_without_rating).toEqual([]);
    expect(res.correlation).toMatchObject({ n: 0, reason: 'too_few_sites' });
    expect(res.correlation.excluded.map((e) => e.reason)).toEqual(new Array(6).fill('no_risk_difference'));
  });
});
