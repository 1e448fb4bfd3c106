/**
 * The verify stage's findings in one object: is the allocation what the list says, are
 * the arms the size the ratio predicts, are they balanced at baseline, and who was
 * followed up and analysed. Written to results.json as `randomization`, `consort` and
 * `baseline`.
 */
import type { AllocationVerification } from './allocation-check.ts';
import type { BaselineTable } from './baseline.ts';
import type { ArmCounts, ConsortFlow } from './consort.ts';

/** Exact binomial test of the overall allocation ratio (R: binom.test(count, n, p)). */
export interface AllocationRatioTest {
  /** The arm counted: the plan's first arm. */
  arm: string;
  count: number;
  /** All randomized participants. */
  n: number;
  /** The share the plan's ratio expects for `arm`. */
  expected_fraction: number;
  observed_fraction: number;
  /** Clopper–Pearson interval for the observed fraction, at the plan's confidence level. */
  ci: [number, number];
  /** Two-sided exact p-value (outcomes no more likely than the observed one). */
  p: number;
}

export interface RandomizationResult {
  design: {
    method: 'permuted_blocks' | 'simple';
    stratification: string;
    ratio: Record<string, number>;
    block_sizes: number[];
  };
  verification: AllocationVerification;
  /** True when verification failed and the run continued with --allow-unverified. */
  allowed_unverified: boolean;
  arm_counts: { by_site: { site: string; arms: ArmCounts }[]; overall: ArmCounts };
  ratio_test: AllocationRatioTest;
}

export interface VerifyResult {
  randomization: RandomizationResult;
  consort: ConsortFlow;
  baseline: BaselineTable;
}
