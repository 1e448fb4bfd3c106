/**
 * Each trial site's employment effect, for setting beside its fidelity: the risk
 * difference (IPS minus control, a fraction) of the site's level in the outcomes stage's
 * pre-declared `site` subgroup at the primary timepoint, with its interval.
 *
 * A site's difference is left out (null, with the reason) when the report would not show
 * it either: the small-numbers rule hides the site's level in the subgroup forest plot (the
 * caller passes which levels, from the same rule), so a fidelity scatter cannot show what
 * the employment section hides.
 */
import type { SubgroupResult } from '../outcomes/employment-results.ts';
import type { SiteRiskDifference } from './fidelity-employment.ts';
import { compareSites } from './site-fidelity.ts';

/** Why a site has no risk difference here. */
export type SiteEmploymentReason =
  /** The plan has no `site` subgroup, so the outcomes stage made no per-site estimate. */
  | 'no_site_subgroup'
  /** The site's counts are hidden by the small-numbers rule. */
  | 'suppressed'
  /** The difference cannot be estimated (e.g. an arm without analysed participants at the site). */
  | 'not_estimable';

/** One trial site's employment risk difference (fraction) at the primary timepoint. */
export interface SiteEmployment {
  site: string;
  risk_difference: number | null;
  ci: [number, number] | null;
  reason: SiteEmploymentReason | null;
}

/**
 * One entry per trial site (Norwegian alphabetical order). `subgroup` is the outcomes'
 * `site` subgroup at the primary timepoint, or undefined when the plan has none; `hidden[i]`
 * says whether its level i is hidden by the small-numbers rule (subgroupDisclosure).
 *
 * @example siteEmployment(['Oslo'], siteSubgroup, [false])[0] // { site: 'Oslo', risk_difference: 0.12, ci: [...], reason: null }
 */
export function siteEmployment(trialSites: readonly string[], subgroup: SubgroupResult | undefined, hidden: readonly boolean[]): SiteEmployment[] {
  const sites = [...new Set(trialSites.map((s) => s.normalize('NFC')))].sort(compareSites);
  return sites.map((site) => {
    if (!subgroup) return { site, risk_difference: null, ci: null, reason: 'no_site_subgroup' };
    const i = subgroup.levels.findIndex((l) => l.level.normalize('NFC') === site);
    const level = subgroup.levels[i];
    if (!level || level.suppressed || hidden[i] === true) return { site, risk_difference: null, ci: null, reason: level ? 'suppressed' : 'not_estimable' };
    const rd = level.risk_difference;
    if (rd.estimate === null || !Number.isFinite(rd.estimate)) return { site, risk_difference: null, ci: null, reason: 'not_estimable' };
    return { site, risk_difference: rd.estimate, ci: rd.ci, reason: null };
  });
}

/** The differences as the correlation takes them. */
export function riskDifferencesForCorrelation(effects: readonly SiteEmployment[]): SiteRiskDifference[] {
  return effects.map((e) => ({ site: e.site, risk_difference: e.risk_difference }));
}

/** What results.json carries under `fidelity`: the fidelity result and the site effects it was correlated with. */
export type TrialFidelity = import('./fidelity.ts').FidelityResult & {
  /** Each trial site's employment risk difference at the primary timepoint (what the scatter plots against fidelity). */
  site_employment: SiteEmployment[];
};
