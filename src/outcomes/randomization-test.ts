/**
 * The randomization test of the risk difference: the arms are redrawn under the trial's
 * own stratified design (src/design/rerandomize.ts) and the observed difference compared
 * with the redrawn ones. Valid whatever the outcome distribution, because the only
 * randomness it relies on is the randomization itself.
 */
import { designFromPlan } from '../design/allocation.ts';
import { rerandomizer } from '../design/rerandomize.ts';
import type { Dataset } from '../io/dataset.ts';
import type { AnalysisPlan } from '../io/plan.ts';
import type { Rng } from '../random/rng.ts';
import { randomizationPValue } from '../stats/randomization-test.ts';

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
 * p-value of the risk difference (intervention minus control) at one month from
 * `permutations` redraws; `status` holds each participant's outcome (1, 0, −1 unknown).
 * Null when the observed difference is undefined (an arm without analysed participants).
 */
export function riskDifferenceRandomizationTest(dataset: Dataset, plan: AnalysisPlan, status: Int8Array, rng: Rng): { p: number; permutations: number } | null {
  const p = dataset.participants;
  const design = designFromPlan(plan);
  const treat = plan.arms.findIndex((a) => a !== plan.control_arm);
  const analysed: number[] = [];
  for (let i = 0; i < status.length; i++) if (status[i] !== -1 && p.withdrawn[i] === 0) analysed.push(i);
  const rd = (armOf: (i: number) => number): number | null => {
    const n = [0, 0];
    const e = [0, 0];
    for (const i of analysed) {
      const g = armOf(i) === treat ? 0 : 1;
      n[g]! += 1;
      e[g]! += status[i]!;
    }
    return n[0]! > 0 && n[1]! > 0 ? e[0]! / n[0]! - e[1]! / n[1]! : null;
  };
  const observed = rd((i) => plan.arms.indexOf(p.arm[i]!));
  if (observed === null) return null;
  const redraw = rerandomizer(design, p.site, allocationPositions(dataset));
  const arms = new Uint8Array(status.length);
  return randomizationPValue(
    observed,
    () => {
      redraw(rng, arms);
      return rd((i) => arms[i]!);
    },
    plan.permutations,
  );
}
