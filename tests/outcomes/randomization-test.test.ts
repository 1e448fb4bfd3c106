/**
 * The re-randomization test of the risk difference. Exact reference: with blocks of 2 in
 * one site and n pairs, each redraw flips a fair coin per pair, so the distribution of the
 * difference is known in closed form; the Monte Carlo p must approach it.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/io/dataset.ts';
import { allocationPositions, riskDifferenceRandomizationTest } from '../../src/outcomes/randomization-test.ts';
import { PLAN } from '../report/fixtures.ts';
import type { AnalysisPlan } from '../../src/io/plan.ts';

/** One site, `pairs` blocks of two (IPS then TVR), with the given outcomes per participant. */
function trial(outcomes: number[]): Dataset {
  return {
    participants: {
      participant_id: outcomes.map((_, i) => `P${i}`),
      site: outcomes.map(() => 'Oslo'),
      arm: outcomes.map((_, i) => (i % 2 === 0 ? 'IPS' : 'TVR')),
      allocation_no: outcomes.map((_, i) => i + 1),
      randomized_on: outcomes.map(() => '2014-01-01'),
      age: outcomes.map(() => 30),
      sex: outcomes.map(() => 'F' as const),
      diagnosis: outcomes.map(() => 'other'),
      education: outcomes.map(() => 'primary'),
      worked_last_5y: outcomes.map(() => 0 as const),
      withdrawn: outcomes.map(() => 0 as const),
    },
    employment: { participant: [], month: [], employed: [], earnings_nok: [] },
    questionnaires: { participant: [], wave: [], scores: {} },
  };
}

const plan = (permutations: number): AnalysisPlan => ({ ...PLAN, permutations, randomization: { ...PLAN.randomization, method: 'permuted_blocks', block_sizes: [2] } });

describe('riskDifferenceRandomizationTest', () => {
  it('approaches the exact p under blocks of two', () => {
    // 6 pairs; in 3 of them IPS is employed and TVR not, in the other 3 both are the same.
    // A redraw swaps each pair with probability ½; only the 3 discordant pairs change the
    // difference, which is (k − (3 − k))/6 for k of them kept. |RD| ≥ 3/6 only when all 3
    // are kept or all swapped: exact two-sided p = 2/8 = 0.25.
    const outcomes = [1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1];
    const status = Int8Array.from(outcomes);
    const r = riskDifferenceRandomizationTest(trial(outcomes), plan(20000), status, 5)!;
    expect(r.permutations).toBe(20000);
    // Monte Carlo standard error √(0.25·0.75/20000) = 0.0031; 5 SE.
    expect(Math.abs(r.p - 0.25)).toBeLessThan(0.016);
  });

  it('gives p = 1 when everyone has the same outcome, and null when an arm has no outcome', () => {
    const same = Int8Array.from([1, 1, 1, 1]);
    expect(riskDifferenceRandomizationTest(trial([1, 1, 1, 1]), plan(50), same, 1)!.p).toBe(1);
    const none = Int8Array.from([1, -1, 0, -1]);
    expect(riskDifferenceRandomizationTest(trial([1, 0, 0, 0]), plan(50), none, 1)).toBeNull();
  });

  it('is repeatable for a seed', () => {
    const outcomes = [1, 0, 1, 0, 0, 1, 1, 0];
    const status = Int8Array.from(outcomes);
    const a = riskDifferenceRandomizationTest(trial(outcomes), plan(500), status, 9);
    const b = riskDifferenceRandomizationTest(trial(outcomes), plan(500), status, 9);
    expect(a).toEqual(b);
  });
});

describe('riskDifferenceRandomizationTest under simple randomization', () => {
  it('approaches the exact p of independent allocations, found by enumeration', () => {
    // 24 participants, 10 employed. Under simple 1:1 randomization each analysed participant
    // is allocated independently, so the intervention arm holds Binomial(10, ½) of the
    // employed and Binomial(14, ½) of the others; the exact p sums those probabilities over
    // the allocations at least as extreme (arms never empty), given that both arms are non-empty.
    const outcomes = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const d = trial(outcomes);
    d.participants.arm = outcomes.map((_, i) => (i < 12 ? 'IPS' : 'TVR'));
    const simple: AnalysisPlan = { ...PLAN, permutations: 20000, randomization: { ...PLAN.randomization, method: 'simple' } };
    const observed = 7 / 12 - 3 / 12;
    const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);
    let extreme = 0;
    let defined = 0;
    for (let e = 0; e <= 10; e++) {
      for (let f = 0; f <= 14; f++) {
        const n = e + f;
        if (n === 0 || n === 24) continue;
        const prob = (choose(10, e) * choose(14, f)) / 2 ** 24;
        defined += prob;
        if (Math.abs(e / n - (10 - e) / (24 - n)) >= observed * (1 - 1e-9)) extreme += prob;
      }
    }
    const exact = extreme / defined;
    const r = riskDifferenceRandomizationTest(d, simple, Int8Array.from(outcomes), 11)!;
    expect(r.permutations).toBe(20000);
    // Monte Carlo standard error √(p(1 − p)/20000) ≈ 0.0035 at p ≈ 0.1; 5 SE.
    expect(Math.abs(r.p - exact)).toBeLessThan(5 * Math.sqrt((exact * (1 - exact)) / 20000));
  });
});

describe('allocationPositions', () => {
  it('uses allocation numbers, or the order of randomization within each site when any is missing', () => {
    const d = trial([0, 0, 0, 0]);
    expect(allocationPositions(d)).toEqual([1, 2, 3, 4]);
    d.participants.allocation_no = [null, 7, null, null];
    d.participants.site = ['Oslo', 'Bergen', 'Oslo', 'Bergen'];
    d.participants.randomized_on = ['2014-02-01', '2014-01-05', '2014-01-01', '2014-01-01'];
    // Bergen: row 3 (Jan 1) before row 1 (Jan 5); Oslo: row 2 (Jan 1) before row 0 (Feb 1).
    expect(allocationPositions(d)).toEqual([2, 2, 1, 1]);
  });
});
