/**
 * summarizeSiteFidelity: the round used, the profile, the total and the band per site.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIDELITY_BANDS, validateFidelityBands } from '../../src/fidelity/bands.ts';
import type { FidelityRating } from '../../src/fidelity/fidelity-csv.ts';
import { compareSites, summarizeSiteFidelity } from '../../src/fidelity/site-fidelity.ts';

/** Ratings of one round whose scores sum to `total` (first items raised or lowered). */
function roundWithTotal(site: string, date: string, total: number, items = 25): FidelityRating[] {
  const scores = new Array<number>(25).fill(1);
  let rest = total - 25;
  for (let i = 0; rest > 0; i = (i + 1) % 25) {
    if (scores[i]! < 5) {
      scores[i]!++;
      rest--;
    }
  }
  return scores.slice(0, items).map((score, i) => ({ site, item: i + 1, score, rated_on: date, row: 0 }));
}

describe('summarizeSiteFidelity', () => {
  it('sums the 25 items and bands the total, at each band edge', () => {
    const edges = [25, 73, 74, 99, 100, 114, 115, 125];
    const ratings = edges.flatMap((t) => roundWithTotal(`site ${String(t).padStart(3, '0')}`, '2014-05-02', t));
    const sites = summarizeSiteFidelity(ratings, DEFAULT_FIDELITY_BANDS);
    expect(sites.map((s) => [s.total, s.band])).toEqual([
      [25, 'not_ips'],
      [73, 'not_ips'],
      [74, 'fair'],
      [99, 'fair'],
      [100, 'good'],
      [114, 'good'],
      [115, 'exemplary'],
      [125, 'exemplary'],
    ]);
    expect(sites.every((s) => s.complete && s.reason === null && s.missing_items.length === 0)).toBe(true);
  });

  it('gives the item profile in item order, whatever the row order', () => {
    const ratings = roundWithTotal('Oslo', '2014-05-02', 101).reverse();
    const [oslo] = summarizeSiteFidelity(ratings, DEFAULT_FIDELITY_BANDS);
    // roundWithTotal raises the items in turn: item 1 gets the 101st point.
    expect(oslo!.items).toEqual([5, ...new Array(24).fill(4)]);
    expect(oslo!.total).toBe(101);
  });

  it('uses the bands it is given', () => {
    const { bands } = validateFidelityBands([
      { id: 'low', min: 25, max: 104, label: { nb: 'Lav', en: 'Low' } },
      { id: 'high', min: 105, max: 125, label: { nb: 'Høy', en: 'High' } },
    ]);
    const sites = summarizeSiteFidelity([...roundWithTotal('A', '2014-01-01', 104), ...roundWithTotal('B', '2014-01-01', 105)], bands!);
    expect(sites.map((s) => s.band)).toEqual(['low', 'high']);
  });

  it('gives no total or band for an incomplete round, but the profile with the gaps', () => {
    const ratings = roundWithTotal('Oslo', '2014-05-02', 100).filter((r) => r.item !== 3 && r.item !== 25);
    const [oslo] = summarizeSiteFidelity(ratings, DEFAULT_FIDELITY_BANDS);
    expect(oslo).toMatchObject({ total: null, band: null, complete: false, reason: 'incomplete', missing_items: [3, 25] });
    expect(oslo!.items[2]).toBeNull();
    expect(oslo!.items[24]).toBeNull();
    expect(oslo!.items.filter((s) => s !== null)).toHaveLength(23);
  });

  it('analyses the latest round and lists the earlier ones', () => {
    const ratings = [
      ...roundWithTotal('Oslo', '2015-03-01', 110),
      ...roundWithTotal('Oslo', '2013-11-20', 90),
      ...roundWithTotal('Oslo', '2014-06-15', 95),
    ];
    const [oslo] = summarizeSiteFidelity(ratings, DEFAULT_FIDELITY_BANDS);
    expect(oslo).toMatchObject({ rated_on: '2015-03-01', other_rounds: ['2013-11-20', '2014-06-15'], total: 110, band: 'good' });
  });

  it('keeps the latest round even when it is incomplete and an older one is complete', () => {
    const ratings = [...roundWithTotal('Oslo', '2014-01-01', 100), ...roundWithTotal('Oslo', '2015-01-01', 100, 24)];
    const [oslo] = summarizeSiteFidelity(ratings, DEFAULT_FIDELITY_BANDS);
    expect(oslo).toMatchObject({ rated_on: '2015-01-01', other_rounds: ['2014-01-01'], total: null, reason: 'incomplete', missing_items: [25] });
  });

  it('lists sites in Norwegian alphabetical order (Ø after Z)', () => {
    const ratings = ['Østfold', 'Oslo', 'Akershus', 'Sør-Trøndelag', 'Buskerud'].flatMap((s) => roundWithTotal(s, '2014-01-01', 100));
    expect(summarizeSiteFidelity(ratings, DEFAULT_FIDELITY_BANDS).map((s) => s.site)).toEqual(['Akershus', 'Buskerud', 'Oslo', 'Sør-Trøndelag', 'Østfold']);
    expect(compareSites('Zeta', 'Østfold')).toBeLessThan(0);
  });

  it('refuses a duplicate item or an out-of-scale value, which the file check rules out', () => {
    const ratings = roundWithTotal('Oslo', '2014-01-01', 100);
    expect(() => summarizeSiteFidelity([...ratings, { ...ratings[0]! }], DEFAULT_FIDELITY_BANDS)).toThrow(RangeError);
    expect(() => summarizeSiteFidelity([{ ...ratings[0]!, item: 26 }], DEFAULT_FIDELITY_BANDS)).toThrow(RangeError);
    expect(() => summarizeSiteFidelity([{ ...ratings[0]!, score: 6 }], DEFAULT_FIDELITY_BANDS)).toThrow(RangeError);
  });
});
