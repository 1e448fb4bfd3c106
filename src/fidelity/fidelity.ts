/**
 * IPS fidelity of the trial's sites, as one result: each site's IPS-25 total, band and item
 * profile, and across sites the relation between the total and the employment effect.
 *
 * Fidelity is rated per site, not per participant: every number here is a site-level
 * aggregate (a review team's item scores and their sum), so the small-cell rule for
 * participant counts does not apply to it, and no participant identifier is involved.
 */
import type { FidelityBand } from './bands.ts';
import type { FidelityRating } from './fidelity-csv.ts';
import { correlateFidelityWithEmployment, type FidelityEmploymentCorrelation, type SiteRiskDifference } from './fidelity-employment.ts';
import { ITEM_COUNT, SCORE_MAX, SCORE_MIN, TOTAL_MAX, TOTAL_MIN } from './scale.ts';
import { compareSites, summarizeSiteFidelity, type SiteFidelity } from './site-fidelity.ts';

export interface FidelityResult {
  scale: { name: 'IPS-25'; items: number; score_range: [number, number]; total_range: [number, number] };
  /** The bands used (the plan's, or the defaults), lowest first. */
  bands: FidelityBand[];
  /** One entry per rated site, in Norwegian alphabetical order. */
  sites: SiteFidelity[];
  /** Trial sites without any fidelity rating, in the same order. */
  sites_without_rating: string[];
  correlation: FidelityEmploymentCorrelation;
}

export interface FidelityInput {
  /** Rows of fidelity.csv that passed checkFidelityCsv (which must have found no violation). */
  ratings: readonly FidelityRating[];
  /** Validated bands (validateFidelityBands). */
  bands: readonly FidelityBand[];
  /** The trial's sites (participants.csv). */
  trialSites: readonly string[];
  /** Each site's employment risk difference, IPS minus control, at the primary timepoint. */
  riskDifferences: readonly SiteRiskDifference[];
  /** The primary timepoint (month) the risk differences are for. */
  month: number;
  /** The plan's confidence level, e.g. 0.95. */
  confidence: number;
}

/**
 * The fidelity result: per-site totals (25–125), bands and item profiles from the latest
 * rating round of each site, and Pearson's r (Fisher-z interval, t-test p) with Spearman's
 * rho between the total and the site's employment risk difference. Throws a RangeError
 * when a rated site is not a trial site (checkFidelityCsv reports that as a violation first).
 *
 * @example analyzeFidelity({ ratings, bands, trialSites, riskDifferences, month: 18, confidence: 0.95 }).sites[0]?.band // 'good'
 */
export function analyzeFidelity(input: FidelityInput): FidelityResult {
  const trial = new Set(input.trialSites.map((s) => s.normalize('NFC')));
  const sites = summarizeSiteFidelity(input.ratings, input.bands);
  const outside = sites.find((s) => !trial.has(s.site));
  if (outside) throw new RangeError(`analyzeFidelity: rated site ${JSON.stringify(outside.site)} is not a trial site`);
  const rated = new Set(sites.map((s) => s.site));
  return {
    scale: { name: 'IPS-25', items: ITEM_COUNT, score_range: [SCORE_MIN, SCORE_MAX], total_range: [TOTAL_MIN, TOTAL_MAX] },
    bands: input.bands.map((b) => ({ id: b.id, min: b.min, max: b.max, label: { nb: b.label.nb, en: b.label.en } })).sort((a, b) => a.min - b.min),
    sites,
    sites_without_rating: [...trial].filter((s) => !rated.has(s)).sort(compareSites),
    correlation: correlateFidelityWithEmployment(sites, input.riskDifferences, input.month, input.confidence),
  };
}
