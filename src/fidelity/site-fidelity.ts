/**
 * Per-site fidelity from checked ratings: the rating round used, the item profile, the
 * IPS-25 total and its band.
 *
 * Rounds: a site may have been reviewed more than once (several rated_on dates). The
 * latest round is the one analysed, because it describes the service closest to the
 * employment follow-up and one round per site keeps totals comparable; the earlier dates
 * are listed in `other_rounds` so the report can say they exist. The latest round is used
 * even when incomplete, rather than falling back to an older complete one, so the round
 * analysed never depends on which items were filled in.
 *
 * Incomplete rounds: a total over fewer than 25 items is not on the 25–125 scale and would
 * not be comparable with the other sites' totals (nor with the bands), so the total and the
 * band are null with reason "incomplete"; the item profile is still given, with null for
 * each missing item.
 */
import type { FidelityBand } from './bands.ts';
import { fidelityBand } from './bands.ts';
import type { FidelityRating } from './fidelity-csv.ts';
import { ITEM_COUNT, SCORE_MAX, SCORE_MIN } from './scale.ts';

/** One site's fidelity in its latest rating round. */
export interface SiteFidelity {
  site: string;
  /** Date (YYYY-MM-DD) of the round analysed: the site's latest. */
  rated_on: string;
  /** Dates of the site's earlier rounds, oldest first; not analysed. */
  other_rounds: string[];
  /** Scores of items 1–25 (index 0 = item 1); null where the item was not rated. */
  items: (number | null)[];
  /** Items not rated in the round, in increasing order. */
  missing_items: number[];
  /** True when all 25 items are rated. */
  complete: boolean;
  /** Sum of the 25 scores (25–125), or null when the round is incomplete. */
  total: number | null;
  /** Id of the band the total falls in, or null when the total is null. */
  band: string | null;
  /** Why total and band are null, or null when they are given. */
  reason: 'incomplete' | null;
}

const collator = new Intl.Collator('nb', { sensitivity: 'variant' });

/**
 * Orders site names as the report lists them: Norwegian alphabetical order (Ø after Z),
 * then by code units, so that the order is total and the output stable.
 */
export function compareSites(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * One SiteFidelity per site in `ratings` (rows that passed checkFidelityCsv), sorted by
 * site name in Norwegian order. Throws a RangeError when a (site, item, round) occurs
 * twice or a value lies outside the scale, which checkFidelityCsv rules out.
 *
 * @example summarizeSiteFidelity(ratingsOfOneSiteAllFours, DEFAULT_FIDELITY_BANDS)[0] // { total: 100, band: 'good', complete: true, … }
 */
export function summarizeSiteFidelity(ratings: readonly FidelityRating[], bands: readonly FidelityBand[]): SiteFidelity[] {
  const bySite = new Map<string, FidelityRating[]>();
  for (const r of ratings) {
    const list = bySite.get(r.site);
    if (list) list.push(r);
    else bySite.set(r.site, [r]);
  }
  const sites = [...bySite.keys()].sort(compareSites);
  return sites.map((site) => {
    const rows = bySite.get(site)!;
    // ISO dates order as text.
    const dates = [...new Set(rows.map((r) => r.rated_on))].sort();
    const ratedOn = dates[dates.length - 1]!;
    const items: (number | null)[] = new Array<number | null>(ITEM_COUNT).fill(null);
    for (const r of rows) {
      if (r.rated_on !== ratedOn) continue;
      if (!Number.isInteger(r.item) || r.item < 1 || r.item > ITEM_COUNT) throw new RangeError(`summarizeSiteFidelity: item ${r.item} is outside 1–${ITEM_COUNT}`);
      if (!Number.isInteger(r.score) || r.score < SCORE_MIN || r.score > SCORE_MAX) throw new RangeError(`summarizeSiteFidelity: score ${r.score} is outside ${SCORE_MIN}–${SCORE_MAX}`);
      if (items[r.item - 1] !== null) throw new RangeError(`summarizeSiteFidelity: item ${r.item} of one site is rated twice on ${ratedOn}`);
      items[r.item - 1] = r.score;
    }
    const missing = items.flatMap((s, i) => (s === null ? [i + 1] : []));
    const complete = missing.length === 0;
    const total = complete ? items.reduce<number>((a, s) => a + s!, 0) : null;
    return {
      site,
      rated_on: ratedOn,
      other_rounds: dates.slice(0, -1),
      items,
      missing_items: missing,
      complete,
      total,
      band: total === null ? null : fidelityBand(total, bands).id,
      reason: complete ? null : 'incomplete',
    };
  });
}
