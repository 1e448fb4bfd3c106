/**
 * The Kaplan–Meier estimate of a survival curve, with Greenwood standard errors, R's
 * default "log" confidence intervals, and the median survival time as R prints it.
 */
import jStat from 'jstat';

/** One row of the curve: a distinct observed time (with an event, a censoring, or both). */
export interface KaplanMeierStep {
  /** Time, in the units of the input (months in this pipeline). */
  time: number;
  /** Number at risk just before `time`: observed times ≥ `time`. */
  at_risk: number;
  events: number;
  /** Censored at `time`; they count as at risk at `time` (censoring happens after events). */
  censored: number;
  /** S(time), the estimated probability of no event up to and including `time` (a fraction). */
  survival: number;
  /**
   * Greenwood standard error of −log S(time), √Σ d/(n(n − d)) over event times ≤ `time`
   * (R's `survfit()$std.err`); null once S(time) = 0, where R has Inf.
   */
  std_err: number | null;
  /**
   * Pointwise interval [low, high] for S(time): S·exp(∓z·std_err), high clipped at 1 (R's
   * conf.type = "log"); null once S(time) = 0, where R has NA.
   */
  ci: [number, number] | null;
}

/** A Kaplan–Meier curve: one step per distinct observed time, in increasing time. */
export interface KaplanMeierResult {
  n: number;
  events: number;
  confidence_level: number;
  steps: KaplanMeierStep[];
}

/**
 * Kaplan–Meier estimate from right-censored data, equal to R's
 * `survfit(Surv(time, event) ~ 1, conf.int = confidence)` (survival package, defaults
 * conf.type = "log", Greenwood variance): the columns time, n.risk, n.event, n.censor, surv,
 * std.err, lower and upper (Kaplan & Meier 1958, J Am Stat Assoc 53:457; Greenwood 1926).
 *
 *   S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ),  se(t) = √Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ)),
 *   interval S(t)·exp(∓z·se(t)), z = Φ⁻¹((1 + confidence)/2), upper limit at most 1.
 *
 * Like survfit, a step is given at every distinct time, censoring-only times included (their
 * survival is that of the step before), so at_risk and censored account for everyone. The
 * curve is 1 before the first step; an event at time 0 gives a first step below 1 at time 0.
 *
 * @param time  observed times (event or censoring), finite numbers
 * @param event 1 = event at `time`, 0 = censored at `time`
 * @param confidence confidence level of the pointwise intervals, e.g. 0.95
 * @example kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1], 0.95).steps[1] // { time: 2, at_risk: 3, events: 1, censored: 1, survival: 0.5, … }
 */
export function kaplanMeier(time: readonly number[], event: readonly number[], confidence: number): KaplanMeierResult {
  checkSurvivalData(time, event, 'kaplanMeier');
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`kaplanMeier: confidence must lie strictly between 0 and 1, got ${confidence}`);
  }
  const z = jStat.normal.inv((1 + confidence) / 2, 0, 1) as number;
  const order = time.map((_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const n = time.length;
  const steps: KaplanMeierStep[] = [];
  let atRisk = n;
  let survival = 1;
  let varianceSum = 0; // Σ d/(n(n − d)); Infinity once everyone at risk has had the event
  let totalEvents = 0;
  for (let k = 0; k < n; ) {
    const t = time[order[k]!]!;
    let events = 0;
    let censored = 0;
    for (; k < n && time[order[k]!] === t; k++) {
      if (event[order[k]!] === 1) events++;
      else censored++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      varianceSum += events === atRisk ? Infinity : events / (atRisk * (atRisk - events));
    }
    totalEvents += events;
    const se = Math.sqrt(varianceSum);
    const finite = survival > 0 && Number.isFinite(se);
    steps.push({
      time: t,
      at_risk: atRisk,
      events,
      censored,
      survival,
      std_err: finite ? se : null,
      ci: finite ? [survival * Math.exp(-z * se), Math.min(1, survival * Math.exp(z * se))] : null,
    });
    atRisk -= events + censored;
  }
  return { n, events: totalEvents, confidence_level: confidence, steps };
}

/** The median survival time and its interval; null where the curve does not reach 0.5. */
export interface MedianSurvival {
  /** Median time (units of the input); null = not reached (the curve stays above 0.5). */
  estimate: number | null;
  /**
   * [low, high]: where the lower and the upper pointwise interval curves reach 0.5; null =
   * not reached (for `high`, an interval open upwards).
   */
  ci: [number | null, number | null];
}

/** R's tolerance for "S(t) = 0.5" in the median (√ of the double epsilon, as all.equal). */
const HALF_TOLERANCE = Math.sqrt(2 ** -52);

/**
 * Median survival with its interval, equal to the median, 0.95LCL and 0.95UCL that R's
 * `print(survfit(...))` reports (survival package, internal `survmean`; Brookmeyer &
 * Crowley 1982, Biometrics 38:29, with the "log" pointwise intervals).
 *
 * The median is the smallest step time with S(t) ≤ 0.5 (to a tolerance of 1.5e-8); when the
 * curve is exactly 0.5 there and falls further later, it is the midpoint of that time and the
 * time of the next drop, as R. The lower limit applies the same rule to the lower interval
 * curve, the upper limit to the upper one. Steps without an interval (S = 0) are skipped.
 *
 * @example medianSurvival(kaplanMeier([1, 2, 2, 3, 4, 4], [1, 1, 0, 1, 1, 1], 0.95)) // { estimate: 3, ci: [2, null] }
 */
export function medianSurvival(km: KaplanMeierResult): MedianSurvival {
  const times = km.steps.map((s) => s.time);
  return {
    estimate: firstAtOrBelowHalf(km.steps.map((s) => s.survival), times),
    ci: [
      firstAtOrBelowHalf(km.steps.map((s) => (s.ci ? s.ci[0] : null)), times),
      firstAtOrBelowHalf(km.steps.map((s) => (s.ci ? s.ci[1] : null)), times),
    ],
  };
}

/** R's `minmin`: the first time a (non-increasing) curve is ≤ 0.5, averaging at exactly 0.5. */
function firstAtOrBelowHalf(curve: readonly (number | null)[], times: readonly number[]): number | null {
  const keep: number[] = [];
  curve.forEach((y, i) => {
    if (y !== null && y < 0.5 + HALF_TOLERANCE) keep.push(i);
  });
  const first = keep[0];
  if (first === undefined) return null;
  const y1 = curve[first]!;
  if (Math.abs(y1 - 0.5) < HALF_TOLERANCE) {
    const next = keep.find((i) => curve[i]! < y1);
    if (next !== undefined) return (times[first]! + times[next]!) / 2;
  }
  return times[first]!;
}

/** Throws a RangeError unless time and event have equal length, finite times and 0/1 events. */
function checkSurvivalData(time: readonly number[], event: readonly number[], caller: string): void {
  if (time.length !== event.length) throw new RangeError(`${caller}: time and event differ in length (${time.length}, ${event.length})`);
  time.forEach((t, i) => {
    if (!Number.isFinite(t)) throw new RangeError(`${caller}: time[${i}] must be a finite number, got ${t}`);
  });
  event.forEach((e, i) => {
    if (e !== 0 && e !== 1) throw new RangeError(`${caller}: event[${i}] must be 0 or 1, got ${e}`);
  });
}
