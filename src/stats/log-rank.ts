/**
 * The log-rank test comparing the survival curves of two groups.
 */
import jStat from 'jstat';

/** Observed and expected events of one group. */
export interface LogRankGroup {
  group: string;
  n: number;
  observed: number;
  /** Σ over event times of d·nᵍ/n: the events expected if the curves were equal. */
  expected: number;
}

/**
 * A log-rank test; statistic and p are null (with note 'no_information') when the variance
 * is 0: no events, or no event time with both groups at risk.
 */
export interface LogRankResult {
  /** (O − E)²/V of either group, chi-square on 1 df under equal curves. */
  statistic: number | null;
  df: 1;
  p: number | null;
  /** V, the hypergeometric variance of O − E (the same for both groups). */
  variance: number;
  /** In the order of `levels` (or of first appearance). */
  groups: [LogRankGroup, LogRankGroup];
  note: 'no_information' | null;
}

/**
 * Two-group log-rank test, equal to R's `survdiff(Surv(time, event) ~ group)` (rho = 0;
 * survival package): obs, exp, var, chisq and the p-value pchisq(chisq, 1, lower.tail =
 * FALSE) (Mantel 1966, Cancer Chemother Rep 50:163; Peto & Peto 1972, J R Stat Soc A 135:185).
 * At each distinct event time t, with d events among n at risk and nᵍ at risk in group g:
 *
 *   Eᵍ = Σ d·nᵍ/n,  V = Σ d·(n¹/n)·(1 − n¹/n)·(n − d)/(n − 1),  statistic = (O¹ − E¹)²/V.
 *
 * Censored at t count as at risk at t. Ties are the norm with monthly data; the variance's
 * (n − d)/(n − 1) factor is the exact hypergeometric one for tied events.
 *
 * @param time  observed times (event or censoring), finite numbers
 * @param event 1 = event, 0 = censored
 * @param group group label per observation; exactly two distinct labels (or `levels`)
 * @param levels the two groups in the order to report them (both may be absent from `group`)
 */
export function logRank(
  time: readonly number[],
  event: readonly number[],
  group: readonly (string | number)[],
  levels?: readonly [string, string],
): LogRankResult {
  if (time.length !== event.length || time.length !== group.length) {
    throw new RangeError(`logRank: time, event and group differ in length (${time.length}, ${event.length}, ${group.length})`);
  }
  time.forEach((t, i) => {
    if (!Number.isFinite(t)) throw new RangeError(`logRank: time[${i}] must be a finite number, got ${t}`);
  });
  event.forEach((e, i) => {
    if (e !== 0 && e !== 1) throw new RangeError(`logRank: event[${i}] must be 0 or 1, got ${e}`);
  });
  const labels = group.map(String);
  const names = levels ? [...levels] : [...new Set(labels)];
  if (names.length !== 2 || names[0] === names[1]) throw new RangeError(`logRank: needs exactly two groups, got ${JSON.stringify(names)}`);
  const g = labels.map((l) => {
    const k = names.indexOf(l);
    if (k < 0) throw new RangeError(`logRank: group ${JSON.stringify(l)} is not one of the levels ${JSON.stringify(names)}`);
    return k;
  });

  const order = time.map((_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const total = time.length;
  const atRisk = [0, 0];
  for (const k of g) atRisk[k]!++;
  const n = [atRisk[0]!, atRisk[1]!];
  const observed = [0, 0];
  const expected = [0, 0];
  let variance = 0;
  for (let k = 0; k < total; ) {
    const t = time[order[k]!]!;
    const deaths = [0, 0];
    const leaving = [0, 0];
    for (; k < total && time[order[k]!] === t; k++) {
      const i = order[k]!;
      leaving[g[i]!]!++;
      if (event[i] === 1) deaths[g[i]!]!++;
    }
    const d = deaths[0]! + deaths[1]!;
    const r = atRisk[0]! + atRisk[1]!;
    if (d > 0) {
      const share = atRisk[0]! / r;
      expected[0]! += d * share;
      expected[1]! += d * (1 - share);
      if (r > 1) variance += (d * share * (1 - share) * (r - d)) / (r - 1);
    }
    observed[0]! += deaths[0]!;
    observed[1]! += deaths[1]!;
    atRisk[0]! -= leaving[0]!;
    atRisk[1]! -= leaving[1]!;
  }
  const groups: [LogRankGroup, LogRankGroup] = [0, 1].map((k) => ({
    group: names[k]!,
    n: n[k]!,
    observed: observed[k]!,
    expected: expected[k]!,
  })) as [LogRankGroup, LogRankGroup];
  if (!(variance > 0)) return { statistic: null, df: 1, p: null, variance: 0, groups, note: 'no_information' };
  const statistic = (observed[0]! - expected[0]!) ** 2 / variance;
  return { statistic, df: 1, p: chiSquare1UpperTail(statistic), variance, groups, note: null };
}

/**
 * P(χ²₁ > x) = 2Φ(−√x), R's pchisq(x, 1, lower.tail = FALSE); absolute error about 1e-16
 * (jStat's normal tail), so full relative accuracy down to p ≈ 1e-10.
 */
function chiSquare1UpperTail(x: number): number {
  return Math.min(1, 2 * (jStat.normal.cdf(-Math.sqrt(x), 0, 1) as number));
}
