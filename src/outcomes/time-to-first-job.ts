/**
 * Time to first job: months from randomization to the first registry month with
 * employment, per participant, and its analysis by arm (Kaplan–Meier curves and medians,
 * log-rank test, Cox hazard ratio of the intervention against the control arm).
 *
 * Definitions (decided before the data are seen; the README states them):
 * - Time origin: randomization, month 0. The time is the registry month number.
 * - Event: the first observed registry month with employed = 1. A participant employed
 *   already in month 0 has the event at time 0 and stays in the analysis, so everyone
 *   randomized and analysable is counted (CONSORT): the curves start below 1 by the share
 *   employed at month 0, which is balanced between arms in expectation by randomization.
 * - Gaps: a month without a registry row is unobserved. When months before the first
 *   employed month are missing, the first *observed* employed month is the event time; the
 *   job may have started in the gap. Interval censoring is ignored: it can only overstate
 *   a time, by at most the length of the gap, and biases the comparison only if gaps are
 *   more common in one arm.
 * - Censoring: without an employed month, censored at the last observed registry month.
 * - Analysed: not withdrawn, with at least one registry month within the plan's
 *   registry_months; the others are counted per arm but not analysed.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { coxPH, type CoxResult } from '../stats/cox.ts';
import { kaplanMeier, medianSurvival, type KaplanMeierStep, type MedianSurvival } from '../stats/kaplan-meier.ts';
import { logRank, type LogRankResult } from '../stats/log-rank.ts';

/** Per participant (index as in the dataset): time in months and 1 = first job, 0 = censored. */
export interface FirstJobTimes {
  /** Participant index in the dataset, analysed participants only, in index order. */
  participant: number[];
  arm: string[];
  /** Month of the first job (event) or of the last observed registry month (censored). */
  time: number[];
  event: (0 | 1)[];
}

/** One arm: who was analysed, and its Kaplan–Meier curve of "not yet employed". */
export interface TimeToFirstJobArm {
  randomized: number;
  withdrawn: number;
  /** Not withdrawn, but without any registry month: not analysed. */
  no_registry: number;
  analysed: number;
  /** First jobs observed (events). */
  events: number;
  /** Of the events, those at month 0 (employed already in the month of randomization). */
  events_at_month_0: number;
  /**
   * Kaplan–Meier estimate of the share not yet employed, one step per month with an event or
   * a censoring (see kaplanMeier); the curve is 1 before the first step. The share with a job
   * by month t is 1 − survival.
   */
  curve: KaplanMeierStep[];
  /** Median months to first job with its interval; null = not reached. */
  median: MedianSurvival;
}

/** The time-to-first-job analysis as results.json carries it (no NaN or Infinity). */
export interface TimeToFirstJobResult {
  time_unit: 'month';
  confidence_level: number;
  /** Registry months used (the plan's): events and censorings lie within them. */
  registry_months: { first: number; last: number };
  /** Per arm, keyed by arm name, in the plan's arm order. */
  arms: Record<string, TimeToFirstJobArm>;
  /** Log-rank test of equal curves (groups in the plan's arm order). */
  log_rank: LogRankResult;
  /** Cox model with the arm as the only covariate, Efron ties: hazard of a first job, intervention over control. */
  hazard_ratio: CoxResult & { intervention: string; control: string };
  participants: FirstJobTimes;
}

/**
 * Time to first job per participant under the definitions above, from the employment
 * registry months. Withdrawn participants and those without a registry month in the plan's
 * window are left out (they are counted in `timeToFirstJob`).
 */
export function firstJobTimes(dataset: Dataset, plan: AnalysisPlan): FirstJobTimes {
  const { participants: p, employment: e } = dataset;
  const n = p.participant_id.length;
  const { first, last } = plan.registry_months;
  const firstJob = new Array<number>(n).fill(Infinity);
  const lastObserved = new Array<number>(n).fill(-Infinity);
  for (let r = 0; r < e.participant.length; r++) {
    const i = e.participant[r]!;
    const m = e.month[r]!;
    if (m < first || m > last) continue;
    lastObserved[i] = Math.max(lastObserved[i]!, m);
    if (e.employed[r] === 1) firstJob[i] = Math.min(firstJob[i]!, m);
  }
  const out: FirstJobTimes = { participant: [], arm: [], time: [], event: [] };
  for (let i = 0; i < n; i++) {
    if (p.withdrawn[i] === 1 || lastObserved[i] === -Infinity) continue;
    const employed = firstJob[i] !== Infinity;
    out.participant.push(i);
    out.arm.push(p.arm[i]!);
    out.time.push(employed ? firstJob[i]! : lastObserved[i]!);
    out.event.push(employed ? 1 : 0);
  }
  return out;
}

/**
 * The time-to-first-job analysis: per arm the Kaplan–Meier curve of the share not yet
 * employed with Greenwood "log" intervals and the median months to first job (as R's
 * survfit), the log-rank test (as survdiff) and the Cox hazard ratio of the non-control arm
 * against the control arm with Efron ties and a Wald interval (as coxph), all at the plan's
 * confidence level. A hazard ratio above 1 means the intervention arm gets jobs sooner.
 */
export function timeToFirstJob(dataset: Dataset, plan: AnalysisPlan): TimeToFirstJobResult {
  const control = plan.control_arm;
  const intervention = plan.arms.find((a) => a !== control);
  if (plan.arms.length !== 2 || intervention === undefined || !plan.arms.includes(control)) {
    throw new RangeError(`timeToFirstJob: the plan needs two arms, one of them the control arm; got ${JSON.stringify(plan.arms)}, control ${JSON.stringify(control)}`);
  }
  const p = dataset.participants;
  for (const a of p.arm) {
    if (!plan.arms.includes(a)) throw new RangeError(`timeToFirstJob: arm ${JSON.stringify(a)} is not in the plan`);
  }
  const times = firstJobTimes(dataset, plan);
  const level = plan.confidence_level;

  const arms: Record<string, TimeToFirstJobArm> = {};
  for (const arm of plan.arms) {
    const idx = times.arm.flatMap((a, k) => (a === arm ? [k] : []));
    const time = idx.map((k) => times.time[k]!);
    const event = idx.map((k) => times.event[k]!);
    const km = kaplanMeier(time, event, level);
    let randomized = 0;
    let withdrawn = 0;
    for (let i = 0; i < p.arm.length; i++) {
      if (p.arm[i] !== arm) continue;
      randomized++;
      if (p.withdrawn[i] === 1) withdrawn++;
    }
    arms[arm] = {
      randomized,
      withdrawn,
      no_registry: randomized - withdrawn - idx.length,
      analysed: idx.length,
      events: km.events,
      events_at_month_0: idx.filter((k) => times.event[k] === 1 && times.time[k] === 0).length,
      curve: km.steps,
      median: medianSurvival(km),
    };
  }
  const x = times.arm.map((a) => (a === intervention ? 1 : 0));
  return {
    time_unit: 'month',
    confidence_level: level,
    registry_months: { ...plan.registry_months },
    arms,
    log_rank: logRank(times.time, times.event, times.arm, [plan.arms[0]!, plan.arms[1]!]),
    hazard_ratio: { intervention, control, ...coxPH(times.time, times.event, x, level) },
    participants: times,
  };
}
