/**
 * The binomial probability mass function, as logarithms, for every outcome 0…n at once.
 */
import { logSumExp } from './log-sum-exp.ts';

/**
 * log P(X = k) for k = 0…n, X ~ Binomial(n, p), 0 < p < 1.
 *
 * Method: start at the mode m = ⌊(n + 1)p⌋ with weight log 1 = 0, step outwards with the
 * ratio P(k)/P(k − 1) = (n − k + 1)p / (k(1 − p)), then normalize so the probabilities sum
 * to 1. No factorials or gamma functions, so no cancellation: the relative error of P(k) is
 * a few |k − m| machine epsilons (about 1e-13 for n in the hundreds), and terms far below
 * 1e-308 keep their logarithm. Cost O(n).
 *
 * @example Math.exp(binomialLogPmf(2, 0.5)[1]!) // 0.5, as R's dbinom(1, 2, 0.5)
 */
export function binomialLogPmf(n: number, p: number): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomialLogPmf: n must be a whole number ≥ 0, got ${n}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`binomialLogPmf: p must lie strictly between 0 and 1, got ${p}`);
  const q = 1 - p;
  const w = new Float64Array(n + 1);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  for (let k = mode + 1; k <= n; k++) w[k] = w[k - 1]! + Math.log(((n - k + 1) * p) / (k * q));
  for (let k = mode - 1; k >= 0; k--) w[k] = w[k + 1]! + Math.log(((k + 1) * q) / ((n - k) * p));
  const total = logSumExp(w);
  for (let k = 0; k <= n; k++) w[k] = w[k]! - total;
  return w;
}
