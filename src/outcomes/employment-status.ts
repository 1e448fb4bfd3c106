/**
 * The employment outcome at a month, per participant, under the plan's definition:
 * employed (1), not employed (0), or unknown (−1: withdrawn, or the registry months
 * that decide it are unobserved). A month without a registry row is unobserved, never
 * "not employed" (data contract).
 */
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';

export const UNKNOWN = -1;

/**
 * Outcome at `month` for every participant (index as in the dataset).
 * - employed_in_month: the registry row for that month.
 * - any_employment_to_month: 1 if any observed month from registry_months.first to `month`
 *   is employed; 0 only if every one of those months is observed and none is; else unknown.
 */
export function employmentStatus(dataset: Dataset, plan: AnalysisPlan, month: number): Int8Array {
  const { participants: p, employment: e } = dataset;
  const n = p.participant_id.length;
  const status = new Int8Array(n).fill(UNKNOWN);
  if (plan.employment_definition === 'employed_in_month') {
    for (let r = 0; r < e.participant.length; r++) if (e.month[r] === month) status[e.participant[r]!] = e.employed[r]!;
  } else {
    const first = plan.registry_months.first;
    const needed = month - first + 1;
    const observed = new Int32Array(n);
    const employed = new Uint8Array(n);
    for (let r = 0; r < e.participant.length; r++) {
      const m = e.month[r]!;
      if (m < first || m > month) continue;
      const i = e.participant[r]!;
      observed[i]! += 1;
      if (e.employed[r] === 1) employed[i] = 1;
    }
    for (let i = 0; i < n; i++) status[i] = employed[i] === 1 ? 1 : observed[i] === needed ? 0 : UNKNOWN;
  }
  for (let i = 0; i < n; i++) if (p.withdrawn[i] === 1) status[i] = UNKNOWN;
  return status;
}
