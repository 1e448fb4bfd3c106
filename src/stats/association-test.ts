/**
 * The test of association for a two-by-two table: Pearson's chi-square when every expected
 * count is at least 5, Fisher's exact test otherwise.
 */
import { pearsonChiSquare } from './chi-square.ts';
import { fisherExact } from './fisher-exact.ts';
import { type TableNote, tableNote } from './two-by-two.ts';

/**
 * The test chosen, its statistic (Pearson's X², unitless; null for Fisher's exact test,
 * which has none), the two-sided p-value, the smallest expected cell count under
 * independence, and the note of a zero outcome margin (then p = 1).
 */
export interface AssociationTestResult {
  method: 'pearson_chi_square' | 'fisher_exact';
  statistic: number | null;
  p: number;
  minExpected: number;
  note: TableNote;
}

/**
 * Tests intervention x1/n1 against control x2/n2 for association. The expected count of a
 * cell is (row total × column total)/N; the smallest is min(n1, n2)·min(m1, m2)/N with
 * m1 = x1 + x2, m2 = N − m1. When it is below 5 (Cochran 1954, Biometrics 10:417) the
 * test is fisherExact, else pearsonChiSquare (no continuity correction). The comparison
 * is made in whole numbers, min(n1, n2)·min(m1, m2) < 5N, so no rounding can flip it.
 * A zero outcome margin has expected counts 0, so Fisher: p = 1 with the note.
 *
 * @example associationTest(6, 7, 2, 7) // { method: 'fisher_exact', statistic: null, p: 0.1025641…, minExpected: 3, note: null }
 */
export function associationTest(x1: number, n1: number, x2: number, n2: number): AssociationTestResult {
  const note = tableNote(x1, n1, x2, n2, 'associationTest');
  const N = n1 + n2;
  const m1 = x1 + x2;
  const smallest = Math.min(n1, n2) * Math.min(m1, N - m1);
  const minExpected = smallest / N;
  if (smallest < 5 * N) {
    return { method: 'fisher_exact', statistic: null, p: fisherExact(x1, n1, x2, n2).p, minExpected, note };
  }
  const { statistic, p } = pearsonChiSquare(x1, n1, x2, n2);
  return { method: 'pearson_chi_square', statistic, p, minExpected, note };
}
