/**
 * Verification of the arms against the allocation list: every participant's recorded
 * arm at (site, allocation_no), reused and skipped numbers, the list's published hash,
 * and the list regenerated from its seed. Problems name sites and allocation numbers,
 * never participants.
 */

/** One verification problem, located by site and allocation number. */
export type AllocationProblem =
  | { kind: 'arm_mismatch'; site: string; allocation_no: number; recorded: string; listed: string }
  | { kind: 'reused'; site: string; allocation_no: number; times: number }
  | { kind: 'gap'; site: string; allocation_no: number }
  | { kind: 'not_in_list'; site: string; allocation_no: number }
  | { kind: 'no_allocation_no'; site: string; count: number }
  | { kind: 'commitment_mismatch'; expected: string; actual: string }
  | { kind: 'differs_from_seed'; site: string; allocation_no: number; listed: string | null; regenerated: string | null };

export interface AllocationVerification {
  /** 'verified': a list was checked and no problem found; 'no_list': nothing to check against. */
  status: 'verified' | 'failed' | 'no_list';
  /** The list checked: where it came from, its hash and size. */
  list: { file: string; sha256: string; slots: number } | null;
  /** The plan's published hash, and whether the list matches it. */
  commitment: { expected: string; matches: boolean } | null;
  /** Whether the list regenerated from the plan's seed is identical (null: no seed given). */
  regenerated_from_seed: { matches: boolean } | null;
  /** All problems, in site then allocation-number order (capped; see problems_total). */
  problems: AllocationProblem[];
  problems_total: number;
}
