/** Cross-products of model columns: the centring, and R's aliasing decision without the rows. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/random/rng.ts';
import { addShiftedRow, addShiftedRows, aliasedColumns, crossProducts, shiftedSums } from '../../src/stats/cross-products.ts';
import { findAliasedColumns } from '../../src/stats/design-matrix.ts';

/** Sums of the columns of `rows` (no intercept column; it is implicit), shifted by `shift`. */
function sumsOf(rows: number[][], shift: number[]) {
  const s = shiftedSums(shift);
  for (const r of rows) addShiftedRow(s, r.map((v, j) => v - shift[j]!));
  return s;
}

describe('crossProducts', () => {
  it('gives the means, raw squares and centred cross-products, whatever the shift', () => {
    const rows = [[1, 10], [2, 14], [4, 9], [7, 20]];
    for (const shift of [[0, 0], [3.5, 13], [-100, 1e4]]) {
      const cp = crossProducts(sumsOf(rows, shift));
      expect(cp.n).toBe(4);
      expect(cp.mean[0]).toBeCloseTo(3.5, 10);
      expect(cp.mean[1]).toBeCloseTo(13.25, 10);
      expect(cp.squares[0]).toBeCloseTo(70, 8);
      // R: x <- c(1, 2, 4, 7); y <- c(10, 14, 9, 20); c(sum((x - mean(x))^2), sum((x - mean(x)) * (y - mean(y))))  # 21, 28.5
      expect(cp.centred[0]).toBeCloseTo(21, 8);
      expect(cp.centred[1]).toBeCloseTo(28.5, 8);
      expect(cp.centred[2]).toBeCloseTo(28.5, 8);
    }
  });

  it('adds rows of a flat matrix, all or some, as one by one', () => {
    const d = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const all = shiftedSums([0, 0]);
    addShiftedRows(all, d);
    const some = shiftedSums([0, 0]);
    addShiftedRows(some, d, [2, 0]);
    const one = sumsOf([[5, 6], [1, 2]], [0, 0]);
    expect(Array.from(some.cross)).toEqual(Array.from(one.cross));
    expect(all.n).toBe(3);
    expect(all.sum[1]).toBe(12);
  });
});

describe('aliasedColumns', () => {
  it("finds the columns findAliasedColumns (R's QR rule) finds, on designs with dependencies", () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 40; trial++) {
      const n = 30 + trial;
      const site = Array.from({ length: n }, () => rng.int(0, 3));
      const rows = Array.from({ length: n }, (_, i) => {
        const age = rng.int(18, 65);
        const arm = rng.int(0, 1);
        const dummies = [1, 2, 3].map((l) => (site[i] === l ? 1 : 0));
        const base = [arm, ...dummies, age, 2 * age - 3 * arm];
        // trial-dependent trouble: an all-zero column, a constant, a sum of dummies, a near-copy
        if (trial % 4 === 0) base.push(0);
        if (trial % 4 === 1) base.push(5);
        if (trial % 4 === 2) base.push(dummies[0]! + dummies[1]! + dummies[2]!);
        if (trial % 4 === 3) base.push(age + 1e-3 * rng.normal());
        return base;
      });
      const withIntercept = rows.map((r) => [1, ...r]);
      const k = rows[0]!.length;
      const expected = findAliasedColumns(withIntercept, k + 1).map((j) => j - 1);
      const cp = crossProducts(sumsOf(rows, rows[0]!.map(() => 0)));
      expect(aliasedColumns(cp, Array.from({ length: k }, (_, j) => j))).toEqual(expected);
      // A shift near the means changes nothing.
      const cpShifted = crossProducts(sumsOf(rows, Array.from(cp.mean)));
      expect(aliasedColumns(cpShifted, Array.from({ length: k }, (_, j) => j))).toEqual(expected);
    }
  });

  it('takes the columns in the order given: of a dependent set the later one goes', () => {
    const rows = [[1, 0, 1], [0, 1, 1], [1, 1, 2], [0, 0, 0], [1, 0, 1]];
    const cp = crossProducts(sumsOf(rows, [0, 0, 0]));
    expect(aliasedColumns(cp, [0, 1, 2])).toEqual([2]);
    expect(aliasedColumns(cp, [2, 1, 0])).toEqual([2]);
    expect(aliasedColumns(cp, [2, 0, 1])).toEqual([2]);
    expect(aliasedColumns(crossProducts(shiftedSums([0])), [0])).toEqual([0]);
  });
});
