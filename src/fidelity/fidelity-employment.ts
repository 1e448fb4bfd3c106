/**
 * Across sites: does a site's IPS-25 total go with its employment effect? Pearson's r
 * between the total and the site's employment risk difference (IPS minus control at the
 * primary timepoint), with the Fisher-z interval, and Spearman's rho as a check that one
 * site's extreme value does not carry r. Bond et al. (Psychiatr Serv 2012) found r = 0.34
 * between the IPS-25 total and site employment rates, across many more sites than a trial has.
 */
import { pearsonTest, spearmanTest, type SpearmanTest } from './correlation.ts';
import type { SiteFidelity } from './site-fidelity.ts';
import { compareSites } from './site-fidelity.ts';

/** A site's employment risk difference, IPS minus control (a fraction), as the outcomes stage gives it. */
export interface SiteRiskDifference {
  site: string;
  /** Null when the site's difference is not estimable (an arm without participants). */
  risk_difference: number | null;
}

/** Why a site is left out of the correlation. */
export type CorrelationExclusion = 'incomplete_rating' | 'no_rating' | 'no_risk_difference';

/** Why r (with p and ci), or only ci, is null. */
export type FidelityCorrelationReason =
  | 'too_few_sites'
  | 'constant_fidelity_total'
  | 'constant_risk_difference'
  /** r and p are given; the interval needs n ≥ 4 (standard error 1/√(n − 3)). */
  | 'interval_needs_four_sites';

export interface FidelityEmploymentCorrelation {
  method: 'pearson';
  /** Month of the employment risk difference (the primary timepoint). */
  month: number;
  /** Sites with both a complete total and a risk difference. */
  n: number;
  /** Those sites, in Norwegian alphabetical order. */
  sites: string[];
  /** The other sites named in either input, and why each is left out. */
  excluded: { site: string; reason: CorrelationExclusion }[];
  r: number | null;
  /** Fisher-z interval at `confidence`. */
  ci: [number, number] | null;
  /** Two-sided p of the t test of r = 0 (n − 2 df). */
  p: number | null;
  confidence: number;
  reason: FidelityCorrelationReason | null;
  /** Spearman's rho, a robustness check on r (see SpearmanTest for how p is found). */
  spearman: Pick<SpearmanTest, 'rho' | 'p' | 'p_method' | 'ties'>;
  /**
   * `few_sites` when n < FEW_SITES: the report must then say that so few sites make the
   * correlation very uncertain (fewSitesCaution gives the text).
   */
  note: 'few_sites' | null;
  /** The published correlation to set beside this one. */
  reference: { r: number; source: string };
}

/**
 * Below this many sites even a correlation of Bond et al.'s size (r = 0.34) has a 95 %
 * Fisher-z interval that includes 0: atanh(0.34) = 0.354 < 1.96/√(n − 3) for n ≤ 33.
 */
export const FEW_SITES = 34;

export const BOND_2012 = { r: 0.34, source: 'Bond et al., Psychiatr Serv 2012 (IPS-25 total and site employment rate)' } as const;

/**
 * Correlates the complete fidelity totals with the sites' employment risk differences
 * (IPS minus control at month `month`), pairing by site name. Sites with an incomplete
 * rating, no rating, or no risk difference are left out and listed in `excluded`.
 * Throws a RangeError for a site given twice or a risk difference that is not finite.
 *
 * @example correlateFidelityWithEmployment(sites, rds, 18, 0.95).r // Pearson's r, or null with `reason`
 */
export function correlateFidelityWithEmployment(
  sites: readonly SiteFidelity[],
  riskDifferences: readonly SiteRiskDifference[],
  month: number,
  confidence = 0.95,
): FidelityEmploymentCorrelation {
  const rd = new Map<string, number | null>();
  for (const d of riskDifferences) {
    const site = d.site.normalize('NFC');
    if (rd.has(site)) throw new RangeError(`correlateFidelityWithEmployment: site ${JSON.stringify(site)} has two risk differences`);
    if (d.risk_difference !== null && !Number.isFinite(d.risk_difference)) {
      throw new RangeError(`correlateFidelityWithEmployment: the risk difference of ${JSON.stringify(site)} must be a finite number or null`);
    }
    rd.set(site, d.risk_difference);
  }
  const fidelity = new Map<string, SiteFidelity>();
  for (const s of sites) {
    if (fidelity.has(s.site)) throw new RangeError(`correlateFidelityWithEmployment: site ${JSON.stringify(s.site)} has two fidelity entries`);
    fidelity.set(s.site, s);
  }

  const names = [...new Set([...fidelity.keys(), ...rd.keys()])].sort(compareSites);
  const used: string[] = [];
  const x: number[] = [];
  const y: number[] = [];
  const excluded: FidelityEmploymentCorrelation['excluded'] = [];
  for (const site of names) {
    const f = fidelity.get(site);
    const d = rd.get(site);
    if (!f) excluded.push({ site, reason: 'no_rating' });
    else if (f.total === null) excluded.push({ site, reason: 'incomplete_rating' });
    else if (d === undefined || d === null) excluded.push({ site, reason: 'no_risk_difference' });
    else {
      used.push(site);
      x.push(f.total);
      y.push(d);
    }
  }

  const pearson = pearsonTest(x, y, confidence);
  const spearman = spearmanTest(x, y);
  const reasons = {
    too_few_pairs: 'too_few_sites',
    constant_x: 'constant_fidelity_total',
    constant_y: 'constant_risk_difference',
    interval_needs_four_pairs: 'interval_needs_four_sites',
  } as const;
  return {
    method: 'pearson',
    month,
    n: used.length,
    sites: used,
    excluded,
    r: pearson.r,
    ci: pearson.ci,
    p: pearson.p,
    confidence,
    reason: pearson.gap === null ? null : reasons[pearson.gap],
    spearman: { rho: spearman.rho, p: spearman.p, p_method: spearman.p_method, ties: spearman.ties },
    note: used.length < FEW_SITES ? 'few_sites' : null,
    reference: { r: BOND_2012.r, source: BOND_2012.source },
  };
}
