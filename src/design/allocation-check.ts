/**
 * Verification of the arms against the allocation list: every participant's recorded
 * arm at (site, allocation_no), reused and skipped numbers, the list's published hash,
 * the list regenerated from its seed, and the list's blocks against the design. Problems
 * name sites and allocation numbers, never participants.
 */
import { siteCollator } from '../io/dataset.ts';
import { sha256 } from '../io/hash.ts';
import { allocationCsv, generateAllocation, type AllocationDesign, type AllocationSlot, type Stratum } from './allocation.ts';

/** One verification problem, located by site and allocation number. */
export type AllocationProblem =
  | { kind: 'arm_mismatch'; site: string; allocation_no: number; recorded: string; listed: string }
  | { kind: 'reused'; site: string; allocation_no: number; times: number }
  | { kind: 'gap'; site: string; allocation_no: number }
  | { kind: 'not_in_list'; site: string; allocation_no: number }
  | { kind: 'no_allocation_no'; site: string; count: number }
  | { kind: 'commitment_mismatch'; expected: string; actual: string }
  | { kind: 'differs_from_seed'; site: string; allocation_no: number; listed: string | null; regenerated: string | null }
  /** The plan commits to a list (hash or seed) but none was supplied or could be regenerated. */
  | { kind: 'list_missing' }
  /**
   * A block of the list breaks the permuted-block design: its size is not a plan block
   * size, it holds a different number of slots than its size (the site's last block may be
   * short), its arms are not in the ratio, or block numbers do not run 1, 2, 3 … in order.
   */
  | { kind: 'bad_block'; site: string; block_no: number; reason: 'size' | 'length' | 'ratio' | 'numbering' };

export interface AllocationVerification {
  /** 'verified': a list was checked and no problem found; 'no_list': nothing to check against. */
  status: 'verified' | 'failed' | 'no_list';
  /**
   * The list checked: its file name, hash and size, and whether it was read from a file or
   * regenerated from the plan's seed and strata (when no file was supplied).
   */
  list: { file: string; sha256: string; slots: number; source: 'file' | 'seed' } | null;
  /** The plan's published hash, and whether the list matches it. */
  commitment: { expected: string; matches: boolean } | null;
  /** Whether the list regenerated from the plan's seed is identical (null: no seed given). */
  regenerated_from_seed: { matches: boolean } | null;
  /** All problems, in site then allocation-number order (capped; see problems_total). */
  problems: AllocationProblem[];
  problems_total: number;
}

/** Default cap on the problems listed (all are counted in problems_total). */
export const DEFAULT_MAX_PROBLEMS = 200;

/** What checkAllocation compares. Participants carry no identifier: problems cannot name one. */
export interface AllocationCheckInput {
  /** Every randomized participant, withdrawn included; index i is one participant. */
  participants: { site: readonly string[]; arm: readonly string[]; allocation_no: readonly (number | null)[] };
  /** The parsed list, its file name and its bytes as delivered (for the hash); null when none. */
  list: { slots: AllocationSlot[]; file: string; bytes: Uint8Array } | null;
  /** The plan's published SHA-256 of the list (hex), or null. */
  commitment: string | null;
  /** The plan's design, for the check of the list's blocks. */
  design: AllocationDesign;
  /** The revealed seed and design; strata null (or empty) means: as the list has them. */
  regenerate: { design: AllocationDesign; seed: string; strata: Stratum[] | null } | null;
  maxProblems?: number;
}

/**
 * Checks the allocation: the list's hash against the plan's commitment, the list against
 * the one its seed regenerates (slot by slot: site, number, arm and block columns), and
 * each participant's (site, allocation_no, arm) against the list, with reused and skipped
 * numbers. Without a list there is nothing to check: status 'no_list'. Problems are sorted
 * by site (Norwegian collation) then allocation number and capped at maxProblems (default
 * 200); problems_total counts all. Throws RangeError only when regeneration is asked with
 * an invalid design or strata.
 */
export function checkAllocation(input: AllocationCheckInput): AllocationVerification {
  const list = input.list ?? listFromSeed(input.regenerate);
  if (!list) {
    // A plan that commits to a list must be checked against one.
    const promised = input.commitment !== null || input.regenerate !== null;
    return promised
      ? { status: 'failed', list: null, commitment: null, regenerated_from_seed: null, problems: [{ kind: 'list_missing' }], problems_total: 1 }
      : { status: 'no_list', list: null, commitment: null, regenerated_from_seed: null, problems: [], problems_total: 0 };
  }
  const source = input.list ? 'file' : 'seed';
  const maxProblems = input.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const problems: AllocationProblem[] = [];
  const actual = sha256(list.bytes);
  let commitment: AllocationVerification['commitment'] = null;
  if (input.commitment !== null) {
    const expected = input.commitment.toLowerCase();
    commitment = { expected, matches: expected === actual };
    if (!commitment.matches) problems.push({ kind: 'commitment_mismatch', expected, actual });
  }
  let regenerated: AllocationVerification['regenerated_from_seed'] = null;
  if (input.regenerate && source === 'file') {
    const differs = compareWithSeed(list.slots, input.regenerate);
    regenerated = { matches: differs.length === 0 };
    for (const d of differs) problems.push(d); // no spread: a wholly different list can be long
  }
  if (source === 'file') checkBlocks(list.slots, input.design, problems);
  const extraGaps = checkParticipants(input.participants, list.slots, maxProblems, problems);
  problems.sort(compareProblems);
  const total = problems.length + extraGaps;
  return {
    status: total > 0 ? 'failed' : 'verified',
    list: { file: list.file, sha256: actual, slots: list.slots.length, source },
    commitment,
    regenerated_from_seed: regenerated,
    problems: problems.slice(0, maxProblems),
    problems_total: total,
  };
}

/** File name a list regenerated from the seed is reported under (what `randomize` writes). */
export const REGENERATED_LIST_FILE = 'allocation.csv';

/**
 * Without a list file, the list the plan's seed and strata give (its bytes as `randomize`
 * writes them, so the commitment can be checked); null when the plan lacks either.
 */
function listFromSeed(regenerate: AllocationCheckInput['regenerate']): AllocationCheckInput['list'] {
  if (!regenerate?.strata || regenerate.strata.length === 0) return null;
  const slots = generateAllocation(regenerate.design, regenerate.strata, regenerate.seed);
  return { slots, file: REGENERATED_LIST_FILE, bytes: new TextEncoder().encode(allocationCsv(slots)) };
}

/**
 * The list's blocks against a permuted-block design, site by site in allocation order. A
 * list without block columns (from another tool) has nothing to check; under simple
 * randomization there are no blocks. One problem per bad block, its first failing rule.
 */
function checkBlocks(slots: readonly AllocationSlot[], design: AllocationDesign, out: AllocationProblem[]): void {
  if (design.method !== 'permuted_blocks' || slots.every((s) => s.block_no === null && s.block_size === null)) return;
  const sum = design.ratio.reduce((a, b) => a + b, 0);
  const bySite = new Map<string, AllocationSlot[]>();
  for (const s of slots) {
    const g = bySite.get(s.site);
    if (g) g.push(s);
    else bySite.set(s.site, [s]);
  }
  for (const [site, siteSlots] of bySite) {
    const ordered = siteSlots.slice().sort((a, b) => a.allocation_no - b.allocation_no);
    const blocks: AllocationSlot[][] = [];
    for (const s of ordered) {
      const last = blocks[blocks.length - 1];
      if (last && last[0]!.block_no === s.block_no) last.push(s);
      else blocks.push([s]);
    }
    blocks.forEach((block, k) => {
      const first = block[0]!;
      const size = first.block_size;
      const isLast = k === blocks.length - 1;
      const reason =
        first.block_no !== k + 1 || block.some((s) => s.block_no !== first.block_no)
          ? 'numbering'
          : size === null || block.some((s) => s.block_size !== size) || !design.blockSizes.includes(size)
            ? 'size'
            : block.length > size || (!isLast && block.length < size)
              ? 'length'
              : block.length === size && !design.arms.every((arm, i) => block.filter((s) => s.arm === arm).length === (design.ratio[i]! * size) / sum)
                ? 'ratio'
                : null;
      if (reason) out.push({ kind: 'bad_block', site, block_no: first.block_no ?? k + 1, reason });
    });
  }
}

/** Strata as the list has them: sites in order of first appearance, slots = rows per site. */
export function strataOfList(slots: readonly AllocationSlot[]): Stratum[] {
  const count = new Map<string, number>();
  for (const s of slots) count.set(s.site, (count.get(s.site) ?? 0) + 1);
  return [...count].map(([name, n]) => ({ name, slots: n }));
}

const keyOf = (site: string, no: number) => `${no}\u0000${site}`;

/** One differs_from_seed problem per slot whose arm or block columns differ, or that only one list has. */
function compareWithSeed(listed: readonly AllocationSlot[], regenerate: NonNullable<AllocationCheckInput['regenerate']>): AllocationProblem[] {
  const strata = regenerate.strata && regenerate.strata.length > 0 ? regenerate.strata : strataOfList(listed);
  const fresh = generateAllocation(regenerate.design, strata, regenerate.seed);
  const byKey = new Map(fresh.map((s) => [keyOf(s.site, s.allocation_no), s]));
  const out: AllocationProblem[] = [];
  for (const s of listed) {
    const key = keyOf(s.site, s.allocation_no);
    const r = byKey.get(key);
    byKey.delete(key);
    if (!r || r.arm !== s.arm || r.block_no !== s.block_no || r.block_size !== s.block_size) {
      out.push({ kind: 'differs_from_seed', site: s.site, allocation_no: s.allocation_no, listed: s.arm, regenerated: r ? r.arm : null });
    }
  }
  for (const r of byKey.values()) out.push({ kind: 'differs_from_seed', site: r.site, allocation_no: r.allocation_no, listed: null, regenerated: r.arm });
  return out;
}

/**
 * Participants against the list: missing numbers (counted per site), numbers not in the
 * list, arms that differ from the listed arm (once per distinct recorded arm), numbers
 * used more than once, and numbers 1…(highest used in the site) that nobody has. Gaps
 * beyond `maxProblems` per site are counted, not listed (a mistyped 1000000 must not
 * build a million objects); returns that count.
 */
function checkParticipants(p: AllocationCheckInput['participants'], slots: readonly AllocationSlot[], maxProblems: number, out: AllocationProblem[]): number {
  const listed = new Map(slots.map((s) => [keyOf(s.site, s.allocation_no), s.arm]));
  const missing = new Map<string, number>();
  /** Site → allocation number → the recorded arm of each participant using it. */
  const used = new Map<string, Map<number, string[]>>();
  for (let i = 0; i < p.site.length; i++) {
    const site = p.site[i]!;
    const no = p.allocation_no[i] ?? null;
    if (no === null) {
      missing.set(site, (missing.get(site) ?? 0) + 1);
      continue;
    }
    let bySite = used.get(site);
    if (!bySite) used.set(site, (bySite = new Map()));
    const arms = bySite.get(no);
    if (arms) arms.push(p.arm[i]!);
    else bySite.set(no, [p.arm[i]!]);
  }
  for (const [site, count] of missing) out.push({ kind: 'no_allocation_no', site, count });
  let extraGaps = 0;
  for (const [site, bySite] of used) {
    let max = 0;
    for (const [no, arms] of bySite) {
      max = Math.max(max, no);
      checkNumber(site, no, arms, listed.get(keyOf(site, no)), out);
    }
    // Numbers 1…max that nobody has: max − (distinct numbers used); the first maxProblems listed.
    const gaps = max - bySite.size;
    let shown = 0;
    for (let no = 1; no < max && shown < Math.min(gaps, maxProblems); no++) {
      if (bySite.has(no)) continue;
      out.push({ kind: 'gap', site, allocation_no: no });
      shown++;
    }
    extraGaps += gaps - shown;
  }
  return extraGaps;
}

/** Problems at one used (site, number): reuse, absence from the list, arms that differ from it. */
function checkNumber(site: string, no: number, arms: string[], listedArm: string | undefined, out: AllocationProblem[]): void {
  if (arms.length > 1) out.push({ kind: 'reused', site, allocation_no: no, times: arms.length });
  if (listedArm === undefined) {
    out.push({ kind: 'not_in_list', site, allocation_no: no });
    return;
  }
  for (const recorded of [...new Set(arms)].sort()) {
    if (recorded !== listedArm) out.push({ kind: 'arm_mismatch', site, allocation_no: no, recorded, listed: listedArm });
  }
}

const KIND_ORDER: AllocationProblem['kind'][] = [
  'list_missing', 'commitment_mismatch', 'no_allocation_no', 'bad_block', 'differs_from_seed', 'not_in_list', 'arm_mismatch', 'reused', 'gap',
];

/** Site (Norwegian collation, then code units), then allocation number, then kind. */
function compareProblems(a: AllocationProblem, b: AllocationProblem): number {
  const siteA = 'site' in a ? a.site : null;
  const siteB = 'site' in b ? b.site : null;
  if (siteA !== siteB) {
    if (siteA === null) return -1;
    if (siteB === null) return 1;
    const c = siteCollator.compare(siteA, siteB);
    if (c !== 0) return c;
    return siteA < siteB ? -1 : 1;
  }
  const noA = 'allocation_no' in a ? a.allocation_no : 0;
  const noB = 'allocation_no' in b ? b.allocation_no : 0;
  if (noA !== noB) return noA - noB;
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (k !== 0) return k;
  const [ja, jb] = [JSON.stringify(a), JSON.stringify(b)];
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}
