/**
 * Rows that agree in every given column, grouped into patterns: the participants a model
 * cannot tell apart. A logistic model fitted to patterns with their counts is the model
 * fitted to the rows (src/stats/logistic-patterns.ts), at the cost of the patterns.
 */
import type { CellValue } from './design-matrix.ts';

/** Each row's pattern, and one row of each pattern. */
export interface RowPatterns {
  /** Pattern of row i (0 … count − 1), or −1 for a row not among those grouped. */
  readonly patternOf: Int32Array;
  /** A row of each pattern: the first in row order (patterns are numbered in that order). */
  readonly first: Int32Array;
  readonly count: number;
}

/** Codes 0, 1, … of a column's distinct values, in order of first appearance (missing values are values too). */
function codes(column: ArrayLike<CellValue>, rows: Int32Array): { code: Int32Array; levels: number } {
  const map = new Map<CellValue, number>();
  const code = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const v = column[rows[r]!];
    // null, undefined, NaN and '' are all "missing" for designMatrix, but they are kept apart here: grouping never merges what differs
    let c = map.get(v);
    if (c === undefined) {
      c = map.size;
      map.set(v, c);
    }
    code[r] = c;
  }
  return { code, levels: map.size };
}

/**
 * Groups rows `rows` (default all) of the columns by their values in all of them (=== per
 * value; NaN equals NaN). Patterns are numbered in order of first appearance, so the result
 * is deterministic. Cost: a pass per column with integer keys.
 *
 * @example rowPatterns([['a', 'b', 'a'], [1, 1, 1]]) // patternOf [0, 1, 0], first [0, 1], count 2
 */
export function rowPatterns(columns: readonly ArrayLike<CellValue>[], rows?: Int32Array): RowPatterns {
  const n = columns[0]?.length ?? 0;
  for (const c of columns) if (c.length !== n) throw new RangeError('rowPatterns: columns differ in length');
  const used = rows ?? Int32Array.from({ length: n }, (_, i) => i);
  let current = new Int32Array(used.length);
  let levels = used.length > 0 ? 1 : 0;
  for (const column of columns) {
    const { code, levels: l } = codes(column, used);
    // combine (pattern so far, this column's code) into a new dense code, numbered in row order
    const next = new Int32Array(used.length);
    const size = levels * l;
    let count = 0;
    if (size <= 4 * used.length + 1024) {
      const table = new Int32Array(size).fill(-1);
      for (let r = 0; r < used.length; r++) {
        const key = current[r]! * l + code[r]!;
        let c = table[key]!;
        if (c < 0) {
          c = count++;
          table[key] = c;
        }
        next[r] = c;
      }
    } else {
      const table = new Map<number, number>();
      for (let r = 0; r < used.length; r++) {
        const key = current[r]! * l + code[r]!;
        let c = table.get(key);
        if (c === undefined) {
          c = count++;
          table.set(key, c);
        }
        next[r] = c;
      }
    }
    current = next;
    levels = count;
  }
  const patternOf = new Int32Array(n).fill(-1);
  const first = new Int32Array(levels).fill(-1);
  for (let r = 0; r < used.length; r++) {
    const i = used[r]!;
    const p = current[r]!;
    patternOf[i] = p;
    if (first[p] === -1) first[p] = i;
  }
  return { patternOf, first, count: levels };
}
