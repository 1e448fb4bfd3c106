/**
 * Pearson's chi-square test of a two-by-two table, without continuity correction.
 */
import { chiSquareUpperTail } from './chi-square-tail.ts';
import { type TableNote, tableNote } from './two-by-two.ts';

/**
 * Pearson's X² (unitless), its degrees of freedom and two-sided p-value. statistic is null,
 * and p is 1, exactly when note is not null (a zero outcome margin: X² is 0/0 there).
 */
export interface ChiSquareResult {
  statistic: number | null;
  df: 1;
  p: number;
  note: TableNote;
}

/**
 * Pearson's chi-square test of independence for intervention x1/n1 against control x2/n2,
 * no continuity correction, as R's
 * `chisq.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE), correct = FALSE)`
 * (Pearson 1900, Phil Mag 50:157). With cells a, b / c, d, N = n1 + n2 and outcome
 * margins m1 = a + c, m2 = b + d:
 *
 *   X² = N (ad − bc)² / (n1 n2 m1 m2),   p = P(χ²₁ ≥ X²) = erfc(√(X²/2)).
 *
 * The tail is computed with full relative accuracy down to about 1e-300 (see
 * chiSquare1UpperTail). Nobody, or everybody, with the outcome in both arms gives
 * statistic null, p = 1 and the note 'no_events' or 'all_events', where R gives NaN.
 * The approximation needs large expected counts; see associationTest.
 *
 * @example pearsonChiSquare(56, 70, 48, 80) // { statistic: 7.02341…, df: 1, p: 0.0080450…, note: null }
 */
export function pearsonChiSquare(x1: number, n1: number, x2: number, n2: number): ChiSquareResult {
  const note = tableNote(x1, n1, x2, n2, 'pearsonChiSquare');
  if (note !== null) return { statistic: null, df: 1, p: 1, note };
  const a = x1;
  const b = n1 - x1;
  const c = x2;
  const d = n2 - x2;
  const diff = a * d - b * c; // exact in doubles while n1·n2 < 2⁵³
  const statistic = (((n1 + n2) * diff) / (n1 * n2)) * (diff / ((a + c) * (b + d)));
  return { statistic, df: 1, p: chiSquare1UpperTail(statistic), note: null };
}

/**
 * P(χ²₁ ≥ x), as R's `pchisq(x, 1, lower.tail = FALSE)`: the one-degree case of
 * chiSquareUpperTail (src/stats/chi-square-tail.ts).
 */
export function chiSquare1UpperTail(x: number): number {
  if (Number.isNaN(x) || x < 0) throw new RangeError(`chiSquare1UpperTail: x must be ≥ 0, got ${x}`);
  return chiSquareUpperTail(x, 1);
}
