/**
 * Fisher's exact test of a two-by-two table, two-sided, as R's `fisher.test`.
 */
import { logSumExp } from './log-sum-exp.ts';
import { type TableNote, tableNote } from './two-by-two.ts';

/** R's relative tolerance for "no more likely than the observed table" (fisher.test's relErr). */
const REL_ERR = 1 + 1e-7;

/** Two-sided p-value of Fisher's exact test; p is 1 when note is not null (one possible table). */
export interface FisherExactResult {
  p: number;
  note: TableNote;
}

/**
 * Fisher's exact test for intervention x1/n1 against control x2/n2 (Fisher 1935, J R Stat
 * Soc 98:39), two-sided as R's
 * `fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value`: given all
 * margins, x1 is hypergeometric, P(k) = C(m1, k)·C(N − m1, n1 − k)/C(N, n1) with
 * m1 = x1 + x2 the outcome total and N = n1 + n2, and p sums P(k) over every k with
 * P(k) ≤ P(x1)·(1 + 1e-7) (R's tolerance, so tables equally likely in exact arithmetic
 * count even when rounding separates them).
 *
 * The probabilities are built as logarithms by stepping out from the mode with the ratio
 * P(k + 1)/P(k) = (m1 − k)(n1 − k)/((k + 1)(N − m1 − n1 + k + 1)) and normalized with
 * logSumExp: no factorials, no overflow, cost O(min(n1, m1)), so 40 000 against 40 000 takes
 * a few milliseconds, and p-values far below 1e-300 keep their logarithm until the final
 * exp. A zero outcome margin leaves one possible table: p = 1 with the note.
 *
 * @example fisherExact(6, 7, 2, 7) // { p: 0.1025641…, note: null }
 */
export function fisherExact(x1: number, n1: number, x2: number, n2: number): FisherExactResult {
  const note = tableNote(x1, n1, x2, n2, 'fisherExact');
  if (note !== null) return { p: 1, note };
  const N = n1 + n2;
  const m = x1 + x2; // outcome total ("white balls")
  const n = N - m; // without the outcome
  const k = n1; // drawn
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const w = new Float64Array(hi - lo + 1); // w[i] = log P(lo + i) + constant
  const mode = Math.min(hi, Math.max(lo, Math.floor(((k + 1) * (m + 1)) / (N + 2))));
  for (let j = mode + 1; j <= hi; j++) {
    const i = j - 1; // P(i + 1)/P(i)
    w[j - lo] = w[i - lo]! + Math.log(((m - i) * (k - i)) / ((i + 1) * (n - k + i + 1)));
  }
  for (let j = mode - 1; j >= lo; j--) {
    const i = j + 1; // P(i − 1)/P(i)
    w[j - lo] = w[i - lo]! + Math.log((i * (n - k + i)) / ((m - i + 1) * (k - i + 1)));
  }
  const limit = w[x1 - lo]! + Math.log(REL_ERR);
  const kept: number[] = [];
  for (let i = 0; i < w.length; i++) if (w[i]! <= limit) kept.push(w[i]!);
  return { p: Math.min(1, Math.exp(logSumExp(kept) - logSumExp(w))), note: null };
}
