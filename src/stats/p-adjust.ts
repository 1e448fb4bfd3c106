/**
 * Multiplicity corrections of a family of p-values, as R's `p.adjust`: Holm (1979, Scand J
 * Statist 6:65–70), controlling the family-wise error rate, and Benjamini & Hochberg
 * (1995, J R Statist Soc B 57:289–300), controlling the false discovery rate.
 */

/** The corrections the analysis plan may name. */
export type MultiplicityMethod = 'holm' | 'benjamini-hochberg';

/**
 * Adjusted p-values in the input order. Holm: the i-th smallest of m is multiplied by
 * m − i + 1, then made non-decreasing in that order (cumulative maximum). Benjamini–
 * Hochberg: the i-th smallest is multiplied by m / i, then made non-increasing from the
 * largest down (cumulative minimum). Both are capped at 1. Ties keep their input order, as
 * R's `order` does, which gives tied p-values the same adjusted value.
 *
 * @example adjustPValues([0.01, 0.04, 0.03], 'holm') // [0.03, 0.06, 0.06]
 * @example adjustPValues([0.01, 0.04, 0.03], 'benjamini-hochberg') // [0.03, 0.04, 0.04]
 */
export function adjustPValues(p: readonly number[], method: MultiplicityMethod): number[] {
  for (const x of p) if (!(x >= 0 && x <= 1)) throw new RangeError(`adjustPValues: a p-value must lie in [0, 1] (found ${x})`);
  const m = p.length;
  const order = p.map((_, i) => i).sort((i, j) => p[i]! - p[j]! || i - j);
  const adjusted = new Array<number>(m);
  if (method === 'holm') {
    let running = 0;
    order.forEach((i, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * p[i]!));
      adjusted[i] = running;
    });
  } else {
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const i = order[rank]!;
      running = Math.min(running, (m / (rank + 1)) * p[i]!);
      adjusted[i] = Math.min(1, running);
    }
  }
  return adjusted;
}
