/**
 * Redraws of the allocation for randomization tests: seeded and repeatable, faithful to
 * the stratified design (per-site balance, placement by allocation number), the same
 * drawing routine as the list itself, and fast enough for 10 000 permutations.
 */
import { describe, expect, it } from 'vitest';
import { generateAllocation, stratumKey, type AllocationDesign } from '../../src/design/allocation.ts';
import { rerandomizer } from '../../src/design/rerandomize.ts';
import { createRng, createRngFromKey } from '../../src/random/rng.ts';

const ARMS = ['IPS', 'TVR'];
const BLOCKS: AllocationDesign = { method: 'permuted_blocks', arms: ARMS, ratio: [1, 1], blockSizes: [2, 4, 6] };

/** A trial of n participants over sites, rows shuffled, order = allocation number within the site. */
function trial(sizes: Record<string, number>, seed = 5) {
  const rows = Object.entries(sizes).flatMap(([site, n]) => Array.from({ length: n }, (_, k) => ({ site, no: k + 1 })));
  const shuffled = createRng(seed).shuffle(rows);
  return { site: shuffled.map((r) => r.site), order: shuffled.map((r) => r.no) };
}

/** Arm indices of one site's participants, in allocation-number order. */
function sequence(t: { site: string[]; order: number[] }, arms: Uint8Array, site: string): number[] {
  return t.site
    .map((s, i) => ({ s, i }))
    .filter((x) => x.s === site)
    .sort((a, b) => t.order[a.i]! - t.order[b.i]!)
    .map((x) => arms[x.i]!);
}

describe('rerandomizer', () => {
  const t = trial({ Oslo: 80, Østfold: 66, Agder: 51 });

  it('is deterministic for a seeded generator; successive draws differ', () => {
    const redraw = rerandomizer(BLOCKS, t.site, t.order);
    const rng = createRng(11);
    const first = redraw(rng);
    const second = redraw(rng);
    expect(first).toEqual(redraw(createRng(11)));
    expect(first).toHaveLength(197);
    expect([...first].every((a) => a === 0 || a === 1)).toBe(true);
    expect(second).not.toEqual(first);
    expect(redraw(createRng(12))).not.toEqual(first);
  });

  it('writes into the buffer it is given', () => {
    const redraw = rerandomizer(BLOCKS, t.site, t.order);
    const out = new Uint8Array(197);
    expect(redraw(createRng(3), out)).toBe(out);
    expect(out).toEqual(redraw(createRng(3)));
    expect(() => redraw(createRng(3), new Uint8Array(10))).toThrow(RangeError);
  });

  it('keeps each site at the arm counts the design implies when the blocks are whole', () => {
    // One block size per design, dividing every site's size: every block is complete.
    const cases: [AllocationDesign, Record<string, number>, number][] = [
      [{ ...BLOCKS, blockSizes: [4] }, { Oslo: 40, Østfold: 24, Agder: 8 }, 1 / 2],
      [{ ...BLOCKS, ratio: [2, 1], blockSizes: [6] }, { Oslo: 36, Østfold: 18, Agder: 6 }, 2 / 3],
    ];
    for (const [design, sizes, share] of cases) {
      const u = trial(sizes);
      const redraw = rerandomizer(design, u.site, u.order);
      const rng = createRng(2);
      for (let draw = 0; draw < 50; draw++) {
        const arms = redraw(rng);
        for (const [site, n] of Object.entries(sizes)) {
          const seq = sequence(u, arms, site);
          expect(seq.filter((a) => a === 0)).toHaveLength(n * share);
          // Placed by allocation number: each block (positions 1…b, b+1…2b, …) is balanced too.
          const b = design.blockSizes[0]!;
          for (let k = 0; k < n; k += b) expect(seq.slice(k, k + b).filter((a) => a === 0)).toHaveLength(b * share);
        }
      }
    }
  });

  it('keeps the running imbalance within half the largest block under mixed block sizes', () => {
    const redraw = rerandomizer(BLOCKS, t.site, t.order);
    const rng = createRng(4);
    for (let draw = 0; draw < 50; draw++) {
      const arms = redraw(rng);
      for (const site of ['Oslo', 'Østfold', 'Agder']) {
        let d = 0;
        for (const a of sequence(t, arms, site)) {
          d += a === 0 ? 1 : -1;
          expect(Math.abs(d)).toBeLessThanOrEqual(3);
        }
      }
    }
  });

  it("draws exactly the list's sequence when given that site's generator", () => {
    const seed = 'shared-routine';
    const list = generateAllocation(BLOCKS, [{ name: 'Oslo', slots: 80 }], seed);
    const oslo = trial({ Oslo: 80 });
    const arms = rerandomizer(BLOCKS, oslo.site, oslo.order)(createRngFromKey(stratumKey(seed, 'Oslo')));
    expect(sequence(oslo, arms, 'Oslo').map((a) => ARMS[a])).toEqual(list.map((s) => s.arm));
  });

  it('gives each participant their own slot, so gaps keep the block structure among those left', () => {
    // Blocks of 2; participant numbers 1, 3, 4 (number 2 withdrew). Slots 3 and 4 form one
    // block, so those two always differ; slots 1 and 3 are in different blocks, so they
    // differ half the time. Ignoring the gap would pair 3 with 1 instead.
    const pairs: AllocationDesign = { ...BLOCKS, blockSizes: [2] };
    const redraw = rerandomizer(pairs, ['Oslo', 'Oslo', 'Oslo'], [1, 3, 4]);
    const rng = createRng(12);
    let differ34 = 0;
    let differ13 = 0;
    const draws = 2000;
    for (let d = 0; d < draws; d++) {
      const a = redraw(rng);
      if (a[1] !== a[2]) differ34++;
      if (a[0] !== a[1]) differ13++;
    }
    expect(differ34).toBe(draws);
    // Binomial(2000, 0.5): 5 standard errors is 112.
    expect(Math.abs(differ13 - draws / 2)).toBeLessThan(112);
  });

  it('places participants by allocation number, whatever the row order', () => {
    const site = ['Oslo', 'Oslo', 'Oslo', 'Oslo'];
    const single: AllocationDesign = { ...BLOCKS, blockSizes: [4] };
    const reference = rerandomizer(single, site, [1, 2, 3, 4])(createRng(9));
    expect(rerandomizer(single, site, [4, 3, 2, 1])(createRng(9))).toEqual(reference.slice().reverse());
  });

  it('refuses a missing, non-integer or repeated allocation number', () => {
    const site = ['Oslo', 'Oslo'];
    expect(() => rerandomizer(BLOCKS, site, [1, Number.NaN])).toThrow(RangeError);
    expect(() => rerandomizer(BLOCKS, site, [1, 1.5])).toThrow(RangeError);
    expect(() => rerandomizer(BLOCKS, site, [2, 2])).toThrow(RangeError);
  });

  it('works for simple randomization: no per-site balance, the ratio on average', () => {
    const simple: AllocationDesign = { method: 'simple', arms: ARMS, ratio: [2, 1], blockSizes: [] };
    const redraw = rerandomizer(simple, t.site, t.order);
    const rng = createRng(8);
    const counts = new Set<number>();
    let total = 0;
    for (let draw = 0; draw < 200; draw++) {
      const ips = redraw(rng).filter((a) => a === 0).length;
      counts.add(ips);
      total += ips;
    }
    expect(counts.size).toBeGreaterThan(10); // the IPS count varies between draws
    // Expected share 2/3; standard error √(2/9/39 400) = 0.0024.
    expect(Math.abs(total / (200 * 197) - 2 / 3)).toBeLessThan(0.01);
  });

  it('refuses an invalid design or mismatched lengths', () => {
    expect(() => rerandomizer({ ...BLOCKS, blockSizes: [3] }, t.site, t.order)).toThrow(RangeError);
    expect(() => rerandomizer(BLOCKS, t.site, t.order.slice(1))).toThrow(RangeError);
  });
});
