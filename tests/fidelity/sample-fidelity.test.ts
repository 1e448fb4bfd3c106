/**
 * sampleFidelityCsv: a contract-valid fidelity.csv for the sample trial's six sites, with
 * totals in the published 97–109 (Fyhn et al., Implement Sci Commun 2020), reproducible.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIDELITY_BANDS } from '../../src/fidelity/bands.ts';
import { checkFidelityCsv } from '../../src/fidelity/fidelity-csv.ts';
import { PUBLISHED_TOTAL_RANGE, sampleFidelityCsv } from '../../src/fidelity/sample-fidelity.ts';
import { summarizeSiteFidelity } from '../../src/fidelity/site-fidelity.ts';

const participants = readFileSync(new URL('../../data-samples/participants.csv', import.meta.url), 'utf8');
const SITES = participants
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(',')[1]!);

describe('sampleFidelityCsv', () => {
  it('passes the fidelity contract for the sample sites, 25 items each, totals in 97–109', () => {
    const text = sampleFidelityCsv(SITES, 20130301);
    const checked = checkFidelityCsv(text, SITES);
    expect(checked.violations).toEqual([]);
    expect(checked.ratings).toHaveLength(6 * 25);
    const sites = summarizeSiteFidelity(checked.ratings, DEFAULT_FIDELITY_BANDS);
    expect(sites.map((s) => s.site)).toEqual(['Akershus', 'Buskerud', 'Hordaland', 'Oslo', 'Sør-Trøndelag', 'Østfold']);
    for (const s of sites) {
      expect(s.complete).toBe(true);
      expect(s.total!).toBeGreaterThanOrEqual(97);
      expect(s.total!).toBeLessThanOrEqual(109);
      expect(['fair', 'good']).toContain(s.band);
      expect(s.items.every((x) => x! >= 2 && x! <= 5)).toBe(true);
      expect(s.rated_on.startsWith('2014-')).toBe(true);
    }
  });

  it('is reproducible for a seed and differs between seeds', () => {
    expect(sampleFidelityCsv(SITES, 7)).toBe(sampleFidelityCsv([...SITES].reverse(), 7));
    expect(sampleFidelityCsv(SITES, 7)).not.toBe(sampleFidelityCsv(SITES, 8));
  });

  it('covers the published range over many seeds and never leaves it', () => {
    const totals = new Set<number>();
    for (let seed = 0; seed < 200; seed++) {
      const checked = checkFidelityCsv(sampleFidelityCsv(['A', 'B'], seed), ['A', 'B']);
      for (const s of summarizeSiteFidelity(checked.ratings, DEFAULT_FIDELITY_BANDS)) totals.add(s.total!);
    }
    const [low, high] = PUBLISHED_TOTAL_RANGE;
    expect([...totals].sort((a, b) => a - b)).toEqual(Array.from({ length: high - low + 1 }, (_, i) => low + i));
  });

  it('quotes a site name that needs it, and honours another range and year', () => {
    const text = sampleFidelityCsv(['Trøndelag, sør'], 1, { totalRange: [120, 120], year: 2016 });
    expect(text.split('\n')[1]).toMatch(/^"Trøndelag, sør",1,[2-5],2016-\d\d-\d\d$/);
    const [site] = summarizeSiteFidelity(checkFidelityCsv(text, ['Trøndelag, sør']).ratings, DEFAULT_FIDELITY_BANDS);
    expect(site!.total).toBe(120);
    expect(() => sampleFidelityCsv(['A'], 1, { totalRange: [40, 60] })).toThrow(RangeError);
    expect(() => sampleFidelityCsv(['A'], 1, { totalRange: [110, 100] })).toThrow(RangeError);
  });
});
