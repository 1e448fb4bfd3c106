/** The ziggurat's normal variates: their distribution, tails included, and their reproducibility. */
import { describe, expect, it } from 'vitest';
import jStat from 'jstat';
import { createRng } from '../../src/random/rng.ts';
import { fillStandardNormals } from '../../src/stats/normal-variates.ts';

const N = 1_000_000;
const z = new Float64Array(N);
fillStandardNormals(createRng(2024), z, 0, N);

describe('fillStandardNormals', () => {
  it('has the moments of N(0, 1) (within 4 Monte-Carlo SE)', () => {
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const v of z) {
      m1 += v;
      m2 += v * v;
      m3 += v ** 3;
      m4 += v ** 4;
    }
    expect(Math.abs(m1 / N)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(m2 / N - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    expect(Math.abs(m3 / N)).toBeLessThan(4 * Math.sqrt(15 / N));
    expect(Math.abs(m4 / N - 3)).toBeLessThan(4 * Math.sqrt(96 / N));
  });

  it("has N(0, 1)'s distribution function (Kolmogorov–Smirnov) and its tails beyond the ziggurat's base (3.44)", () => {
    const sorted = Float64Array.from(z).sort();
    let d = 0;
    for (let i = 0; i < N; i += 97) {
      const F = jStat.normal.cdf(sorted[i]!, 0, 1) as number;
      d = Math.max(d, Math.abs(F - i / N), Math.abs(F - (i + 1) / N));
    }
    // 1.95/√N: the KS critical value at the 0.1 % level.
    expect(d).toBeLessThan(1.95 / Math.sqrt(N));
    for (const [cut, p] of [[1, 0.31731050786291], [2, 0.0455002638963584], [3, 0.00269979606326019], [3.5, 0.00046525815807105], [4, 6.33424836662398e-5]] as const) {
      // R: 2 * pnorm(-cut)
      const share = z.filter((v) => Math.abs(v) > cut).length / N;
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt(p / N) + 1e-6);
    }
    expect(z.filter((v) => v > 3.5).length).toBeGreaterThan(150);
    expect(z.filter((v) => v < -3.5).length).toBeGreaterThan(150);
  });

  it('draws independent consecutive variates, and the same ones from the same stream', () => {
    let lag = 0;
    for (let i = 0; i + 1 < N; i++) lag += z[i]! * z[i + 1]!;
    expect(Math.abs(lag / (N - 1))).toBeLessThan(4 / Math.sqrt(N));
    const a = new Float64Array(10);
    fillStandardNormals(createRng(2024), a, 0, 10);
    expect(Array.from(a)).toEqual(Array.from(z.subarray(0, 10)));
    const b = new Float64Array(12);
    fillStandardNormals(createRng(2025), b, 2, 10);
    expect(b[0]).toBe(0);
    expect(Array.from(b.subarray(2))).not.toEqual(Array.from(a));
  });
});
