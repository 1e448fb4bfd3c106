/**
 * Re-running the trial's randomization on the participants actually enrolled, for
 * randomization-based (permutation) inference: a randomization test compares the
 * observed statistic with its distribution over allocations the design could have
 * produced (Rosenberger & Lachin 2016, Randomization in Clinical Trials, 2nd ed., ch. 6;
 * Rosenberger, Uschner & Wang 2019, Stat Med 38:4000–4015). Under stratified permuted
 * blocks that is not a free shuffle of the arm labels: each site keeps its own balanced
 * sequence, so the redraws use the very routine that drew the list (drawStratum).
 */
import type { Rng } from '../random/rng.ts';
import { siteCollator } from '../io/dataset.ts';
import { assertDesign, drawStratum, type AllocationDesign } from './allocation.ts';

/**
 * Prepares redraws of every participant's arm under `design`, stratified by `site`. Each
 * participant keeps their slot: a site's fresh sequence runs over slots 1..(the site's
 * highest allocation number), and participant i gets slot allocationNo[i]. Slots nobody
 * holds (a withdrawn participant left out, an unused number) are still drawn, so the
 * block structure among those who remain is the design's. Returns a function writing one
 * arm index (into design.arms) per participant to `out` (or a new buffer) and returning
 * it. The grouping is computed once; a call allocates nothing when `out` is given. Sites
 * draw in collation order. Issue 4's randomization tests call it once per permutation.
 *
 * @example const redraw = rerandomizer(design, participants.site, allocationNumbers);
 *          const arms = redraw(createRng(plan.seed)); // arms[i] ∈ {0, 1}: index into design.arms
 */
export function rerandomizer(design: AllocationDesign, site: readonly string[], allocationNo: readonly number[]): (rng: Rng, out?: Uint8Array) => Uint8Array {
  assertDesign(design);
  if (allocationNo.length !== site.length) throw new RangeError(`allocationNo has ${allocationNo.length} entries for ${site.length} participants`);
  const groups = groupBySite(site, allocationNo);
  const largest = groups.reduce((m, g) => Math.max(m, g.slots), 0);
  const scratch = new Uint8Array(largest);
  const n = site.length;
  return (rng, out = new Uint8Array(n)) => {
    if (out.length < n) throw new RangeError(`out has room for ${out.length} of ${n} participants`);
    for (const g of groups) {
      drawStratum(design, g.slots, rng, scratch);
      for (let k = 0; k < g.members.length; k++) out[g.members[k]!] = scratch[g.slot[k]!]!;
    }
    return out;
  };
}

/** One site: its participants, the 0-based slot each holds, and how many slots to draw. */
interface SiteGroup {
  members: Int32Array;
  slot: Int32Array;
  slots: number;
}

/** Participants per site, sites sorted (collation, then code units); refuses a missing or repeated number. */
function groupBySite(site: readonly string[], allocationNo: readonly number[]): SiteGroup[] {
  const bySite = new Map<string, number[]>();
  site.forEach((s, i) => {
    const no = allocationNo[i]!;
    if (!Number.isInteger(no) || no < 1) throw new RangeError(`participant ${i + 1} (row index) has no valid allocation number`);
    const g = bySite.get(s);
    if (g) g.push(i);
    else bySite.set(s, [i]);
  });
  const names = [...bySite.keys()].sort((a, b) => siteCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const members = bySite.get(name)!;
    const slot = Int32Array.from(members, (i) => allocationNo[i]! - 1);
    if (new Set(slot).size !== slot.length) throw new RangeError(`an allocation number is used twice in one site`);
    return { members: Int32Array.from(members), slot, slots: Math.max(...slot) + 1 };
  });
}
