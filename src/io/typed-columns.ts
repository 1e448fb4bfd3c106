/**
 * Typed columns for registry-scale tables: arrays that grow while a file streams in, and
 * the row order (by participant, then month or wave) computed on indices, never on arrays
 * of row objects.
 */

type TypedArray = Int8Array | Uint8Array | Int16Array | Int32Array | Float64Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };


/**
 * A column that grows as values are appended. Values go into blocks of fixed size, joined
 * once at the end: growing one array by doubling would allocate (and copy) about twice the
 * final size, and every large allocation outside the JavaScript heap makes V8 run a full
 * garbage collection, which at registry scale costs more than the reading itself.
 */
export interface ColumnBuilder<T extends TypedArray> {
  readonly length: number;
  /** Appends one value (NaN for a missing number in a Float64 column). */
  push(value: number): void;
  /** All values appended, in a new array of exactly that length (owned by the caller). */
  values(): T;
}

const BLOCK = 1 << 16;

// One class per element type, so each push site stores into one kind of array (V8 keeps
// such stores fast only while they see few array kinds).
class Int32Builder implements ColumnBuilder<Int32Array> {
  private readonly full: Int32Array[] = [];
  private block = new Int32Array(BLOCK);
  private at = 0;
  length = 0;
  push(value: number): void {
    if (this.at === BLOCK) {
      this.full.push(this.block);
      this.block = new Int32Array(BLOCK);
      this.at = 0;
    }
    this.block[this.at++] = value;
    this.length++;
  }
  values(): Int32Array {
    return join(new Int32Array(this.length), this.full, this.block, this.at);
  }
}

class Uint8Builder implements ColumnBuilder<Uint8Array> {
  private readonly full: Uint8Array[] = [];
  private block = new Uint8Array(BLOCK);
  private at = 0;
  length = 0;
  push(value: number): void {
    if (this.at === BLOCK) {
      this.full.push(this.block);
      this.block = new Uint8Array(BLOCK);
      this.at = 0;
    }
    this.block[this.at++] = value;
    this.length++;
  }
  values(): Uint8Array {
    return join(new Uint8Array(this.length), this.full, this.block, this.at);
  }
}

class Float64Builder implements ColumnBuilder<Float64Array> {
  private readonly full: Float64Array[] = [];
  private block = new Float64Array(BLOCK);
  private at = 0;
  length = 0;
  push(value: number): void {
    if (this.at === BLOCK) {
      this.full.push(this.block);
      this.block = new Float64Array(BLOCK);
      this.at = 0;
    }
    this.block[this.at++] = value;
    this.length++;
  }
  values(): Float64Array {
    return join(new Float64Array(this.length), this.full, this.block, this.at);
  }
}

function join<T extends TypedArray>(out: T, full: readonly T[], last: T, used: number): T {
  let at = 0;
  for (const b of full) {
    out.set(b as never, at);
    at += b.length;
  }
  out.set(last.subarray(0, used) as never, at);
  return out;
}

/** A growing column of 32-bit integers (participant indices, months, waves, codes). */
export const int32Column = (): ColumnBuilder<Int32Array> => new Int32Builder();
/** A growing column of bytes (0/1 flags). */
export const uint8Column = (): ColumnBuilder<Uint8Array> => new Uint8Builder();
/** A growing column of doubles (amounts and scores, NaN for missing). */
export const float64Column = (): ColumnBuilder<Float64Array> => new Float64Builder();

/**
 * The order of rows sorted by `group` (integers 0 … groups − 1), then by `time` within a
 * group, ties kept in input order. A counting sort on the group, then each group (a few
 * rows: one participant's months or waves) is sorted only if it is not in order already,
 * as deliveries usually are. Returns row indices in sorted order.
 */
export function orderByGroupThenTime(group: ArrayLike<number>, groups: number, time: ArrayLike<number>): Int32Array {
  const n = group.length;
  const start = new Int32Array(groups + 1);
  for (let r = 0; r < n; r++) start[group[r]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[next[group[r]!]!++] = r;
  const byTime = (a: number, b: number) => time[a]! - time[b]! || a - b;
  for (let g = 0; g < groups; g++) {
    const from = start[g]!;
    const to = start[g + 1]!;
    for (let k = from + 1; k < to; k++) {
      if (time[order[k]!]! < time[order[k - 1]!]!) {
        order.subarray(from, to).sort(byTime);
        break;
      }
    }
  }
  return order;
}

/**
 * `values` reordered: out[k] = values[order[k]], as a typed array of the given kind. When
 * nothing moves and `values` is already of that kind, `values` itself is returned.
 */
export function gather<T extends TypedArray>(values: ArrayLike<number>, order: Int32Array, Kind: TypedArrayConstructor<T>): T {
  if (values instanceof Kind && values.length === order.length && isIdentity(order)) return values;
  const out = new Kind(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]!]!;
  return out;
}

const identityChecked = new WeakMap<Int32Array, boolean>();

/** Whether order[k] === k for every k (remembered per order array). */
function isIdentity(order: Int32Array): boolean {
  let known = identityChecked.get(order);
  if (known === undefined) {
    known = true;
    for (let k = 0; k < order.length; k++) {
      if (order[k] !== k) {
        known = false;
        break;
      }
    }
    identityChecked.set(order, known);
  }
  return known;
}
