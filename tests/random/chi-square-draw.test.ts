/**
 * Chi-square draws: reproducible from the seed, and distributed as chi-square. The
 * distributional checks compare 200 000 draws with the exact moments (mean df, variance
 * 2 df) and with jStat's chi-square CDF (an independent implementation: the regularized
 * lower incomplete gamma function).
 */
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { chiSquareDraw, gammaDraw } from '../../src/random/chi-square-draw.ts';
import { createRng } from '../../src/random/rng.ts';

const N = 200_000;

function draws(seed: number, df: number, n = N): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => chiSquareDraw(rng, df));
}

describe('chiSquareDraw', () => {
  it('gives the same draws for the same seed', () => {
    const a = createRng(20240611);
    const b = createRng(20240611);
    const first = [1, 3.5, 40, 0.3].map((df) => chiSquareDraw(a, df));
    expect([1, 3.5, 40, 0.3].map((df) => chiSquareDraw(b, df))).toEqual(first);
    const c = createRng(20240612);
    expect([1, 3.5, 40, 0.3].map((df) => chiSquareDraw(c, df))).not.toEqual(first);
  });

  it.each([1, 3.5, 40, 0.4])('has mean df and variance 2 df within 4 standard errors (df = %s)', (df) => {
    const x = draws(Math.round(df * 1000), df);
    let mean = 0;
    for (const v of x) mean += v;
    mean /= N;
    let ss = 0;
    for (const v of x) ss += (v - mean) ** 2;
    const variance = ss / (N - 1);
    // Chi-square: variance 2k, fourth central moment 12k(k + 4), so
    // Var(s²) ≈ (μ₄ − σ⁴)/N = (12k(k + 4) − 4k²)/N = 8k(k + 6)/N.
    const seMean = Math.sqrt((2 * df) / N);
    const seVariance = Math.sqrt((8 * df * (df + 6)) / N);
    expect(Math.abs(mean - df)).toBeLessThan(4 * seMean);
    expect(Math.abs(variance - 2 * df)).toBeLessThan(4 * seVariance);
    expect(x.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
  });

  it.each([1, 3.5, 40])("follows jStat's chi-square CDF (df = %s)", (df) => {
    const x = draws(7 + Math.round(df * 10), df).sort();
    // The empirical CDF at fixed quantiles: each proportion is binomial.
    for (const p of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
      const q = jStat.chisquare.inv(p, df) as number;
      let below = 0;
      while (below < N && x[below]! <= q) below++;
      expect(Math.abs(below / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    }
    // Kolmogorov–Smirnov D; 1.95/√N is the 0.1% critical value.
    let d = 0;
    for (let i = 0; i < N; i++) {
      const f = jStat.chisquare.cdf(x[i]!, df) as number;
      d = Math.max(d, Math.abs(f - i / N), Math.abs(f - (i + 1) / N));
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(N));
  });

  it('rejects degrees of freedom that are not a finite number > 0', () => {
    const rng = createRng(1);
    for (const df of [0, -1, NaN, Infinity]) expect(() => chiSquareDraw(rng, df)).toThrow(RangeError);
    expect(() => gammaDraw(rng, 0)).toThrow(RangeError);
  });
});

