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

/** Both arms' grids over months 1 … window (analysed participants: not withdrawn), in one pass over the registry. */
export function monthlyEmployment(dataset: Dataset, plan: AnalysisPlan, window: number): { intervention: ArmMonths; control: ArmMonths } {
  const p = dataset.participants;
  const armNames = [interventionArm(plan), plan.control_arm];
  // Each participant's arm (0 intervention, 1 control, −1 not analysed) and place in the arm's grid.
  const armOf = new Int8Array(p.arm.length).fill(-1);
  const place = new Int32Array(p.arm.length);
  const sizes = [0, 0];
  for (let i = 0; i < p.arm.length; i++) {
    if (p.withdrawn[i] !== 0) continue;
    const a = armNames.indexOf(p.arm[i]!);
    if (a < 0) continue;
    armOf[i] = a;
    place[i] = sizes[a]!++;
  }
  const status = sizes.map((size) => new Int8Array(size * window).fill(-1));
  const e = dataset.employment;
  for (let r = 0; r < e.participant.length; r++) {
    const i = e.participant[r]!;
    const a = armOf[i]!;
    const m = e.month[r]!;
    if (a >= 0 && m >= 1 && m <= window) status[a]![place[i]! * window + m - 1] = e.employed[r]!;
  }
  return { intervention: { participants: sizes[0]!, status: status[0]! }, control: { participants: sizes[1]!, status: status[1]! } };
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

/**
 * An arm's participants grouped by their month-by-month status: participants with the same
 * row of the grid count alike in every share, so a bootstrap resample needs only how many
 * times each distinct row was drawn (a registry arm of 100 000 has a few thousand).
 */
export interface ArmPatterns {
  participants: number;
  /** Each participant's distinct row. */
  pattern: Int32Array;
  patternCount: number;
  /** Per distinct row and month (D × W, row-major): 1 when employed, and 1 when observed. */
  employed: Float64Array;
  observed: Float64Array;
}

/** The distinct rows of an arm's grid over `window` months (see ArmPatterns). */
export function armPatterns(arm: ArmMonths, window: number): ArmPatterns {
  const n = arm.participants;
  const pattern = new Int32Array(n);
  // A row of statuses −1, 0, 1 as a base-3 number while that is exact (window ≤ 33), else as text.
  const numeric = window <= 33;
  const index = new Map<number | string, number>();
  const first: number[] = [];
  for (let i = 0; i < n; i++) {
    const base = i * window;
    let key: number | string;
    if (numeric) {
      let h = 0;
      for (let m = 0; m < window; m++) h = h * 3 + arm.status[base + m]! + 1;
      key = h;
    } else key = arm.status.subarray(base, base + window).join(',');
    let d = index.get(key);
    if (d === undefined) {
      d = index.size;
      index.set(key, d);
      first.push(i);
    }
    pattern[i] = d;
  }
  const D = first.length;
  const employed = new Float64Array(D * window);
  const observed = new Float64Array(D * window);
  first.forEach((i, d) => {
    for (let m = 0; m < window; m++) {
      const s = arm.status[i * window + m]!;
      if (s >= 0) {
        observed[d * window + m] = 1;
        employed[d * window + m] = s;
      }
    }
  });
  return { participants: n, pattern, patternCount: D, employed, observed };
}

/**
 * Share employed per month (index m − 1) when distinct row d is counted `count[d]` times:
 * employed / observed, null when nobody counted was observed that month. With count = each
 * row's frequency this is monthlyShares of the whole arm; with a resample's counts, of the resample.
 */
export function sharesFromCounts(arm: ArmPatterns, window: number, count: Float64Array): (number | null)[] {
  const employed = new Float64Array(window);
  const observed = new Float64Array(window);
  for (let d = 0; d < arm.patternCount; d++) {
    const c = count[d]!;
    if (c === 0) continue;
    const base = d * window;
    for (let m = 0; m < window; m++) {
      employed[m]! += c * arm.employed[base + m]!;
      observed[m]! += c * arm.observed[base + m]!;
    }
  }
  return Array.from(employed, (e, m) => (observed[m]! > 0 ? e / observed[m]! : null));
}

/** How often each distinct row occurs in the arm. */
export function patternFrequencies(arm: ArmPatterns): Float64Array {
  const count = new Float64Array(arm.patternCount);
  for (let i = 0; i < arm.participants; i++) count[arm.pattern[i]!]! += 1;
  return count;
}
