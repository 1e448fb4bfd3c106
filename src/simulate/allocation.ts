/**
 * How the synthetic sample is randomized: through the real randomizer, so the shipped
 * sample carries an allocation list that verifies. The published trial's 229:181 split is
 * further apart than 1:1 permuted blocks stratified by six sites allow (at most half a
 * block per site), and simple 1:1 randomization gives a split at least that uneven with a
 * probability of about 2 %. The sample therefore uses simple randomization, stratified by
 * site, and takes the first of the seeds `<seed>-0`, `<seed>-1`, … whose list gives
 * exactly the published split. The plan says so, and the report's allocation-ratio test
 * shows the imbalance as it is.
 */
import { allocationCsv, generateAllocation, type AllocationDesign, type AllocationSlot, type Stratum } from '../design/allocation.ts';
import { sha256 } from '../io/hash.ts';
import { apportion } from './apportion.ts';
import { PUBLISHED, SITES } from './cohort.ts';

/** 1:1 simple randomization, as the sample's plan declares. */
export const SAMPLE_DESIGN: AllocationDesign = { method: 'simple', arms: ['IPS', 'TVR'], ratio: [1, 1], blockSizes: [] };

/** Slots are the site's participants rounded up to a multiple of this (a list always has spare slots). */
const SLOT_STEP = 50;
/** Candidates tried before giving up (the published split needs about 400 on average). */
const MAX_CANDIDATES = 100_000;

/** The sample's allocation list and what the plan records of it. */
export interface SampleAllocation {
  /** Participants per site, in SITES order. */
  siteSizes: number[];
  strata: Stratum[];
  /** The list's seed (published in the sample plan: the trial is over). */
  seed: string;
  slots: AllocationSlot[];
  /** allocation.csv as written, and its SHA-256. */
  csv: string;
  sha256: string;
}

/**
 * The allocation list for a sample of n participants. With n = 410 its first slots give
 * exactly the published 229 IPS and 181 TVR; other sizes take the first candidate seed.
 */
export function sampleAllocation(n: number, seed: number): SampleAllocation {
  const siteSizes = apportion(n, SITES.map((s) => s.weight));
  const strata = SITES.map((s, i) => ({ name: s.name, slots: Math.max(SLOT_STEP, Math.ceil(siteSizes[i]! / SLOT_STEP) * SLOT_STEP) }));
  const wanted = n === PUBLISHED.n ? PUBLISHED.ips : null;
  for (let k = 0; k < MAX_CANDIDATES; k++) {
    const candidate = `${seed}-${k}`;
    const slots = generateAllocation(SAMPLE_DESIGN, strata, candidate);
    if (wanted === null || firstArmCount(slots, strata, siteSizes) === wanted) {
      const csv = allocationCsv(slots);
      return { siteSizes, strata, seed: candidate, slots, csv, sha256: sha256(csv) };
    }
  }
  throw new Error(`no seed among ${MAX_CANDIDATES} candidates gives the published split`);
}

/** Participants allocated to the first arm when each site uses its first siteSizes[i] slots. */
function firstArmCount(slots: readonly AllocationSlot[], strata: readonly Stratum[], siteSizes: readonly number[]): number {
  let count = 0;
  let start = 0;
  strata.forEach((st, i) => {
    for (let j = start; j < start + siteSizes[i]!; j++) if (slots[j]!.arm === SAMPLE_DESIGN.arms[0]) count++;
    start += st.slots;
  });
  return count;
}
