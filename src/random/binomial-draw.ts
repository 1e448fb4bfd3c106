/**
 * Exact binomial random draws, for randomization tests that redraw counts instead of
 * individual allocations.
 */
import type { Rng } from './rng.ts';

/** log(n!) − log(√(2πn) (n/e)ⁿ), Stirling's error (Loader 2000, as R's stirlerr), for whole n ≥ 0. */
export function stirlingError(n: number): number {
  if (n <= 15) {
    let logFactorial = 0;
    for (let k = 2; k <= n; k++) logFactorial += Math.log(k);
    return n === 0 ? 0 : logFactorial - (0.5 * Math.log(2 * Math.PI * n) + n * Math.log(n) - n);
  }
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** x log(x/np) + np − x without cancellation (Loader 2000, as R's bd0). */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / np) + np - x;
}

/**
 * P(X = x) for X ~ Binomial(n, p), by Loader's saddle-point expansion (Loader 2000, "Fast and
 * accurate computation of binomial probabilities"; R's dbinom_raw): relative error near
 * machine precision for any n, with no cancellation of large log-factorials.
 *
 * @example binomialPmf(3, 10, 0.5) // 0.1171875, as R's dbinom(3, 10, 0.5)
 */
export function binomialPmf(x: number, n: number, p: number): number {
  const q = 1 - p;
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) return n === 0 ? 1 : Math.exp(n * Math.log1p(-p));
  if (x === n) return Math.exp(n * Math.log(p));
  if (x < 0 || x > n) return 0;
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  return Math.exp(lc) * Math.sqrt(n / (2 * Math.PI * x * (n - x)));
}

/** Mean below which a draw inverts from 0 (one exp, few steps) rather than from the mode. */
const SMALL_MEAN = 30;

/**
 * One draw from Binomial(n, p) with one uniform, by inversion (exact up to rounding in the
 * probabilities, each from its neighbour by the ratio P(k + 1)/P(k) = (n − k)p / ((k + 1)(1 − p))):
 * with r = min(p, 1 − p) and n·r below 30, searching upwards from 0 (P(0) = (1 − r)ⁿ, about n·r
 * steps; for r = 1 − p the draw is n minus one of Binomial(n, r)); otherwise outwards from the
 * mode m = ⌊(n + 1)p⌋ (down, up, down, …; P(m) by Loader's expansion; about 1.6 standard
 * deviations of steps). n a whole number ≥ 0, 0 ≤ p ≤ 1.
 *
 * @example binomialDraw(createRng(1), 1000, 0.5) // a whole number near 500, the same for every run
 */
export function binomialDraw(rng: Rng, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomialDraw: n must be a whole number ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialDraw: p must lie in [0, 1], got ${p}`);
  return draw(rng, n, p);
}

/** binomialDraw without the checks. */
function draw(rng: Rng, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5 && n * (1 - p) < SMALL_MEAN) return n - fromZero(rng, n, 1 - p);
  if (n * p < SMALL_MEAN) return fromZero(rng, n, p);
  return fromMode(rng, n, p);
}

/** Inversion upwards from 0 (n·p small, p ≤ ½: P(0) = (1 − p)ⁿ ≥ e⁻⁴² does not underflow). */
function fromZero(rng: Rng, n: number, p: number): number {
  const ratio = p / (1 - p);
  let pk = Math.exp(n * Math.log1p(-p));
  let u = rng.uniform();
  let k = 0;
  while (u >= pk) {
    u -= pk;
    if (k === n) return n; // the probabilities summed to just below u (rounding)
    k++;
    pk *= ratio * (n - k + 1) * (k < RECIPROCALS.length ? RECIPROCALS[k]! : 1 / k);
    if (pk === 0) return k - 1;
  }
  return k;
}

/** 1/k for small k: the search multiplies instead of dividing (the same ratio to rounding). */
const RECIPROCALS = Float64Array.from({ length: 256 }, (_, k) => (k === 0 ? 0 : 1 / k));

/** Inversion outwards from the mode. */
function fromMode(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const pMode = binomialPmf(mode, n, p);
  let u = rng.uniform() - pMode;
  if (u < 0) return mode;
  let lo = mode;
  let hi = mode;
  let pLo = pMode;
  let pHi = pMode;
  const up = p / q;
  while (lo > 0 || hi < n) {
    if (lo > 0) {
      pLo *= lo / ((n - lo + 1) * up);
      lo--;
      u -= pLo;
      if (u < 0) return lo;
    }
    if (hi < n) {
      pHi *= ((n - hi) * up) / (hi + 1);
      hi++;
      u -= pHi;
      if (u < 0) return hi;
    }
    if (pLo === 0 && pHi === 0) break; // both tails below the smallest double
  }
  // the probabilities summed to just below u (rounding): the mode is the likeliest value
  return mode;
}

/**
 * A multinomial draw: `draws` balls into cells with probabilities proportional to the whole
 * numbers weights[0 … cells − 1] (the number of participants of each kind in an arm), added
 * to out[0 … cells − 1]. By conditional binomials, cell by cell in index order: cell j gets
 * Binomial(draws left, weights[j] / weight left) (exact; about one uniform per cell instead
 * of one per ball). A bootstrap resample of an arm of n participants with replacement is such
 * a draw with draws = n and the counts of each kind as weights.
 */
export function multinomialDraw(rng: Rng, draws: number, weights: ArrayLike<number>, cells: number, out: Float64Array | Int32Array): void {
  let left = draws;
  let weightLeft = 0;
  for (let j = 0; j < cells; j++) weightLeft += weights[j]!;
  for (let j = 0; j < cells && left > 0; j++) {
    const w = weights[j]!;
    const k = w >= weightLeft ? left : draw(rng, left, w / weightLeft);
    out[j] = out[j]! + k;
    left -= k;
    weightLeft -= w;
  }
}
