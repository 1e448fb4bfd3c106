/**
 * Study effect sizes for the meta-analysis: the log risk ratio (intervention over control)
 * and its sampling variance, from a study's 2 × 2 counts or from a reported risk ratio with
 * its confidence interval. The risk ratio is what gets pooled.
 */
import { normalQuantileTwoSided } from '../stats/wilson.ts';

/** '0.5 added to every cell' of a study's table because one of its cells was 0 (metafor's escalc default). */
export type ZeroCellCorrection = 'haldane_anscombe_0.5' | null;

/** The scale of a reported effect estimate. */
export type EffectMeasure = 'RR' | 'OR' | 'RD';

/**
 * One study of the evidence file. Either the four counts (events and totals per arm), or a
 * reported estimate with its interval (`measure`, `estimate`, `ci_low`, `ci_high`, and
 * `ci_level`, default 0.95). When a row has both, the counts are used: they give the exact
 * variance. Intervention is the IPS arm, control the comparison arm.
 */
export interface EvidenceStudy {
  /** Label shown in the forest plot (published study names, never participant data). */
  study: string;
  /** Publication year, for the cumulative meta-analysis. */
  year?: number | null;
  events_intervention?: number | null;
  n_intervention?: number | null;
  events_control?: number | null;
  n_control?: number | null;
  measure?: EffectMeasure | null;
  estimate?: number | null;
  ci_low?: number | null;
  ci_high?: number | null;
  /** Level of [ci_low, ci_high] as a fraction (default 0.95). */
  ci_level?: number | null;
  /** Study-level covariates for meta-regression (numbers, or strings for categories). */
  moderators?: Readonly<Record<string, number | string | null>>;
}

/** Where a study's log risk ratio came from. */
export type EffectSource = 'counts' | 'estimate_ci';

/** A study's log risk ratio yi and its sampling variance vi (log scale, unitless). */
export interface StudyEffect {
  study: string;
  year: number | null;
  /** Position of the study in the evidence list (0-based), for stable ordering. */
  index: number;
  yi: number;
  vi: number;
  source: EffectSource;
  correction: ZeroCellCorrection;
  moderators: Readonly<Record<string, number | string | null>>;
}

/**
 * Why a study is left out of the pooled risk ratio:
 * - 'odds_ratio_only', 'risk_difference_only': only an OR or RD is reported. Converting
 *   either to a risk ratio needs the control-arm risk (RR = OR / (1 − p₀ + p₀·OR), Zhang &
 *   Yu 1998, JAMA 280:1690; RR = 1 + RD/p₀), which such a row does not give. An assumed p₀
 *   would add an error the interval does not show, and at the employment rates of IPS trials
 *   (30–50 %) the OR is far from the RR (SEED: OR 10.4 for a RR of about 5.5), so the choice
 *   of p₀ would move the pooled estimate. The study is listed with this reason instead.
 * - 'no_events_either_arm', 'all_events_both_arms': only with `dropDoubleZero` (metafor's
 *   `drop00 = TRUE`): the table carries no information on the risk ratio.
 * - 'no_effect_data': neither complete counts nor a complete estimate with its interval.
 */
export type ExclusionReason = 'odds_ratio_only' | 'risk_difference_only' | 'no_events_either_arm' | 'all_events_both_arms' | 'no_effect_data';

/** A study of the evidence file that is not pooled, and why. */
export interface ExcludedStudy {
  study: string;
  index: number;
  reason: ExclusionReason;
}

/** Options of studyEffects. */
export interface EffectOptions {
  /**
   * Leave out studies with no events in either arm, or events in everybody in both (as
   * metafor's `escalc(drop00 = TRUE)`). Default false, metafor's default: such a study is
   * kept with 0.5 added to each cell, which gives a log RR near 0 with a large variance.
   */
  dropDoubleZero?: boolean;
}

function isNumber(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Log risk ratio log((a/n1)/(c/n2)) and its large-sample variance 1/a − 1/n1 + 1/c − 1/n2
 * (Katz et al. 1978, Biometrics 34:469), as metafor's `escalc(measure = "RR", ai, n1i, ci,
 * n2i)` with its defaults `add = 1/2, to = "only0"`: when any of the four cells a, n1 − a,
 * c, n2 − c is 0, 0.5 is added to all four (so each n grows by 1) of that study only
 * (Haldane 1956, Ann Hum Genet 20:309). The variance is computed as b/(a·n1) + d/(c·n2),
 * which equals the textbook form without its cancellation.
 *
 * @example logRiskRatioFromCounts(85, 227, 49, 181) // { yi: 0.32367…, vi: 0.02007…, correction: null }
 */
export function logRiskRatioFromCounts(
  eventsIntervention: number,
  nIntervention: number,
  eventsControl: number,
  nControl: number,
): { yi: number; vi: number; correction: ZeroCellCorrection } {
  for (const [x, n, arm] of [
    [eventsIntervention, nIntervention, 'intervention'],
    [eventsControl, nControl, 'control'],
  ] as const) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`logRiskRatioFromCounts: the ${arm} total must be a whole number ≥ 1, got ${n}`);
    if (!Number.isInteger(x) || x < 0 || x > n) {
      throw new RangeError(`logRiskRatioFromCounts: the ${arm} events must be a whole number from 0 to ${n}, got ${x}`);
    }
  }
  let a = eventsIntervention;
  let b = nIntervention - eventsIntervention;
  let c = eventsControl;
  let d = nControl - eventsControl;
  const zero = a === 0 || b === 0 || c === 0 || d === 0;
  if (zero) {
    a += 0.5;
    b += 0.5;
    c += 0.5;
    d += 0.5;
  }
  const n1 = a + b;
  const n2 = c + d;
  return {
    yi: Math.log(a / n1) - Math.log(c / n2),
    vi: b / (a * n1) + d / (c * n2),
    correction: zero ? 'haldane_anscombe_0.5' : null,
  };
}

/**
 * Log risk ratio and its variance from a reported risk ratio with its confidence interval:
 * yi = log(estimate), se = (log(high) − log(low)) / (2·z), z = Φ⁻¹((1 + level)/2), the usual
 * recovery of a standard error from a Wald interval (Cochrane Handbook, version 6.4,
 * §6.3.2). The point estimate is used as reported even when rounding has moved it off the
 * interval's geometric midpoint.
 *
 * @example logRiskRatioFromInterval(1.63, 1.46, 1.82, 0.95) // { yi: 0.48858…, vi: 0.0031624… }
 */
export function logRiskRatioFromInterval(estimate: number, low: number, high: number, level = 0.95): { yi: number; vi: number } {
  if (!(low > 0 && low < high && Number.isFinite(high))) {
    throw new RangeError(`logRiskRatioFromInterval: the interval must satisfy 0 < low < high, got [${low}, ${high}]`);
  }
  if (!(estimate >= low && estimate <= high)) {
    throw new RangeError(`logRiskRatioFromInterval: the estimate ${estimate} lies outside its interval [${low}, ${high}]`);
  }
  const z = normalQuantileTwoSided(level, 'logRiskRatioFromInterval');
  const se = (Math.log(high) - Math.log(low)) / (2 * z);
  return { yi: Math.log(estimate), vi: se * se };
}

/**
 * The log risk ratio of every study that gives one, in input order, and the studies left
 * out with their reason (see ExclusionReason). Counts win over a reported estimate when a
 * row has both. Throws a RangeError naming the study when its numbers are impossible
 * (events above the total, an estimate outside its interval, a non-positive ratio).
 *
 * @example studyEffects([{ study: 'A', events_intervention: 0, n_intervention: 30, events_control: 5, n_control: 28 }])
 *   // included[0]: yi = log((0.5/31)/(5.5/29)), correction 'haldane_anscombe_0.5'
 */
export function studyEffects(studies: readonly EvidenceStudy[], options: EffectOptions = {}): { included: StudyEffect[]; excluded: ExcludedStudy[] } {
  const included: StudyEffect[] = [];
  const excluded: ExcludedStudy[] = [];
  studies.forEach((s, index) => {
    const base = { study: s.study, year: isNumber(s.year) ? s.year : null, index, moderators: s.moderators ?? {} };
    const counts = [s.events_intervention, s.n_intervention, s.events_control, s.n_control];
    try {
      if (counts.every(isNumber)) {
        const [a, n1, c, n2] = counts as number[];
        if (options.dropDoubleZero && a === 0 && c === 0) {
          excluded.push({ study: s.study, index, reason: 'no_events_either_arm' });
          return;
        }
        if (options.dropDoubleZero && a === n1 && c === n2) {
          excluded.push({ study: s.study, index, reason: 'all_events_both_arms' });
          return;
        }
        const e = logRiskRatioFromCounts(a!, n1!, c!, n2!);
        included.push({ ...base, yi: e.yi, vi: e.vi, source: 'counts', correction: e.correction });
        return;
      }
      if (s.measure && isNumber(s.estimate) && isNumber(s.ci_low) && isNumber(s.ci_high)) {
        if (s.measure === 'OR') {
          excluded.push({ study: s.study, index, reason: 'odds_ratio_only' });
          return;
        }
        if (s.measure === 'RD') {
          excluded.push({ study: s.study, index, reason: 'risk_difference_only' });
          return;
        }
        const e = logRiskRatioFromInterval(s.estimate, s.ci_low, s.ci_high, s.ci_level ?? 0.95);
        included.push({ ...base, yi: e.yi, vi: e.vi, source: 'estimate_ci', correction: null });
        return;
      }
      excluded.push({ study: s.study, index, reason: 'no_effect_data' });
    } catch (err) {
      if (err instanceof RangeError) throw new RangeError(`study '${s.study}': ${err.message}`);
      throw err;
    }
  });
  return { included, excluded };
}
