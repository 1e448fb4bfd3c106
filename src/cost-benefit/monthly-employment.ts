/**
 * Registry months as a participant × month grid per arm, for the cost–benefit model: the
 * share employed in each month 1 … W is what the extra months of work are summed from.
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { interventionArm } from '../outcomes/employment-over-time.ts';

/** One arm's months: status[i · W + (m − 1)] is 1 employed, 0 not, −1 not observed, for analysed participant i. */
export interface ArmMonths {
  participants: number;
  status: Int8Array;
}

/** Both arms' grids over months 1 … window (analysed participants: not withdrawn). */
export function monthlyEmployment(dataset: Dataset, plan: AnalysisPlan, window: number): { intervention: ArmMonths; control: ArmMonths } {
  const p = dataset.participants;
  const grid = (arm: string): ArmMonths => {
    const index = new Map<number, number>();
    for (let i = 0; i < p.arm.length; i++) if (p.arm[i] === arm && p.withdrawn[i] === 0) index.set(i, index.size);
    const status = new Int8Array(index.size * window).fill(-1);
    const e = dataset.employment;
    for (let r = 0; r < e.participant.length; r++) {
      const k = index.get(e.participant[r]!);
      const m = e.month[r]!;
      if (k !== undefined && m >= 1 && m <= window) status[k * window + m - 1] = e.employed[r]!;
    }
    return { participants: index.size, status };
  };
  return { intervention: grid(interventionArm(plan)), control: grid(plan.control_arm) };
}

/**
 * Share employed per month (index m − 1) among the arm's participants `rows` (indices into the
 * grid, repeats allowed, as a bootstrap resample has): employed / observed, null when nobody
 * was observed that month.
 */
export function monthlyShares(arm: ArmMonths, window: number, rows?: Int32Array): (number | null)[] {
  const employed = new Float64Array(window);
  const observed = new Float64Array(window);
  const n = rows ? rows.length : arm.participants;
  for (let j = 0; j < n; j++) {
    const base = (rows ? rows[j]! : j) * window;
    for (let m = 0; m < window; m++) {
      const s = arm.status[base + m]!;
      if (s >= 0) {
        observed[m]! += 1;
        employed[m]! += s;
      }
    }
  }
  return Array.from(employed, (e, m) => (observed[m]! > 0 ? e / observed[m]! : null));
}

/** δ_m = share(intervention) − share(control) per month; null where either share is. */
export function monthlyDifferences(intervention: readonly (number | null)[], control: readonly (number | null)[]): (number | null)[] {
  return intervention.map((a, m) => (a === null || control[m] === null ? null : a - control[m]!));
}
