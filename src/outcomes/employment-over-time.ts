/**
 * Employment month by month: the share employed in each registry month per arm, employed
 * months per participant, and total earnings, each intervention minus control.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { bootstrapMeanDifference, percentileInterval } from '../stats/bootstrap.ts';
import { mean, sampleSd } from '../stats/moments.ts';
import { welchDifference } from '../stats/welch.ts';
import { wilsonInterval } from '../stats/wilson.ts';
import type { ArmRate, EmploymentOverTime } from './employment-results.ts';
import { ANALYSIS_STREAM, analysisRng } from './streams.ts';

/** The intervention arm: the one that is not the control. */
export function interventionArm(plan: AnalysisPlan): string {
  return plan.arms.find((a) => a !== plan.control_arm)!;
}

/** Per arm: n, missing, employed, rate and Wilson interval from per-participant outcomes (1, 0, −1 unknown). */
export function armRates(dataset: Dataset, plan: AnalysisPlan, status: Int8Array): Record<string, ArmRate> {
  const p = dataset.participants;
  const out: Record<string, ArmRate> = {};
  for (const arm of plan.arms) {
    let n = 0;
    let employed = 0;
    let missing = 0;
    for (let i = 0; i < status.length; i++) {
      if (p.arm[i] !== arm || p.withdrawn[i] === 1) continue;
      if (status[i] === -1) missing++;
      else {
        n++;
        employed += status[i]!;
      }
    }
    out[arm] = { n, missing, employed, rate: n > 0 ? employed / n : null, ci: n > 0 ? wilsonInterval(employed, n, plan.confidence_level) : null };
  }
  return out;
}

/** Employment over the registry months: monthly shares, months employed, earnings. */
export function employmentOverTime(dataset: Dataset, plan: AnalysisPlan): EmploymentOverTime {
  const { first, last } = plan.registry_months;
  const n = dataset.participants.participant_id.length;
  const span = last - first + 1;
  const byMonth = Array.from({ length: span }, () => new Int8Array(n).fill(-1));
  const observed = new Int32Array(n);
  const employedMonths = new Int32Array(n);
  const earnings = new Float64Array(n);
  const earningsKnown = new Int32Array(n);
  const e = dataset.employment;
  for (let r = 0; r < e.participant.length; r++) {
    const i = e.participant[r]!;
    const m = e.month[r]! - first;
    byMonth[m]![i] = e.employed[r]!;
    observed[i]! += 1;
    employedMonths[i]! += e.employed[r]!;
    const amount = e.earnings_nok[r];
    // A missing amount is NaN in the typed column (null in a hand-built fixture): both
    // fail isFinite, which never coerces.
    if (Number.isFinite(amount)) {
      earnings[i]! += amount!;
      earningsKnown[i]! += 1;
    }
  }
  const analysable = (i: number) => dataset.participants.withdrawn[i] === 0;
  const complete = (i: number) => analysable(i) && observed[i] === span;
  const values = (arm: string, include: (i: number) => boolean, value: (i: number) => number) => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) if (dataset.participants.arm[i] === arm && include(i)) xs.push(value(i));
    return xs;
  };
  const treat = interventionArm(plan);
  const control = plan.control_arm;
  const summary = (xs: number[]) => ({ n: xs.length, mean: xs.length > 0 ? mean(xs) : null, sd: xs.length > 1 ? sampleSd(xs) : null });

  const monthsOf = (arm: string) => values(arm, complete, (i) => employedMonths[i]!);
  const welch = welchDifference(monthsOf(treat), monthsOf(control), plan.confidence_level);

  const earningsComplete = (i: number) => complete(i) && earningsKnown[i] === span;
  const earningsOf = (arm: string) => values(arm, earningsComplete, (i) => earnings[i]!);
  const [et, ec] = [earningsOf(treat), earningsOf(control)];
  const resamples = plan.bootstrap_resamples;
  const replicates = et.length > 0 && ec.length > 0 ? bootstrapMeanDifference(et, ec, resamples, analysisRng(plan.seed, ANALYSIS_STREAM.earningsBootstrap)) : null;

  return {
    months: byMonth.map((status, k) => ({ month: first + k, arms: armRates(dataset, plan, status) })),
    months_employed: {
      first,
      last,
      arms: Object.fromEntries(plan.arms.map((a) => [a, summary(monthsOf(a))])),
      difference: { estimate: welch.estimate, ci: welch.ci, p: welch.p, method: 'welch_t', correction: null, note: welch.ci === null ? 'too_few' : null },
    },
    earnings: {
      arms: Object.fromEntries(plan.arms.map((a) => [a, summary(earningsOf(a))])),
      difference: {
        estimate: et.length > 0 && ec.length > 0 ? mean(et) - mean(ec) : null,
        ci: replicates ? percentileInterval(replicates, plan.confidence_level) : null,
        p: null,
        method: 'bootstrap_percentile',
        correction: null,
        note: replicates ? null : 'no_data',
        resamples: replicates ? resamples : 0,
      },
    },
  };
}
