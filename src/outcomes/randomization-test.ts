/**
 * The randomization test of the risk difference: the arms are redrawn under the trial's
 * own stratified design and the observed difference compared with the redrawn ones. Valid
 * whatever the outcome distribution, because the only randomness it relies on is the
 * randomization itself.
 *
 * How the redraws are made, each giving the design's own distribution of the statistic:
 * - permuted blocks: every site's sequence is redrawn by the routine that drew the list
 *   (src/design/rerandomize.ts, drawStratum);
 * - simple randomization: every slot is allocated independently with the ratio's
 *   probabilities, so the analysed participants are too, and the statistic depends only on
 *   how many of the employed and of the not employed land in the intervention arm: two
 *   independent binomial counts, drawn directly (src/random/binomial-draw.ts) instead of
 *   one draw per slot.
 * The redraws come in chunks of PERMUTATION_CHUNK, chunk c from chunkRng(seed, c), so any
 * number of threads gives the same p-value.
 */
import { drawStratum, designFromPlan, type AllocationDesign } from '../design/allocation.ts';
import { siteGroups, type SiteGroups } from '../design/rerandomize.ts';
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import { defineTask } from '../parallel/pool.ts';
import { binomialDraw } from '../random/binomial-draw.ts';
import { chunkCount, chunkRange, chunkRng } from '../random/chunk-streams.ts';
import { extremeThreshold, randomizationPValueOf, type RedrawCounts } from '../stats/randomization-test.ts';

/**
 * Each participant's slot for re-randomization: their allocation number, or, where any is
 * missing, their order of randomization within the site (date, then row).
 */
export function allocationPositions(dataset: Dataset): number[] {
  const p = dataset.participants;
  if (p.allocation_no.every((a) => a !== null)) return p.allocation_no as number[];
  const order = p.site.map((_, i) => i).sort((a, b) => (p.site[a]! < p.site[b]! ? -1 : p.site[a]! > p.site[b]! ? 1 : 0) || (p.randomized_on[a]! < p.randomized_on[b]! ? -1 : p.randomized_on[a]! > p.randomized_on[b]! ? 1 : 0) || a - b);
  const positions = new Array<number>(order.length);
  let previous = '';
  let k = 0;
  for (const i of order) {
    k = p.site[i] === previous ? k + 1 : 1;
    previous = p.site[i]!;
    positions[i] = k;
  }
  return positions;
}

/**
 * Redraws per chunk. Part of the output contract (it decides which generator draws which
 * redraw): changing it changes the p-values.
 */
export const PERMUTATION_CHUNK = 128;

/** One randomization test, ready to be counted chunk by chunk (plain data: a worker can take it). */
export type RandomizationTestInput = {
  readonly observed: number;
  readonly permutations: number;
  /** 32-bit seed; chunk c draws from chunkRng(seed, c). */
  readonly seed: number;
} & (
  | {
      readonly method: 'simple';
      /** Analysed participants employed and not employed. */
      readonly employed: number;
      readonly notEmployed: number;
      /** Probability of the intervention arm for each slot (its share of the ratio). */
      readonly probability: number;
    }
  | {
      readonly method: 'permuted_blocks';
      readonly design: AllocationDesign;
      /** Index of the intervention arm in design.arms. */
      readonly treat: number;
      readonly groups: SiteGroups;
      /** Per member of groups.members (same order): −1 not analysed, else the outcome 0/1. */
      readonly outcome: Int8Array;
    }
);

/** Risk difference of the intervention (group 0) minus control (group 1); null when an arm is empty. */
function riskDifference(e0: number, n0: number, e1: number, n1: number): number | null {
  return n0 > 0 && n1 > 0 ? e0 / n0 - e1 / n1 : null;
}

/** The redraws of chunk `chunk` of a randomization test, counted. Pure: depends on (input, chunk) alone. */
export function randomizationTestChunk(input: RandomizationTestInput, chunk: number): RedrawCounts {
  const { from, to } = chunkRange(input.permutations, PERMUTATION_CHUNK, chunk);
  const rng = chunkRng(input.seed, chunk);
  const threshold = extremeThreshold(input.observed);
  let extreme = 0;
  let defined = 0;
  const count = (t: number | null) => {
    if (t === null) return;
    defined++;
    if (Math.abs(t) >= threshold) extreme++;
  };
  if (input.method === 'simple') {
    const { employed, notEmployed, probability } = input;
    const n = employed + notEmployed;
    for (let b = from; b < to; b++) {
      const e0 = binomialDraw(rng, employed, probability);
      const n0 = e0 + binomialDraw(rng, notEmployed, probability);
      count(riskDifference(e0, n0, employed - e0, n - n0));
    }
  } else {
    const { design, treat, groups, outcome } = input;
    const scratch = new Uint8Array(groups.largest);
    for (let b = from; b < to; b++) {
      let n0 = 0;
      let e0 = 0;
      let n1 = 0;
      let e1 = 0;
      for (let g = 0; g < groups.slots.length; g++) {
        drawStratum(design, groups.slots[g]!, rng, scratch);
        for (let k = groups.start[g]!; k < groups.start[g + 1]!; k++) {
          const y = outcome[k]!;
          if (y < 0) continue;
          if (scratch[groups.slot[k]!] === treat) {
            n0++;
            e0 += y;
          } else {
            n1++;
            e1 += y;
          }
        }
      }
      count(riskDifference(e0, n0, e1, n1));
    }
  }
  return { extreme, defined };
}

/** The randomization test as a pool task (src/parallel/pool.ts). */
export const randomizationTestTask = defineTask(import.meta.url, 'randomizationTestChunk', randomizationTestChunk);

/** Number of chunks of a test. */
export function randomizationChunkCount(input: Pick<RandomizationTestInput, 'permutations'>): number {
  return chunkCount(input.permutations, PERMUTATION_CHUNK);
}

/**
 * The test of the risk difference (intervention minus control) at one month, `status`
 * holding each participant's outcome (1, 0, −1 unknown), ready to run; null when the
 * observed difference is undefined (an arm without analysed participants).
 */
export function prepareRandomizationTest(dataset: Dataset, plan: AnalysisPlan, status: Int8Array, seed: number): RandomizationTestInput | null {
  const p = dataset.participants;
  const design = designFromPlan(plan);
  const treat = plan.arms.findIndex((a) => a !== plan.control_arm);
  const analysed = (i: number) => status[i] !== -1 && p.withdrawn[i] === 0;
  const n = [0, 0];
  const e = [0, 0];
  for (let i = 0; i < status.length; i++) {
    if (!analysed(i)) continue;
    const g = plan.arms.indexOf(p.arm[i]!) === treat ? 0 : 1;
    n[g]! += 1;
    e[g]! += status[i]!;
  }
  const observed = riskDifference(e[0]!, n[0]!, e[1]!, n[1]!);
  if (observed === null) return null;
  const base = { observed, permutations: plan.permutations, seed };
  if (design.method === 'simple') {
    const total = design.ratio.reduce((s, r) => s + r, 0);
    return { ...base, method: 'simple', employed: e[0]! + e[1]!, notEmployed: n[0]! + n[1]! - e[0]! - e[1]!, probability: design.ratio[treat]! / total };
  }
  const groups = siteGroups(p.site, allocationPositions(dataset));
  const outcome = Int8Array.from(groups.members, (i) => (analysed(i) ? status[i]! : -1));
  return { ...base, method: 'permuted_blocks', design, treat, groups, outcome };
}

/** The p-value from the chunks' counts. */
export function finishRandomizationTest(chunks: readonly RedrawCounts[]): { p: number; permutations: number } {
  return randomizationPValueOf(chunks.reduce((t, c) => ({ extreme: t.extreme + c.extreme, defined: t.defined + c.defined }), { extreme: 0, defined: 0 }));
}

/**
 * p-value of the risk difference (intervention minus control) at one month from
 * plan.permutations redraws, all on the calling thread; `status` holds each participant's
 * outcome (1, 0, −1 unknown), `seed` the test's 32-bit seed. Null when the observed
 * difference is undefined (an arm without analysed participants).
 */
export function riskDifferenceRandomizationTest(dataset: Dataset, plan: AnalysisPlan, status: Int8Array, seed: number): { p: number; permutations: number } | null {
  const input = prepareRandomizationTest(dataset, plan, status, seed);
  if (!input) return null;
  return finishRandomizationTest(Array.from({ length: randomizationChunkCount(input) }, (_, c) => randomizationTestChunk(input, c)));
}
