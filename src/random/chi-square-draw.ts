/**
 * Chi-square and gamma variates from the project's seeded generator, so that a draw is
 * reproducible from the seed (Marsaglia & Tsang 2000, "A simple method for generating
 * gamma variables", ACM Transactions on Mathematical Software 26:363–372).
 */
import type { Rng } from './rng.ts';

/**
 * A standard gamma variate (shape `shape` > 0, scale 1; mean = variance = shape).
 * Marsaglia & Tsang's squeeze-and-reject method for shape ≥ 1 (about 1.02 normal draws and
 * one uniform per variate); for shape < 1 their boost Gamma(a) = Gamma(a + 1) · U^(1/a).
 * Consumes a variable number of draws from `rng`.
 *
 * @throws RangeError when shape is not a finite number > 0.
 * @example gammaDraw(createRng(1), 2) // a positive number, the same for every run with seed 1
 */
export function gammaDraw(rng: Rng, shape: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gammaDraw: shape must be a finite number > 0, got ${shape}`);
  if (shape < 1) {
    const g = gammaDraw(rng, shape + 1);
    // 1 − U lies in (0, 1], so the factor is 0 only by underflow (shape far below 1).
    return g * (1 - rng.uniform()) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    // The squeeze accepts about 98% of candidates without a logarithm.
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A chi-square variate with `df` > 0 degrees of freedom (not necessarily an integer; mean
 * df, variance 2 df), as 2 · Gamma(df/2) with gammaDraw. Same role as R's rchisq(1, df),
 * though not the same stream: R uses a different gamma algorithm and generator.
 *
 * @throws RangeError when df is not a finite number > 0.
 * @example chiSquareDraw(createRng(1), 3) // a positive number, the same for every run with seed 1
 */
export function chiSquareDraw(rng: Rng, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`chiSquareDraw: degrees of freedom must be a finite number > 0, got ${df}`);
  return 2 * gammaDraw(rng, df / 2);
}
