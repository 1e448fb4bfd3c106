/**
 * The verify stage's findings in one object: is the allocation what the list says, are
 * the arms the size the ratio predicts, are they balanced at baseline, and who was
 * followed up and analysed. Written to results.json as `randomization`, `consort` and
 * `baseline`.
 */
import type { Dataset, IngestSummary } from '../io/dataset.ts';
import { FILES } from '../io/contract.ts';
import { ContractError, VerificationError } from '../io/errors.ts';
import { message } from '../io/messages.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { binomialTest } from '../stats/binomial-test.ts';
import { designFromPlan, type AllocationSlot } from './allocation.ts';
import { checkAllocation, type AllocationVerification } from './allocation-check.ts';
import { baselineTable, type BaselineTable } from './baseline.ts';
import { consortFlow, type ArmCounts, type ConsortFlow } from './consort.ts';
import { describeProblem } from './describe.ts';

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

/** The allocation list as read by the stage: parsed slots plus the bytes as delivered. */
export interface SuppliedList {
  file: string;
  bytes: Uint8Array;
  slots: AllocationSlot[];
}

export interface VerifyInput {
  dataset: Dataset;
  summary: IngestSummary;
  plan: AnalysisPlan;
  list: SuppliedList | null;
  /** Continue past a failed verification (the report then carries a warning). */
  allowUnverified: boolean;
}

/**
 * Verifies the allocation, tests the allocation ratio, and builds the CONSORT counts and
 * the baseline table. Throws VerificationError when the allocation fails verification
 * and `allowUnverified` is false.
 */
export function verifyTrial(input: VerifyInput): VerifyResult {
  const { dataset, summary, plan, list } = input;
  checkScreening(plan, summary.participants.total);
  const design = designFromPlan(plan);
  const r = plan.randomization;
  const verification = checkAllocation({
    participants: dataset.participants,
    list,
    design,
    commitment: r.sha256,
    regenerate: r.seed === null ? null : { design, seed: r.seed, strata: r.strata.length > 0 ? r.strata : null },
  });
  if (verification.status === 'failed' && !input.allowUnverified) {
    throw new VerificationError(verification.problems.map(describeProblem), verification.problems_total);
  }
  return {
    randomization: {
      design: { method: r.method, stratification: plan.stratification, ratio: r.ratio, block_sizes: r.method === 'simple' ? [] : r.block_sizes },
      verification,
      allowed_unverified: verification.status === 'failed',
      arm_counts: armCounts(summary, plan),
      ratio_test: ratioTest(summary, plan),
    },
    consort: consortFlow(dataset, plan),
    baseline: baselineTable(dataset.participants, plan),
  };
}

/** CONSORT's flow must add up: those assessed, less those excluded, are those randomized. */
function checkScreening(plan: AnalysisPlan, randomized: number): void {
  const s = plan.screening;
  if (s === null) return;
  const excluded = s.excluded.reduce((sum, e) => sum + e.n, 0);
  if (s.assessed - excluded === randomized) return;
  const found = `assessed ${s.assessed}, excluded ${excluded}, randomized ${randomized}`;
  throw new ContractError([{ file: FILES.plan, row: null, column: 'screening', rule: message.screeningTotals(s.assessed, excluded, randomized), found }]);
}

function armCounts(summary: IngestSummary, plan: AnalysisPlan): RandomizationResult['arm_counts'] {
  const zero = () => Object.fromEntries(plan.arms.map((a) => [a, 0])) as ArmCounts;
  const bySite = new Map<string, ArmCounts>();
  for (const row of summary.participants.by_site) {
    const arms = bySite.get(row.site) ?? zero();
    arms[row.arm] = row.randomized;
    bySite.set(row.site, arms);
  }
  const overall = zero();
  for (const a of summary.participants.by_arm) overall[a.arm] = a.randomized;
  return { by_site: [...bySite].map(([site, arms]) => ({ site, arms })), overall };
}

/** Exact binomial test of the first arm's share against the plan's ratio. */
function ratioTest(summary: IngestSummary, plan: AnalysisPlan): AllocationRatioTest {
  const arm = plan.arms[0]!;
  const ratio = plan.randomization.ratio;
  const expected = ratio[arm]! / plan.arms.reduce((s, a) => s + ratio[a]!, 0);
  const n = summary.participants.total;
  const count = summary.participants.by_arm.find((a) => a.arm === arm)!.randomized;
  const test = binomialTest(count, n, expected, plan.confidence_level);
  return { arm, count, n, expected_fraction: expected, observed_fraction: count / n, ci: test.ci, p: test.p };
}
