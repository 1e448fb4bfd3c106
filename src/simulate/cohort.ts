/**
 * Who is in the synthetic trial: sites, randomization, baseline characteristics,
 * withdrawals, and which of them are employed at the anchor months. Everything a later
 * draw must agree with is decided here, in memory, as compact typed arrays (about 30 bytes
 * per participant), so the rows themselves can be streamed.
 */
import type { Rng } from '../random/rng.ts';
import { apportion } from './apportion.ts';
import { logisticNoise } from './seeds.ts';
import type { SampleAllocation } from './allocation.ts';

/** Trial sites (counties) with their share of participants and recruitment window. */
export interface Site {
  name: string;
  /** Participants in the 410-person sample; other sizes keep the proportions. */
  weight: number;
  /** First and last recruitment day, in days since RECRUITMENT_START. */
  opens: number;
  closes: number;
}

/** First possible randomization date. */
export const RECRUITMENT_START = '2013-03-01';
/** Days from RECRUITMENT_START to 2015-06-30, the last possible randomization date. */
export const RECRUITMENT_DAYS = 851;

// Six real counties (pre-2020 names); the split is invented. Sites opened over the first
// months of 2013 and two stopped recruiting early, as multicentre trials do.
export const SITES: readonly Site[] = [
  { name: 'Oslo', weight: 88, opens: 0, closes: 851 },
  { name: 'Akershus', weight: 71, opens: 10, closes: 851 },
  { name: 'Østfold', weight: 58, opens: 31, closes: 820 },
  { name: 'Buskerud', weight: 52, opens: 45, closes: 851 },
  { name: 'Hordaland', weight: 79, opens: 0, closes: 790 },
  { name: 'Sør-Trøndelag', weight: 62, opens: 61, closes: 851 },
];

/** Published arm sizes (229 offered IPS, 181 TVR) and IPS withdrawals (2). */
export const PUBLISHED = { n: 410, ips: 229, tvr: 181, ipsWithdrawn: 2 } as const;

export const EDUCATION = ['primary', 'secondary', 'higher'] as const;
export const DIAGNOSES = ['depression', 'anxiety', 'bipolar', 'psychosis', 'other'] as const;
const DIAGNOSIS_WEIGHTS = [38, 24, 10, 13, 15];
const EDUCATION_WEIGHTS = [30, 45, 25];

/**
 * Employment at the anchor months, as bits: month 0, 6, 12 and 18. The registry month
 * sequence between anchors is drawn later, consistent with these.
 */
export const ANCHOR_MONTHS = [0, 6, 12, 18] as const;

/**
 * Analysed participants per arm employed at both 12 and 18 months, at 12 only, at 18
 * only, and at neither: the row sums give the published 83 + 85 of 227 (IPS) and 49 + 49
 * of 181 (TVR). How the published totals split into these groups is not published.
 */
const GROUPS_12_18 = {
  IPS: { both: 62, only12: 21, only18: 23, neither: 121 },
  TVR: { both: 36, only12: 13, only18: 13, neither: 119 },
} as const;
/** Share employed at month 6 within each group (unpublished; gives about 28 % vs 20 %). */
const SHARE_AT_6 = {
  IPS: { both: 0.55, only12: 0.5, only18: 0.15, neither: 0.12 },
  TVR: { both: 0.5, only12: 0.45, only18: 0.12, neither: 0.08 },
} as const;
/** Share employed already at randomization, among those employed at month 6 and not. */
const SHARE_AT_0 = { employedAt6: 0.08, notAt6: 0.012 } as const;

type GroupName = keyof (typeof GROUPS_12_18)['IPS'];
const GROUP_NAMES: readonly GroupName[] = ['both', 'only12', 'only18', 'neither'];
const GROUP_BITS: Record<GroupName, number> = { both: 4 | 8, only12: 4, only18: 8, neither: 0 };

/** The cohort, one entry per participant in participant_id order (order of randomization). */
export interface Cohort {
  n: number;
  /** Index into SITES. */
  site: Uint8Array;
  /** 0 = IPS, 1 = TVR. */
  arm: Uint8Array;
  /** Position in the site's allocation list, from 1. */
  allocationNo: Uint32Array;
  /** Randomization day, days since RECRUITMENT_START. */
  day: Uint16Array;
  age: Uint8Array;
  female: Uint8Array;
  /** Index into DIAGNOSES. */
  diagnosis: Uint8Array;
  /** Index into EDUCATION; the true value even where the recorded cell is empty. */
  education: Uint8Array;
  educationRecorded: Uint8Array;
  worked: Uint8Array;
  workedRecorded: Uint8Array;
  withdrawn: Uint8Array;
  /** Latent baseline well-being (standard normal); drives questionnaires and employment. */
  wellbeing: Float64Array;
  /** Employment at ANCHOR_MONTHS as bits 1, 2, 4, 8 (only for analysed participants). */
  anchors: Uint8Array;
}

/** IPS withdrawals for a trial with `ips` IPS participants, scaled from the published 2 of 229. */
export function ipsWithdrawals(ips: number): number {
  return Math.round((ips * PUBLISHED.ipsWithdrawn) / PUBLISHED.ips);
}

/**
 * Draws the whole cohort of n participants from `rng` (the cohort stream); arms come from
 * the allocation list, each site using its first slots in order.
 */
export function drawCohort(n: number, rng: Rng, allocation: SampleAllocation): Cohort {
  const c = emptyCohort(n);
  enrol(c, allocation, rng);
  for (let i = 0; i < n; i++) drawBaseline(c, i, rng);
  let ips = 0;
  for (let i = 0; i < n; i++) if (c.arm[i] === 0) ips++;
  withdraw(c, ipsWithdrawals(ips), rng);
  assignAnchors(c, rng);
  return c;
}

function emptyCohort(n: number): Cohort {
  return {
    n,
    site: new Uint8Array(n),
    arm: new Uint8Array(n),
    allocationNo: new Uint32Array(n),
    day: new Uint16Array(n),
    age: new Uint8Array(n),
    female: new Uint8Array(n),
    diagnosis: new Uint8Array(n),
    education: new Uint8Array(n),
    educationRecorded: new Uint8Array(n),
    worked: new Uint8Array(n),
    workedRecorded: new Uint8Array(n),
    withdrawn: new Uint8Array(n),
    wellbeing: new Float64Array(n),
    anchors: new Uint8Array(n),
  };
}

/**
 * Enrolment by site: each site's participants take its allocation slots in order and get
 * sorted randomization days. Fills site, arm, allocation number and day in order of
 * randomization across sites (by day, then site, then allocation number).
 */
function enrol(c: Cohort, allocation: SampleAllocation, rng: Rng): void {
  const bySite = emptyCohort(c.n);
  let k = 0;
  let firstSlot = 0;
  SITES.forEach((site, s) => {
    const size = allocation.siteSizes[s]!;
    const list = allocation.slots.slice(firstSlot, firstSlot + size).map((slot) => (slot.arm === 'IPS' ? 0 : 1));
    firstSlot += allocation.strata[s]!.slots;
    const days = Uint16Array.from({ length: size }, () => rng.int(site.opens, site.closes)).sort();
    for (let j = 0; j < size; j++, k++) {
      bySite.site[k] = s;
      bySite.arm[k] = list[j]!;
      bySite.allocationNo[k] = j + 1;
      bySite.day[k] = days[j]!;
    }
  });
  // A counting sort on (day, site) is stable, so allocation order within a site and day holds.
  const order = countingSort(c.n, (i) => bySite.day[i]! * SITES.length + bySite.site[i]!, (RECRUITMENT_DAYS + 1) * SITES.length);
  order.forEach((from, to) => {
    c.site[to] = bySite.site[from]!;
    c.arm[to] = bySite.arm[from]!;
    c.allocationNo[to] = bySite.allocationNo[from]!;
    c.day[to] = bySite.day[from]!;
  });
}

/** Indices 0..n-1 ordered by an integer key in [0, keys), stable. */
function countingSort(n: number, key: (i: number) => number, keys: number): Uint32Array {
  const start = new Uint32Array(keys + 1);
  for (let i = 0; i < n; i++) start[key(i) + 1]! += 1;
  for (let k = 1; k <= keys; k++) start[k]! += start[k - 1]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[start[key(i)]!++] = i;
  return order;
}

/** Age 18–65 (mean about 36), sex, diagnosis, education, recent work, and missing cells. */
function drawBaseline(c: Cohort, i: number, rng: Rng): void {
  let age: number;
  do age = Math.round(35.5 + 11 * rng.normal());
  while (age < 18 || age > 65);
  c.age[i] = age;
  c.female[i] = rng.bernoulli(0.55);
  c.diagnosis[i] = pick(rng, DIAGNOSIS_WEIGHTS);
  const edu = pick(rng, EDUCATION_WEIGHTS);
  c.education[i] = edu;
  c.worked[i] = rng.bernoulli([0.5, 0.6, 0.72][edu]!);
  c.wellbeing[i] = rng.normal();
  c.educationRecorded[i] = rng.bernoulli(0.98);
  c.workedRecorded[i] = rng.bernoulli(0.99);
}

/** Index drawn with probability proportional to `weights`. */
function pick(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, w) => a + w, 0);
  let u = rng.uniform() * total;
  for (let k = 0; k < weights.length - 1; k++) {
    u -= weights[k]!;
    if (u < 0) return k;
  }
  return weights.length - 1;
}

/** Marks `count` IPS participants, chosen at random, as having withdrawn consent. */
function withdraw(c: Cohort, count: number, rng: Rng): void {
  const ips: number[] = [];
  for (let i = 0; i < c.n; i++) if (c.arm[i] === 0) ips.push(i);
  for (const i of rng.shuffle(ips).slice(0, count)) c.withdrawn[i] = 1;
}

/**
 * Log-odds of being employed, relative within an arm: recent work, education, youth and
 * well-being help; psychosis hinders. IPS helps the young and the less educated more (the
 * trial's 43-month follow-up found its largest benefit there).
 */
function employability(c: Cohort, i: number): number {
  const edu = c.education[i]!;
  const young = c.age[i]! < 30 ? 1 : 0;
  const ipsBonus = c.arm[i] === 0 ? 0.4 * young + 0.3 * (edu === 0 ? 1 : 0) : 0;
  return (
    0.8 * c.worked[i]! +
    0.3 * (edu === 2 ? 1 : 0) -
    0.3 * (edu === 0 ? 1 : 0) -
    0.03 * (c.age[i]! - 36) +
    0.35 * c.wellbeing[i]! -
    0.4 * (c.diagnosis[i] === DIAGNOSES.indexOf('psychosis') ? 1 : 0) +
    ipsBonus
  );
}

/**
 * Fixes employment at months 0, 6, 12 and 18 for every analysed participant so that each
 * arm's counts are exact by construction: the most employable (score plus logistic noise)
 * are employed at both 12 and 18, the next at one of them, the rest at neither.
 */
function assignAnchors(c: Cohort, rng: Rng): void {
  (['IPS', 'TVR'] as const).forEach((armName, arm) => {
    const members: number[] = [];
    for (let i = 0; i < c.n; i++) if (c.arm[i] === arm && c.withdrawn[i] === 0) members.push(i);
    const target = GROUPS_12_18[armName];
    const counts = apportion(members.length, GROUP_NAMES.map((g) => target[g]));
    const ranked = rankByEmployability(c, members, rng);
    const [nBoth, n12, n18] = counts as [number, number, number, number];
    const middle = rng.shuffle(ranked.slice(nBoth, nBoth + n12 + n18));
    const groups: Record<GroupName, number[]> = {
      both: ranked.slice(0, nBoth),
      only12: middle.slice(0, n12),
      only18: middle.slice(n12),
      neither: ranked.slice(nBoth + n12 + n18),
    };
    const at6: number[] = [];
    const not6: number[] = [];
    for (const g of GROUP_NAMES) {
      for (const i of groups[g]) c.anchors[i] = GROUP_BITS[g];
      const ordered = rankByEmployability(c, groups[g], rng);
      const k = Math.round(SHARE_AT_6[armName][g] * ordered.length);
      ordered.forEach((i, r) => (r < k ? at6 : not6).push(i));
    }
    for (const i of at6) c.anchors[i]! |= 2;
    markFirst(c, rankByEmployability(c, at6, rng), SHARE_AT_0.employedAt6);
    markFirst(c, rankByEmployability(c, not6, rng), SHARE_AT_0.notAt6);
  });
}

function markFirst(c: Cohort, ranked: number[], share: number): void {
  for (const i of ranked.slice(0, Math.round(share * ranked.length))) c.anchors[i]! |= 1;
}

/** Participants sorted by employability plus logistic noise, most employable first. */
function rankByEmployability(c: Cohort, members: readonly number[], rng: Rng): number[] {
  const key = new Float64Array(members.length);
  members.forEach((i, p) => (key[p] = employability(c, i) + logisticNoise(rng)));
  const positions = Array.from(members, (_, p) => p);
  // Position as tie-break: the order never depends on the sort algorithm's stability.
  positions.sort((a, b) => key[b]! - key[a]! || a - b);
  return positions.map((p) => members[p]!);
}
