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
 * it. The grouping is computed once (siteGroups); a call allocates nothing when `out` is
 * given. Sites draw in collation order.
 *
 * @example const redraw = rerandomizer(design, participants.site, allocationNumbers);
 *          const arms = redraw(createRng(plan.seed)); // arms[i] ∈ {0, 1}: index into design.arms
 */
export function rerandomizer(design: AllocationDesign, site: readonly string[], allocationNo: readonly number[]): (rng: Rng, out?: Uint8Array) => Uint8Array {
  assertDesign(design);
  const groups = siteGroups(site, allocationNo);
  const scratch = new Uint8Array(groups.largest);
  const n = site.length;
  return (rng, out = new Uint8Array(n)) => {
    if (out.length < n) throw new RangeError(`out has room for ${out.length} of ${n} participants`);
    for (let g = 0; g < groups.slots.length; g++) {
      drawStratum(design, groups.slots[g]!, rng, scratch);
      for (let k = groups.start[g]!; k < groups.start[g + 1]!; k++) out[groups.members[k]!] = scratch[groups.slot[k]!]!;
    }
    return out;
  };
}

/**
 * The participants grouped by site for redraws, as typed arrays (a worker thread can take
 * them): site g's participants are members[start[g] … start[g + 1] − 1], holding the
 * 0-based slots slot[…] of its sequence of slots[g] slots. Sites in collation order
 * (then code units). `largest` is the largest slots[g].
 */
export interface SiteGroups {
  readonly start: Int32Array;
  readonly members: Int32Array;
  readonly slot: Int32Array;
  readonly slots: Int32Array;
  readonly largest: number;
}

/** SiteGroups of the participants; refuses a missing or repeated allocation number within a site. */
export function siteGroups(site: readonly string[], allocationNo: readonly number[]): SiteGroups {
  if (allocationNo.length !== site.length) throw new RangeError(`allocationNo has ${allocationNo.length} entries for ${site.length} participants`);
  const bySite = new Map<string, number[]>();
  site.forEach((s, i) => {
    const no = allocationNo[i]!;
    if (!Number.isInteger(no) || no < 1) throw new RangeError(`participant ${i + 1} (row index) has no valid allocation number`);
    const g = bySite.get(s);
    if (g) g.push(i);
    else bySite.set(s, [i]);
  });
  const names = [...bySite.keys()].sort((a, b) => siteCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  const start = new Int32Array(names.length + 1);
  const members = new Int32Array(site.length);
  const slot = new Int32Array(site.length);
  const slots = new Int32Array(names.length);
  let k = 0;
  names.forEach((name, g) => {
    let highest = 0;
    const seen = new Set<number>();
    for (const i of bySite.get(name)!) {
      const s = allocationNo[i]! - 1;
      if (seen.has(s)) throw new RangeError(`an allocation number is used twice in one site`);
      seen.add(s);
      members[k] = i;
      slot[k++] = s;
      highest = Math.max(highest, s + 1);
    }
    start[g + 1] = k;
    slots[g] = highest;
  });
  return { start, members, slot, slots, largest: slots.reduce((m, v) => Math.max(m, v), 0) };
}
