/**
 * The allocation list: generating it before enrolment (stratified, permuted blocks or
 * simple randomization, any integer ratio), writing and reading allocation.csv, and its
 * SHA-256 commitment. Pure: the same design, strata and seed give the same list, byte for
 * byte, on every machine.
 *
 * References: Schulz & Grimes (2002), "Generation of allocation sequences in randomised
 * trials: chance, not choice", Lancet 359:515–519 (permuted blocks of random size);
 * Rosenberger & Lachin (2016), Randomization in Clinical Trials, 2nd ed., ch. 3.
 */
import type { AnalysisPlan } from '../io/plan.ts';
import { message } from '../io/messages.ts';
import { checkTable, parseCsvFile, type ColumnRule, type ViolationLog } from '../io/table-check.ts';
import { parseInteger, parseLabel } from '../io/values.ts';
import { createRngFromKey, RNG_INFO, type Rng } from '../random/rng.ts';

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

/**
 * Everything that decides which list a seed gives, written beside every list (and into
 * the manifest): a package update that changed the stream, or a change to how this module
 * draws, must be visible rather than silently give a different list for the same seed.
 * `allocation_algorithm_version` is bumped whenever drawStratum or the key derivation changes.
 */
export const ALLOCATION_ALGORITHM = {
  package: RNG_INFO.package,
  package_version: RNG_INFO.package_version,
  generator: RNG_INFO.generator,
  /** Version of the draws derived from the generator (RNG_INFO.algorithm_version). */
  rng_algorithm_version: RNG_INFO.algorithm_version,
  /** Each stratum's generator state is SHA-256 of `ips-rct allocation v1\n<seed>\n<stratum>`. */
  key_derivation: 'sha256',
  allocation_algorithm_version: 1,
} as const;

/** Header of allocation.csv, in column order. */
export const ALLOCATION_COLUMNS = ['site', 'allocation_no', 'block_no', 'block_size', 'arm'] as const;

/** The text key a stratum's generator is seeded from (see ALLOCATION_ALGORITHM). */
export function stratumKey(seed: string, stratum: string): string {
  return `ips-rct allocation v1\n${seed}\n${stratum}`;
}

/**
 * Generates the allocation list: rows in strata order, allocation_no 1…slots per stratum.
 * Each stratum draws from its own generator, keyed by seed and stratum name (stratumKey),
 * so reordering the strata or adding one never changes another stratum's list. Throws
 * RangeError for an invalid design, strata or seed.
 *
 * @example generateAllocation({ method: 'permuted_blocks', arms: ['IPS', 'TVR'], ratio: [1, 1],
 *   blockSizes: [2, 4, 6] }, [{ name: 'Oslo', slots: 60 }], 'secret')  // 60 rows, 30 per arm
 */
export function generateAllocation(design: AllocationDesign, strata: Stratum[], seed: string): AllocationSlot[] {
  assertDesign(design);
  assertStrata(strata);
  if (typeof seed !== 'string' || seed === '') throw new RangeError(message.allocationSeedEmpty);
  const out: AllocationSlot[] = [];
  for (const { name, slots } of strata) {
    const arms = new Uint8Array(slots);
    const blocks = design.method === 'permuted_blocks' ? new Int32Array(slots) : undefined;
    drawStratum(design, slots, createRngFromKey(stratumKey(seed, name)), arms, blocks);
    let blockNo = 0;
    let leftInBlock = 0;
    for (let k = 0; k < slots; k++) {
      if (blocks && leftInBlock === 0) {
        blockNo++;
        leftInBlock = blocks[k]!;
      }
      leftInBlock--;
      out.push({
        site: name,
        allocation_no: k + 1,
        block_no: blocks ? blockNo : null,
        block_size: blocks ? blocks[k]! : null,
        arm: design.arms[arms[k]!]!,
      });
    }
  }
  return out;
}

/** Reused block buffer (drawStratum never re-enters itself). */
let blockScratch = new Uint8Array(64);

/**
 * Draws one stratum's sequence: writes `slots` arm indices (into design.arms) to
 * out[0…slots), and, when `blocks` is given under permuted blocks, each slot's full block
 * size. The one drawing routine shared by generateAllocation and rerandomizer, so the list
 * and the randomization test's reference distribution can never disagree.
 *
 * Permuted blocks: repeat { size = blockSizes[rng.int(0, blockSizes.length − 1)]; a block
 * holding ratio[i]·size/Σratio copies of arm i, in arms order; Fisher–Yates shuffle (the
 * same draws as Rng.shuffle) } until `slots` are filled; the last block may be cut short.
 * Simple: per slot, u = rng.uniform()·Σratio and the first arm whose cumulative ratio
 * exceeds u. Allocates nothing per call. Throws RangeError for an invalid design.
 */
export function drawStratum(design: AllocationDesign, slots: number, rng: Rng, out: Uint8Array, blocks?: Int32Array): void {
  const sum = assertDesign(design);
  if (!Number.isInteger(slots) || slots < 0 || slots > out.length || (blocks && slots > blocks.length)) {
    throw new RangeError(message.designSlots);
  }
  if (design.method === 'simple') drawSimple(design.ratio, sum, slots, rng, out);
  else drawBlocks(design, sum, slots, rng, out, blocks);
}

function drawSimple(ratio: readonly number[], sum: number, slots: number, rng: Rng, out: Uint8Array): void {
  const last = ratio.length - 1;
  for (let k = 0; k < slots; k++) {
    const u = rng.uniform() * sum;
    let arm = last;
    let cumulative = 0;
    for (let i = 0; i < last; i++) {
      cumulative += ratio[i]!;
      if (u < cumulative) {
        arm = i;
        break;
      }
    }
    out[k] = arm;
  }
}

function drawBlocks(design: AllocationDesign, sum: number, slots: number, rng: Rng, out: Uint8Array, blocks?: Int32Array): void {
  const sizes = design.blockSizes;
  let filled = 0;
  while (filled < slots) {
    const size = sizes[rng.int(0, sizes.length - 1)]!;
    if (blockScratch.length < size) blockScratch = new Uint8Array(size);
    const block = blockScratch;
    let k = 0;
    for (let i = 0; i < design.ratio.length; i++) {
      const copies = (design.ratio[i]! * size) / sum;
      for (let c = 0; c < copies; c++) block[k++] = i;
    }
    // Fisher–Yates exactly as Rng.shuffle does it, in place.
    for (let i = size - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const t = block[i]!;
      block[i] = block[j]!;
      block[j] = t;
    }
    const take = Math.min(size, slots - filled);
    for (let c = 0; c < take; c++) {
      out[filled + c] = block[c]!;
      if (blocks) blocks[filled + c] = size;
    }
    filled += take;
  }
}

/**
 * Checks a design and returns its ratio's sum. Throws RangeError naming the broken rule:
 * unknown method, no or repeated arms, a ratio entry that is not a whole number ≥ 1, or
 * (permuted blocks) a block size that is not a positive multiple of the ratio's sum.
 */
export function assertDesign(design: AllocationDesign): number {
  const { method, arms, ratio, blockSizes } = design;
  if (method !== 'permuted_blocks' && method !== 'simple') throw new RangeError(message.designMethod);
  if (!Array.isArray(arms) || arms.length === 0 || arms.length > 255 || new Set(arms).size !== arms.length) {
    throw new RangeError(message.designArms);
  }
  if (!Array.isArray(ratio) || ratio.length !== arms.length || !ratio.every((r) => Number.isSafeInteger(r) && r >= 1)) {
    throw new RangeError(message.designRatio);
  }
  let sum = 0;
  for (const r of ratio) sum += r;
  if (method === 'permuted_blocks') {
    const ok = Array.isArray(blockSizes) && blockSizes.length > 0 && blockSizes.every((b) => Number.isSafeInteger(b) && b >= sum && b % sum === 0);
    if (!ok) throw new RangeError(message.designBlockSizes(sum));
  }
  return sum;
}

/** Strata must be non-empty, uniquely named with names that survive the CSV, ≥ 1 slot each. */
function assertStrata(strata: readonly Stratum[]): void {
  if (!Array.isArray(strata) || strata.length === 0) throw new RangeError(message.strataEmpty);
  const seen = new Set<string>();
  for (const { name, slots } of strata) {
    if (typeof name !== 'string' || name === '' || name !== name.trim() || !parseLabel(name).ok) throw new RangeError(message.strataName(String(name)));
    if (seen.has(name)) throw new RangeError(message.strataDuplicate(name));
    seen.add(name);
    if (!Number.isSafeInteger(slots) || slots < 1) throw new RangeError(message.strataSlots(name));
  }
}

/**
 * allocation.csv's text: header `site,allocation_no,block_no,block_size,arm`, LF line ends
 * (one after every row), no byte-order mark, a field quoted only when it holds `,` `"` CR
 * or LF (quotes doubled), empty for null. Deterministic byte for byte; write it as UTF-8.
 */
export function allocationCsv(slots: readonly AllocationSlot[]): string {
  const lines = [ALLOCATION_COLUMNS.join(',')];
  for (const s of slots) {
    lines.push([csvField(s.site), String(s.allocation_no), numberField(s.block_no), numberField(s.block_size), csvField(s.arm)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function numberField(x: number | null): string {
  return x === null ? '' : String(x);
}

function csvField(s: string): string {
  return /[,"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Column rules for allocation.csv; the block columns may be absent (simple randomization lists). */
function allocationRules(arms: readonly string[]): ColumnRule[] {
  const whole = (s: string) => parseInteger(s, 1);
  return [
    { name: 'site', requiredColumn: true, emptyAllowed: false, key: true, parse: (s) => parseLabel(s) },
    { name: 'allocation_no', requiredColumn: true, emptyAllowed: false, key: true, parse: whole },
    { name: 'block_no', requiredColumn: false, emptyAllowed: true, parse: whole },
    { name: 'block_size', requiredColumn: false, emptyAllowed: true, parse: whole },
    {
      name: 'arm',
      requiredColumn: true,
      emptyAllowed: false,
      parse: (s) => (arms.includes(s) ? { ok: true, value: s } : { ok: false, rule: message.armInPlan(arms) }),
    },
  ];
}

/**
 * Reads allocation.csv as delivered (UTF-8 or Windows-1252, BOM or not, `,` `;` or tab,
 * any line ending: a list re-saved from a Norwegian spreadsheet still reads) and checks
 * it: site a non-empty label; allocation_no a whole number ≥ 1; block_no and block_size
 * whole numbers ≥ 1 or empty (the columns may be absent); arm one of `arms`; each
 * (site, allocation_no) once; each site's numbers 1, 2, 3, … without a gap. Every broken
 * rule goes to `log`; returns the rows in file order, or null when anything was logged.
 */
export function parseAllocationList(bytes: Uint8Array, file: string, arms: readonly string[], log: ViolationLog): AllocationSlot[] | null {
  const before = log.total;
  const csv = parseCsvFile(bytes, file, log);
  if (!csv) return null;
  const table = checkTable(csv, file, allocationRules(arms), log);
  if (!table.headerOk) return null;
  if (csv.records.length === 0) log.add({ file, row: null, column: null, rule: message.fileNoRows, found: 'no rows' });
  checkNumbering(table.keys, file, log);
  if (log.total > before) return null;
  const c = table.columns;
  const col = <T>(name: string): T[] => (c[name] ?? table.rows.map(() => null)) as T[];
  const [site, no, blockNo, blockSize, arm] = [col<string>('site'), col<number>('allocation_no'), col<number | null>('block_no'), col<number | null>('block_size'), col<string>('arm')];
  return table.rows.map((_, i) => ({ site: site[i]!, allocation_no: no[i]!, block_no: blockNo[i]!, block_size: blockSize[i]!, arm: arm[i]! }));
}

/**
 * Each (site, allocation_no) once, and each site's numbers 1…n without a gap (the first
 * missing number is named). Uses every row whose site and number are valid.
 */
function checkNumbering(keys: { row: number; values: unknown[] }[], file: string, log: ViolationLog): void {
  const firstRow = new Map<string, Map<number, number>>();
  for (const { row, values } of keys) {
    const [site, no] = values as [string, number];
    let rows = firstRow.get(site);
    if (!rows) firstRow.set(site, (rows = new Map()));
    const first = rows.get(no);
    if (first !== undefined) log.add({ file, row, column: 'allocation_no', rule: message.allocationDuplicate(site, no, first), found: String(no) });
    else rows.set(no, row);
  }
  for (const [site, rows] of firstRow) {
    let max = 0;
    for (const no of rows.keys()) max = Math.max(max, no);
    if (rows.size === max) continue;
    let missing = 1;
    while (rows.has(missing)) missing++;
    log.add({ file, row: null, column: 'allocation_no', rule: message.allocationGap(site, missing), found: `${rows.size} numbers, highest ${max}` });
  }
}
