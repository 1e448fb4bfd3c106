/**
 * Binomial and multinomial draws, and Rng.indices. Probabilities against R 4.2:
 *   dbinom(c(0, 3, 7, 10), 10, 0.3); dbinom(c(480, 500, 530), 1000, 0.51); dbinom(5, 1e6, 2e-6)
 * Draws are checked against those probabilities with a chi-square goodness-of-fit test.
 */
import { describe, expect, it } from 'vitest';
import { binomialDraw, binomialPmf, multinomialDraw } from '../../src/random/binomial-draw.ts';
import { createRng } from '../../src/random/rng.ts';
import { chiSquareUpperTail } from '../../src/stats/chi-square-tail.ts';

function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * expected);
}

describe('binomialPmf', () => {
  it('matches R dbinom', () => {
    [0, 3, 7, 10].forEach((x, i) => expectRel(binomialPmf(x, 10, 0.3), [0.02824752489999998, 0.26682793199999993, 0.009001691999999987, 5.9048999999999949e-6][i]!, 1e-13));
    [480, 500, 530].forEach((x, i) => expectRel(binomialPmf(x, 1000, 0.51), [0.0041715022404975426, 0.0206516718258211024, 0.0113438619454457948][i]!, 1e-12));
    expectRel(binomialPmf(5, 1e6, 2e-6), 0.036089336684074477, 1e-12);
  });
});

/** p-value of the chi-square goodness of fit of `counts` (k = 0 … n) to Binomial(n, p), sparse cells pooled. */
function goodnessOfFit(counts: number[], n: number, p: number, draws: number): number {
  let stat = 0;
  let df = -1;
  let pooledObserved = 0;
  let pooledExpected = 0;
  for (let k = 0; k <= n; k++) {
    pooledObserved += counts[k] ?? 0;
    pooledExpected += draws * binomialPmf(k, n, p);
    if (pooledExpected >= 5 || k === n) {
      stat += (pooledObserved - pooledExpected) ** 2 / Math.max(pooledExpected, 1e-300);
      df++;
      pooledObserved = 0;
      pooledExpected = 0;
    }
  }
  return chiSquareUpperTail(stat, df);
}

describe('binomialDraw', () => {
  it.each([
    [12, 0.3], // inversion from 0
    [40, 0.9], // from 0 on the other side
    [400, 0.45], // from the mode
    [50_000, 0.37],
  ])('draws Binomial(%i, %d) (chi-square goodness of fit)', (n, p) => {
    const rng = createRng(n);
    const draws = 40_000;
    const counts = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++) counts[binomialDraw(rng, n, p)]!++;
    expect(goodnessOfFit(counts, n, p, draws)).toBeGreaterThan(0.001);
    // and the moments
    const mean = counts.reduce((t, c, k) => t + c * k, 0) / draws;
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt((n * p * (1 - p)) / draws));
  });

  it('handles the edges and refuses bad arguments', () => {
    const rng = createRng(1);
    expect([binomialDraw(rng, 0, 0.4), binomialDraw(rng, 7, 0), binomialDraw(rng, 7, 1)]).toEqual([0, 0, 7]);
    expect(() => binomialDraw(rng, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomialDraw(rng, 3, 1.5)).toThrow(RangeError);
    // the same seed, the same draws
    expect([1, 2, 3].map(() => binomialDraw(createRng(9), 1000, 0.3))).toEqual([1, 2, 3].map(() => binomialDraw(createRng(9), 1000, 0.3)));
  });
});

describe('multinomialDraw', () => {
  it('places every draw and gives each cell its binomial share', () => {
    const weights = [5, 1, 0, 14, 30];
    const total = 50;
    const rng = createRng(4);
    const reps = 20_000;
    const sums = new Array<number>(weights.length).fill(0);
    const cell3 = new Array<number>(total + 1).fill(0);
    for (let r = 0; r < reps; r++) {
      const out = new Float64Array(weights.length);
      multinomialDraw(rng, total, weights, weights.length, out);
      expect(out.reduce((t, v) => t + v, 0)).toBe(total);
      expect(out[2]).toBe(0);
      out.forEach((v, j) => (sums[j]! += v));
      cell3[out[3]!]!++;
    }
    sums.forEach((s, j) => expect(Math.abs(s / reps - (total * weights[j]!) / total)).toBeLessThan(0.05));
    // a cell's count is Binomial(draws, its weight share)
    expect(goodnessOfFit(cell3, total, 14 / 50, reps)).toBeGreaterThan(0.001);
  });
});

describe('Rng.indices', () => {
  it('draws what as many calls of int(0, size − 1) draw', () => {
    for (const size of [1, 2, 3, 7, 410, 49_776, 2 ** 31 - 1, 2 ** 32]) {
      const a = createRng(size % 1000);
      const b = createRng(size % 1000);
      const out = new Uint32Array(500);
      a.indices(out, 500, size);
      expect(Array.from(out)).toEqual(Array.from({ length: 500 }, () => b.int(0, size - 1)));
      expect(a.uniform()).toBe(b.uniform()); // the streams stay in step
    }
  });

  it('refuses a size or count out of range', () => {
    const rng = createRng(1);
    expect(() => rng.indices(new Int32Array(3), 4, 10)).toThrow(RangeError);
    expect(() => rng.indices(new Int32Array(3), 3, 0)).toThrow(RangeError);
  });
});
