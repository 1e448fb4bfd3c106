/**
 * The allocation list: generating it before enrolment (stratified, permuted blocks or
 * simple randomization, any integer ratio), writing and reading allocation.csv, and its
 * SHA-256 commitment. Pure: the same design, strata and seed give the same list, byte for
 * byte, on every machine.
 */
import type { AnalysisPlan } from '../io/plan.ts';

/** How allocations are drawn within a stratum. */
export interface AllocationDesign {
  method: 'permuted_blocks' | 'simple';
  /** Arm labels, in the plan's order. */
  arms: string[];
  /** Allocation ratio, one positive whole number per arm, in `arms` order (1:1 is [1, 1]). */
  ratio: number[];
  /** Block sizes drawn from uniformly at random; each a multiple of the ratio's sum. Unused by 'simple'. */
  blockSizes: number[];
}

/** A stratum (one value of the stratification column, a site) and its number of slots. */
export interface Stratum {
  name: string;
  slots: number;
}

/** One row of allocation.csv. Block columns are null under simple randomization. */
export interface AllocationSlot {
  site: string;
  /** Position in the site's list, from 1. */
  allocation_no: number;
  /** Block number within the site, from 1. */
  block_no: number | null;
  /** Size of the (full) block this slot belongs to; the last block of a site may be cut short. */
  block_size: number | null;
  arm: string;
}

/** The allocation design the plan declares. */
export function designFromPlan(plan: AnalysisPlan): AllocationDesign {
  return {
    method: plan.randomization.method,
    arms: [...plan.arms],
    ratio: plan.arms.map((a) => plan.randomization.ratio[a]!),
    blockSizes: [...plan.randomization.block_sizes],
  };
}
